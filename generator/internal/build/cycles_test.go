package build

import (
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// TestVariableCycle: a reference cycle is a warning on each request that
// uses it (directly or through a variable leading into it), a cycle no
// request uses is reported once at the variable, other requests build
// without a word, and the cycle's members fall back to their saved text.
func TestVariableCycle(t *testing.T) {
	col := &load.Collection{
		Name: "c",
		Variables: []load.Variable{
			{Key: "base", Value: "https://api.example.com"},
			{Key: "a", Value: "{{b}}"}, {Key: "b", Value: "{{a}}"},
			{Key: "c", Value: "x-{{a}}"},
			{Key: "p", Value: "{{q}}"}, {Key: "q", Value: "{{p}}"},
		},
		Items: []*load.Item{
			request("Uses A", "GET", "{{base}}/a/{{a}}"),
			request("Uses C", "GET", "{{base}}/c/{{c}}"),
			request("Plain", "GET", "{{base}}/plain"),
		},
	}
	api, diags := Build(col, Options{})
	if api == nil {
		t.Fatalf("Build failed: %v", diags)
	}
	var got []string
	for _, d := range diags {
		if d.Code != codeVariableCycle {
			continue
		}
		if d.Severity != model.Warning {
			t.Errorf("%v is not a warning", d)
		}
		got = append(got, strings.Join(d.Pos.Path, " › ")+": "+d.Message)
	}
	want := []string{
		`Uses A: {{a}} refers to itself through a → b → a; the request sends its saved text "{{b}}" unresolved, as Postman does, unless WithA sets it`,
		`Uses C: {{c}} leads into the variable cycle a → b → a; the request sends it resolved up to the cycle, whose text stays as written, unless WithC sets it`,
		`variable "p": the variable refers to itself through p → q → p; no request uses it`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("cycle warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, s := range api.Settings {
		if s.Key == "a" && (s.Nested != nil || !s.HasDefault || s.Default != "{{b}}") {
			t.Errorf("setting a: nested %v, default %q (%v); want the saved text, not nested", s.Nested, s.Default, s.HasDefault)
		}
	}
}
