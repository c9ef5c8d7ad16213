package conformance

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// fixedUnix and fixedNonce are the clock and nonce both sides sign with,
// where the auth scheme lets newman be told them (OAuth 1, Hawk, EdgeGrid,
// digest's client nonce).
const (
	fixedUnix  = 1700000000
	fixedNonce = "pmgenConformanceNonce"
)

// item is one request of a collection, in the order newman runs them.
type item struct {
	index int
	// path is the breadcrumb the generator gives the item: folder names,
	// then the item's own name.
	path []string
	// auth is the item's effective auth block after Postman's inheritance;
	// nil when it sends none.
	auth map[string]any
	// scripted names the pre-request script that changes the request, when
	// one does; such an item is script-dependent.
	scripted string
	// saved is how the request spells its dynamic values; nil when it
	// spells none.
	saved *saved
}

// collection is a collection read for the harness: its items, its
// variables, and the JSON newman runs (ids set, scripts replaced by the
// harness's own).
type collection struct {
	items []*item
	// vars are the values newman resolves {{variables}} with: the saved
	// collection variables, and test values for those used but not saved
	// (given to newman as --env-var, and to the client as options).
	vars map[string]string
	// envVars are the variables given to newman with --env-var, sorted.
	envVars []string
	root    map[string]any
	// un and kept are the scripts pmgen does not translate, and the
	// events of those it does, which newman runs (translated_test.go).
	un   untranslated
	kept keptScripts
	// carried are the variables set by translated scripts of requests
	// already run, which newman keeps for the rest of the run: the
	// variable → whose script set it.
	carried map[string]carriedSet
	// grant is the client's credentials when a kept script fetches an
	// OAuth 2 token (grant_test.go).
	grant *grantCredentials
}

// readCollection parses a collection file as newman would (a BOM and the
// Postman API's {"collection": ...} wrapper are allowed). un says which
// pre-request scripts pmgen does not translate; nil treats none as
// translated.
func readCollection(data []byte, un untranslated) (*collection, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var root map[string]any
	if err := dec.Decode(&root); err != nil {
		return nil, err
	}
	if inner, ok := root["collection"].(map[string]any); ok && root["item"] == nil && root["items"] == nil {
		root = inner
	}
	// pmgen reads the "items" some exporters write as "item" (load's
	// itemList); newman knows only "item", so it is renamed for newman too.
	renameItems(root)
	if _, ok := root["item"].([]any); !ok {
		return nil, fmt.Errorf("not a v2 collection: no item array")
	}
	c := &collection{root: root, vars: map[string]string{}}
	for _, v := range list(root["variable"]) {
		m, _ := v.(map[string]any)
		key := str(m["key"])
		if key == "" || m["disabled"] == true {
			continue
		}
		c.vars[key] = str(m["value"])
	}
	// Variables the collection uses without saving a value: newman would
	// send "{{name}}"; both sides get the value the generated tests use,
	// or a number for one that a JSON body uses bare (see jsonBareVars).
	bare := jsonBareVars(root)
	for _, m := range varRef.FindAllSubmatch(data, -1) {
		key := string(m[1])
		if _, ok := c.vars[key]; !ok && !strings.HasPrefix(key, "$") {
			c.vars[key] = "test-" + key
			if bare[key] {
				c.vars[key] = bareTestValue(key)
			}
			c.envVars = append(c.envVars, key)
		}
	}
	sort.Strings(c.envVars)
	c.envVars = compactStrings(c.envVars)

	c.un = un
	scripts := scriptScope{}
	var sets []scopedKey
	if c.kept.keep(un, nil, root) {
		sets = scriptSets(root)
	} else {
		scripts = scripts.with("the collection", root)
	}
	c.walk(list(root["item"]), nil, root["auth"], scripts, sets)
	stripEvents(root)
	c.kept.restore()
	c.giveGrant()
	return c, nil
}

// renameItems turns a folder's non-standard "items" into "item", at every
// level, as pmgen's loader reads it; "item" wins when both are there.
func renameItems(folder map[string]any) {
	if folder["item"] == nil {
		if items, ok := folder["items"]; ok {
			folder["item"] = items
			delete(folder, "items")
		}
	}
	for _, e := range list(folder["item"]) {
		if m, ok := e.(map[string]any); ok {
			renameItems(m)
		}
	}
}

