package conformance

import (
	"hash/fnv"
	"strconv"
	"strings"
	"testing"
)

// jsonBareVars finds the variables that a raw body uses bare, outside any
// JSON string ({"id": {{id}}}): such a variable is meant to hold a JSON
// value, so the harness gives it one when the collection saves none. The
// text test value would splice into invalid JSON on newman's side, where
// the client sends the JSON value it is given.
func jsonBareVars(root map[string]any) map[string]bool {
	out := map[string]bool{}
	var visit func(v any)
	visit = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if raw, ok := x["raw"].(string); ok && str(x["mode"]) == "raw" {
				for _, name := range bareRefs(raw) {
					out[name] = true
				}
			}
			for _, e := range x {
				visit(e)
			}
		case []any:
			for _, e := range x {
				visit(e)
			}
		}
	}
	visit(root)
	return out
}

// bareRefs lists the {{name}} references of text that stand outside JSON
// strings, scanning quotes and backslash escapes as JSON does.
func bareRefs(text string) []string {
	var out []string
	inString := false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case !inString && c == '{' && i+1 < len(text) && text[i+1] == '{':
			if m := varRef.FindStringSubmatchIndex(text[i:]); m != nil && m[0] == 0 {
				out = append(out, text[i+m[2]:i+m[3]])
				i += m[1] - 1
			}
		}
	}
	return out
}

// bareTestValue is the JSON number a bare body variable is given: derived
// from its name, so that two variables swapped show as a difference.
func bareTestValue(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	return strconv.Itoa(1000 + int(h.Sum32()%9000))
}

func TestBareRefs(t *testing.T) {
	for text, want := range map[string]string{
		`{"id": {{id}}, "name": "{{name}}"}`:             "id",
		`{"a": "x\"{{q}}", "b": [ {{first}}, {{two}} ]}`: "first two",
		`{{whole}}`:                        "whole",
		`{"s": "{{in}} \\", "n": {{out}}}`: "out",
		`{"none": "{{x}}"}`:                "",
	} {
		if got := strings.Join(bareRefs(text), " "); got != want {
			t.Errorf("bareRefs(%s) = %q, want %q", text, got, want)
		}
	}
}
