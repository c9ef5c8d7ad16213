package load

import (
	"regexp"
	"strings"
)

// The normaliser rewrites the raw tree into one canonical shape that
// go-postman-collection decodes without error and without mangling: every
// field the library types as a string is a string, every list is a list,
// descriptions are plain text, URLs and requests are objects (the library
// keeps JSON escapes when it slices string forms itself), v2.0 auth maps
// are ordered v2.1 parameter lists. Fields the library does not model are
// kept in the canonical tree, which convert reads alongside the library's
// typed result.
//
// Quirks that have a sensible reading are fixed silently (they are all
// found in real exports); values of a type no reading allows (an item that
// is a number) are Error diagnostics with a position, all collected before
// the run stops.
type normaliser struct {
	*reporter
}

// canonical-tree constructors. Nodes made here have no input offset unless
// the caller copies one, so that positions always point at real input.

func newObject(from *node) *node {
	off := -1
	if from != nil {
		off = from.off
	}
	return &node{kind: kObject, off: off}
}

func newArray(from *node) *node {
	n := newObject(from)
	n.kind = kArray
	return n
}

func strNode(s string) *node { return &node{kind: kString, s: s, off: -1} }

func boolNode(b bool) *node {
	if b {
		return &node{kind: kBool, s: "true", off: -1}
	}
	return &node{kind: kBool, s: "false", off: -1}
}

// set appends a member; only used on nodes built by the normaliser, which
// never repeats a key.
func (n *node) set(key string, v *node) { n.obj = append(n.obj, member{key: key, val: v}) }

// setStr sets key to s when s is not empty, keeping the canonical tree (and
// what the library decodes) small.
func (n *node) setStr(key, s string) {
	if s != "" {
		n.set(key, strNode(s))
	}
}

// truthy reads a flag the way Postman does: true, or the string "true".
func truthy(n *node) bool {
	return n != nil && (n.kind == kBool || n.kind == kString) && n.s == "true"
}

// description reads a description given as a string or as Postman's
// {content, type} object.
func description(n *node) string {
	if n != nil && n.kind == kObject {
		return jsonText(n.get("content"))
	}
	return jsonText(n)
}

// scalar reads a value that must be text (a name, a key, a method): numbers
// and booleans are taken as written, a list or object is an error.
func (z *normaliser) scalar(n *node, path []string, code, what string) string {
	if n != nil && (n.kind == kArray || n.kind == kObject) {
		z.errorf(n, path, code, "%s is %s, expected text", what, n.kind.article())
		return ""
	}
	return jsonText(n)
}

// list reads a value that should be a list. A lone object stands for a
// one-element list (exports write "event": {...} and "variable": {...});
// null or missing is empty; anything else is an error.
func (z *normaliser) list(n *node, path []string, code, what string) []*node {
	switch {
	case n.isNull():
		return nil
	case n.kind == kArray:
		return n.arr
	case n.kind == kObject:
		return []*node{n}
	}
	z.errorf(n, path, code, "%s is %s, expected a list", what, n.kind.article())
	return nil
}

// entry checks that a list element is an object.
func (z *normaliser) entry(n *node, path []string, code, what string) bool {
	if n != nil && n.kind == kObject {
		return true
	}
	z.errorf(n, path, code, "an entry of %s is %s, expected an object", what, kindOf(n).article())
	return false
}

func kindOf(n *node) kind {
	if n == nil {
		return kNull
	}
	return n.kind
}

var schemaRE = regexp.MustCompile(`v2\.([01])(?:\.\d+)?`)

// schemaVersion maps info.schema (a URL) to "v2.0.0" or "v2.1.0"; ok is false
// for a schema that names neither.
func schemaVersion(schema string) (version string, ok bool) {
	if schema == "" {
		return "", true
	}
	m := schemaRE.FindStringSubmatch(schema)
	if m == nil {
		return "", false
	}
	return "v2." + m[1] + ".0", true
}

