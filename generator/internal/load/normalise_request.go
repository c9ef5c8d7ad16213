package load

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

// request normalises a request: a bare string is a GET of that URL, and the
// method defaults to GET when missing, null or blank, as in Postman.
// Custom methods are kept as written, upper-cased.
func (z *normaliser) request(n *ordjson.Value, path []string) *ordjson.Value {
	out := newObject(n)
	switch n.Kind {
	case ordjson.String:
		out.Set("method", ordjson.NewString("GET"))
		out.Set("url", z.url(n, path))
		return out
	case ordjson.Object:
	default:
		z.errorf(n, path, codeInvalidRequest, "the request is %s, expected an object or a URL string", n.Kind.Article())
		return nil
	}
	method := strings.ToUpper(strings.TrimSpace(z.scalar(n.Get("method"), path, codeInvalidRequest, "the method")))
	if method == "" {
		method = "GET"
	}
	out.Set("method", ordjson.NewString(method))
	out.Set("url", z.url(n.Get("url"), path))
	setStr(out, "description", description(n.Get("description")))
	if h := z.headers(n.Get("header"), path); len(h.Elems) > 0 {
		out.Set("header", h)
	}
	body := n.Get("body")
	if body.IsNull() {
		body = n.Get("data") // pre-v2 name, still in some v2.0 exports
	}
	if b := z.body(body, path); b != nil {
		out.Set("body", b)
	}
	if a := z.auth(n.Get("auth"), path); a != nil {
		out.Set("auth", a)
	}
	return out
}

// headers normalises a header list. Exports also write the whole block as
// one "Key: value" string per line (the library splits it on every colon, so
// "Date: 10:00" fails there), or, in responses, a {name: value} map.
func (z *normaliser) headers(n *ordjson.Value, path []string) *ordjson.Value {
	out := newArray(n)
	switch {
	case n.IsNull():
		return out
	case n.Kind == ordjson.String:
		for _, line := range strings.Split(n.Text, "\n") {
			if h := headerLine(line); h != nil {
				out.Elems = append(out.Elems, h)
			}
		}
		return out
	case n.Kind == ordjson.Object && n.Get("key") == nil && n.Get("name") == nil:
		for _, m := range n.Members {
			out.Elems = append(out.Elems, pairNode(m.Key, m.Value, nil))
		}
		return out
	}
	for _, e := range z.list(n, path, codeInvalidHeader, `"header"`) {
		switch {
		case e.Kind == ordjson.String:
			if h := headerLine(e.Text); h != nil {
				out.Elems = append(out.Elems, h)
			}
		case e.Kind == ordjson.Null:
		case z.entry(e, path, codeInvalidHeader, `"header"`):
			key := z.scalar(e.Get("key"), path, codeInvalidHeader, "a header key")
			if key == "" {
				key = z.scalar(e.Get("name"), path, codeInvalidHeader, "a header name")
			}
			out.Elems = append(out.Elems, pairNode(key, e.Get("value"), e))
		}
	}
	return out
}

// headerLine parses "Key: value"; Postman writes disabled headers in the
// string form as "// Key: value".
func headerLine(line string) *ordjson.Value {
	line = strings.TrimSpace(line)
	if line == "" {
		return nil
	}
	disabled := false
	if rest, ok := strings.CutPrefix(line, "//"); ok {
		disabled, line = true, strings.TrimSpace(rest)
	}
	key, value, _ := strings.Cut(line, ":")
	h := pairNode(strings.TrimSpace(key), ordjson.NewString(strings.TrimSpace(value)), nil)
	if disabled {
		h.Set("disabled", ordjson.NewBool(true))
	}
	return h
}

// pairNode builds a canonical {key, value, description, disabled, type}
// entry. A JSON null value stays null, so that convert can tell "?key"
// (Postman's null) from "?key="; a missing value is empty text.
func pairNode(key string, value, src *ordjson.Value) *ordjson.Value {
	p := newObject(src)
	if src == nil {
		p.Off = -1
	}
	p.Set("key", ordjson.NewString(key))
	if value != nil && value.Kind == ordjson.Null {
		p.Set("value", value)
	} else {
		p.Set("value", ordjson.NewString(ordjson.Text(value)))
	}
	if src != nil {
		setStr(p, "description", description(src.Get("description")))
		if truthy(src.Get("disabled")) {
			p.Set("disabled", ordjson.NewBool(true))
		}
		setStr(p, "type", ordjson.Text(src.Get("type")))
	}
	return p
}

