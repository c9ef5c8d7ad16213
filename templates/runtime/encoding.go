package pmruntime

import (
	"net/http"
	"slices"
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

// fieldUse is how the caller gave one field of a Params struct.
type fieldUse uint8

const (
	// useSaved: the field holds its zero value and is named in neither
	// list, so the collection's saved value is sent (nothing for a
	// parameter the collection disables).
	useSaved fieldUse = iota
	// useValue: the field is set, or named in ForceSend: its value is
	// sent, even when it is "", 0 or false.
	useValue
	// useOmit: the field is named in Omit: the parameter is not sent.
	useOmit
)

// paramUse says how to send the Params field name: set reports whether it
// holds a value other than its zero value; force and omit are the struct's
// ForceSend and Omit lists. Omit wins over both.
func paramUse(name string, set bool, force, omit []string) fieldUse {
	switch {
	case slices.Contains(omit, name):
		return useOmit
	case set || slices.Contains(force, name):
		return useValue
	}
	return useSaved
}

// pushStrict adds the caller's value. It is escaped fully, because unlike
// a value saved in the collection it is never already percent-encoded.
func (r *request) pushStrict(key, value string) {
	r.pushQuery(queryPair{
		key:    key,
		strict: true,
		value:  value,
	})
}

// queryParam adds a query parameter as use says: the caller's value, or
// the saved values (none for a parameter the collection disables, one
// otherwise), or nothing.
func (r *request) queryParam(key, value string, use fieldUse, saved ...string) {
	switch use {
	case useValue:
		r.pushStrict(key, value)
	case useSaved:
		for _, v := range saved {
			r.addQuery(key, v)
		}
	}
}

// queryFlag adds a query parameter that the collection saves with a null
// value: the bare key ("?debug") unless the caller gives a value.
func (r *request) queryFlag(key, value string, use fieldUse) {
	switch use {
	case useValue:
		r.pushStrict(key, value)
	case useSaved:
		r.addQueryKey(key)
	}
}

// queryList adds one entry per value of a repeated key: the caller's
// values, or the saved ones.
func (r *request) queryList(key string, values []string, use fieldUse, saved ...string) {
	switch use {
	case useValue:
		for _, v := range values {
			r.pushStrict(key, v)
		}
	case useSaved:
		for _, v := range saved {
			r.addQuery(key, v)
		}
	}
}

// headerParam adds a header parameter as use says: the caller's value, or
// the saved one (none for a header the collection disables), or nothing.
func (r *request) headerParam(key, value string, use fieldUse, saved ...string) {
	switch use {
	case useValue:
		r.addHeader(key, value)
	case useSaved:
		for _, v := range saved {
			r.addHeader(key, v)
		}
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
