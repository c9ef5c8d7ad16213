package wire

import (
	"slices"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// TestSend covers each way an entry is sent, by the helper called and the
// kinds of its arguments: a field passes its value, how it was given, and
// the saved values to send when it was not.
func TestSend(t *testing.T) {
	lit := model.Template{{Kind: model.PartLiteral, Text: "x"}}
	q, h := model.InQuery, model.InHeader
	field := []model.SendArgKind{model.ArgText, model.ArgField, model.ArgUse}
	saved := func(n int) []model.SendArgKind {
		out := slices.Clone(field)
		for range n {
			out = append(out, model.ArgTemplate)
		}
		return out
	}
	tests := []struct {
		name string
		p    model.Param
		want string
		args []model.SendArgKind
	}{
		{"verbatim bare", model.Param{In: q, Verbatim: true, NoValue: true}, "addQueryKey", []model.SendArgKind{model.ArgTemplate}},
		{"verbatim", model.Param{In: q, Verbatim: true, Default: lit}, "addQuery", []model.SendArgKind{model.ArgTemplate, model.ArgTemplate}},
		{"selector query", model.Param{In: q, Enabled: true, Fixed: model.FixedSelector, Default: lit}, "addQuery", []model.SendArgKind{model.ArgText, model.ArgTemplate}},
		{"setting header", model.Param{In: h, Enabled: true, Fixed: model.FixedSetting, Default: lit}, "addHeader", []model.SendArgKind{model.ArgText, model.ArgTemplate}},
		{"repeated query", model.Param{In: q, Repeated: true, Enabled: true, Defaults: []model.Template{lit, lit}}, "queryList", saved(2)},
		{"repeated disabled", model.Param{In: q, Repeated: true}, "queryList", saved(0)},
		{"disabled query", model.Param{In: q}, "queryParam", saved(0)},
		{"disabled header", model.Param{In: h}, "headerParam", saved(0)},
		{"null query", model.Param{In: q, Enabled: true, NoValue: true}, "queryFlag", saved(0)},
		{"query", model.Param{In: q, Enabled: true, Default: lit}, "queryParam", saved(1)},
		{"header with default", model.Param{In: h, Enabled: true, Default: lit}, "headerParam", saved(1)},
		{"header saved empty", model.Param{In: h, Enabled: true}, "headerParam", saved(1)},
	}
	for _, tt := range tests {
		s := Send(&tt.p)
		var kinds []model.SendArgKind
		for _, a := range s.Args {
			kinds = append(kinds, a.Kind)
		}
		if s.Helper != tt.want || !slices.Equal(kinds, tt.args) {
			t.Errorf("%s: Send = %s %v; want %s %v", tt.name, s.Helper, kinds, tt.want, tt.args)
		}
	}
}
