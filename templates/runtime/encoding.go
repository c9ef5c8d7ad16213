package pmruntime

import (
	"net/http"
	"strings"
)

// queryPair is one query entry. A bare entry is a key alone ("?debug"),
// which is how Postman sends a parameter whose value is null. A strict
// entry's value came from the caller: it is escaped fully, because unlike a
// value saved in the collection it is never already percent-encoded.
type queryPair struct {
	key, value   string
	bare, strict bool
}

// pushQuery appends p, starting in the request's own array, so that a call
// with a few query entries allocates none for them.
func (r *request) pushQuery(p queryPair) {
	if r.query == nil {
		r.query = r.queryBuf[:0]
	}
	r.query = append(r.query, p)
}

// addQuery adds a query entry whose value the collection saved, sent as
// saved.
func (r *request) addQuery(key, value string) {
	r.pushQuery(queryPair{
		key:   key,
		value: value,
	})
}

// addQueryKey adds a bare key, "?debug": the collection saves its value as
// null.
func (r *request) addQueryKey(key string) {
	r.pushQuery(queryPair{
		bare: true,
		key:  key,
	})
}

// addQueryParam adds the caller's value, or the collection's saved value
// when the caller left it empty.
func (r *request) addQueryParam(key, value, saved string) {
	if value == "" {
		r.addQuery(key, saved)
		return
	}
	r.pushQuery(queryPair{
		key:    key,
		strict: true,
		value:  value,
	})
}

// addQueryList adds one entry per value of a repeated key: the caller's
// values, or the saved ones when the caller gave none.
func (r *request) addQueryList(key string, values []string, saved ...string) {
	if len(values) == 0 {
		for _, v := range saved {
			r.addQuery(key, v)
		}
		return
	}
	for _, v := range values {
		r.addQueryParam(key, v, "")
	}
}

// encodeQuery returns base with the entries appended in order; url.Values
// would sort the keys and turn spaces into '+'. verbatim writes the saved
// keys and values as they are, as Postman does under disableUrlEncoding,
// except for controls, space and non-ASCII bytes, which cannot stand in a
// request line (Node, under newman, refuses to send them at all). The URL is built in one
// buffer sized for the unescaped entries, which is what almost every
// call needs: one allocation for the whole target.
func encodeQuery(base string, pairs []queryPair, verbatim bool) string {
	if len(pairs) == 0 {
		return base
	}
	n := len(base)
	for _, p := range pairs {
		n += len(p.key) + len(p.value) + 2
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(base)
	for i, p := range pairs {
		if i > 0 {
			b.WriteByte('&')
		} else {
			b.WriteByte('?')
		}
		set := queryEscapes
		if verbatim {
			set = ""
		}
		b.WriteString(percentEncode(p.key, set))
		switch {
		case p.bare:
		case p.strict:
			b.WriteByte('=')
			b.WriteString(percentEncode(p.value, queryEscapes+"%+"))
		default:
			b.WriteByte('=')
			b.WriteString(percentEncode(p.value, set))
		}
	}
	return b.String()
}

// escapePath encodes a path as Postman does: only what cannot stand in a
// path as-is, leaving '/' and existing %XX escapes alone.
func escapePath(p string) string {
	return percentEncode(p, pathEscapes)
}

// percentEncode escapes controls, space, non-ASCII bytes and the bytes in
// set. Saved values leave '%' out of set: collections save values already
// encoded, and Postman sends them as saved. Most values need no escaping;
// they are returned as they are, so that a call does not copy them.
func percentEncode(s, set string) string {
	i := 0
	for i < len(s) && !mustEscape(s[i], set) {
		i++
	}
	if i == len(s) {
		return s
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if mustEscape(c, set) {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// mustEscape says whether percentEncode escapes c.
func mustEscape(c byte, set string) bool {
	return c <= byte(0x20) || c >= 127 || strings.IndexByte(set, c) >= 0
}

// keepRawPath makes req send target's path byte for byte. net/url
// re-escapes a path it considers badly encoded ("|", "^"), where Postman
// sends it as written; an opaque URL is sent as given.
func keepRawPath(req *http.Request, target string) {
	_, rest, ok := strings.Cut(target, "://")
	if !ok {
		return
	}
	// The path starts at the first '/' before any query or fragment: in
	// "http://h?q=a/b" the '/' belongs to the query and the path is empty.
	i := strings.IndexAny(rest, "/?#")
	if i < 0 || rest[i] != '/' {
		return
	}
	raw, _, _ := strings.Cut(rest[i:], "?")
	if req.URL.EscapedPath() != raw {
		req.URL.Opaque = "//" + req.URL.Host + raw
	}
}

// parsablePath returns target with each '%' of its path that starts no
// escape written as %25. Postman sends a bare '%' as it is, and Go's URL
// parser refuses it; keepRawPath then puts the path back as written.
func parsablePath(target string) string {
	end := strings.IndexAny(target, "?#")
	if end < 0 {
		end = len(target)
	}
	path := target[:end]
	if !strings.Contains(path, "%") {
		return target
	}
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		b.WriteByte(path[i])
		if path[i] == '%' && !(i+2 < len(path) && ishex(path[i+1]) && ishex(path[i+2])) {
			b.WriteString("25")
		}
	}
	return b.String() + target[end:]
}

func ishex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// queryEscapes are the ASCII bytes Postman percent-encodes in a query
// component, besides controls, space and non-ASCII (postman-url-encoder;
// checked against newman's whatwg-url integration collection).
const queryEscapes = "\"#&'<=>"

// pathEscapes are the ASCII bytes Postman percent-encodes in a path,
// besides controls, space and non-ASCII. pmgen reads it from here to
// escape a path's literal text when it generates the call.
const pathEscapes = "\"#<>?`{}"