var varRef = regexp.MustCompile(`\{\{([^{}\s]+)\}\}`)

// walk lists the requests depth first, gives each the id newman reports
// it by, and works out its effective auth and script dependence. sets are
// the variables the translated scripts in scope set.
func (c *collection) walk(items []any, parent []string, auth any, scripts scriptScope, sets []scopedKey) {
	for _, e := range items {
		m, ok := e.(map[string]any)
		if !ok {
			continue
		}
		sub, folder := m["item"].([]any)
		name := strings.TrimSpace(str(m["name"]))
		if name == "" {
			name = map[bool]string{true: "(unnamed folder)", false: "(unnamed request)"}[folder]
		}
		path := append(append([]string(nil), parent...), name)
		a := auth
		if own, ok := m["auth"].(map[string]any); ok && str(own["type"]) != "inherit" {
			a = own
		}
		if folder {
			inner, innerSets := scripts, sets
			if c.kept.keep(c.un, path, m) {
				innerSets = append(scriptSets(m), sets...)
			} else {
				inner = scripts.with("the folder "+fmt.Sprintf("%q", name), m)
			}
			c.walk(sub, path, a, inner, innerSets)
			c.carry(innerSets, "the folder "+fmt.Sprintf("%q", name))
			continue
		}
		req, _ := m["request"].(map[string]any)
		if r, ok := m["request"].(string); ok {
			// A request saved as a bare URL string.
			req = map[string]any{"url": r, "method": "GET"}
			m["request"] = req
		}
		if req == nil {
			continue
		}
		if own, ok := req["auth"].(map[string]any); ok && str(own["type"]) != "inherit" {
			a = own
		}
		it := &item{index: len(c.items), path: path, saved: savedOf(req, c.vars)}
		if am, ok := a.(map[string]any); ok && str(am["type"]) != "noauth" && str(am["type"]) != "" {
			it.auth = am
		}
		reqJSON, _ := json.Marshal(map[string]any{"request": req, "auth": it.auth})
		own, ownSets := scripts, sets
		if c.kept.keep(c.un, path, m) {
			ownSets = append(scriptSets(m), sets...)
		} else {
			own = scripts.with("the request", m)
		}
		it.scripted = own.changes(reqJSON)
		if it.scripted == "" && c.un != nil {
			it.scripted = c.un.urlSet(path)
		}
		if it.scripted == "" {
			it.scripted = originSet(req, ownSets)
		}
		if it.scripted == "" {
			it.scripted = c.carriedInto(reqJSON, ownSets)
		}
		c.carry(ownSets, "the request "+fmt.Sprintf("%q", name))
		m["id"] = fmt.Sprintf("pmgen-%d", it.index)
		c.items = append(c.items, it)
	}
}

// fixAuthClocks sets the timestamp and nonce of every auth block whose
// scheme lets Postman take them from the collection, so that newman signs
// with the clock and nonce the generated client is given.
func fixAuthClocks(v any) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if k == "auth" {
				if a, ok := e.(map[string]any); ok {
					fixAuthBlock(a)
				}
			}
			fixAuthClocks(e)
		}
	case []any:
		for _, e := range x {
			fixAuthClocks(e)
		}
	}
}

func fixAuthBlock(a map[string]any) {
	kind := str(a["type"])
	var set map[string]string
	switch kind {
	case "oauth1":
		set = map[string]string{"timestamp": fmt.Sprint(fixedUnix), "nonce": fixedNonce}
	case "hawk":
		set = map[string]string{"timestamp": fmt.Sprint(fixedUnix), "nonce": fixedNonce}
	case "edgegrid":
		set = map[string]string{"timestamp": edgeGridStamp(), "nonce": fixedNonce}
	case "digest":
		set = map[string]string{"clientNonce": fixedNonce}
	default:
		return
	}
	for k, v := range set {
		setAuthParam(a, kind, k, v)
	}
}

