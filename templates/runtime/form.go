package pmruntime

import (
	"net/url"
	"strings"
)

// orDefaults is values, or defaults when values is empty: the saved values
// of a repeated form field stand in for an unset one.
func orDefaults(values []string, defaults ...string) []string {
	if len(values) == 0 {
		return defaults
	}
	return values
}

// appendSet appends the pair key=value when value is set: a form field
// that is disabled in the collection is sent only then.
func appendSet(out [][2]string, key, value string) [][2]string {
	if value != "" {
		out = append(out, [2]string{key, value})
	}
	return out
}

// encodeForm writes an application/x-www-form-urlencoded body in the
// fields' order. As in Postman, everything but letters, digits and "-._~" is
// percent-encoded, spaces as %20.
func encodeForm(pairs [][2]string) []byte {
	var b strings.Builder
	for i, p := range pairs {
		if i > 0 {
			b.WriteByte(byte(0x26))
		}
		b.WriteString(strings.ReplaceAll(url.QueryEscape(p[0]), "+", "%20"))
		b.WriteByte(byte(0x3d))
		b.WriteString(strings.ReplaceAll(url.QueryEscape(p[1]), "+", "%20"))
	}
	return []byte(b.String())
}
