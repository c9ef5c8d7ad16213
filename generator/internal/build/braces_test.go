package build

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

func TestMalformedBraces(t *testing.T) {
	tests := []struct {
		text       string
		strayClose bool
		wantOff    int
		wantWhat   string // "" when well formed
	}{
		{"https://{{apihost}}/x", true, 0, ""},
		{"https://{{apihost}/x", true, 8, `"{{" has no closing "}}"`},
		{"{{a}}/{{b", true, 6, `"{{" has no closing "}}"`},
		{"x}}", true, 1, `"}}" has no opening "{{"`},
		{`{"a":{"b":1}}`, false, 0, ""},
		{`{"a":{"b":1}}`, true, 11, `"}}" has no opening "{{"`},
		{"a{{}}b", false, 1, `"{{}}" names no variable`},
		{"{{hello_{{var}}}}", true, 0, ""},
		{"{{{a}}}", true, 0, ""},
		{"", true, 0, ""},
	}
	for _, tt := range tests {
		off, what := malformedBraces(tt.text, tt.strayClose)
		if what != tt.wantWhat || (what != "" && off != tt.wantOff) {
			t.Errorf("malformedBraces(%q, %v) = %d, %q; want %d, %q", tt.text, tt.strayClose, off, what, tt.wantOff, tt.wantWhat)
		}
	}
}

// TestTemplateMatchesPostman: a reference is {{name}} with no brace in the
// name, innermost first, as Postman's pattern matches; the rest is text.
func TestTemplateMatchesPostman(t *testing.T) {
	tests := []struct{ text, want string }{
		{"https://{{apihost}/x", `"https://{{apihost}/x"`},
		{"{{a}/{{b}}", `"{{a}/" b`},
		{"{{a}b}}{{c}}", `"{{a}b}}" c`},
		{"{{{a}}}", `"{" a "}"`},
		{"{{}}", `"{{}}"`},
		{"x{{hello_{{var}}}}", `"x{{hello_" var "}}"`},
	}
	for _, tt := range tests {
		// A Content-Type header keeps its value as a template.
		it := request("r", "GET", "https://x.example.com/")
		it.Request.Header = []load.Pair{{Key: "Content-Type", Value: tt.text}}
		// b has a saved value, which must not be resolved at generation
		// time where no name encloses it.
		api := mustBuild(t, &load.Collection{File: "c.json", Items: []*load.Item{it}, Variables: []load.Variable{{Key: "b", Value: "bee"}}})
		var parts []string
		for _, p := range api.Root.Ops[0].FixedHeaders[0].Value {
			switch p.Kind {
			case model.PartLiteral:
				parts = append(parts, fmt.Sprintf("%q", p.Text))
			case model.PartSetting:
				parts = append(parts, p.Setting.Key)
			}
		}
		if got := strings.Join(parts, " "); got != tt.want {
			t.Errorf("template(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

// TestFormBraces: a form field's name or value with a malformed reference
// is warned about, naming the field; a file field's path and a disabled
// field are not checked.
func TestFormBraces(t *testing.T) {
	it := request("r", "POST", "https://x.example.com/")
	it.Request.Body = &load.Body{Mode: "formdata", FormData: []load.Pair{
		{Key: "ok", Value: "{{name}}", Type: "text"},
		{Key: "unclosed", Value: "{{name", Type: "text"},
		{Key: "x}}", Value: "1", Type: "text"},
		{Key: "off", Value: "{{}}", Type: "text", Disabled: true},
		{Key: "file", Src: "/tmp/{{x", Type: "file"},
	}}
	_, diags := Build(&load.Collection{File: "c.json", Items: []*load.Item{it}}, Options{})
	var got []string
	for _, d := range diags {
		if d.Code == "malformed-template" {
			got = append(got, d.Message[:strings.Index(d.Message, ";")])
		}
	}
	want := []string{
		`form field "unclosed" value, byte 1: "{{" has no closing "}}"`,
		`form field "x}}" name, byte 2: "}}" has no opening "{{"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
