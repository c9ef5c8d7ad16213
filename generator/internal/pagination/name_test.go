package pagination

import (
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
)

// TestNameYields checks that the iterators yield to a method that already
// holds their names, and that the README's rule names the parameter.
func TestNameYields(t *testing.T) {
	members := naming.NewScope("ListThings", "ListThingsAll")
	items := &model.Field{JSONName: "data"}
	op := &model.Operation{Method: "ListThings", Pages: &model.Pagination{
		Style: model.PageNumber, Param: &model.Param{Key: "page"}, Items: items,
	}}
	Name(op, members)
	if op.Pages.PagesMethod != "ListThingsPages" || op.Pages.AllMethod == "ListThingsAll" {
		t.Errorf("names = %q, %q; want ListThingsPages and not ListThingsAll", op.Pages.PagesMethod, op.Pages.AllMethod)
	}
	if op.Pages.Rule != "`page` + 1" {
		t.Errorf("rule = %q", op.Pages.Rule)
	}
	if !strings.Contains(op.Pages.PagesDoc, `"page" up by one`) {
		t.Errorf("pages doc does not say how the page advances:\n%s", op.Pages.PagesDoc)
	}
}

func TestNormKey(t *testing.T) {
	for in, want := range map[string]string{"page[number]": "pagenumber", "$skip": "skip", "Next_Token": "nexttoken"} {
		if got := normKey(in); got != want {
			t.Errorf("normKey(%q) = %q, want %q", in, got, want)
		}
	}
}
