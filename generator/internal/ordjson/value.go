// Package ordjson reads and writes JSON as a tree that keeps what
// encoding/json throws away and pmgen needs: the order of object keys
// (generated structs list fields in the order the API writes them, v2.0
// auth maps become ordered parameter lists), the exact text of numbers
// (int versus float is decided from it), and the byte offset of every
// value (diagnostics give a line and column).
//
// One reader serves the collection file (strict JSON) and the raw bodies
// saved in it (lenient: comments and trailing commas, as Postman's editor
// accepts them); one writer, with one escaping policy, serves the
// canonical collection, the bodies rewritten as standard JSON and the
// literals of translated test scripts.
package ordjson

// Kind is the JSON type of a value.
type Kind uint8

const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

// String names the kind the way a user would, for messages.
func (k Kind) String() string {
	switch k {
	case Null:
		return "null"
	case Bool:
		return "boolean"
	case Number:
		return "number"
	case String:
		return "string"
	case Array:
		return "list"
	default:
		return "object"
	}
}

// Article names the kind with its indefinite article, for messages.
func (k Kind) Article() string {
	if k == Object {
		return "an object"
	}
	return "a " + k.String()
}

// Value is one JSON value.
type Value struct {
	Kind Kind
	// Text is the unescaped text of a string, the literal of a number as
	// written, or "true"/"false".
	Text    string
	Elems   []*Value // an array's elements
	Members []Member // an object's members, in document order, keys unique
	// Off is the byte offset of the value's first byte in the text it was
	// read from; -1 for a value made up by a program.
	Off int
}

// Member is one key/value pair of an object.
type Member struct {
	Key   string
	Value *Value
}

// Get returns the value of key in an object, or nil when v is nil, not an
// object, or has no such key.
func (v *Value) Get(key string) *Value {
	if v == nil || v.Kind != Object {
		return nil
	}
	for i := range v.Members {
		if v.Members[i].Key == key {
			return v.Members[i].Value
		}
	}
	return nil
}

// Has reports whether key is present with a non-null value.
func (v *Value) Has(key string) bool {
	return !v.Get(key).IsNull()
}

// IsNull reports whether v is missing (nil) or JSON null.
func (v *Value) IsNull() bool { return v == nil || v.Kind == Null }

// KindOf is v's kind, Null for a missing value.
func KindOf(v *Value) Kind {
	if v == nil {
		return Null
	}
	return v.Kind
}

// Constructors for values a program makes up: they carry no offset, so
// that positions always point at real input.

// NewString returns a string value.
func NewString(s string) *Value { return &Value{Kind: String, Text: s, Off: -1} }

// NewBool returns true or false.
func NewBool(b bool) *Value {
	if b {
		return &Value{Kind: Bool, Text: "true", Off: -1}
	}
	return &Value{Kind: Bool, Text: "false", Off: -1}
}

// NewNumber returns a number with the literal text (which must follow the
// JSON grammar).
func NewNumber(text string) *Value { return &Value{Kind: Number, Text: text, Off: -1} }

// NewNull returns JSON null.
func NewNull() *Value { return &Value{Kind: Null, Off: -1} }

// Set appends a member. It does not look for an earlier one with the same
// key: it is meant for objects a program builds key by key.
func (v *Value) Set(key string, val *Value) {
	v.Members = append(v.Members, Member{Key: key, Value: val})
}
