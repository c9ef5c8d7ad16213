package load

import (
	"slices"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// TestParseBodies checks the body modes the library keeps only as
// interface{}: they must come through complete.
func TestParseBodies(t *testing.T) {
	tests := []struct {
		name string
		body string
		want Body
	}{
		{"raw json", `{"mode": "raw", "raw": "{\"a\": \"\u00e9\"}", "options": {"raw": {"language": "json"}}}`,
			Body{Mode: "raw", Raw: `{"a": "é"}`, Language: "json"}},
		{"raw without mode", `{"raw": "text"}`, Body{Mode: "raw", Raw: "text"}},
		{"raw given as an object", `{"mode": "raw", "raw": {"a": 1}}`, Body{Mode: "raw", Raw: `{"a":1}`}},
		{"urlencoded", `{"mode": "urlencoded", "urlencoded": [{"key": "a", "value": "1", "description": {"content": "doc"}},
			{"key": "b", "value": 2, "disabled": true}, {"key": "c", "value": null}]}`,
			Body{Mode: "urlencoded", URLEncoded: []Pair{
				{Key: "a", Value: "1", Description: "doc"},
				{Key: "b", Value: "2", Disabled: true},
				{Key: "c", Null: true}}}},
		{"formdata", `{"mode": "formdata", "formdata": [{"key": "t", "value": "v", "type": "text"},
			{"key": "f", "type": "file", "src": ["a.txt", "b.txt"], "contentType": "text/plain"},
			{"key": "g", "type": "file", "src": "c.png"}, {"key": "h", "type": "file", "src": []}]}`,
			Body{Mode: "formdata", FormData: []Pair{
				{Key: "t", Value: "v", Type: "text"},
				{Key: "f", Type: "file", Src: "a.txt", ContentType: "text/plain"},
				{Key: "f", Type: "file", Src: "b.txt", ContentType: "text/plain"},
				{Key: "g", Type: "file", Src: "c.png"},
				{Key: "h", Type: "file"}}}},
		{"file", `{"mode": "file", "file": {"src": "./payload.bin"}}`, Body{Mode: "file", FileSrc: "./payload.bin"}},
		{"graphql with string variables", `{"mode": "graphql", "graphql": {"query": "query { a }", "variables": "{\"x\": 1}"}}`,
			Body{Mode: "graphql", GraphQLQuery: "query { a }", GraphQLVariables: `{"x": 1}`}},
		{"graphql with object variables", `{"mode": "graphql", "graphql": {"query": "q", "variables": {"x": [1]}}}`,
			Body{Mode: "graphql", GraphQLQuery: "q", GraphQLVariables: `{"x":[1]}`}},
		{"disabled", `{"mode": "raw", "raw": "x", "disabled": true}`, Body{Mode: "raw", Raw: "x", Disabled: true}},
		{"body as a string", `"plain"`, Body{Mode: "raw", Raw: "plain"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := mustParse(t, wrap(`{"method": "POST", "url": "http://x", "body": `+tt.body+`}`))
			b := firstRequest(t, c).Body
			if b == nil {
				t.Fatal("no body")
			}
			eq(t, "mode", b.Mode, tt.want.Mode)
			eq(t, "raw", b.Raw, tt.want.Raw)
			eq(t, "language", b.Language, tt.want.Language)
			eq(t, "file", b.FileSrc, tt.want.FileSrc)
			eq(t, "graphql query", b.GraphQLQuery, tt.want.GraphQLQuery)
			eq(t, "graphql variables", b.GraphQLVariables, tt.want.GraphQLVariables)
			eq(t, "disabled", b.Disabled, tt.want.Disabled)
			if !slices.Equal(b.URLEncoded, tt.want.URLEncoded) {
				t.Errorf("urlencoded\n got %+v\nwant %+v", b.URLEncoded, tt.want.URLEncoded)
			}
			if !slices.Equal(b.FormData, tt.want.FormData) {
				t.Errorf("formdata\n got %+v\nwant %+v", b.FormData, tt.want.FormData)
			}
		})
	}
}

// TestParseLegacyDataBody: some v2.0 exports keep the body under "data".
func TestParseLegacyDataBody(t *testing.T) {
	c, _ := mustParse(t, wrap(`{"method": "POST", "url": "http://x", "data": {"mode": "formdata", "formdata": [{"key": "k", "value": "v"}]}}`))
	b := firstRequest(t, c).Body
	if b == nil || b.Mode != "formdata" || len(b.FormData) != 1 {
		t.Fatalf("body %+v", b)
	}
}

// TestParsePositions checks item and response breadcrumbs and the line and
// column of each item's opening brace.
func TestParsePositions(t *testing.T) {
	in := "{\"item\": [\n" +
		"  {\"name\": \"Users\", \"item\": [\n" +
		"    {\"name\": \" Get user \", \"request\": \"http://x\",\n" +
		"     \"response\": [{\"name\": \"Not found\", \"code\": 404}]}\n" +
		"  ]},\n" +
		"\t{\"request\": \"http://y\"}\n" +
		"]}"
	c, _ := mustParse(t, in)
	folder := c.Items[0]
	get := folder.Items[0]
	anon := c.Items[1]
	tests := []struct {
		what      string
		pos       model.Pos
		path      string
		line, col int
	}{
		{"folder", folder.Pos, "Users", 2, 3},
		{"request", get.Pos, "Users › Get user", 3, 5},
		{"response", get.Responses[0].Pos, `Users › Get user › response "Not found"`, 4, 19},
		{"unnamed request", anon.Pos, "(unnamed request)", 6, 2},
	}
	for _, tt := range tests {
		if got := strings.Join(tt.pos.Path, " › "); got != tt.path || tt.pos.Line != tt.line || tt.pos.Col != tt.col || tt.pos.File != "in.json" {
			t.Errorf("%s: got %q at %s:%d:%d, want %q at in.json:%d:%d", tt.what, got, tt.pos.File, tt.pos.Line, tt.pos.Col, tt.path, tt.line, tt.col)
		}
	}
	eq(t, "name kept as written", get.Name, " Get user ")
}

// TestParseWarnings: what is skipped is said, and loading still succeeds.
func TestParseWarnings(t *testing.T) {
	in := `{"info": {"schema": "https://example.com/v9/collection.json"},
"variable": [{"value": "orphan"}],
"item": [{"name": "Nothing"}, {"name": "Both", "request": "http://x", "item": []},
 {"name": "Seg", "request": {"url": {"host": ["x"], "path": ["pets", {"type": "string", "value": "petId"}]}}}]}`
	c, ds := mustParse(t, in)
	var codes []string
	for _, d := range ds {
		if d.Severity != model.Warning {
			t.Errorf("not a warning: %v", d)
		}
		codes = append(codes, d.Code)
	}
	want := []string{codeUnknownSchema, codeVariableNoKey, codeEmptyItem, codeFolderWithRequest, codeObjectSegment}
	if !slices.Equal(codes, want) {
		t.Errorf("codes %q, want %q\n%v", codes, want, ds)
	}
	eq(t, "items", len(c.Items), 2)
	eq(t, "both is a folder", c.Items[0].IsFolder, true)
}
