package emit

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/build"
	"github.com/pmgen/pmgen/generator/internal/corpus"
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/templates"
)

// mockTable must write what render makes of jennifer's rendering of the
// same table, and record what render would record: on every golden
// collection and, with $PMGEN_CORPUS, on every corpus collection.
func TestMockTableIsGofmts(t *testing.T) {
	paths, _ := filepath.Glob("../../testdata/golden/*/input.postman_collection.json")
	if _, ok := corpus.Dir(); ok {
		more, _ := filepath.Glob(filepath.Join(corpus.Require(t), "*.json"))
		paths = append(paths, more...)
	}
	tables := 0
	for _, path := range paths {
		api := modelOf(t, path)
		if api == nil || !hasMock(api.Root) {
			continue
		}
		ops := model.AllOps(api.Root)
		if !tableFits(ops) {
			continue
		}
		tables++
		t.Run(filepath.Base(filepath.Dir(path))+"/"+filepath.Base(path), func(t *testing.T) {
			var wantRefs, gotRefs templates.Refs
			want, err := render("mock.go", mockFile(api, ops, false), &wantRefs, true)
			if err != nil {
				t.Fatal(err)
			}
			head, err := render("mock.go", mockFile(api, ops, true), &gotRefs, true)
			if err != nil {
				t.Fatal(err)
			}
			got := string(head) + "\n" + string(mockTable(ops, &gotRefs))
			if got != string(want) {
				t.Errorf("mockTable differs from gofmt's layout at byte %d:\n%s", firstDiff(got, string(want)), around(got, string(want)))
			}
			if !reflect.DeepEqual(gotRefs, wantRefs) {
				t.Errorf("refs differ:\n got %v\nwant %v", gotRefs, wantRefs)
			}
		})
	}
	if tables < 3 {
		t.Fatalf("only %d collections with a mock table; the goldens should give several", tables)
	}
}

// A table with a value too long for go/printer to align is left to
// jennifer and the printer, whatever they make of it.
func TestMockTableLeavesLongValues(t *testing.T) {
	op := &model.Operation{MockName: "S.Get", Tests: []*model.TestCase{{Status: 200, ResponseBody: strings.Repeat("\x01", 100_000)}}}
	if !tableFits([]*model.Operation{op}) {
		t.Fatal("a 100 kB body (400 kB quoted) should fit")
	}
	op.Tests[0].ResponseBody = strings.Repeat("x", 130_000)
	if tableFits([]*model.Operation{op}) {
		t.Fatal("a 130 kB body, which may quote to over 500 kB, should not fit")
	}
	if tableFits([]*model.Operation{{MockName: "S.Get"}}) {
		t.Fatal("an empty table should not fit")
	}
}

// modelOf loads and builds the collection at path; nil when it does not
// build (the corpus holds one that is rejected on purpose).
func modelOf(t *testing.T, path string) *model.API {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, diags := load.Parse(path, data)
	if diags.HasErrors() {
		return nil
	}
	api, diags := build.Build(c, build.Options{})
	if diags.HasErrors() {
		return nil
	}
	return api
}

func firstDiff(a, b string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// around shows both texts near their first difference.
func around(got, want string) string {
	i := firstDiff(got, want)
	lo := max(0, i-200)
	return "--- got\n" + got[lo:min(len(got), i+200)] + "\n--- want\n" + want[lo:min(len(want), i+200)]
}
