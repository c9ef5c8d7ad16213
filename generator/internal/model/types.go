package model

// Kind is the shape of a Go type that pmgen emits.
type Kind int

const (
	// KindAny is a value whose shape the examples do not settle (only
	// nulls, or nothing at all); it becomes json.RawMessage.
	KindAny Kind = iota
	// KindString is string.
	KindString
	// KindInt is int64: every example held a whole number.
	KindInt
	// KindFloat is float64: at least one example held a fraction or exponent.
	KindFloat
	// KindBool is bool.
	KindBool
	// KindRaw is json.RawMessage: the examples disagree on the shape.
	KindRaw
	// KindSlice is []Elem.
	KindSlice
	// KindMap is map[string]Elem, for objects whose keys are data, not names.
	KindMap
	// KindStruct is a reference to the named struct Named.
	KindStruct
	// KindTime is time.Time: every example held an RFC 3339 timestamp
	// that time.Time decodes and encodes again as the same instant and
	// offset (infer's timestamp rule).
	KindTime
	// KindExternal is the type External names: a project file gave it to
	// a field (a predeclared type, or a type of another package).
	KindExternal
)

// TypeRef is a Go type expression.
type TypeRef struct {
	Kind  Kind
	Elem  *TypeRef // KindSlice, KindMap
	Named *Type    // KindStruct
	// External is the type of KindExternal.
	External *GoType
	// Nullable is set when an example held null here; the Go type is then a
	// pointer (or, for slices, maps and raw values, the nil value).
	Nullable bool
}

// Type is a named Go struct type inferred from example JSON.
type Type struct {
	// Name is the Go identifier, unique in the package. Build assigns it.
	Name string
	// Hint holds the words the name was derived from (operation, status,
	// JSON path), so that build can name the type after inference has
	// shared it between several places.
	Hint []string
	// Doc is the Go doc comment text, without comment markers.
	Doc    string
	Fields []*Field
	// Error is set when the type is the body of an error status: it then
	// implements error, with the message Error says.
	Error *ErrorMessage
}

// ErrorMessage is how an error body's Error method words itself.
type ErrorMessage struct {
	// Sources are the string fields that may hold the message, best first,
	// each a path of fields from the type down: a field of a nested struct
	// follows the struct's field. The first that is set is the message.
	Sources [][]*Field
	// Fallback is the message when none is set.
	Fallback string
	// Doc is the method's doc comment text.
	Doc string
}

// Field is a member of a struct type.
type Field struct {
	// JSONName is the key exactly as it appears in the JSON.
	JSONName string
	// Name is the Go field name, unique in its struct.
	Name string
	Type *TypeRef
	// Optional is set when some example lacked the key; the field then gets
	// `omitzero`.
	Optional bool
	// Pointer is set when the field is declared as a pointer to its type:
	// an optional scalar or struct that is not already one because of
	// Nullable, so that a zero value and absence stay apart.
	Pointer bool
}
