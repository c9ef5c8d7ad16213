package load

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// request normalises a request: a bare string is a GET of that URL, and the
// method defaults to GET when missing, null or blank, as in Postman.
// Custom methods are kept as written, upper-cased.
func (z *normaliser) request(n *node, path []string) *node {
	out := newObject(n)
	switch n.kind {
	case kString:
		out.set("method", strNode("GET"))
		out.set("url", z.url(n, path))
		return out
	case kObject:
	default:
		z.errorf(n, path, codeInvalidRequest, "the request is %s, expected an object or a URL string", n.kind.article())
		return nil
	}
	method := strings.ToUpper(strings.TrimSpace(z.scalar(n.get("method"), path, codeInvalidRequest, "the method")))
	if method == "" {
		method = "GET"
	}
	out.set("method", strNode(method))
	out.set("url", z.url(n.get("url"), path))
	out.setStr("description", description(n.get("description")))
	if h := z.headers(n.get("header"), path); len(h.arr) > 0 {
		out.set("header", h)
	}
	body := n.get("body")
	if body.isNull() {
		body = n.get("data") // pre-v2 name, still in some v2.0 exports
	}
	if b := z.body(body, path); b != nil {
		out.set("body", b)
	}
	if a := z.auth(n.get("auth"), path); a != nil {
		out.set("auth", a)
	}
	return out
}

// headers normalises a header list. Exports also write the whole block as
// one "Key: value" string per line (the library splits it on every colon, so
// "Date: 10:00" fails there), or, in responses, a {name: value} map.
func (z *normaliser) headers(n *node, path []string) *node {
	out := newArray(n)
	switch {
	case n.isNull():
		return out
	case n.kind == kString:
		for _, line := range strings.Split(n.s, "\n") {
			if h := headerLine(line); h != nil {
				out.arr = append(out.arr, h)
			}
		}
		return out
	case n.kind == kObject && n.get("key") == nil && n.get("name") == nil:
		for _, m := range n.obj {
			out.arr = append(out.arr, pairNode(m.key, m.val, nil))
		}
		return out
	}
	for _, e := range z.list(n, path, codeInvalidHeader, `"header"`) {
		switch {
		case e.kind == kString:
			if h := headerLine(e.s); h != nil {
				out.arr = append(out.arr, h)
			}
		case e.kind == kNull:
		case z.entry(e, path, codeInvalidHeader, `"header"`):
			key := z.scalar(e.get("key"), path, codeInvalidHeader, "a header key")
			if key == "" {
				key = z.scalar(e.get("name"), path, codeInvalidHeader, "a header name")
			}
			out.arr = append(out.arr, pairNode(key, e.get("value"), e))
		}
	}
	return out
}

// headerLine parses "Key: value"; Postman writes disabled headers in the
// string form as "// Key: value".
func headerLine(line string) *node {
	line = strings.TrimSpace(line)
	if line == "" {
		return nil
	}
	disabled := false
	if rest, ok := strings.CutPrefix(line, "//"); ok {
		disabled, line = true, strings.TrimSpace(rest)
	}
	key, value, _ := strings.Cut(line, ":")
	h := pairNode(strings.TrimSpace(key), strNode(strings.TrimSpace(value)), nil)
	if disabled {
		h.set("disabled", boolNode(true))
	}
	return h
}

// pairNode builds a canonical {key, value, description, disabled, type}
// entry. A JSON null value stays null, so that convert can tell "?key"
// (Postman's null) from "?key="; a missing value is empty text.
func pairNode(key string, value, src *node) *node {
	p := newObject(src)
	if src == nil {
		p.off = -1
	}
	p.set("key", strNode(key))
	if value != nil && value.kind == kNull {
		p.set("value", value)
	} else {
		p.set("value", strNode(jsonText(value)))
	}
	if src != nil {
		p.setStr("description", description(src.get("description")))
		if truthy(src.get("disabled")) {
			p.set("disabled", boolNode(true))
		}
		p.setStr("type", jsonText(src.get("type")))
	}
	return p
}

// bodyModes are the body fields in the order used to guess a missing mode.
var bodyModes = []string{"raw", "urlencoded", "formdata", "file", "graphql"}