// authParams reads a scheme's parameters: an array of {key, value} in
// v2.1, an object in v2.0.
func authParams(a map[string]any) map[string]string {
	out := map[string]string{}
	kind := str(a["type"])
	switch p := a[kind].(type) {
	case []any:
		for _, e := range p {
			m, _ := e.(map[string]any)
			out[str(m["key"])] = str(m["value"])
		}
	case map[string]any:
		for k, v := range p {
			out[k] = str(v)
		}
	}
	return out
}

func setAuthParam(a map[string]any, kind, key, value string) {
	switch p := a[kind].(type) {
	case []any:
		for _, e := range p {
			if m, _ := e.(map[string]any); m != nil && str(m["key"]) == key {
				m["value"] = value
				return
			}
		}
		a[kind] = append(p, map[string]any{"key": key, "value": value, "type": "string"})
	case map[string]any:
		p[key] = value
	default:
		a[kind] = []any{map[string]any{"key": key, "value": value, "type": "string"}}
	}
}

// stripEvents removes every script: the harness runs newman with its own
// only, so that no script sends a request of its own (pm.sendRequest) and
// items whose pre-request script matters are left out of the count.
func stripEvents(v any) {
	switch x := v.(type) {
	case map[string]any:
		delete(x, "event")
		for _, e := range x {
			stripEvents(e)
		}
	case []any:
		for _, e := range x {
			stripEvents(e)
		}
	}
}

// localFiles points every file a body refers to (binary bodies, form-data
// file parts) at files/<base name> in newman's working directory, and
// returns those files' contents: the base name, which is also what the
// generated fixtures send as the file's content. The collection's own
// paths are on its author's disk.
func localFiles(v any, files map[string]string) {
	switch x := v.(type) {
	case map[string]any:
		if src, ok := x["src"]; ok && (str(x["type"]) == "file" || x["key"] == nil) {
			x["src"] = localSrc(src, files)
		}
		for _, e := range x {
			localFiles(e, files)
		}
	case []any:
		for _, e := range x {
			localFiles(e, files)
		}
	}
}

func localSrc(src any, files map[string]string) any {
	switch s := src.(type) {
	case string:
		if s == "" {
			return s
		}
		base := filepath.Base(filepath.FromSlash(strings.ReplaceAll(s, "\\", "/")))
		files[base] = base
		return "files/" + base
	case []any:
		out := make([]any, len(s))
		for i, e := range s {
			out[i] = localSrc(e, files)
		}
		return out
	}
	return src
}

// newmanJSON is the collection newman runs: auth clocks fixed and one
// collection-level pre-request script that sends every request to the
// recorder at port.
func (c *collection) newmanJSON(port int) ([]byte, error) {
	fixAuthClocks(c.root)
	pointTokenFetches(c.root, fmt.Sprintf("http://127.0.0.1:%d%s", port, tokenPath))
	// The collection's own script, when newman runs it, comes first, as
	// it would before the folders' and the request's.
	c.root["event"] = append(list(c.root["event"]), map[string]any{
		"listen": "prerequest",
		"script": map[string]any{"type": "text/javascript", "exec": strings.Split(fmt.Sprintf(rewriteScript, port), "\n")},
	})
	return json.MarshalIndent(c.root, "", " ")
}

// rewriteScript points the request at the recorder, keeping the path that
// a host variable carries ({{baseUrl}} = https://api.example.com/v1) in
// front of the request's own path, as Postman would join them. It refuses
// (throws, and the recorder sees nothing) when the result would not be
// 127.0.0.1.
const rewriteScript = `const u = pm.request.url;
const origin = pm.variables.replaceIn((u.protocol ? u.protocol + '://' : '') + (u.getRemote() || ''));
const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?[^\/?#]*(\/[^?#]*)?/i.exec(origin);
const prefix = (m && m[1]) || '';
u.protocol = 'http';
u.host = ['127', '0', '0', '1'];
u.port = '%d';
u.auth = undefined;
if (prefix) { u.path = prefix.split('/').slice(1).concat(u.path || []); }
if (u.getHost() !== '127.0.0.1') { throw new Error('pmgen conformance: request would leave 127.0.0.1: ' + u.toString()); }`

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

// str spells a JSON scalar as Postman would substitute it.
func str(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return fmt.Sprint(x)
	}
	data, _ := json.Marshal(v)
	return string(data)
}

func compactStrings(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