// collection normalises the collection object (already unwrapped).
func (z *normaliser) collection(root *node) *node {
	out := newObject(root)
	info := root.get("info")
	if info != nil && info.kind != kObject && info.kind != kNull {
		z.errorf(info, nil, codeNotCollection, `"info" is %s, expected an object`, info.kind.article())
	}
	// newman__inherited-entities has no info: its name sits at the root.
	nameNode, descNode := info.get("name"), info.get("description")
	if info.isNull() {
		nameNode, descNode = root.get("name"), root.get("description")
	}
	ci := newObject(info)
	ci.setStr("name", z.scalar(nameNode, nil, codeNotCollection, "the collection name"))
	if d := description(descNode); d != "" {
		desc := newObject(nil)
		desc.set("content", strNode(d))
		ci.set("description", desc)
	}
	ci.setStr("version", version(info.get("version")))
	schema := jsonText(info.get("schema"))
	if _, ok := schemaVersion(schema); !ok {
		z.warnf(info.get("schema"), nil, codeUnknownSchema,
			"schema %q is neither v2.0.0 nor v2.1.0; reading it as v2.1.0", schema)
	}
	ci.setStr("schema", schema)
	out.set("info", ci)

	if a := z.auth(root.get("auth"), nil); a != nil {
		out.set("auth", a)
	}
	out.set("variable", z.variables(root.get("variable"), nil))
	out.set("event", z.events(root.get("event"), nil))
	out.set("item", z.items(itemList(root), nil))
	return out
}

// version reads info.version, which some exports write as
// {major, minor, patch, identifier}.
func version(n *node) string {
	if n == nil || n.kind != kObject {
		return jsonText(n)
	}
	if n.get("major") == nil {
		return jsonText(n)
	}
	v := jsonText(n.get("major")) + "." + jsonText(n.get("minor")) + "." + jsonText(n.get("patch"))
	if id := jsonText(n.get("identifier")); id != "" {
		v += "-" + id
	}
	return v
}

// itemList returns a folder's children under "item", or under the
// non-standard "items" some exporters write.
func itemList(n *node) *node {
	if v := n.get("item"); !v.isNull() {
		return v
	}
	return n.get("items")
}

// maxFolderDepth bounds folder nesting. Real collections stay under ten
// levels; the bound keeps breadcrumbs (copied per level) and the library's
// recursive decoding from turning a hostile file into quadratic work.
const maxFolderDepth = 100

// items normalises a list of items; items that are skipped are left out so
// that the canonical list and the library's list stay index-aligned.
func (z *normaliser) items(n *node, path []string) *node {
	out := newArray(n)
	if len(path) >= maxFolderDepth {
		z.errorf(n, append(path[:3:3], "…"), codeInvalidItem, "folders are nested more than %d levels deep", maxFolderDepth)
		return out
	}
	for _, e := range z.list(n, path, codeInvalidItem, `"item"`) {
		if !z.entry(e, path, codeInvalidItem, `"item"`) {
			continue
		}
		if it := z.item(e, path); it != nil {
			out.arr = append(out.arr, it)
		}
	}
	return out
}

// itemLabel is an item's name as shown in breadcrumbs; unnamed items get a
// readable placeholder rather than an empty segment.
func itemLabel(name string, folder bool) string {
	if s := strings.TrimSpace(name); s != "" {
		return s
	}
	if folder {
		return "(unnamed folder)"
	}
	return "(unnamed request)"
}

func (z *normaliser) item(e *node, parent []string) *node {
	sub := itemList(e)
	folder := !sub.isNull()
	name := z.scalar(e.get("name"), extend(parent, itemLabel("", folder)), codeInvalidItem, "the item name")
	path := extend(parent, itemLabel(name, folder))

	out := newObject(e)
	out.set("name", strNode(name))
	out.setStr("description", description(e.get("description")))
	// Exports before v2.1 keep an item's id in "_postman_id"; either way it
	// is what lets pmgen diff follow an item across renames and moves.
	id := e.get("id")
	if id == nil || id.isNull() {
		id = e.get("_postman_id")
	}
	out.setStr("id", jsonText(id))
	if vs := z.variables(e.get("variable"), path); len(vs.arr) > 0 {
		out.set("variable", vs)
	}
	if ev := z.events(e.get("event"), path); len(ev.arr) > 0 {
		out.set("event", ev)
	}
	if folder {
		if e.has("request") {
			z.warnf(e, path, codeFolderWithRequest, "the item has both sub-items and a request; it is read as a folder and the request is ignored")
		}
		if a := z.auth(e.get("auth"), path); a != nil {
			out.set("auth", a)
		}
		out.set("item", z.items(sub, path))
		return out
	}
	req := e.get("request")
	if req.isNull() {
		z.warnf(e, path, codeEmptyItem, "the item has neither a request nor sub-items; it is skipped")
		return nil
	}
	r := z.request(req, path)
	if r == nil {
		return nil
	}
	out.set("request", r)
	// Kept for disableBodyPruning, which decides whether a GET sends its body.
	if ppb := e.get("protocolProfileBehavior"); ppb != nil && ppb.kind == kObject {
		out.set("protocolProfileBehavior", ppb)
	}
	if rs := z.responses(e.get("response"), path); len(rs.arr) > 0 {
		out.set("response", rs)
	}
	return out
}

