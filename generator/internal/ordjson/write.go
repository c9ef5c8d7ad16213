package ordjson

import "unicode/utf8"

// The one escaping policy: escape what JSON requires and nothing more.
// '"' and '\\' get a backslash; control characters get their short form
// (\b \f \n \r \t) or \u00XX; bytes that are not UTF-8 become \ufffd so
// that the output is always valid JSON. '<', '>', '&' and U+2028/U+2029
// stay as they are: the text goes into Go source and onto the wire, never
// into HTML or a JavaScript source, and unescaped it reads like the
// collection it came from.

// Append appends v to dst as compact JSON (no spaces), keys in order and
// numbers as written. A nil value is null.
func Append(dst []byte, v *Value) []byte {
	if v == nil {
		return append(dst, "null"...)
	}
	switch v.Kind {
	case Bool, Number:
		return append(dst, v.Text...)
	case String:
		return AppendString(dst, v.Text)
	case Array:
		dst = append(dst, '[')
		for i, e := range v.Elems {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = Append(dst, e)
		}
		return append(dst, ']')
	case Object:
		dst = append(dst, '{')
		for i, m := range v.Members {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = AppendString(dst, m.Key)
			dst = append(dst, ':')
			dst = Append(dst, m.Value)
		}
		return append(dst, '}')
	}
	return append(dst, "null"...)
}

// Marshal returns v as compact JSON text.
func Marshal(v *Value) string { return string(Append(nil, v)) }

const hexDigits = "0123456789abcdef"

// AppendString appends s as a JSON string literal.
func AppendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				dst = append(dst, s[start:i]...)
				dst = append(dst, `\ufffd`...)
				i++
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
		dst = append(dst, s[start:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\b':
			dst = append(dst, '\\', 'b')
		case '\f':
			dst = append(dst, '\\', 'f')
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		i++
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// Text renders a value as text where text was expected: a string as
// itself, a number or boolean as its literal, null (or nothing) as "",
// and a list or object as its compact JSON.
func Text(v *Value) string {
	if v == nil {
		return ""
	}
	switch v.Kind {
	case Null:
		return ""
	case String, Number, Bool:
		return v.Text
	}
	return Marshal(v)
}
