package load

import (
	"reflect"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/corpus"
)

// FuzzLoad checks that no input panics (Parse turns a panic into an
// [internal-error] diagnostic, which counts as a failure here), that every
// input gives either a collection or an Error, and that parsing is
// deterministic, and that the library's types are filled as the library
// itself would decode them.
func FuzzLoad(f *testing.F) {
	seeds := []string{
		"", "{}", "[]", "null", `{"item": []}`, "\ufeff{\"item\": [}",
		wrap(`"http://x/\"a\"?b=\u00e9"`),
		wrap(`{"url": {"host": "a.b", "path": [{"value": "p"}], "query": [{"key": null, "value": null}]}, "method": null}`),
		wrap(`{"url": "{{base}}:{{port}}/a", "header": "A: 1\nB", "body": {"mode": "formdata", "formdata": [{"key": "f", "src": ["a", "b"]}]}}`),
		`{"item": [{"name": "F", "items": [{"request": {"auth": {"type": "basic", "basic": {"u": 1}}, "url": {"raw": ""}}}]}]}`,
		`{"collection": {"item": [{"request": "x", "response": [{"code": "200", "header": "D: 1:2", "cookie": [{"secure": true}]}]}]}}`,
		`{"event": {"script": {"exec": "a\nb"}}, "variable": {"id": "v", "value": 1}, "item": [1, "x", null]}`,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	// Small real collections and the repository's own test collections
	// make good starting points; the target itself never depends on them.
	for _, data := range corpus.Seeds(f, 8<<10) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, ds := Parse("fuzz.json", data)
		for _, d := range ds {
			if d.Code == codeInternal {
				t.Fatalf("internal error: %v", d)
			}
		}
		if (c == nil) != ds.HasErrors() {
			t.Fatalf("collection=%v but HasErrors=%v:\n%v", c != nil, ds.HasErrors(), ds)
		}
		c2, ds2 := Parse("fuzz.json", data)
		if !reflect.DeepEqual(c, c2) || !reflect.DeepEqual(ds, ds2) {
			t.Fatal("two parses of the same input differ")
		}
		_, _ = ParseEnvironment("fuzz.json", data)
		if diff := libraryMismatch(t, data); diff != "" {
			t.Fatalf("libCollection differs from the library's decoding (-library +ours):\n%s", diff)
		}
	})
}
