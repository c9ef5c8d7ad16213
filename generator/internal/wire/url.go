// Package wire is the request on the wire: how a generated client sends
// each parameter, and what it sends when the generated tests call it (the
// path, query, headers and body each test row expects, rendered from the
// model with the tests' settings).
package wire

import (
	"net/url"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// The ASCII bytes Postman percent-encodes in a query component and in a
// path, besides controls, space and non-ASCII (postman-url-encoder; see
// newman's whatwg-url integration collection). The generated client's
// encoder is written separately from this one, so the generated tests
// compare two implementations.
const (
	queryEscapes = "\"#&'<=>"
	pathEscapes  = "\"#<>?`{}"
)

// percentEncode escapes controls, space, non-ASCII and the bytes in set,
// leaving '%' alone as Postman does.
func percentEncode(s, set string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c <= ' ' || c >= 0x7f || strings.IndexByte(set, c) >= 0 {
			b.WriteString("%" + strings.ToUpper(hexByte(c)))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func hexByte(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

// Path is the path a request goes out with, given the test values. A
// value made afresh on every call is DynamicMarker: percentEncode works
// byte by byte, so encoding the pieces around it one by one gives what
// encoding the whole would.
func Path(t model.Template) string {
	var s strings.Builder
	for _, p := range t {
		switch p.Kind {
		case model.PartPathArg:
			s.WriteString(url.PathEscape(p.Arg.TestValue))
		case model.PartDynamic:
			s.WriteString(model.DynamicMarker)
		default:
			s.WriteString(percentEncode(Render(model.Template{p}), pathEscapes))
		}
	}
	path := s.String()
	if !strings.HasPrefix(path, "/") {
		// An empty path goes out as "/", as in every HTTP client.
		path = "/" + path
	}
	return path
}

// Query is the query string a request goes out with by default.
func Query(entries []*model.Param) string {
	var parts []string
	add := func(key string, value model.Template, bare bool) {
		part := percentEncode(key, queryEscapes)
		switch {
		case bare:
		case HasDynamic(value):
			part += "=" + model.DynamicMarker
		default:
			part += "=" + percentEncode(Render(value), queryEscapes)
		}
		parts = append(parts, part)
	}
	for _, p := range entries {
		if p.In != model.InQuery || !p.Enabled {
			continue
		}
		key := p.Key
		if p.Verbatim {
			key = Render(p.KeyTemplate)
		}
		switch {
		case p.Repeated:
			for _, d := range p.Defaults {
				add(key, d, false)
			}
		default:
			add(key, p.Default, p.NoValue)
		}
	}
	return strings.Join(parts, "&")
}
