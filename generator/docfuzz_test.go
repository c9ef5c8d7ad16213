package generator

import (
	"encoding/json"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/emit"
)

// FuzzDocComment puts any text in the places a collection's descriptions
// reach the generated docs (a request, its folder, a variable, a saved
// response's request) and renders the package with emit's doc check: a
// doc comment that gofmt would rewrite fails, since gofmt's printer then
// changes what it says. It is FuzzGenerate's doc check without the type
// check, so the fuzzer spends its time on descriptions: a run reaches
// tens of thousands of texts a minute where FuzzGenerate reaches hundreds.
func FuzzDocComment(f *testing.F) {
	for _, s := range []string{
		"Returns the user.",
		"Lists:\n\n- one\n- two",
		"See [docs](https://example.com/docs).\n\n# Heading\n\ntext",
		"Description",
		"1. first\n2. second\n\n    code",
		"| a | b |\n|---|---|\n| 1 | 2 |",
		"<p>Gets <b>it</b></p>",
	} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, desc, other string) {
		col := map[string]any{
			"info": map[string]any{"name": "Docs", "description": other},
			"item": []any{map[string]any{
				"name":        "Folder",
				"description": other,
				"item": []any{map[string]any{
					"name":        "Get thing",
					"description": desc,
					"request": map[string]any{
						"method":      "GET",
						"url":         "{{baseUrl}}/things?q=1",
						"description": desc,
					},
					"response": []any{map[string]any{"code": 200, "name": "OK", "body": `{"a":1}`}},
				}},
			}},
			"variable": []any{map[string]any{"key": "baseUrl", "value": "https://x", "description": other}},
		}
		data, err := json.Marshal(col)
		if err != nil {
			t.Skip()
		}
		if _, _, _, err := renderWith(source{"docs.json", data}, source{}, "", nil, emit.Options{CheckDocs: true}); err != nil {
			t.Fatal(err)
		}
	})
}
