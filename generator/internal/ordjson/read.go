package ordjson

// Options choose how Parse reads text beyond the JSON grammar.
type Options struct {
	// Lenient accepts // line comments, /* */ block comments and a
	// trailing comma before ] or }, as Postman's editor does in raw
	// bodies (and strips before sending).
	Lenient bool
	// ReplaceInvalidUTF8 reads bytes that are not UTF-8 inside strings as
	// U+FFFD, as encoding/json does; otherwise they are a syntax error.
	ReplaceInvalidUTF8 bool
}

// MaxDepth bounds nesting, as encoding/json does (same limit), so that
// hostile input cannot exhaust the stack.
const MaxDepth = 10000

// smallObject is the member count up to which duplicate keys are found by
// a linear scan; above it an index map pays for itself.
const smallObject = 16

// Parse reads one JSON value from text. Strings without escapes are
// substrings of text, so the common case copies nothing.
//
// An object with a duplicate key keeps the last value, at the position of
// the key's first occurrence, as encoding/json keeps the last. Invalid
// surrogate escapes (\ud800 alone) read as U+FFFD, as in encoding/json.
//
// extended reports that the text used what only lenient mode accepts (a
// comment or a trailing comma), so that it is not standard JSON as
// written. Errors are *SyntaxError.
func Parse(text string, o Options) (v *Value, extended bool, err error) {
	r := Reader{Options: o}
	return r.Parse(text)
}

// A Reader reads texts one after another with the same options, as Parse
// does, and keeps its working memory between them: the stacks of open
// containers, the buffer strings are unescaped in, and the unused rest
// of its last chunk of values. A caller reading many small bodies saves
// most of what each call would allocate for itself. The zero Reader
// reads strict JSON. It is not safe for concurrent use.
type Reader struct {
	Options
	p parser
}

// Parse reads one JSON value from text; see the package function Parse.
func (r *Reader) Parse(text string) (v *Value, extended bool, err error) {
	p := &r.p
	// A failed read may have left entries on the stacks.
	clear(p.elems)
	clear(p.members)
	p.s, p.pos, p.depth, p.opt, p.extended = text, 0, 0, r.Options, false
	p.elems, p.members = p.elems[:0], p.members[:0]
	defer func() { p.s = "" }() // keep no text alive between calls
	if err := p.skipSpace(); err != nil {
		return nil, false, err
	}
	v, err = p.value()
	if err != nil {
		return nil, false, err
	}
	if err := p.skipSpace(); err != nil {
		return nil, false, err
	}
	if p.pos < len(p.s) {
		return nil, false, p.unexpected("after top-level value")
	}
	return v, p.extended, nil
}

// parser is a recursive-descent reader; pos is the offset of the next
// unread byte.
type parser struct {
	s        string
	pos      int
	depth    int
	opt      Options
	extended bool
	// slab hands out values in chunks, so that a tree costs one
	// allocation per chunk rather than one per value.
	slab []Value
	// elems and members are stacks of the containers being read; each
	// container's children are copied out once, at their final length.
	elems   []*Value
	members []Member
	// buf holds a string being unescaped.
	buf []byte
}

// maxSlab is the largest chunk of values allocated at once.
const maxSlab = 1024

// bytesPerValue estimates the text one value takes, to size chunks: a
// low guess (larger chunks) leaves more unused, a high one allocates more
// often. 64 gave the fewest bytes on the example bodies of the Fastly
// collection, read by one Reader (16: +1.5%, 32: +1.2%) or each by a fresh
// one (16: +54%, doubling from 8: +16%).
const bytesPerValue = 64

func (p *parser) newValue(k Kind, off int) *Value {
	if len(p.slab) == cap(p.slab) {
		// A chunk has room for about as many values as the rest of the
		// text holds, so that a small body does not pay for a large
		// chunk and a large document needs few.
		p.slab = make([]Value, 0, min(max((len(p.s)-p.pos)/bytesPerValue, 4), maxSlab))
	}
	p.slab = p.slab[:len(p.slab)+1]
	v := &p.slab[len(p.slab)-1]
	v.Kind, v.Off = k, off
	return v
}

// value reads one value starting at pos (whitespace already skipped).
func (p *parser) value() (*Value, error) {
	if p.pos >= len(p.s) {
		return nil, p.errorAt(p.pos, "unexpected end of JSON input")
	}
	start := p.pos
	switch c := p.s[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		v := p.newValue(String, start)
		v.Text = s
		return v, nil
	case c == '-' || ('0' <= c && c <= '9'):
		if err := p.number(); err != nil {
			return nil, err
		}
		v := p.newValue(Number, start)
		v.Text = p.s[start:p.pos]
		return v, nil
	case c == 't':
		return p.literal(Bool, "true")
	case c == 'f':
		return p.literal(Bool, "false")
	case c == 'n':
		return p.literal(Null, "null")
	default:
		return nil, p.unexpected("looking for beginning of value")
	}
}

func (p *parser) enter() error {
	p.depth++
	if p.depth > MaxDepth {
		return p.errorAt(p.pos, "exceeded max nesting depth")
	}
	return nil
}

