package load

import (
	"encoding/json"
	"unicode/utf8"
)

// kind is the JSON type of a node.
type kind uint8

const (
	kNull kind = iota
	kBool
	kNumber
	kString
	kArray
	kObject
)

// String names the kind the way a user would, for messages.
func (k kind) String() string {
	switch k {
	case kNull:
		return "null"
	case kBool:
		return "boolean"
	case kNumber:
		return "number"
	case kString:
		return "string"
	case kArray:
		return "list"
	default:
		return "object"
	}
}

// article names the kind with its indefinite article, for messages.
func (k kind) article() string {
	if k == kObject {
		return "an object"
	}
	return "a " + k.String()
}

// node is one value of a generic JSON tree. We decode into our own tree
// rather than map[string]any because object key order matters (v2.0 auth
// maps become ordered parameter lists) and because every value keeps the
// byte offset it started at, so diagnostics can give a line and column.
type node struct {
	kind kind
	// s is the unescaped text of a string, the literal of a number, or
	// "true"/"false".
	s   string
	arr []*node
	obj []member
	// off is the byte offset of the value's first byte in the input; -1 for
	// nodes the normaliser made up.
	off int
}

type member struct {
	key string
	val *node
}

// get returns the value of key in an object node, or nil when n is nil, not
// an object, or has no such key. Duplicate keys were merged by the parser
// (last wins, as in encoding/json).
func (n *node) get(key string) *node {
	if n == nil || n.kind != kObject {
		return nil
	}
	for i := range n.obj {
		if n.obj[i].key == key {
			return n.obj[i].val
		}
	}
	return nil
}

// has reports whether key is present with a non-null value.
func (n *node) has(key string) bool {
	v := n.get(key)
	return v != nil && v.kind != kNull
}

// isNull reports whether n is missing or JSON null.
func (n *node) isNull() bool { return n == nil || n.kind == kNull }

// treeParser builds a tree from input that encoding/json has already
// validated, so it only has to find boundaries, never report syntax errors.
// It still checks bounds everywhere: a bug here must not become a panic.
type treeParser struct {
	data []byte
	i    int
}

// parseTree decodes valid JSON into a tree. Callers validate first.
func parseTree(data []byte) *node {
	p := &treeParser{data: data}
	return p.value()
}

func (p *treeParser) ws() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\r', '\n':
			p.i++
		default:
			return
		}
	}
}

func (p *treeParser) value() *node {
	p.ws()
	if p.i >= len(p.data) {
		return &node{kind: kNull, off: p.i}
	}
	start := p.i
	switch p.data[p.i] {
	case '{':
		return p.object()
	case '[':
		return p.array()
	case '"':
		return &node{kind: kString, s: p.str(), off: start}
	case 't':
		p.i += 4
		return &node{kind: kBool, s: "true", off: start}
	case 'f':
		p.i += 5
		return &node{kind: kBool, s: "false", off: start}
	case 'n':
		p.i += 4
		return &node{kind: kNull, off: start}
	default:
		for p.i < len(p.data) && isNumberByte(p.data[p.i]) {
			p.i++
		}
		return &node{kind: kNumber, s: string(p.data[start:p.i]), off: start}
	}
}

func isNumberByte(c byte) bool {
	return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}

func (p *treeParser) object() *node {
	n := &node{kind: kObject, off: p.i}
	p.i++ // {
	// index is built only for large objects, to keep merging duplicates linear.
	var index map[string]int
	for {
		p.ws()
		if p.i >= len(p.data) || p.data[p.i] == '}' {
			p.i++
			return n
		}
		if p.data[p.i] == ',' {
			p.i++
			continue
		}
		key := p.str()
		p.ws()
		p.i++ // :
		val := p.value()
		// Duplicate keys: the last one wins, like encoding/json, so that the
		// library and our tree agree.
		if index == nil && len(n.obj) >= 16 {
			index = make(map[string]int, 32)
			for j, m := range n.obj {
				index[m.key] = j
			}
		}
		dup := -1
		if index != nil {
			if j, ok := index[key]; ok {
				dup = j
			}
		} else {
			for j := range n.obj {
				if n.obj[j].key == key {
					dup = j
					break
				}
			}
		}
		if dup >= 0 {
			n.obj[dup].val = val
			continue
		}
		if index != nil {
			index[key] = len(n.obj)
		}
		n.obj = append(n.obj, member{key: key, val: val})
	}
}

func (p *treeParser) array() *node {
	n := &node{kind: kArray, off: p.i}
	p.i++ // [
	for {
		p.ws()
		if p.i >= len(p.data) || p.data[p.i] == ']' {
			p.i++
			return n
		}
		if p.data[p.i] == ',' {
			p.i++
			continue
		}
		n.arr = append(n.arr, p.value())
	}
}

// str reads a string literal starting at the opening quote. The common case
// (no escapes, valid UTF-8) is a plain slice; anything else goes through
// encoding/json so that escapes and invalid bytes are handled exactly as the
// standard library does.
func (p *treeParser) str() string {
	if p.i >= len(p.data) || p.data[p.i] != '"' {
		return ""
	}
	start := p.i
	p.i++
	escaped, high := false, false
	for p.i < len(p.data) {
		c := p.data[p.i]
		if c == '"' {
			break
		}
		if c == '\\' {
			escaped = true
			p.i += 2
			continue
		}
		if c >= utf8.RuneSelf {
			high = true
		}
		p.i++
	}
	end := min(p.i, len(p.data))
	p.i = end + 1
	if !escaped && (!high || utf8.Valid(p.data[start+1:end])) {
		return string(p.data[start+1 : end])
	}
	if end < len(p.data) {
		var s string
		if json.Unmarshal(p.data[start:end+1], &s) == nil {
			return s
		}
	}
	return string(p.data[start+1 : end])
}
