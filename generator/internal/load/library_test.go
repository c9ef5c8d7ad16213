package load

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	postman "github.com/rbretecher/go-postman-collection"

	"github.com/pmgen/pmgen/generator/internal/corpus"
	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

// libraryMismatch fills the library's types from the canonical tree of
// data and decodes them, as the library itself would, from the canonical
// text; it describes any difference. Inputs that do not load give "".
func libraryMismatch(t testing.TB, data []byte) string {
	canon, _, ds := canonical("in.json", data)
	if ds != nil {
		return ""
	}
	var want *postman.Collection
	if err := json.Unmarshal(ordjson.Append(nil, canon), &want); err != nil {
		// The library refuses a few canonical trees (1e400 inside
		// protocolProfileBehavior, an auth type named "Type", whose list
		// encoding/json matches to the Type field): with no decoding to
		// compare with, there is nothing to check. Before libCollection
		// these were internal errors.
		return ""
	}
	return cmp.Diff(want, libCollection(canon), cmp.AllowUnexported(postman.Auth{}, postman.URL{}))
}

// TestLibraryMatchesDecoding: libCollection gives exactly what
// go-postman-collection decodes from the canonical text, on every
// collection of the repository's tests and of the corpus.
func TestLibraryMatchesDecoding(t *testing.T) {
	inputs := corpus.Seeds(t, 1<<30)
	for _, s := range []string{
		wrap(`{"url": {"raw": "x", "query": [{"key": "a", "value": null, "description": "d", "disabled": true}]}, "method": "post", "description": "r",
			"header": [{"key": "H", "value": 1, "disabled": true}], "auth": {"type": "edgegrid", "edgegrid": [{"key": "k", "value": [1]}]},
			"body": {"mode": "formdata", "formdata": [{"key": "f", "src": ["a", "b"], "type": "file"}], "options": {"raw": {"language": "json"}}}}`),
		`{"info": {"name": "N", "description": "D", "version": {"major": 1, "minor": 2, "patch": 3}}, "auth": {"type": "basic", "basic": {"username": "u", "password": 2}},
			"variable": [{"id": "v", "value": true, "disabled": true}], "event": [{"listen": "test", "script": {"exec": "a\nb", "type": "text/javascript"}}],
			"item": [{"name": "F", "item": [], "auth": {"type": "noauth"}}, {"name": "R", "request": "http://x", "protocolProfileBehavior": {"disableBodyPruning": true, "n": 1.5, "l": [null, "s", {}]},
			"response": [{"name": "ok", "code": "201", "header": [{"key": "A", "value": "b"}], "cookie": [{"secure": true, "hostOnly": true, "expires": 12}], "body": {"a": 1},
			"originalRequest": {"url": "http://y", "body": {"graphql": {"query": "q", "variables": {"v": 1}}}}}]}]}`,
	} {
		inputs = append(inputs, []byte(s))
	}
	t.Logf("%d inputs", len(inputs))
	for i, data := range inputs {
		if diff := libraryMismatch(t, data); diff != "" {
			t.Errorf("input %d: libCollection differs from the library's decoding (-library +ours):\n%s", i, diff)
		}
	}
}

// TestCollectionKeepsNoInput: no string of the loaded collection points
// into the input's one copy, which would keep all of it alive through
// build and emit (see keep).
func TestCollectionKeepsNoInput(t *testing.T) {
	data := []byte(`{"info": {"name": "N", "description": "D", "version": "1"}, "auth": {"type": "apikey", "apikey": [{"key": "k", "value": "v"}]},
		"variable": [{"key": "v", "value": "x", "description": "d"}], "event": [{"listen": "test", "script": {"exec": ["a"]}}],
		"item": [{"name": "F", "id": "i", "item": [{"name": "R", "request": {"method": "POST", "description": "rd", "url": {"raw": "http://h/p?q=1", "host": ["h"], "path": ["p"],
		"query": [{"key": "q", "value": "1", "description": "qd"}], "variable": [{"key": "id", "value": "7"}]}, "header": [{"key": "H", "value": "hv"}],
		"auth": {"type": "edgegrid", "edgegrid": [{"key": "e", "value": "ev"}]},
		"body": {"mode": "formdata", "formdata": [{"key": "f", "value": "fv", "src": ["s1", "s2"], "contentType": "text/plain", "type": "file"}]}},
		"response": [{"name": "ok", "status": "OK", "code": 200, "header": [{"key": "A", "value": "b"}], "body": "{}", "_postman_previewlanguage": "json"}]}]}]}`)
	root, r, ds := decode("in.json", data)
	if ds != nil {
		t.Fatal(ds)
	}
	// The input's copy spans the strings of the tree read from it.
	lo, hi := ^uintptr(0), uintptr(0)
	var span func(v *ordjson.Value)
	span = func(v *ordjson.Value) {
		if v.Kind == ordjson.String && v.Text != "" {
			p := uintptr(unsafe.Pointer(unsafe.StringData(v.Text)))
			lo, hi = min(lo, p), max(hi, p+uintptr(len(v.Text)))
		}
		for _, e := range v.Elems {
			span(e)
		}
		for _, m := range v.Members {
			span(m.Value)
		}
	}
	span(root)
	if lo >= hi {
		t.Fatal("no string of the tree was read from the input")
	}
	doc, ds := classify("in.json", root)
	if ds != nil {
		t.Fatal(ds)
	}
	canon := (&normaliser{r}).collection(doc)
	c := (&converter{r}).collection(libCollection(canon), canon)
	n := 0
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.String:
			if s := v.String(); s != "" {
				n++
				if p := uintptr(unsafe.Pointer(unsafe.StringData(s))); p >= lo && p < hi {
					t.Errorf("%s = %q points into the input", path, s)
				}
			}
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem(), path)
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i))
			}
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i), path+"."+v.Type().Field(i).Name)
			}
		}
	}
	walk(reflect.ValueOf(c), "Collection")
	if n < 40 {
		t.Errorf("only %d strings in the collection: the walk missed fields", n)
	}
}

// TestLibraryRefusalsLoad: canonical trees that the library's own decoder
// refuses, which used to be internal errors, load.
func TestLibraryRefusalsLoad(t *testing.T) {
	for _, in := range []string{
		`{"item": [{"name": "r", "request": "http://x", "protocolProfileBehavior": {"n": 1e400}}]}`,
		`{"item": [{"name": "r", "request": "http://x"}], "auth": {"TYPE": [{"key": "a", "value": "b"}]}}`,
	} {
		c, _ := mustParse(t, in)
		if len(c.Items) != 1 {
			t.Errorf("%s: %d items", in, len(c.Items))
		}
	}
	c, _ := mustParse(t, `{"item": [], "auth": {"TYPE": [{"key": "a", "value": "b"}]}}`)
	if c.Auth == nil || c.Auth.Type != "TYPE" || len(c.Auth.Params) != 1 || c.Auth.Params[0].Value != "b" {
		t.Errorf("auth = %+v", c.Auth)
	}
}
