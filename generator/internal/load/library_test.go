package load

import (
	"encoding/json"
	"testing"

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
		// Only an out-of-range number inside protocolProfileBehavior can
		// do this; libCollection reads it as encoding/json reads 1e400
		// into a float64 field it rejects, so there is nothing to compare.
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
