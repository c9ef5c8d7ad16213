package load

import "strings"

// url normalises a request URL to the object form
// {raw, protocol, host[], port, path[], query[], hash, variable[]}.
//
// A string URL is split into parts here: the library would keep it as raw
// text with its JSON escapes still in (it slices the input bytes), and build
// needs the query and path anyway. An object keeps its parts; its raw is
// rebuilt from them when missing, and its parts are filled from raw when
// it has none.
func (z *normaliser) url(n *node, path []string) *node {
	out := newObject(n)
	switch {
	case n.isNull():
		out.set("raw", strNode(""))
		return out
	case n.kind == kString:
		u := splitRawURL(n.s)
		out.set("raw", strNode(n.s))
		setParts(out, u, nil)
		return out
	case n.kind != kObject:
		z.errorf(n, path, codeInvalidURL, "the URL is %s, expected a string or an object", n.kind.article())
		return nil
	}

	raw := z.scalar(n.get("raw"), path, codeInvalidURL, "url.raw")
	var u urlParts
	// Some exports write "https:" or "https://" as the protocol.
	u.protocol = strings.TrimSuffix(strings.TrimSuffix(z.scalar(n.get("protocol"), path, codeInvalidURL, "url.protocol"), "://"), ":")
	u.port = z.scalar(n.get("port"), path, codeInvalidURL, "url.port")
	u.hash = z.scalar(n.get("hash"), path, codeInvalidURL, "url.hash")
	u.host = z.segments(n.get("host"), path, '.', "url.host")
	u.path = z.segments(n.get("path"), path, '/', "url.path")
	query := z.query(n.get("query"), path)

	if !n.has("host") && !n.has("path") && raw != "" {
		// Only raw was saved: the parts come from it, as when Postman
		// imports a string URL. A query list given alongside wins.
		p := splitRawURL(raw)
		p.protocol = firstNonEmpty(u.protocol, p.protocol)
		p.port = firstNonEmpty(u.port, p.port)
		p.hash = firstNonEmpty(u.hash, p.hash)
		u = p
		if n.has("query") {
			u.query = nil
		} else {
			query = nil
		}
	}
	if raw == "" {
		u.query = nil
		for _, q := range query {
			if !truthy(q.get("disabled")) && q.get("key") != nil {
				v := q.get("value")
				u.query = append(u.query, queryPart{key: q.get("key").s, value: jsonText(v), null: v.isNull()})
			}
		}
		raw = buildRawURL(u)
		u.query = nil
	}
	out.set("raw", strNode(raw))
	setParts(out, u, query)
	if vs := z.variables(n.get("variable"), path); len(vs.arr) > 0 {
		out.set("variable", vs)
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
func setParts(out *node, u urlParts, query []*node) {
	out.setStr("protocol", u.protocol)
	if len(u.host) > 0 {
		out.set("host", strList(u.host))
	}
	out.setStr("port", u.port)
	if len(u.path) > 0 {
		out.set("path", strList(u.path))
	}
	if query == nil {
		for _, q := range u.query {
			query = append(query, pairNode(q.key, queryValue(q), nil))
		}
	}
	if len(query) > 0 {
		qs := newArray(nil)
		qs.arr = query
		out.set("query", qs)
	}
	out.setStr("hash", u.hash)
}

// queryValue is the value node of a query part split from raw text: null
// for "?key" without "=".
func queryValue(q queryPart) *node {
	if q.null {
		return &node{kind: kNull, off: -1}
	}
	return strNode(q.value)
}

func strList(ss []string) *node {
	n := newArray(nil)
	for _, s := range ss {
		n.arr = append(n.arr, strNode(s))
	}
	return n
}

// segments reads url.host or url.path: a list of segments (each a string,
// or an object {type, value} in some exports), or one string to split on sep.
func (z *normaliser) segments(n *node, path []string, sep byte, what string) []string {
	switch {
	case n.isNull():
		return nil
	case n.kind == kString:
		s := n.s
		if sep == '/' {
			s = strings.TrimPrefix(s, "/")
		}
		if s == "" {
			return nil
		}
		return splitOutsideVars(s, sep)
	case n.kind == kArray:
		out := make([]string, 0, len(n.arr))
		for _, e := range n.arr {
			if e.kind == kObject {
				out = append(out, jsonText(e.get("value")))
				continue
			}
			out = append(out, z.scalar(e, path, codeInvalidURL, "a segment of "+what))
		}
		return out
	}
	z.errorf(n, path, codeInvalidURL, "%s is %s, expected a list or a string", what, n.kind.article())
	return nil
}

// query normalises url.query entries to {key, value, description,
// disabled}; a null value stays null (Postman sends "?key" alone).
func (z *normaliser) query(n *node, path []string) []*node {
	var out []*node
	if n != nil && n.kind == kString {
		// "a=1&b=2": read it as Postman reads a raw query string.
		for _, q := range splitRawURL("?" + n.s).query {
			out = append(out, pairNode(q.key, queryValue(q), nil))
		}
		return out
	}
	for _, e := range z.list(n, path, codeInvalidQuery, "url.query") {
		if e.kind == kNull {
			continue
		}
		if !z.entry(e, path, codeInvalidQuery, "url.query") {
			continue
		}
		key := z.scalar(e.get("key"), path, codeInvalidQuery, "a query key")
		value := e.get("value")
		if value == nil {
			// No value at all is sent as Postman sends null: the key alone.
			value = &node{kind: kNull, off: -1}
		}
		out = append(out, pairNode(key, value, e))
	}
	return out
}
