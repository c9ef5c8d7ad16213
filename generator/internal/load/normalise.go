package load

import (
	"regexp"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/ordjson"
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

func newObject(from *ordjson.Value) *ordjson.Value {
	if from == nil {
		return &ordjson.Value{Kind: ordjson.Object, Off: -1}
	}
	// The canonical object rarely has more members than its source: room
	// for them saves growing the list key by key.
	return &ordjson.Value{Kind: ordjson.Object, Off: from.Off, Members: make([]ordjson.Member, 0, len(from.Members))}
}

func newArray(from *ordjson.Value) *ordjson.Value {
	off := -1
	if from != nil {
		off = from.Off
	}
	return &ordjson.Value{Kind: ordjson.Array, Off: off}
}

// setStr sets key to s when s is not empty, keeping the canonical tree
// small. Only used on objects built by the normaliser, which never
// repeats a key.
func setStr(n *ordjson.Value, key, s string) {
	if s != "" {
		n.Set(key, ordjson.NewString(s))
	}
}

// truthy reads a flag the way Postman does: true, or the string "true".
func truthy(n *ordjson.Value) bool {
	return n != nil && (n.Kind == ordjson.Bool || n.Kind == ordjson.String) && n.Text == "true"
}

// description reads a description given as a string or as Postman's
// {content, type} object.
func description(n *ordjson.Value) string {
	if n != nil && n.Kind == ordjson.Object {
		return ordjson.Text(n.Get("content"))
	}
	return ordjson.Text(n)
}

// scalar reads a value that must be text (a name, a key, a method): numbers
// and booleans are taken as written, a list or object is an error.
func (z *normaliser) scalar(n *ordjson.Value, path []string, code, what string) string {
	if n != nil && (n.Kind == ordjson.Array || n.Kind == ordjson.Object) {
		z.errorf(n, path, code, "%s is %s, expected text", what, n.Kind.Article())
		return ""
	}
	return ordjson.Text(n)
}

// list reads a value that should be a list. A lone object stands for a
// one-element list (exports write "event": {...} and "variable": {...});
// null or missing is empty; anything else is an error.
func (z *normaliser) list(n *ordjson.Value, path []string, code, what string) []*ordjson.Value {
	switch {
	case n.IsNull():
		return nil
	case n.Kind == ordjson.Array:
		return n.Elems
	case n.Kind == ordjson.Object:
		return []*ordjson.Value{n}
	}
	z.errorf(n, path, code, "%s is %s, expected a list", what, n.Kind.Article())
	return nil
}

// entry checks that a list element is an object.
func (z *normaliser) entry(n *ordjson.Value, path []string, code, what string) bool {
	if n != nil && n.Kind == ordjson.Object {
		return true
	}
	z.errorf(n, path, code, "an entry of %s is %s, expected an object", what, ordjson.KindOf(n).Article())
	return false
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
func (z *normaliser) collection(root *ordjson.Value) *ordjson.Value {
	out := newObject(root)
	info := root.Get("info")
	if info != nil && info.Kind != ordjson.Object && info.Kind != ordjson.Null {
		z.errorf(info, nil, codeNotCollection, `"info" is %s, expected an object`, info.Kind.Article())
	}
	// newman__inherited-entities has no info: its name sits at the root.
	nameNode, descNode := info.Get("name"), info.Get("description")
	if info.IsNull() {
		nameNode, descNode = root.Get("name"), root.Get("description")
	}
	ci := newObject(info)
	setStr(ci, "name", z.scalar(nameNode, nil, codeNotCollection, "the collection name"))
	if d := description(descNode); d != "" {
		desc := newObject(nil)
		desc.Set("content", ordjson.NewString(d))
		ci.Set("description", desc)
	}
	setStr(ci, "version", version(info.Get("version")))
	schema := ordjson.Text(info.Get("schema"))
	if _, ok := schemaVersion(schema); !ok {
		z.warnf(info.Get("schema"), nil, codeUnknownSchema,
			"schema %q is neither v2.0.0 nor v2.1.0; reading it as v2.1.0", schema)
	}
	setStr(ci, "schema", schema)
	out.Set("info", ci)

	if a := z.auth(root.Get("auth"), nil); a != nil {
		out.Set("auth", a)
	}
	out.Set("variable", z.variables(root.Get("variable"), nil))
	out.Set("event", z.events(root.Get("event"), nil))
	out.Set("item", z.items(itemList(root), nil))
	return out
}

// version reads info.version, which some exports write as
// {major, minor, patch, identifier}.
func version(n *ordjson.Value) string {
	if n == nil || n.Kind != ordjson.Object {
		return ordjson.Text(n)
	}
	if n.Get("major") == nil {
		return ordjson.Text(n)
	}
	v := ordjson.Text(n.Get("major")) + "." + ordjson.Text(n.Get("minor")) + "." + ordjson.Text(n.Get("patch"))
	if id := ordjson.Text(n.Get("identifier")); id != "" {
		v += "-" + id
	}
	return v
}

// itemList returns a folder's children under "item", or under the
// non-standard "items" some exporters write.
func itemList(n *ordjson.Value) *ordjson.Value {
	if v := n.Get("item"); !v.IsNull() {
		return v
	}
	return n.Get("items")
}

// maxFolderDepth bounds folder nesting. Real collections stay under ten
// levels; the bound keeps breadcrumbs (copied per level) and the library's
// recursive decoding from turning a hostile file into quadratic work.
const maxFolderDepth = 100

// items normalises a list of items; items that are skipped are left out so
// that the canonical list and the library's list stay index-aligned.
func (z *normaliser) items(n *ordjson.Value, path []string) *ordjson.Value {
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
			out.Elems = append(out.Elems, it)
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

func (z *normaliser) item(e *ordjson.Value, parent []string) *ordjson.Value {
	sub := itemList(e)
	folder := !sub.IsNull()
	name := z.scalar(e.Get("name"), extend(parent, itemLabel("", folder)), codeInvalidItem, "the item name")
	path := extend(parent, itemLabel(name, folder))

	out := newObject(e)
	out.Set("name", ordjson.NewString(name))
	setStr(out, "description", description(e.Get("description")))
	// Exports before v2.1 keep an item's id in "_postman_id"; either way it
	// is what lets pmgen diff follow an item across renames and moves.
	id := e.Get("id")
	if id == nil || id.IsNull() {
		id = e.Get("_postman_id")
	}
	setStr(out, "id", ordjson.Text(id))
	if vs := z.variables(e.Get("variable"), path); len(vs.Elems) > 0 {
		out.Set("variable", vs)
	}
	if ev := z.events(e.Get("event"), path); len(ev.Elems) > 0 {
		out.Set("event", ev)
	}
	if folder {
		if e.Has("request") {
			z.warnf(e, path, codeFolderWithRequest, "the item has both sub-items and a request; it is read as a folder and the request is ignored")
		}
		if a := z.auth(e.Get("auth"), path); a != nil {
			out.Set("auth", a)
		}
		out.Set("item", z.items(sub, path))
		return out
	}
	req := e.Get("request")
	if req.IsNull() {
		z.warnf(e, path, codeEmptyItem, "the item has neither a request nor sub-items; it is skipped")
		return nil
	}
	r := z.request(req, path)
	if r == nil {
		return nil
	}
	out.Set("request", r)
	// Kept for disableBodyPruning, which decides whether a GET sends its body.
	if ppb := e.Get("protocolProfileBehavior"); ppb != nil && ppb.Kind == ordjson.Object {
		out.Set("protocolProfileBehavior", ppb)
	}
	if rs := z.responses(e.Get("response"), path); len(rs.Elems) > 0 {
		out.Set("response", rs)
	}
	return out
}

// auth normalises an auth block to {type, <type>: [{key, value, type}]}.
// It returns nil for "inherit": no auth key, null, an empty type, or
// Postman's explicit "inherit".
//
// A block of the wrong shape is a warning, and the requests under it are
// sent without auth ("noauth"): inheriting the parent's credentials instead
// would send them where the collection meant something else.
func (z *normaliser) auth(n *ordjson.Value, path []string) *ordjson.Value {
	var out *ordjson.Value
	if z.tolerate("the requests it covers are sent without auth", func() { out = z.authBlock(n, path) }) {
		out = newObject(n)
		out.Set("type", ordjson.NewString("noauth"))
		out.Set("noauth", newArray(nil))
	}
	return out
}

// authBlock reads an auth block, reporting any part of the wrong shape as
// an error.
func (z *normaliser) authBlock(n *ordjson.Value, path []string) *ordjson.Value {
	if n.IsNull() {
		return nil
	}
	if n.Kind != ordjson.Object {
		z.errorf(n, path, codeInvalidAuth, "auth is %s, expected an object", n.Kind.Article())
		return nil
	}
	typ := z.scalar(n.Get("type"), path, codeInvalidAuth, "the auth type")
	if typ == "" {
		// {"basic": {...}} with the type left out: the one parameter block
		// says which.
		for _, m := range n.Members {
			if m.Key != "type" && (m.Value.Kind == ordjson.Array || m.Value.Kind == ordjson.Object) {
				typ = m.Key
				break
			}
		}
	}
	if typ == "" || typ == "inherit" {
		return nil
	}
	params := newArray(n.Get(typ))
	switch p := n.Get(typ); {
	case p.IsNull():
	case p.Kind == ordjson.Array: // v2.1: [{key, value, type}]
		for _, e := range p.Elems {
			if !z.entry(e, path, codeInvalidAuth, "the "+typ+" auth parameters") {
				continue
			}
			params.Elems = append(params.Elems, authParam(
				z.scalar(e.Get("key"), path, codeInvalidAuth, "an auth parameter key"),
				e.Get("value"), ordjson.Text(e.Get("type"))))
		}
	case p.Kind == ordjson.Object: // v2.0: {username: ..., password: ...}, in file order
		for _, m := range p.Members {
			params.Elems = append(params.Elems, authParam(m.Key, m.Value, "string"))
		}
	default:
		z.errorf(p, path, codeInvalidAuth, "the %s auth parameters are %s, expected a list", typ, p.Kind.Article())
	}
	out := newObject(n)
	out.Set("type", ordjson.NewString(typ))
	out.Set(typ, params)
	return out
}

// authParam builds one parameter. Values are text: numbers and booleans as
// their literal, lists and objects (oauth2 token request parameters) as JSON.
func authParam(key string, value *ordjson.Value, typ string) *ordjson.Value {
	p := newObject(value)
	p.Set("key", ordjson.NewString(key))
	p.Set("value", ordjson.NewString(ordjson.Text(value)))
	setStr(p, "type", typ)
	return p
}

// variables normalises collection, folder and URL path variables.
func (z *normaliser) variables(n *ordjson.Value, path []string) *ordjson.Value {
	out := newArray(n)
	for _, e := range z.list(n, path, codeInvalidVariable, `"variable"`) {
		if !z.entry(e, path, codeInvalidVariable, `"variable"`) {
			continue
		}
		// Older exports name variables by "id" (or "name") and leave "key" out.
		key := ""
		for _, k := range []string{"key", "id", "name"} {
			if key = z.scalar(e.Get(k), path, codeInvalidVariable, "a variable "+k); key != "" {
				break
			}
		}
		if key == "" {
			z.warnf(e, path, codeVariableNoKey, "a variable has no key, id or name; it is skipped")
			continue
		}
		v := newObject(e)
		v.Set("key", ordjson.NewString(key))
		setStr(v, "value", ordjson.Text(e.Get("value")))
		setStr(v, "type", ordjson.Text(e.Get("type")))
		setStr(v, "description", description(e.Get("description")))
		if truthy(e.Get("disabled")) {
			v.Set("disabled", ordjson.NewBool(true))
		}
		out.Elems = append(out.Elems, v)
	}
	return out
}

// events normalises scripts; exec given as one string becomes its lines.
func (z *normaliser) events(n *ordjson.Value, path []string) *ordjson.Value {
	out := newArray(n)
	for _, e := range z.list(n, path, codeInvalidEvent, `"event"`) {
		if !z.entry(e, path, codeInvalidEvent, `"event"`) {
			continue
		}
		ev := newObject(e)
		setStr(ev, "listen", z.scalar(e.Get("listen"), path, codeInvalidEvent, "an event's listen"))
		script := e.Get("script")
		exec := script.Get("exec")
		if script != nil && script.Kind != ordjson.Object {
			exec = script // "script": "console.log(1)" or a bare list of lines
		}
		sc := newObject(script)
		setStr(sc, "type", ordjson.Text(script.Get("type")))
		setStr(sc, "name", ordjson.Text(script.Get("name")))
		lines := newArray(exec)
		switch {
		case exec.IsNull():
		case exec.Kind == ordjson.Array:
			for _, l := range exec.Elems {
				lines.Elems = append(lines.Elems, ordjson.NewString(ordjson.Text(l)))
			}
		default:
			for _, l := range strings.Split(ordjson.Text(exec), "\n") {
				lines.Elems = append(lines.Elems, ordjson.NewString(l))
			}
		}
		sc.Set("exec", lines)
		ev.Set("script", sc)
		if truthy(e.Get("disabled")) {
			ev.Set("disabled", ordjson.NewBool(true))
		}
		out.Elems = append(out.Elems, ev)
	}
	return out
}