// bodyModes are the body fields in the order used to guess a missing mode.
var bodyModes = []string{"raw", "urlencoded", "formdata", "file", "graphql"}

// body normalises a request body. "body": {} (and a body with no mode and
// no content) means no body.
func (z *normaliser) body(n *ordjson.Value, path []string) *ordjson.Value {
	switch {
	case n.IsNull():
		return nil
	case n.Kind == ordjson.String:
		out := newObject(n)
		out.Set("mode", ordjson.NewString("raw"))
		out.Set("raw", ordjson.NewString(n.Text))
		return out
	case n.Kind != ordjson.Object:
		z.errorf(n, path, codeInvalidBody, "the body is %s, expected an object", n.Kind.Article())
		return nil
	}
	mode := z.scalar(n.Get("mode"), path, codeInvalidBody, "the body mode")
	if mode == "" {
		for _, m := range bodyModes {
			if n.Has(m) {
				mode = m
				break
			}
		}
	}
	if mode == "" {
		return nil
	}
	out := newObject(n)
	out.Set("mode", ordjson.NewString(mode))
	setStr(out, "raw", ordjson.Text(n.Get("raw")))
	if n.Has("urlencoded") {
		out.Set("urlencoded", z.pairs(n.Get("urlencoded"), path, "urlencoded"))
	}
	if n.Has("formdata") {
		out.Set("formdata", z.pairs(n.Get("formdata"), path, "formdata"))
	}
	if f := n.Get("file"); !f.IsNull() {
		file := newObject(f)
		if f.Kind == ordjson.Object {
			setStr(file, "src", ordjson.Text(f.Get("src")))
			setStr(file, "content", ordjson.Text(f.Get("content")))
		} else {
			setStr(file, "src", ordjson.Text(f))
		}
		out.Set("file", file)
	}
	if g := n.Get("graphql"); !g.IsNull() {
		gq := newObject(g)
		if g.Kind == ordjson.Object {
			setStr(gq, "query", ordjson.Text(g.Get("query")))
			// Variables are JSON text in Postman's own exports; some
			// tools write the object itself.
			setStr(gq, "variables", ordjson.Text(g.Get("variables")))
			if v := g.Get("variables"); v != nil && v.Kind == ordjson.Null {
				// Saved as null, newman sends "variables": null; absent,
				// it sends the query alone.
				setStr(gq, "variables", "null")
			}
		} else {
			setStr(gq, "query", ordjson.Text(g))
		}
		out.Set("graphql", gq)
	}
	if truthy(n.Get("disabled")) {
		out.Set("disabled", ordjson.NewBool(true))
	}
	if lang := ordjson.Text(n.Get("options").Get("raw").Get("language")); lang != "" {
		raw := newObject(nil)
		raw.Set("language", ordjson.NewString(lang))
		opts := newObject(nil)
		opts.Set("raw", raw)
		out.Set("options", opts)
	}
	return out
}

// pairs normalises urlencoded and formdata fields. A form-data "src" is
// kept as a list of paths: Postman lets one field carry several files.
func (z *normaliser) pairs(n *ordjson.Value, path []string, what string) *ordjson.Value {
	out := newArray(n)
	for _, e := range z.list(n, path, codeInvalidBody, "the "+what+" body") {
		if e.Kind == ordjson.Null {
			continue
		}
		if !z.entry(e, path, codeInvalidBody, "the "+what+" body") {
			continue
		}
		p := pairNode(z.scalar(e.Get("key"), path, codeInvalidBody, "a "+what+" key"), e.Get("value"), e)
		if src := e.Get("src"); !src.IsNull() {
			files := newArray(src)
			if src.Kind == ordjson.Array {
				for _, s := range src.Elems {
					files.Elems = append(files.Elems, ordjson.NewString(ordjson.Text(s)))
				}
			} else {
				files.Elems = append(files.Elems, ordjson.NewString(ordjson.Text(src)))
			}
			p.Set("src", files)
		}
		setStr(p, "contentType", ordjson.Text(e.Get("contentType")))
		out.Elems = append(out.Elems, p)
	}
	return out
}