// auth normalises an auth block to {type, <type>: [{key, value, type}]}.
// It returns nil for "inherit": no auth key, null, an empty type, or
// Postman's explicit "inherit".
func (z *normaliser) auth(n *node, path []string) *node {
	if n.isNull() {
		return nil
	}
	if n.kind != kObject {
		z.errorf(n, path, codeInvalidAuth, "auth is %s, expected an object", n.kind.article())
		return nil
	}
	typ := z.scalar(n.get("type"), path, codeInvalidAuth, "the auth type")
	if typ == "" {
		// {"basic": {...}} with the type left out: the one parameter block
		// says which.
		for _, m := range n.obj {
			if m.key != "type" && (m.val.kind == kArray || m.val.kind == kObject) {
				typ = m.key
				break
			}
		}
	}
	if typ == "" || typ == "inherit" {
		return nil
	}
	params := newArray(n.get(typ))
	switch p := n.get(typ); {
	case p.isNull():
	case p.kind == kArray: // v2.1: [{key, value, type}]
		for _, e := range p.arr {
			if !z.entry(e, path, codeInvalidAuth, "the "+typ+" auth parameters") {
				continue
			}
			params.arr = append(params.arr, authParam(
				z.scalar(e.get("key"), path, codeInvalidAuth, "an auth parameter key"),
				e.get("value"), jsonText(e.get("type"))))
		}
	case p.kind == kObject: // v2.0: {username: ..., password: ...}, in file order
		for _, m := range p.obj {
			params.arr = append(params.arr, authParam(m.key, m.val, "string"))
		}
	default:
		z.errorf(p, path, codeInvalidAuth, "the %s auth parameters are %s, expected a list", typ, p.kind.article())
	}
	out := newObject(n)
	out.set("type", strNode(typ))
	out.set(typ, params)
	return out
}

// authParam builds one parameter. Values are text: numbers and booleans as
// their literal, lists and objects (oauth2 token request parameters) as JSON.
func authParam(key string, value *node, typ string) *node {
	p := newObject(value)
	p.set("key", strNode(key))
	p.set("value", strNode(jsonText(value)))
	p.setStr("type", typ)
	return p
}

// variables normalises collection, folder and URL path variables.
func (z *normaliser) variables(n *node, path []string) *node {
	out := newArray(n)
	for _, e := range z.list(n, path, codeInvalidVariable, `"variable"`) {
		if !z.entry(e, path, codeInvalidVariable, `"variable"`) {
			continue
		}
		// Older exports name variables by "id" (or "name") and leave "key" out.
		key := ""
		for _, k := range []string{"key", "id", "name"} {
			if key = z.scalar(e.get(k), path, codeInvalidVariable, "a variable "+k); key != "" {
				break
			}
		}
		if key == "" {
			z.warnf(e, path, codeVariableNoKey, "a variable has no key, id or name; it is skipped")
			continue
		}
		v := newObject(e)
		v.set("key", strNode(key))
		v.setStr("value", jsonText(e.get("value")))
		v.setStr("type", jsonText(e.get("type")))
		v.setStr("description", description(e.get("description")))
		if truthy(e.get("disabled")) {
			v.set("disabled", boolNode(true))
		}
		out.arr = append(out.arr, v)
	}
	return out
}

// events normalises scripts; exec given as one string becomes its lines.
func (z *normaliser) events(n *node, path []string) *node {
	out := newArray(n)
	for _, e := range z.list(n, path, codeInvalidEvent, `"event"`) {
		if !z.entry(e, path, codeInvalidEvent, `"event"`) {
			continue
		}
		ev := newObject(e)
		ev.setStr("listen", z.scalar(e.get("listen"), path, codeInvalidEvent, "an event's listen"))
		script := e.get("script")
		exec := script.get("exec")
		if script != nil && script.kind != kObject {
			exec = script // "script": "console.log(1)" or a bare list of lines
		}
		sc := newObject(script)
		sc.setStr("type", jsonText(script.get("type")))
		sc.setStr("name", jsonText(script.get("name")))
		lines := newArray(exec)
		switch {
		case exec.isNull():
		case exec.kind == kArray:
			for _, l := range exec.arr {
				lines.arr = append(lines.arr, strNode(jsonText(l)))
			}
		default:
			for _, l := range strings.Split(jsonText(exec), "\n") {
				lines.arr = append(lines.arr, strNode(l))
			}
		}
		sc.set("exec", lines)
		ev.set("script", sc)
		if truthy(e.get("disabled")) {
			ev.set("disabled", boolNode(true))
		}
		out.arr = append(out.arr, ev)
	}
	return out
}