// closing reads the separator after a container's element: it returns
// true at the closing byte, false after a comma.
func (p *parser) closing(close byte, context string) (bool, error) {
	if err := p.skipSpace(); err != nil {
		return false, err
	}
	if p.pos >= len(p.s) {
		return false, p.errorAt(p.pos, "unexpected end of JSON input")
	}
	switch p.s[p.pos] {
	case ',':
		p.pos++
		if err := p.skipSpace(); err != nil {
			return false, err
		}
		if p.pos < len(p.s) && p.s[p.pos] == close {
			if !p.opt.Lenient {
				if close == '}' {
					return false, p.unexpected("looking for beginning of object key string")
				}
				return false, p.unexpected("looking for beginning of value")
			}
			p.extended = true
			p.pos++
			return true, nil
		}
		return false, nil
	case close:
		p.pos++
		return true, nil
	}
	return false, p.unexpected(context)
}

func (p *parser) object() (*Value, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	v := p.newValue(Object, p.pos)
	p.pos++ // {
	base := len(p.members)
	var index map[string]int // built once the object is no longer small
	if err := p.skipSpace(); err != nil {
		return nil, err
	}
	if p.pos < len(p.s) && p.s[p.pos] == '}' {
		p.pos++
		p.depth--
		return v, nil
	}
	for {
		if p.pos >= len(p.s) {
			return nil, p.errorAt(p.pos, "unexpected end of JSON input")
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
		val, err := p.value()
		if err != nil {
			return nil, err
		}
		index = p.addMember(base, index, key, val)
		done, err := p.closing('}', "after object key:value pair")
		if err != nil {
			return nil, err
		}
		if done {
			v.Members = make([]Member, len(p.members)-base)
			copy(v.Members, p.members[base:])
			clear(p.members[base:]) // let the stack drop what it no longer holds
			p.members = p.members[:base]
			p.depth--
			return v, nil
		}
	}
}

// addMember pushes key/val for the object whose members start at base, or
// replaces the value of an earlier occurrence of key (last value wins,
// first position kept).
func (p *parser) addMember(base int, index map[string]int, key string, val *Value) map[string]int {
	obj := p.members[base:]
	if index != nil {
		if i, ok := index[key]; ok {
			obj[i].Value = val
			return index
		}
		index[key] = len(obj)
		p.members = append(p.members, Member{Key: key, Value: val})
		return index
	}
	for i := range obj {
		if obj[i].Key == key {
			obj[i].Value = val
			return nil
		}
	}
	p.members = append(p.members, Member{Key: key, Value: val})
	if obj = p.members[base:]; len(obj) > smallObject {
		index = make(map[string]int, 2*len(obj))
		for i, m := range obj {
			index[m.Key] = i
		}
	}
	return index
}

func (p *parser) array() (*Value, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	v := p.newValue(Array, p.pos)
	p.pos++ // [
	base := len(p.elems)
	if err := p.skipSpace(); err != nil {
		return nil, err
	}
	if p.pos < len(p.s) && p.s[p.pos] == ']' {
		p.pos++
		p.depth--
		return v, nil
	}
	for {
		e, err := p.value()
		if err != nil {
			return nil, err
		}
		p.elems = append(p.elems, e)
		done, err := p.closing(']', "after array element")
		if err != nil {
			return nil, err
		}
		if done {
			v.Elems = make([]*Value, len(p.elems)-base)
			copy(v.Elems, p.elems[base:])
			clear(p.elems[base:])
			p.elems = p.elems[:base]
			p.depth--
			return v, nil
		}
	}
}

// literal checks that word (true, false, null) is at pos and skips it.
func (p *parser) literal(k Kind, word string) (*Value, error) {
	start := p.pos
	for i := 0; i < len(word); i++ {
		if p.pos >= len(p.s) {
			return nil, p.errorAt(p.pos, "unexpected end of JSON input")
		}
		if p.s[p.pos] != word[i] {
			return nil, p.unexpected("in literal " + word)
		}
		p.pos++
	}
	v := p.newValue(k, start)
	if k == Bool {
		v.Text = word
	}
	return v, nil
}

// number reads a number per the JSON grammar.
func (p *parser) number() error {
	if p.s[p.pos] == '-' {
		p.pos++
	}
	if p.pos >= len(p.s) {
		return p.errorAt(p.pos, "unexpected end of JSON input")
	}
	switch c := p.s[p.pos]; {
	case c == '0':
		p.pos++
	case '1' <= c && c <= '9':
		p.digits()
	default:
		return p.unexpected("in numeric literal")
	}
	if p.pos < len(p.s) && p.s[p.pos] == '.' {
		p.pos++
		if err := p.someDigits(); err != nil {
			return err
		}
	}
	if p.pos < len(p.s) && (p.s[p.pos] == 'e' || p.s[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.s) && (p.s[p.pos] == '+' || p.s[p.pos] == '-') {
			p.pos++
		}
		if err := p.someDigits(); err != nil {
			return err
		}
	}
	return nil
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

// skipSpace skips whitespace and, in lenient mode, comments. An
// unterminated block comment and a lone '/' are errors.
func (p *parser) skipSpace() error {
	for p.pos < len(p.s) {
		switch p.s[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		case '/':
			if !p.opt.Lenient {
				return nil // the caller reports the '/' where it stands
			}
			if err := p.comment(); err != nil {
				return err
			}
		default:
			return nil
		}
	}
	return nil
}

// comment skips one comment starting at the '/' at pos.
func (p *parser) comment() error {
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
	p.extended = true
	return nil
}

// Valid reports whether text is one JSON value, exactly as json.Valid
// does: strict, with bytes that are not UTF-8 allowed inside strings.
func Valid(text string) bool {
	_, _, err := Parse(text, Options{ReplaceInvalidUTF8: true})
	return err == nil
}
