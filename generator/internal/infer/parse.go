package infer

import (
	"encoding/json"
)

// Value is a parsed JSON value. It holds one of:
//
//	nil          JSON null
//	bool         true, false
//	string       a string, escapes decoded
//	json.Number  a number, its text exactly as written
//	[]Value      an array
//	Object       an object, keys in document order
//
// Infer also accepts what encoding/json produces when decoding into any
// (float64, map[string]any, []any) and Go integers, so that callers holding
// such values need not convert them; everything else is treated as an
// unknown shape (json.RawMessage).
type Value = any

// Object is a JSON object with its key order kept: generated structs list
// their fields in the order the API writes them.
type Object []Member

// Member is one key/value pair of an Object.
type Member struct {
	Key   string
	Value Value
}

// Get returns the value of key and whether the object has it.
func (o Object) Get(key string) (Value, bool) {
	for _, m := range o {
		if m.Key == key {
			return m.Value, true
		}
	}
	return nil, false
}

// maxParseDepth bounds the nesting that Parse accepts, as encoding/json
// does (same limit), so that hostile input cannot exhaust the stack.
const maxParseDepth = 10000

// smallObject is the member count below which duplicate keys are found by
// a linear scan; above it an index map pays for itself.
const smallObject = 16

// Parse decodes example JSON text for inference. Numbers are kept as
// json.Number, so int versus float is decided from the text ("1" is an int,
// "1.0" and "1e3" are floats). Object key order is kept (Object).
//
// Beyond strict JSON it accepts what real collections contain: // line
// comments, /* */ block comments and trailing commas in arrays and objects.
// Anything else that is invalid, including invalid UTF-8 and nesting deeper
// than 10000, is a *SyntaxError carrying the byte offset, line and column.
//
// An object with a duplicate key keeps the last value, as encoding/json
// does, at the position of the key's first occurrence. Invalid surrogate
// escapes (\ud800 alone) decode to U+FFFD, as in encoding/json.
func Parse(text string) (Value, error) {
	p := parser{s: text}
	if err := p.skipSpace(); err != nil {
		return nil, err
	}
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	if err := p.skipSpace(); err != nil {
		return nil, err
	}
	if p.pos < len(p.s) {
		return nil, p.unexpected("after top-level value")
	}
	return v, nil
}

// parser is a recursive-descent reader over the text; pos is the offset
// of the next unread byte.
type parser struct {
	s     string
	pos   int
	depth int
}

// value reads one value starting at pos (whitespace already skipped).
func (p *parser) value() (Value, error) {
	if p.pos >= len(p.s) {
		return nil, p.errorAt(p.pos, "unexpected end of JSON input")
	}
	switch c := p.s[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		return p.str()
	case c == '-' || ('0' <= c && c <= '9'):
		return p.number()
	case c == 't':
		return true, p.literal("true")
	case c == 'f':
		return false, p.literal("false")
	case c == 'n':
		return nil, p.literal("null")
	default:
		return nil, p.unexpected("looking for beginning of value")
	}
}

func (p *parser) enter() error {
	p.depth++
	if p.depth > maxParseDepth {
		return p.errorAt(p.pos, "exceeded max nesting depth")
	}
	return nil
}

func (p *parser) object() (Value, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	p.pos++ // {
	obj := Object{}
	var index map[string]int // built once the object is no longer small
	for {
		if err := p.skipSpace(); err != nil {
			return nil, err
		}
		if p.pos >= len(p.s) {
			return nil, p.errorAt(p.pos, "unexpected end of JSON input")
		}
		// A '}' here closes an empty object or follows a trailing comma.
		if p.s[p.pos] == '}' {
			p.pos++
			p.depth--
			return obj, nil
		}
		if p.s[p.pos] != '"' {
			return nil, p.unexpected("looking for beginning of object key string")
		}
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		if err := p.skipSpace(); err != nil {
			return nil, err
		}
		if p.pos >= len(p.s) {
			return nil, p.errorAt(p.pos, "unexpected end of JSON input")
		}
		if p.s[p.pos] != ':' {
			return nil, p.unexpected("after object key")
		}
		p.pos++
		if err := p.skipSpace(); err != nil {
			return nil, err
		}
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		obj, index = addMember(obj, index, key, v)
		if err := p.skipSpace(); err != nil {
			return nil, err
		}
		if p.pos >= len(p.s) {
			return nil, p.errorAt(p.pos, "unexpected end of JSON input")
		}
		switch p.s[p.pos] {
		case ',':
			p.pos++
		case '}':
			p.pos++
			p.depth--
			return obj, nil
		default:
			return nil, p.unexpected("after object key:value pair")
		}
	}
}

