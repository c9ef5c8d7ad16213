package build

import "strings"

// Header names and values come from the collection as text. A CR, LF or
// NUL in them could split the request into two (header injection), and a
// name that is not an HTTP token is refused by net/http at call time, so
// such a header is never emitted: it is dropped with a warning on the
// request or example it belongs to. Dropping, rather than stripping the
// bad bytes, keeps pmgen from inventing a header ("X-EvilInjected: 1")
// that the collection never named.

// splitsRequest reports whether s holds a byte that ends a header line.
func splitsRequest(s string) bool {
	return strings.ContainsAny(s, "\r\n\x00")
}

// validHeaderName reports whether name is an RFC 9110 token, which is all
// net/http will send as a field name.
func validHeaderName(name string) bool {
	if name == "" {
		return false
	}
	for _, c := range []byte(name) {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// validHeaderTemplate reports whether a header name that may hold
// {{var}} references is a token once they are filled: its literal text
// must be token characters. A name that is a reference alone
// ("{{cookieName}}") is decided by the value given at call time, which
// net/http checks.
func validHeaderTemplate(name string) bool {
	if !strings.Contains(name, "{{") {
		return validHeaderName(name)
	}
	if splitsRequest(name) {
		return false
	}
	var lit strings.Builder
	for name != "" {
		start := strings.Index(name, "{{")
		end := strings.Index(name[max(start, 0):], "}}")
		if start < 0 || end < 0 {
			lit.WriteString(name)
			break
		}
		lit.WriteString(name[:start])
		name = name[start+end+2:]
	}
	return lit.Len() == 0 || validHeaderName(lit.String())
}