// body normalises a request body. "body": {} (and a body with no mode and
// no content) means no body.
func (z *normaliser) body(n *node, path []string) *node {
	switch {
	case n.isNull():
		return nil
	case n.kind == kString:
		out := newObject(n)
		out.set("mode", strNode("raw"))
		out.set("raw", strNode(n.s))
		return out
	case n.kind != kObject:
		z.errorf(n, path, codeInvalidBody, "the body is %s, expected an object", n.kind.article())
		return nil
	}
	mode := z.scalar(n.get("mode"), path, codeInvalidBody, "the body mode")
	if mode == "" {
		for _, m := range bodyModes {
			if n.has(m) {
				mode = m
				break
			}
		}
	}
	if mode == "" {
		return nil
	}
	out := newObject(n)
	out.set("mode", strNode(mode))
	out.setStr("raw", jsonText(n.get("raw")))
	if n.has("urlencoded") {
		out.set("urlencoded", z.pairs(n.get("urlencoded"), path, "urlencoded"))
	}
	if n.has("formdata") {
		out.set("formdata", z.pairs(n.get("formdata"), path, "formdata"))
	}
	if f := n.get("file"); !f.isNull() {
		file := newObject(f)
		if f.kind == kObject {
			file.setStr("src", jsonText(f.get("src")))
			file.setStr("content", jsonText(f.get("content")))
		} else {
			file.setStr("src", jsonText(f))
		}
		out.set("file", file)
	}
	if g := n.get("graphql"); !g.isNull() {
		gq := newObject(g)
		if g.kind == kObject {
			gq.setStr("query", jsonText(g.get("query")))
			// Variables are JSON text in Postman's own exports; some
			// tools write the object itself.
			gq.setStr("variables", jsonText(g.get("variables")))
		} else {
			gq.setStr("query", jsonText(g))
		}
		out.set("graphql", gq)
	}
	if truthy(n.get("disabled")) {
		out.set("disabled", boolNode(true))
	}
	if lang := jsonText(n.get("options").get("raw").get("language")); lang != "" {
		raw := newObject(nil)
		raw.set("language", strNode(lang))
		opts := newObject(nil)
		opts.set("raw", raw)
		out.set("options", opts)
	}
	return out
}

// pairs normalises urlencoded and formdata fields. A form-data "src" is
// kept as a list of paths: Postman lets one field carry several files.
func (z *normaliser) pairs(n *node, path []string, what string) *node {
	out := newArray(n)
	for _, e := range z.list(n, path, codeInvalidBody, "the "+what+" body") {
		if e.kind == kNull {
			continue
		}
		if !z.entry(e, path, codeInvalidBody, "the "+what+" body") {
			continue
		}
		p := pairNode(z.scalar(e.get("key"), path, codeInvalidBody, "a "+what+" key"), e.get("value"), e)
		if src := e.get("src"); !src.isNull() {
			files := newArray(src)
			if src.kind == kArray {
				for _, s := range src.arr {
					files.arr = append(files.arr, strNode(jsonText(s)))
				}
			} else {
				files.arr = append(files.arr, strNode(jsonText(src)))
			}
			p.set("src", files)
		}
		p.setStr("contentType", jsonText(e.get("contentType")))
		out.arr = append(out.arr, p)
	}
	return out
}

// responses normalises saved examples. Examples may lack a code or an
// originalRequest; bodies saved as JSON values become their text.
func (z *normaliser) responses(n *node, path []string) *node {
	out := newArray(n)
	for i, e := range z.list(n, path, codeInvalidResponse, `"response"`) {
		if !z.entry(e, path, codeInvalidResponse, `"response"`) {
			continue
		}
		name := z.scalar(e.get("name"), path, codeInvalidResponse, "the example name")
		rpath := extend(path, responseLabel(name, i))
		r := newObject(e)
		r.setStr("name", name)
		r.setStr("id", jsonText(e.get("id")))
		r.setStr("status", jsonText(e.get("status")))
		if code := statusCode(e.get("code")); code != 0 {
			r.set("code", &node{kind: kNumber, s: strconv.Itoa(code), off: -1})
		}
		if h := z.headers(e.get("header"), rpath); len(h.arr) > 0 {
			r.set("header", h)
		}
		if c := cookies(e.get("cookie")); len(c.arr) > 0 {
			r.set("cookie", c)
		}
		r.setStr("body", jsonText(e.get("body")))
		// Some exporters nest the key as {"_": {"postman_previewlanguage": ...}}.
		r.setStr("_postman_previewlanguage", firstNonEmpty(jsonText(e.get("_postman_previewlanguage")),
			jsonText(e.get("_").get("postman_previewlanguage"))))
		if orig := e.get("originalRequest"); !orig.isNull() {
			if req := z.request(orig, rpath); req != nil {
				r.set("originalRequest", req)
			}
		}
		out.arr = append(out.arr, r)
	}
	return out
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
func statusCode(n *node) int {
	if n == nil || (n.kind != kNumber && n.kind != kString) {
		return 0
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(n.s), 64)
	if err != nil || f != math.Trunc(f) || f < 100 || f > 999 {
		return 0
	}
	return int(f)
}

// cookies normalises saved response cookies to the library's Cookie, whose
// fields are all strings or booleans (exports write "secure": true, and
// numeric expiry times).
func cookies(n *node) *node {
	out := newArray(n)
	if n == nil || n.kind != kArray {
		return out
	}
	for _, e := range n.arr {
		if e.kind != kObject {
			continue
		}
		c := newObject(e)
		for _, k := range []string{"domain", "path", "expires", "maxAge", "name", "value", "secure"} {
			c.setStr(k, jsonText(e.get(k)))
		}
		for _, k := range []string{"hostOnly", "httpOnly", "session"} {
			if truthy(e.get(k)) {
				c.set(k, boolNode(true))
			}
		}
		out.arr = append(out.arr, c)
	}
	return out
}
