package load

import (
	"bytes"
	"unicode/utf8"
)

// writeJSON appends n as compact JSON. It serialises the normalised tree for
// the library, and renders object or list values that the collection gave
// where text was expected (a graphql variables object, an auth parameter
// list) as their JSON text.
func writeJSON(b *bytes.Buffer, n *node) {
	if n == nil {
		b.WriteString("null")
		return
	}
	switch n.kind {
	case kNull:
		b.WriteString("null")
	case kBool, kNumber:
		b.WriteString(n.s)
	case kString:
		writeString(b, n.s)
	case kArray:
		b.WriteByte('[')
		for i, v := range n.arr {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSON(b, v)
		}
		b.WriteByte(']')
	case kObject:
		b.WriteByte('{')
		for i, m := range n.obj {
			if i > 0 {
				b.WriteByte(',')
			}
			writeString(b, m.key)
			b.WriteByte(':')
			writeJSON(b, m.val)
		}
		b.WriteByte('}')
	}
}

const hexDigits = "0123456789abcdef"

// writeString writes s as a JSON string literal. Strings in the tree come
// from encoding/json, so they are valid UTF-8; invalid bytes are still
// replaced rather than copied, to keep the output valid JSON regardless.
func writeString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b.WriteString(s[start:i])
				b.WriteString(`\ufffd`)
				i += size
				start = i
				continue
			}
			i += size
			continue
		}
		if c >= 0x20 && c != '"' && c != '\\' {
			i++
			continue
		}
		b.WriteString(s[start:i])
		switch c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteString(`\u00`)
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&0xf])
		}
		i++
		start = i
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

// jsonText renders a node as text: strings as themselves, numbers and
// booleans as their literal, null as "", lists and objects as compact JSON.
func jsonText(n *node) string {
	if n == nil {
		return ""
	}
	switch n.kind {
	case kNull:
		return ""
	case kString, kNumber, kBool:
		return n.s
	default:
		var b bytes.Buffer
		writeJSON(&b, n)
		return b.String()
	}
}
