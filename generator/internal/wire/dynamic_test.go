package wire

import (
	"testing"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// TestDynamicWants: a dynamic path segment is the {{$dynamic}} marker
// between its escaped literals, and a form field left to a dynamic
// default is wanted as the collection spells it, marking the body
// dynamic; a literal field is set by the test and marks nothing.
func TestDynamicWants(t *testing.T) {
	dyn := model.Part{Kind: model.PartDynamic, Dynamic: "guid", Func: "dynamicGUID"}
	lit := func(s string) model.Part { return model.Part{Kind: model.PartLiteral, Text: s} }
	if got, want := Path(model.Template{lit("/a b/s-"), dyn, lit("/x")}), "/a%20b/s-{{$dynamic}}/x"; got != want {
		t.Errorf("Path = %q, want %q", got, want)
	}
	field := func(key string, d model.Template) *model.FormField {
		f := &model.FormField{Key: key, Enabled: true, Defaults: []model.Template{d}}
		f.TestValues = FormTestValues(f.Defaults)
		return f
	}
	form := &model.Form{Fields: []*model.FormField{field("id", model.Template{lit("n-"), dyn}), field("kind", model.Template{lit("plain")})}}
	tc := &model.TestCase{}
	wantBody(tc, &model.Body{Kind: model.BodyURLEncoded, Form: form})
	if want := "id=n-%7B%7B%24guid%7D%7D&kind=plain"; tc.WantBody != want || !tc.WantBodyDynamic {
		t.Errorf("WantBody %q (dynamic %v), want %q (dynamic)", tc.WantBody, tc.WantBodyDynamic, want)
	}
	tc = &model.TestCase{}
	wantBody(tc, &model.Body{Kind: model.BodyURLEncoded, Form: &model.Form{Fields: form.Fields[1:]}})
	if tc.WantBodyDynamic {
		t.Error("a form with literal fields only is marked dynamic")
	}
}
