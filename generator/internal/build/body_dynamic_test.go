package build

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pmgen/pmgen/generator/internal/load"
)

// TestBodyDynamics: the dynamic variables a saved body spells are
// recorded for the method to fill, each once in order of first use, for
// JSON strings, text and GraphQL; bare ones in JSON (made null to type the
// body) and unknown names are not, the latter with a warning.
func TestBodyDynamics(t *testing.T) {
	cases := []struct {
		name string
		body *load.Body
		want []string
		warn string
	}{
		{"JSON strings", &load.Body{Mode: "raw", Language: "json",
			Raw: `{"a": "EXT-{{$timestamp}}", "b": ["{{$randomUUID}}", "{{$timestamp}}"], "{{$guid}}": 1}`},
			[]string{"timestamp", "randomUUID", "guid"}, ""},
		{"bare value", &load.Body{Mode: "raw", Language: "json", Raw: `{"n": {{$randomInt}}, "s": "{{region}}"}`}, nil,
			"{{$randomInt}} stands as a bare JSON value"},
		{"bare and quoted", &load.Body{Mode: "raw", Language: "json", Raw: `{"n": {{$randomInt}}, "s": "r-{{$randomInt}}"}`},
			[]string{"randomInt"}, "{{$randomInt}} stands as a bare JSON value"},
		{"text", &load.Body{Mode: "raw", Language: "text", Raw: "id {{$guid}} at {{$isoTimestamp}}"},
			[]string{"guid", "isoTimestamp"}, ""},
		{"GraphQL query and variables", &load.Body{Mode: "graphql", GraphQLQuery: `{ a(at: "{{$timestamp}}") }`,
			GraphQLVariables: `{"id": "{{$guid}}"}`}, []string{"timestamp", "guid"}, ""},
		{"unknown", &load.Body{Mode: "raw", Language: "json", Raw: `{"c": "{{$randomCity}} {{$guid}}"}`},
			[]string{"guid"}, "{{$randomCity}} in the body"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			op, _, diags := bodyOp(t, "POST", tc.body)
			var got []string
			for _, p := range op.Body.Dynamics {
				if p.Func != dynamicFunc(p.Dynamic) {
					t.Errorf("{{$%s}} is made by %s", p.Dynamic, p.Func)
				}
				got = append(got, p.Dynamic)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Dynamics (-want +got):\n%s", diff)
			}
			text := diags.Error()
			if tc.warn == "" && (strings.Contains(text, "unknown-dynamic-variable") || strings.Contains(text, "dynamic-bare-json")) {
				t.Errorf("unexpected warning: %s", text)
			}
			if tc.warn != "" && !strings.Contains(text, tc.warn) {
				t.Errorf("diagnostics %q do not warn of %q", text, tc.warn)
			}
			if len(tc.want) > 0 && !strings.Contains(op.Doc, "{{$"+tc.want[0]+"}}") {
				t.Errorf("the method's doc does not say it fills {{$%s}}:\n%s", tc.want[0], op.Doc)
			}
		})
	}
}
