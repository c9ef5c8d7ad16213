package build

import (
	"encoding/json"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/infer"
)

// strictJSON writes a parsed value as standard JSON, keeping key order and
// number text. Bodies saved with comments or trailing commas parse in
// infer, but a Go client (and the server) reads only standard JSON, which
// is also what Postman sends once it strips the comments.
func strictJSON(v infer.Value) string {
	var b strings.Builder
	writeJSON(&b, v)
	return b.String()
}

func writeJSON(b *strings.Builder, v infer.Value) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case json.Number:
		b.WriteString(x.String())
	case string:
		data, _ := json.Marshal(x) // a string always encodes
		b.Write(data)
	case []infer.Value:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSON(b, e)
		}
		b.WriteByte(']')
	case infer.Object:
		b.WriteByte('{')
		for i, m := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSON(b, m.Key)
			b.WriteByte(':')
			writeJSON(b, m.Value)
		}
		b.WriteByte('}')
	default:
		b.WriteString("null")
	}
}

// fillBarePlaceholders replaces {{var}} standing where a JSON value belongs
// ("count": {{limit}}) with the variable's saved value when that is itself
// a JSON value, else with null, so that the body parses and can be typed.
// Placeholders inside strings are left alone. lookup returns a variable's
// saved value.
func fillBarePlaceholders(raw string, lookup func(string) (string, bool)) string {
	var b strings.Builder
	inString, escaped := false, false
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' && strings.HasPrefix(raw[i:], "{{"):
			if end := strings.Index(raw[i+2:], "}}"); end >= 0 {
				key := raw[i+2 : i+2+end]
				value := "null"
				if v, ok := lookup(key); ok && json.Valid([]byte(v)) {
					value = v
				}
				b.WriteString(value)
				i += 2 + end + 1
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// stripJSONComments removes // and /* */ comments outside strings as
// Postman's runtime does before it sends a raw JSON body (the npm package
// strip-json-comments, without whitespace): quotes toggle strings unless
// escaped, a line comment ends before its line break (a "\r\n" loses its
// "\r"), and an unterminated comment runs to the end.
func stripJSONComments(s string) string {
	var out strings.Builder
	inString, offset := false, 0
	const none, line, block = 0, 1, 2
	comment := none
	escaped := func(i int) bool {
		n := 0
		for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
			n++
		}
		return n%2 == 1
	}
	pair := func(i int) string {
		if i+1 < len(s) {
			return s[i : i+2]
		}
		return s[i:]
	}
	for i := 0; i < len(s); i++ {
		if comment == none && s[i] == '"' && !escaped(i) {
			inString = !inString
		}
		if inString {
			continue
		}
		switch {
		case comment == none && pair(i) == "//":
			out.WriteString(s[offset:i])
			offset, comment = i, line
			i++
		case comment == line && pair(i) == "\r\n":
			i++
			comment, offset = none, i
		case comment == line && s[i] == '\n':
			comment, offset = none, i
		case comment == none && pair(i) == "/*":
			out.WriteString(s[offset:i])
			offset, comment = i, block
			i++
		case comment == block && pair(i) == "*/":
			i++
			comment, offset = none, i+1
		}
	}
	if comment == none {
		out.WriteString(s[offset:])
	}
	return out.String()
}
