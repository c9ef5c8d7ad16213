package load

import (
	"slices"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/model"
)

func TestParseEnvironment(t *testing.T) {
	in := "\ufeff" + `{"id": "e", "name": "dev", "_postman_variable_scope": "environment", "values": [
  {"key": "baseUrl", "value": "https://x", "enabled": true, "type": "default"},
  {"key": "port", "value": 8080, "type": "default"},
  {"key": "token", "value": "s3cret", "enabled": false, "type": "secret"},
  {"key": "", "value": "dropped"}
]}`
	vars, ds := ParseEnvironment("dev.json", []byte(in))
	if ds.HasErrors() {
		t.Fatalf("errors:\n%v", ds)
	}
	want := []Variable{
		{Key: "baseUrl", Value: "https://x", Type: "default"},
		{Key: "port", Value: "8080", Type: "default"},
		{Key: "token", Value: "s3cret", Type: "secret", Disabled: true},
	}
	if !slices.Equal(vars, want) {
		t.Errorf("got  %+v\nwant %+v", vars, want)
	}
	if len(ds) != 1 || ds[0].Code != codeVariableNoKey || ds[0].Pos.Line != 5 {
		t.Errorf("want one [%s] warning on line 5, got:\n%v", codeVariableNoKey, ds)
	}

	wrapped, ds := ParseEnvironment("w.json", []byte(`{"environment": {"name": "w", "values": [{"key": "a", "value": "b"}]}}`))
	if ds.HasErrors() || len(wrapped) != 1 || wrapped[0].Key != "a" {
		t.Errorf("wrapped: %+v\n%v", wrapped, ds)
	}
}

func TestParseEnvironmentRejects(t *testing.T) {
	tests := []struct {
		name, in, code, word string
	}{
		{"empty", "  ", codeEmptyFile, "empty"},
		{"bad json", `{"values": [}`, codeInvalidJSON, "not valid JSON"},
		{"collection", `{"info": {}, "item": []}`, codeNotEnvironment, "-in"},
		{"no values", `{"name": "x"}`, codeNotEnvironment, `"values"`},
		{"array", `[]`, codeNotEnvironment, "JSON list"},
		{"bad entry", `{"name": "x", "values": [3]}`, codeInvalidVariable, "number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vars, ds := ParseEnvironment("env.json", []byte(tt.in))
			if vars != nil || len(ds) != 1 || ds[0].Severity != model.Error || ds[0].Code != tt.code ||
				!strings.Contains(ds[0].Message, tt.word) {
				t.Errorf("got %v, %v; want one [%s] error mentioning %q", vars, ds, tt.code, tt.word)
			}
		})
	}
}
