package load

import (
	"strings"

	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

// url normalises a request URL to the object form
// {raw, protocol, host[], port, path[], query[], hash, variable[]}.
//
// A string URL is split into parts here: the library would keep it as raw
// text with its JSON escapes still in (it slices the input bytes), and build
// needs the query and path anyway. An object keeps its parts; its raw is
// rebuilt from them when missing, and its parts are filled from raw when
// it has none.
func (z *normaliser) url(n *ordjson.Value, path []string) *ordjson.Value {
	out := newObject(n)
	switch {
	case n.IsNull():
		out.Set("raw", ordjson.NewString(""))
		return out
	case n.Kind == ordjson.String:
		u := splitRawURL(n.Text)
		out.Set("raw", ordjson.NewString(n.Text))
		setParts(out, u, nil)
		return out
	case n.Kind != ordjson.Object:
		z.errorf(n, path, codeInvalidURL, "the URL is %s, expected a string or an object", n.Kind.Article())
		return nil
	}

	raw := z.scalar(n.Get("raw"), path, codeInvalidURL, "url.raw")
	var u urlParts
	// Some exports write "https:" or "https://" as the protocol.
	u.protocol = strings.TrimSuffix(strings.TrimSuffix(z.scalar(n.Get("protocol"), path, codeInvalidURL, "url.protocol"), "://"), ":")
	u.port = z.scalar(n.Get("port"), path, codeInvalidURL, "url.port")
	u.hash = z.scalar(n.Get("hash"), path, codeInvalidURL, "url.hash")
	u.host = z.segments(n.Get("host"), path, '.', "url.host")
	u.path = z.segments(n.Get("path"), path, '/', "url.path")
	query := z.query(n.Get("query"), path)

	if !n.Has("host") && !n.Has("path") && raw != "" {
		// Only raw was saved: the parts come from it, as when Postman
		// imports a string URL. A query list given alongside wins.
		p := splitRawURL(raw)
		p.protocol = firstNonEmpty(u.protocol, p.protocol)
		p.port = firstNonEmpty(u.port, p.port)
		p.hash = firstNonEmpty(u.hash, p.hash)
		u = p
		if n.Has("query") {
			u.query = nil
		} else {
			query = nil
		}
	}
	if raw == "" {
		u.query = nil
		for _, q := range query {
			if !truthy(q.Get("disabled")) && q.Get("key") != nil {
				v := q.Get("value")
				u.query = append(u.query, queryPart{key: q.Get("key").Text, value: ordjson.Text(v), null: v.IsNull()})
			}
		}
		raw = buildRawURL(u)
		u.query = nil
	}
	out.Set("raw", ordjson.NewString(raw))
	setParts(out, u, query)
	if vs := z.variables(n.Get("variable"), path); len(vs.Elems) > 0 {
		out.Set("variable", vs)
	}
	return out
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// setParts writes the URL parts into the canonical object. query, when not
// nil, is the already-normalised query list; otherwise u.query is used.
func setParts(out *ordjson.Value, u urlParts, query []*ordjson.Value) {
	setStr(out, "protocol", u.protocol)
	if len(u.host) > 0 {
		out.Set("host", strList(u.host))
	}
	setStr(out, "port", u.port)
	if len(u.path) > 0 {
		out.Set("path", strList(u.path))
	}
	if query == nil {
		for _, q := range u.query {
			query = append(query, pairNode(q.key, queryValue(q), nil))
		}
	}
	if len(query) > 0 {
		qs := newArray(nil)
		qs.Elems = query
		out.Set("query", qs)
	}
	setStr(out, "hash", u.hash)
}

// queryValue is the value node of a query part split from raw text: null
// for "?key" without "=".
func queryValue(q queryPart) *ordjson.Value {
	if q.null {
		return ordjson.NewNull()
	}
	return ordjson.NewString(q.value)
}

func strList(ss []string) *ordjson.Value {
	n := newArray(nil)
	for _, s := range ss {
		n.Elems = append(n.Elems, ordjson.NewString(s))
	}
	return n
}

// segments reads url.host or url.path: a list of segments (each a string,
// or an object {type, value} in some exports), or one string to split on sep.
func (z *normaliser) segments(n *ordjson.Value, path []string, sep byte, what string) []string {
	switch {
	case n.IsNull():
		return nil
	case n.Kind == ordjson.String:
		s := n.Text
		if sep == '/' {
			s = strings.TrimPrefix(s, "/")
		}
		if s == "" {
			return nil
		}
		return splitOutsideVars(s, sep)
	case n.Kind == ordjson.Array:
		out := make([]string, 0, len(n.Elems))
		for _, e := range n.Elems {
			if e.Kind == ordjson.Object {
				out = append(out, z.objectSegment(e, path, sep))
				continue
			}
			out = append(out, z.scalar(e, path, codeInvalidURL, "a segment of "+what))
		}
		return out
	}
	z.errorf(n, path, codeInvalidURL, "%s is %s, expected a list or a string", what, n.Kind.Article())
	return nil
}

// objectSegmentText is what Postman's runtime sends for a path segment
// saved as an object: postman-collection's Url joins the path list with
// "/" as JavaScript strings, and an object stringifies to this (measured
// with newman: /pets/[object%20Object]).
const objectSegmentText = "[object Object]"

// objectSegment reads a url.path or url.host entry saved as an object
// {type, value}, which the v2.0 schema allows. Postman sends a path
// segment as objectSegmentText, not its value, and the client must send
// what Postman sends; the warning says how to get the value sent instead.
// Host objects keep their value: the host is the base URL, which the
// caller sets anyway, and "[object Object]" is no host at all.
func (z *normaliser) objectSegment(e *ordjson.Value, path []string, sep byte) string {
	value := ordjson.Text(e.Get("value"))
	if sep != '/' {
		return value
	}
	z.warnf(e, path, codeObjectSegment, "url.path has the segment %q as an object {type, value}: Postman sends it as %q, and so does the client; save it as the string %q to send its value",
		value, objectSegmentText, value)
	return objectSegmentText
}

// query normalises url.query entries to {key, value, description,
// disabled}; a null value stays null (Postman sends "?key" alone).
func (z *normaliser) query(n *ordjson.Value, path []string) []*ordjson.Value {
	var out []*ordjson.Value
	if n != nil && n.Kind == ordjson.String {
		// "a=1&b=2": read it as Postman reads a raw query string.
		for _, q := range splitRawURL("?" + n.Text).query {
			out = append(out, pairNode(q.key, queryValue(q), nil))
		}
		return out
	}
	for _, e := range z.list(n, path, codeInvalidQuery, "url.query") {
		if e.Kind == ordjson.Null {
			continue
		}
		if !z.entry(e, path, codeInvalidQuery, "url.query") {
			continue
		}
		key := z.scalar(e.Get("key"), path, codeInvalidQuery, "a query key")
		value := e.Get("value")
		if value == nil {
			// No value at all is sent as Postman sends null: the key alone.
			value = ordjson.NewNull()
		}
		out = append(out, pairNode(key, value, e))
	}
	return out
}
