package conformance

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
)

// saved is how a request's collection entry spells the values it sends,
// {{variables}} resolved as newman resolves them and {{$dynamic}} ones
// left as written: what the comparison needs to know which values are
// dynamic, and the text around them.
type saved struct {
	header map[string][]string // by lower-case name
	query  map[string][]string // by key
	path   []string            // the path's segments
	form   map[string][]string // urlencoded and form-data text fields, by key
	// text is a raw body as saved; json the same parsed, or the GraphQL
	// document newman sends ({"query", "variables"}); nil when it is not JSON.
	text string
	json any
}

// savedOf reads the saved spelling of a request (a v2.0 or v2.1 request
// object); nil when it spells no dynamic variable the harness knows, so
// that everything is compared exactly.
func savedOf(req map[string]any, vars map[string]string) *saved {
	data, _ := json.Marshal(req)
	if !hasDynamic(string(data)) {
		return nil
	}
	r := func(s string) string { return resolve(s, vars) }
	s := &saved{header: map[string][]string{}, query: map[string][]string{}, form: map[string][]string{}}
	for _, h := range list(req["header"]) {
		if m, _ := h.(map[string]any); m != nil && m["disabled"] != true {
			k := strings.ToLower(r(str(m["key"])))
			s.header[k] = append(s.header[k], r(str(m["value"])))
		}
	}
	raw := ""
	switch u := req["url"].(type) {
	case string:
		raw = u
	case map[string]any:
		raw = str(u["raw"])
		if raw == "" {
			// A URL object saved without raw: its path parts are the path.
			var parts []string
			for _, p := range list(u["path"]) {
				if m, ok := p.(map[string]any); ok {
					p = m["value"]
				}
				parts = append(parts, str(p))
			}
			raw = "/" + strings.Join(parts, "/")
		}
		if q, ok := u["query"].([]any); ok {
			raw, _, _ = strings.Cut(raw, "?")
			for _, e := range q {
				if m, _ := e.(map[string]any); m != nil && m["disabled"] != true {
					k := r(str(m["key"]))
					s.query[k] = append(s.query[k], r(str(m["value"])))
				}
			}
		}
	}
	raw = r(raw)
	raw, _, _ = strings.Cut(raw, "#")
	path, query, hasQuery := strings.Cut(raw, "?")
	if hasQuery {
		for _, part := range strings.Split(query, "&") {
			k, v, _ := strings.Cut(part, "=")
			s.query[k] = append(s.query[k], v)
		}
	}
	path = origin.ReplaceAllString(path, "")
	s.path = strings.Split(strings.TrimPrefix(path, "/"), "/")
	body, _ := req["body"].(map[string]any)
	switch str(body["mode"]) {
	case "raw":
		s.text = r(str(body["raw"]))
		var v any
		if json.Unmarshal([]byte(s.text), &v) == nil {
			s.json = v
		}
	case "urlencoded", "formdata":
		for _, e := range list(body[str(body["mode"])]) {
			if m, _ := e.(map[string]any); m != nil && m["disabled"] != true && str(m["type"]) != "file" {
				k := r(str(m["key"]))
				s.form[k] = append(s.form[k], r(str(m["value"])))
			}
		}
	case "graphql":
		g, _ := body["graphql"].(map[string]any)
		doc := map[string]any{"query": r(str(g["query"]))}
		var v any
		if json.Unmarshal([]byte(r(str(g["variables"]))), &v) == nil {
			doc["variables"] = v
		}
		s.json = doc
	}
	return s
}

// origin is a URL's scheme and host, which the recorder replaces.
var origin = regexp.MustCompile(`^(?:[a-zA-Z][a-zA-Z0-9+.-]*://)?[^/]*`)

// sameValue reports whether two values sent for one of the saved spellings
// both fit it (a saved value that spells no dynamic variable fits
// nothing: such values are compared exactly).
func sameValue(spellings []string, x, y string) bool {
	for _, sp := range spellings {
		if sameDynamic(sp, x, y) {
			return true
		}
	}
	return false
}

// samePath compares paths segment by segment from the end (the recorder's
// side may carry a base URL's path in front): a segment differing between
// the sides must fit its saved spelling.
func (s *saved) samePath(a, b string) bool {
	sa, sb := strings.Split(normPath(a), "/"), strings.Split(normPath(b), "/")
	if len(sa) != len(sb) {
		return false
	}
	for i := range sa {
		if sa[i] == sb[i] {
			continue
		}
		j := len(s.path) - (len(sa) - i)
		if j < 0 || !sameDynamic(s.path[j], sa[i], sb[i]) {
			return false
		}
	}
	return true
}

// samePairs compares query or form pairs in order: a value that differs
// must fit a saved spelling of its key.
func samePairs(spell map[string][]string, a, b [][3]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		if a[i][0] != b[i][0] || a[i][2] != b[i][2] || !sameValue(spell[a[i][0]], a[i][1], b[i][1]) {
			return false
		}
	}
	return true
}

// sameJSON compares two JSON values beside the saved one: a string that
// differs must fit the saved string in its place; anything else is
// compared exactly.
func sameJSON(saved, a, b any) bool {
	switch x := a.(type) {
	case string:
		y, ok := b.(string)
		sv, _ := saved.(string)
		return ok && (x == y || sameDynamic(sv, x, y))
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		sm, _ := saved.(map[string]any)
		for k, v := range x {
			w, ok := y[k]
			if !ok || !sameJSON(sm[k], v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		sl, _ := saved.([]any)
		for i := range x {
			var si any
			if i < len(sl) {
				si = sl[i]
			}
			if !sameJSON(si, x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}

// sameParts compares multipart parts in order: a part whose content
// differs must fit a saved spelling of its field.
func sameParts(spell map[string][]string, a, b []part) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		x, y := a[i], b[i]
		name := strings.TrimPrefix(x.disposition, "name=")
		if x.disposition != y.disposition || x.contentType != y.contentType || !sameValue(spell[name], x.content, y.content) {
			return false
		}
	}
	return true
}
