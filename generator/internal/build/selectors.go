package build

import (
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
)

// selectorKey names one query or header entry of a request: headers by
// their name in lower case, as HTTP compares them.
type selectorKey struct {
	header bool
	key    string
}

// findSelectors finds the protocol selectors of the collection: for each
// request, the query parameters and headers that are part of its
// operation rather than arguments of its method. The rule:
//
//   - The requests are grouped by HTTP method and URL, the URL being its
//     host and path with every segment that holds a {{variable}} or is a
//     path variable (":id") counted alike, the query left out. A group
//     needs two requests or more: a request alone has nothing to be told
//     apart from, and all its parameters stay fields.
//   - A key is a selector of the group when every request of the group
//     saves it exactly once, enabled, with a literal value (no
//     {{variable}}, not null, not empty), and no two requests save the
//     same value: the value alone tells each request from the others
//     ("_action=validate", "_action=refresh", "_action=logout").
//   - Every value must read as the name of an action or a media type: an
//     ASCII letter followed by letters, digits and "_-.:/+=;," (validate,
//     getSessionInfo, application/vnd.api.v2+json). Numbers and booleans
//     (page=1, page=2), and text with spaces, quotes, braces, percent
//     escapes or non-ASCII letters, are data: two requests saved with
//     such values are the same operation called twice with other
//     arguments, so the key stays a field.
//
// The result is keyed by the request item as loaded.
func findSelectors(items []*load.Item) map[*load.Item]map[selectorKey]string {
	type group struct {
		items []*load.Item
	}
	groups := map[string]*group{}
	var order []string
	var walk func([]*load.Item)
	walk = func(items []*load.Item) {
		for _, it := range items {
			if it.IsFolder {
				walk(it.Items)
				continue
			}
			if it.Request == nil {
				continue
			}
			id := strings.ToUpper(strings.TrimSpace(it.Request.Method)) + " " + normalURL(it.Request.URL)
			g := groups[id]
			if g == nil {
				g = &group{}
				groups[id] = g
				order = append(order, id)
			}
			g.items = append(g.items, it)
		}
	}
	walk(items)
	out := map[*load.Item]map[selectorKey]string{}
	for _, id := range order {
		g := groups[id]
		if len(g.items) < 2 {
			continue
		}
		// The candidates are the first request's keys; a selector must be
		// in every request.
		per := make([]map[selectorKey]string, len(g.items))
		for i, it := range g.items {
			per[i] = literalEntries(it.Request)
		}
		for k := range per[0] {
			seen := map[string]bool{}
			ok := true
			for _, m := range per {
				v, in := m[k]
				if !in || seen[v] || !nameValue(v) {
					ok = false
					break
				}
				seen[v] = true
			}
			if !ok {
				continue
			}
			for i, it := range g.items {
				if out[it] == nil {
					out[it] = map[selectorKey]string{}
				}
				out[it][k] = per[i][k]
			}
		}
	}
	return out
}

// literalEntries are the query parameters and headers that a request
// saves exactly once (counting disabled entries), enabled, with a literal
// value that is not empty, by key.
func literalEntries(req *load.Request) map[selectorKey]string {
	count := map[selectorKey]int{}
	vals := map[selectorKey]string{}
	note := func(k selectorKey, p load.Pair) {
		count[k]++
		if !p.Disabled && !p.Null && p.Value != "" && !strings.Contains(p.Value, "{{") && !strings.Contains(p.Key, "{{") {
			vals[k] = p.Value
		}
	}
	for _, q := range req.URL.Query {
		note(selectorKey{key: q.Key}, q)
	}
	for _, h := range req.Header {
		if strings.EqualFold(h.Key, "Content-Type") {
			continue
		}
		note(selectorKey{header: true, key: strings.ToLower(h.Key)}, h)
	}
	for k := range vals {
		if count[k] != 1 || k.key == "" {
			delete(vals, k)
		}
	}
	return vals
}

// nameValue reports whether a saved value reads as the name of an action
// or a media type rather than as data (see findSelectors).
func nameValue(v string) bool {
	if v == "" || v == "true" || v == "false" {
		return false
	}
	for i, c := range v {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i == 0:
			return false
		case c >= '0' && c <= '9', strings.ContainsRune("_-.:/+=;,", c):
		default:
			return false
		}
	}
	return true
}

// normalURL is a request's host and path with the segments that hold
// variables made alike: "{{amUrl}}/json{{realm}}/sessions" and
// "{{amUrl}}/json{{realm2}}/sessions" are one URL. A URL saved only as
// raw text is read from the text, up to its query.
func normalURL(u load.URL) string {
	text := strings.Join(u.Host, ".")
	if u.Port != "" {
		text += ":" + u.Port
	}
	text += "/" + strings.Join(u.Path, "/")
	if len(u.Host) == 0 && len(u.Path) == 0 {
		text = u.Raw
		if i := strings.IndexAny(text, "?#"); i >= 0 {
			text = text[:i]
		}
	}
	segs := strings.Split(strings.TrimSuffix(strings.TrimSpace(text), "/"), "/")
	for i, s := range segs {
		if strings.Contains(s, "{{") || (strings.HasPrefix(s, ":") && len(s) > 1) {
			segs[i] = "{}"
		}
	}
	return strings.Join(segs, "/")
}
