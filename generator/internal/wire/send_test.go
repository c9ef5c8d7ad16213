package wire

import (
	"slices"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// TestSend covers each way an entry is sent, by the helper called, when,
// and the kinds of its arguments.
func TestSend(t *testing.T) {
	lit := model.Template{{Kind: model.PartLiteral, Text: "x"}}
	q, h := model.InQuery, model.InHeader
	tests := []struct {
		name  string
		p     model.Param
		want  string
		guard model.SendGuard
		args  []model.SendArgKind
		bare  bool // a bare key is sent when the field is empty
	}{
		{"verbatim bare", model.Param{In: q, Verbatim: true, NoValue: true}, "addQueryKey", model.SendAlways, []model.SendArgKind{model.ArgTemplate}, false},
		{"verbatim", model.Param{In: q, Verbatim: true, Default: lit}, "addQuery", model.SendAlways, []model.SendArgKind{model.ArgTemplate, model.ArgTemplate}, false},
		{"repeated query", model.Param{In: q, Repeated: true, Enabled: true, Defaults: []model.Template{lit, lit}}, "addQueryList", model.SendAlways,
			[]model.SendArgKind{model.ArgText, model.ArgField, model.ArgTemplate, model.ArgTemplate}, false},
		{"repeated header", model.Param{In: h, Repeated: true}, "addHeader", model.SendEach, []model.SendArgKind{model.ArgText, model.ArgValue}, false},
		{"disabled query", model.Param{In: q}, "addQueryParam", model.SendIfSet, []model.SendArgKind{model.ArgText, model.ArgField, model.ArgText}, false},
		{"disabled header", model.Param{In: h}, "addHeader", model.SendIfSet, []model.SendArgKind{model.ArgText, model.ArgField}, false},
		{"null query", model.Param{In: q, Enabled: true, NoValue: true}, "addQueryParam", model.SendIfSet, []model.SendArgKind{model.ArgText, model.ArgField, model.ArgText}, true},
		{"query", model.Param{In: q, Enabled: true, Default: lit}, "addQueryParam", model.SendAlways, []model.SendArgKind{model.ArgText, model.ArgField, model.ArgTemplate}, false},
		{"header with default", model.Param{In: h, Enabled: true, Default: lit}, "addHeader", model.SendAlways, []model.SendArgKind{model.ArgText, model.ArgFieldOr}, false},
		{"header", model.Param{In: h, Enabled: true}, "addHeader", model.SendAlways, []model.SendArgKind{model.ArgText, model.ArgField}, false},
	}
	for _, tt := range tests {
		s := Send(&tt.p)
		var kinds []model.SendArgKind
		for _, a := range s.Args {
			kinds = append(kinds, a.Kind)
		}
		if s.Helper != tt.want || s.Guard != tt.guard || !slices.Equal(kinds, tt.args) || (s.Else != nil) != tt.bare {
			t.Errorf("%s: Send = %s %v %v else %v; want %s %v %v else %v", tt.name, s.Helper, s.Guard, kinds, s.Else != nil, tt.want, tt.guard, tt.args, tt.bare)
		}
	}
}
