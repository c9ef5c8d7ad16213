package ordjson

import (
	"unicode/utf16"
	"unicode/utf8"
)

// str reads a string starting at the opening quote. Strings without
// escapes are substrings of the input: the common case costs nothing.
func (p *parser) str() (string, error) {
	start := p.pos + 1
	i := start
	for i < len(p.s) {
		c := p.s[i]
		switch {
		case c == '"':
			p.pos = i + 1
			return p.s[start:i], nil
		case c == '\\':
			return p.strSlow(start, i)
		case c < 0x20:
			p.pos = i
			return "", p.unexpected("in string literal")
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRuneInString(p.s[i:])
			if r == utf8.RuneError && size == 1 {
				if p.opt.ReplaceInvalidUTF8 {
					return p.strSlow(start, i)
				}
				return "", p.errorAt(i, "invalid UTF-8 in string literal")
			}
			i += size
		}
	}
	return "", p.errorAt(len(p.s), "unexpected end of JSON input in string literal")
}

// strSlow decodes a string that has escapes or invalid UTF-8; s[start:i]
// is already known to be plain text.
func (p *parser) strSlow(start, i int) (string, error) {
	buf := append(p.buf[:0], p.s[start:i]...)
	defer func() { p.buf = buf[:0] }()
	for i < len(p.s) {
		c := p.s[i]
		switch {
		case c == '"':
			p.pos = i + 1
			return string(buf), nil
		case c == '\\':
			if i+1 >= len(p.s) {
				return "", p.errorAt(len(p.s), "unexpected end of JSON input in string literal")
			}
			esc := p.s[i+1]
			switch esc {
			case '"', '\\', '/':
				buf = append(buf, esc)
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				r, ok := hex4(p.s, i+2)
				if !ok {
					p.pos = i + 1
					return "", p.errorAt(i+1, "invalid \\u escape in string literal")
				}
				i += 6
				if utf16.IsSurrogate(r) {
					// A valid pair is one rune; anything else becomes U+FFFD
					// and the following escape is read on its own, as
					// encoding/json does.
					if i+1 < len(p.s) && p.s[i] == '\\' && p.s[i+1] == 'u' {
						if r2, ok := hex4(p.s, i+2); ok {
							if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
								buf = utf8.AppendRune(buf, dec)
								i += 6
								continue
							}
						}
					}
					r = utf8.RuneError
				}
				buf = utf8.AppendRune(buf, r)
				continue
			default:
				p.pos = i + 1
				return "", p.unexpected("in string escape code")
			}
			i += 2
		case c < 0x20:
			p.pos = i
			return "", p.unexpected("in string literal")
		case c < utf8.RuneSelf:
			buf = append(buf, c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(p.s[i:])
			if r == utf8.RuneError && size == 1 {
				if !p.opt.ReplaceInvalidUTF8 {
					return "", p.errorAt(i, "invalid UTF-8 in string literal")
				}
				buf = utf8.AppendRune(buf, utf8.RuneError)
				i++
				continue
			}
			buf = append(buf, p.s[i:i+size]...)
			i += size
		}
	}
	return "", p.errorAt(len(p.s), "unexpected end of JSON input in string literal")
}

// hex4 reads four hex digits at s[i:].
func hex4(s string, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for j := i; j < i+4; j++ {
		c := s[j]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