// responses normalises saved examples. Examples may lack a code or an
// originalRequest; bodies saved as JSON values become their text.
func (z *normaliser) responses(n *ordjson.Value, path []string) *ordjson.Value {
	out := newArray(n)
	var list []*ordjson.Value
	z.tolerate("the request's examples are left out", func() { list = z.list(n, path, codeInvalidResponse, `"response"`) })
	for i, e := range list {
		var r *ordjson.Value
		// A malformed example touches only itself: it is left out of the
		// types and tests, and the request still generates.
		if z.tolerate("the example is left out", func() { r = z.response(e, i, path) }) || r == nil {
			continue
		}
		out.Elems = append(out.Elems, r)
	}
	return out
}

// response normalises one saved example; nil when it is not an object.
func (z *normaliser) response(e *ordjson.Value, i int, path []string) *ordjson.Value {
	if !z.entry(e, path, codeInvalidResponse, `"response"`) {
		return nil
	}
	name := z.scalar(e.Get("name"), path, codeInvalidResponse, "the example name")
	rpath := extend(path, responseLabel(name, i))
	r := newObject(e)
	setStr(r, "name", name)
	setStr(r, "id", ordjson.Text(e.Get("id")))
	setStr(r, "status", ordjson.Text(e.Get("status")))
	if code := statusCode(e.Get("code")); code != 0 {
		r.Set("code", ordjson.NewNumber(strconv.Itoa(code)))
	}
	if h := z.headers(e.Get("header"), rpath); len(h.Elems) > 0 {
		r.Set("header", h)
	}
	if c := cookies(e.Get("cookie")); len(c.Elems) > 0 {
		r.Set("cookie", c)
	}
	setStr(r, "body", ordjson.Text(e.Get("body")))
	// Some exporters nest the key as {"_": {"postman_previewlanguage": ...}}.
	setStr(r, "_postman_previewlanguage", firstNonEmpty(ordjson.Text(e.Get("_postman_previewlanguage")),
		ordjson.Text(e.Get("_").Get("postman_previewlanguage"))))
	if orig := e.Get("originalRequest"); !orig.IsNull() {
		if req := z.request(orig, rpath); req != nil {
			r.Set("originalRequest", req)
		}
	}
	return r
}

// responseLabel is the breadcrumb segment for an example.
func responseLabel(name string, index int) string {
	if strings.TrimSpace(name) == "" {
		return fmt.Sprintf("response #%d", index+1)
	}
	return fmt.Sprintf("response %q", name)
}

// statusCode reads an example's code: a number or a numeric string; 0 when
// missing or not a plausible HTTP status.
func statusCode(n *ordjson.Value) int {
	if n == nil || (n.Kind != ordjson.Number && n.Kind != ordjson.String) {
		return 0
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(n.Text), 64)
	if err != nil || f != math.Trunc(f) || f < 100 || f > 999 {
		return 0
	}
	return int(f)
}

// cookies normalises saved response cookies to the library's Cookie, whose
// fields are all strings or booleans (exports write "secure": true, and
// numeric expiry times).
func cookies(n *ordjson.Value) *ordjson.Value {
	out := newArray(n)
	if n == nil || n.Kind != ordjson.Array {
		return out
	}
	for _, e := range n.Elems {
		if e.Kind != ordjson.Object {
			continue
		}
		c := newObject(e)
		for _, k := range []string{"domain", "path", "expires", "maxAge", "name", "value", "secure"} {
			setStr(c, k, ordjson.Text(e.Get(k)))
		}
		for _, k := range []string{"hostOnly", "httpOnly", "session"} {
			if truthy(e.Get(k)) {
				c.Set(k, ordjson.NewBool(true))
			}
		}
		out.Elems = append(out.Elems, c)
	}
	return out
}
