package load

import (
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// TestParseRejects covers every input that is not a collection, and
// malformed JSON with its line and column.
func TestParseRejects(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		code      string
		words     []string // each must appear in the message
		line, col int      // 0: no position expected
	}{
		{name: "empty", in: "", code: codeEmptyFile, words: []string{"empty", "Collection v2.1"}},
		{name: "whitespace", in: " \n\t\r\n ", code: codeEmptyFile, words: []string{"empty"}},
		{name: "bom only", in: "\ufeff\n", code: codeEmptyFile, words: []string{"empty"}},
		{name: "bad character", in: "{\n  \"item\": [\n    {,}\n  ]\n}", code: codeInvalidJSON,
			words: []string{"not valid JSON", "invalid character ','"}, line: 3, col: 6},
		{name: "missing comma", in: `{"item": [] "info": {}}`, code: codeInvalidJSON,
			words: []string{"not valid JSON", `'"'`}, line: 1, col: 13},
		{name: "truncated", in: "{\"item\": [\n", code: codeInvalidJSON,
			words: []string{"unexpected end of file"}, line: 2, col: 1},
		{name: "truncated string", in: `{"item": "ab`, code: codeInvalidJSON,
			words: []string{"unexpected end of file"}, line: 1, col: 13},
		{name: "trailing data", in: `{"item": []} x`, code: codeInvalidJSON,
			words: []string{"after top-level value"}, line: 1, col: 14},
		{name: "bom then bad json", in: "\ufeff{\"item\": x}", code: codeInvalidJSON,
			words: []string{"invalid character 'x'"}, line: 1, col: 10},
		{name: "utf16", in: "\xff\xfe{\x00}\x00", code: codeInvalidJSON, words: []string{"UTF-16", "UTF-8"}},
		{name: "v1", in: `{"id": "1", "name": "Geo", "order": ["a"], "folders": [], "requests": [{"id": "a", "url": "http://x"}]}`,
			code: codeV1Collection, words: []string{"Postman v1 collection", "Export → Collection v2.1", "postman-collection-transformer"}},
		{name: "v1 requests only", in: `{"name": "x", "requests": []}`, code: codeV1Collection, words: []string{"v1"}},
		{name: "openapi", in: `{"openapi": "3.0.1", "info": {"title": "x"}, "paths": {}}`, code: codeOpenAPI,
			words: []string{"OpenAPI 3.0.1", "not a Postman collection", "Collection v2.1"}},
		{name: "swagger", in: `{"swagger": "2.0", "paths": {}}`, code: codeOpenAPI, words: []string{"Swagger 2.0"}},
		{name: "environment", in: `{"id": "e", "name": "dev", "values": [{"key": "a", "value": "b", "enabled": true}]}`,
			code: codeEnvironment, words: []string{"environment", "-env", "-in"}},
		{name: "environment scope", in: `{"_postman_variable_scope": "environment", "values": []}`,
			code: codeEnvironment, words: []string{"-env"}},
		{name: "environment wrapped", in: `{"environment": {"name": "dev", "values": []}}`,
			code: codeEnvironment, words: []string{"-env"}},
		{name: "array", in: `[{"item": []}]`, code: codeNotCollection, words: []string{"JSON list", "not a Postman collection"}},
		{name: "string", in: `"hello"`, code: codeNotCollection, words: []string{"JSON string"}},
		{name: "number", in: `42`, code: codeNotCollection, words: []string{"JSON number"}},
		{name: "null", in: `null`, code: codeNotCollection, words: []string{"JSON null"}},
		{name: "object without item", in: `{"info": {"name": "x"}}`, code: codeNotCollection,
			words: []string{`without an "item" list`}},
		{name: "wrapper without item", in: `{"collection": {"info": {"name": "x"}}}`, code: codeNotCollection,
			words: []string{`"item"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ds := Parse("in.json", []byte(tt.in))
			if c != nil {
				t.Errorf("got a collection, want none")
			}
			if len(ds) != 1 {
				t.Fatalf("want exactly one diagnostic, got:\n%v", ds)
			}
			d := ds[0]
			if d.Severity != model.Error || d.Code != tt.code {
				t.Errorf("got %v, want an error [%s]", d, tt.code)
			}
			for _, w := range tt.words {
				if !strings.Contains(d.Message, w) {
					t.Errorf("message %q lacks %q", d.Message, w)
				}
			}
			if strings.Contains(d.Message, "\n") || strings.HasSuffix(d.Message, ".") {
				t.Errorf("message %q is not one sentence without a trailing period", d.Message)
			}
			if d.Pos.File != "in.json" || d.Pos.Line != tt.line || d.Pos.Col != tt.col {
				t.Errorf("position %s, want in.json:%d:%d", d.Pos, tt.line, tt.col)
			}
		})
	}
}

// TestParseStructuralErrors checks that values of an impossible type are
// diagnostics with positions, all reported in one run: errors, except in an
// auth block or an example, which touch only their own part and are
// warnings.
func TestParseStructuralErrors(t *testing.T) {
	in := `{
  "item": [
    1,
    {"name": "A", "request": 5},
    {"name": "F", "item": [
      {"name": "B", "request": {"url": [1], "header": 3, "body": true, "auth": "x"}},
      {"name": "C", "request": "http://x", "response": [7]}
    ]},
    {"name": "D", "request": {"url": "http://x", "method": {"m": 1}}}
  ],
  "variable": "x"
}`
	c, ds := Parse("in.json", []byte(in))
	if c != nil {
		t.Error("got a collection despite errors")
	}
	want := []struct {
		code      string
		line, col int
		path      string
		sev       model.Severity
	}{
		{codeInvalidVariable, 11, 15, "", model.Error},
		{codeInvalidItem, 3, 5, "", model.Error},
		{codeInvalidRequest, 4, 30, "A", model.Error},
		{codeInvalidURL, 6, 40, "F › B", model.Error},
		{codeInvalidHeader, 6, 55, "F › B", model.Error},
		{codeInvalidBody, 6, 66, "F › B", model.Error},
		{codeInvalidAuth, 6, 80, "F › B", model.Warning},
		{codeInvalidResponse, 7, 57, "F › C", model.Warning},
		{codeInvalidRequest, 9, 60, "D", model.Error},
	}
	if len(ds) != len(want) {
		t.Fatalf("got %d diagnostics, want %d:\n%v", len(ds), len(want), ds)
	}
	for i, w := range want {
		d := ds[i]
		if d.Severity != w.sev || d.Code != w.code || d.Pos.Line != w.line || d.Pos.Col != w.col ||
			strings.Join(d.Pos.Path, " › ") != w.path {
			t.Errorf("diagnostic %d: got %v (%d:%d), want [%s] at %d:%d %q", i, d, d.Pos.Line, d.Pos.Col, w.code, w.line, w.col, w.path)
		}
	}
}

// TestParseDeepFolders: hostile nesting is refused quickly rather than
// processed in quadratic time.
func TestParseDeepFolders(t *testing.T) {
	n := 3000
	in := `{"item":[` + strings.Repeat(`{"item":[`, n) + `{"request":"x"}` + strings.Repeat(`]}`, n) + `]}`
	c, ds := Parse("in.json", []byte(in))
	if c != nil || len(ds) != 1 || ds[0].Code != codeInvalidItem || !strings.Contains(ds[0].Message, "nested more than") {
		t.Fatalf("want one [%s] error about nesting, got:\n%v", codeInvalidItem, ds)
	}
	// Within the bound, depth is fine.
	in = `{"item":[` + strings.Repeat(`{"item":[`, 50) + `{"request":"x"}` + strings.Repeat(`]}`, 50) + `]}`
	if c, ds := Parse("in.json", []byte(in)); c == nil || ds.HasErrors() {
		t.Fatalf("50 levels: %v", ds)
	}
}