// addMember appends key/v to obj, or replaces the value of an earlier
// occurrence of key (last value wins, first position kept).
func addMember(obj Object, index map[string]int, key string, v Value) (Object, map[string]int) {
	if index != nil {
		if i, ok := index[key]; ok {
			obj[i].Value = v
			return obj, index
		}
		index[key] = len(obj)
		return append(obj, Member{Key: key, Value: v}), index
	}
	for i := range obj {
		if obj[i].Key == key {
			obj[i].Value = v
			return obj, nil
		}
	}
	obj = append(obj, Member{Key: key, Value: v})
	if len(obj) > smallObject {
		index = make(map[string]int, 2*len(obj))
		for i, m := range obj {
			index[m.Key] = i
		}
	}
	return obj, index
}

func (p *parser) array() (Value, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	p.pos++ // [
	arr := []Value{}
	for {
		if err := p.skipSpace(); err != nil {
			return nil, err
		}
		if p.pos >= len(p.s) {
			return nil, p.errorAt(p.pos, "unexpected end of JSON input")
		}
		// A ']' here closes an empty array or follows a trailing comma.
		if p.s[p.pos] == ']' {
			p.pos++
			p.depth--
			return arr, nil
		}
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		arr = append(arr, v)
		if err := p.skipSpace(); err != nil {
			return nil, err
		}
		if p.pos >= len(p.s) {
			return nil, p.errorAt(p.pos, "unexpected end of JSON input")
		}
		switch p.s[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			p.depth--
			return arr, nil
		default:
			return nil, p.unexpected("after array element")
		}
	}
}

// literal checks that word (true, false, null) is at pos and skips it.
func (p *parser) literal(word string) error {
	for i := 0; i < len(word); i++ {
		if p.pos >= len(p.s) {
			return p.errorAt(p.pos, "unexpected end of JSON input")
		}
		if p.s[p.pos] != word[i] {
			return p.unexpected("in literal " + word)
		}
		p.pos++
	}
	return nil
}

// number reads a number per the JSON grammar and keeps its text.
func (p *parser) number() (Value, error) {
	start := p.pos
	if p.s[p.pos] == '-' {
		p.pos++
	}
	if p.pos >= len(p.s) {
		return nil, p.errorAt(p.pos, "unexpected end of JSON input")
	}
	switch c := p.s[p.pos]; {
	case c == '0':
		p.pos++
	case '1' <= c && c <= '9':
		p.digits()
	default:
		return nil, p.unexpected("in numeric literal")
	}
	if p.pos < len(p.s) && p.s[p.pos] == '.' {
		p.pos++
		if err := p.someDigits(); err != nil {
			return nil, err
		}
	}
	if p.pos < len(p.s) && (p.s[p.pos] == 'e' || p.s[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.s) && (p.s[p.pos] == '+' || p.s[p.pos] == '-') {
			p.pos++
		}
		if err := p.someDigits(); err != nil {
			return nil, err
		}
	}
	return json.Number(p.s[start:p.pos]), nil
}

func (p *parser) digits() {
	for p.pos < len(p.s) && '0' <= p.s[p.pos] && p.s[p.pos] <= '9' {
		p.pos++
	}
}

// someDigits reads one or more digits (after '.' or an exponent sign).
func (p *parser) someDigits() error {
	if p.pos >= len(p.s) {
		return p.errorAt(p.pos, "unexpected end of JSON input")
	}
	if c := p.s[p.pos]; c < '0' || c > '9' {
		return p.unexpected("in numeric literal")
	}
	p.digits()
	return nil
}

// skipSpace skips whitespace and comments. An unterminated block comment
// and a lone '/' are errors.
func (p *parser) skipSpace() error {
	for p.pos < len(p.s) {
		switch p.s[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		case '/':
			if p.pos+1 >= len(p.s) {
				return p.errorAt(p.pos+1, "unexpected end of JSON input in comment")
			}
			switch p.s[p.pos+1] {
			case '/':
				p.pos += 2
				for p.pos < len(p.s) && p.s[p.pos] != '\n' {
					p.pos++
				}
			case '*':
				start := p.pos
				p.pos += 2
				for {
					if p.pos+1 >= len(p.s) {
						return p.errorAt(start, "unterminated /* comment")
					}
					if p.s[p.pos] == '*' && p.s[p.pos+1] == '/' {
						p.pos += 2
						break
					}
					p.pos++
				}
			default:
				p.pos++
				return p.unexpected("after '/' (comments are // or /*)")
			}
		default:
			return nil
		}
	}
	return nil
}
