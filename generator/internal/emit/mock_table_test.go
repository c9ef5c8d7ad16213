package emit

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/templates"
)

// mockTable must write what render makes of jennifer's rendering of the
// same table, and record what render would record: on every golden
// collection and, with $PMGEN_CORPUS, on every corpus collection.
func TestMockTableIsGofmts(t *testing.T) {
	tables := eachModel(t, func(api *model.API) bool {
		return hasMock(api.Root) && tableFits(model.AllOps(api.Root))
	}, func(t *testing.T, api *model.API) {
		checkMockTable(t, api, model.AllOps(api.Root))
	})
	if tables < 3 {
		t.Fatalf("only %d collections with a mock table; the goldens should give several", tables)
	}
}

// checkMockTable requires mockTable to write what render makes of the
// table jennifer renders, and to record the same refs.
func checkMockTable(t *testing.T, api *model.API, ops []*model.Operation) {
	t.Helper()
	var wantRefs, gotRefs templates.Refs
	want, err := render("mock.go", mockFile(api, ops, true), &wantRefs, true)
	if err != nil {
		t.Fatal(err)
	}
	head, err := render("mock.go", mockFile(api, ops, false), &gotRefs, true)
	if err != nil {
		t.Fatal(err)
	}
	got := string(mockTable(append(head, '\n'), ops, &gotRefs))
	if got != string(want) {
		t.Errorf("mockTable differs from gofmt's layout at byte %d:\n%s", firstDiff(got, string(want)), around(got, string(want)))
	}
	if !reflect.DeepEqual(gotRefs, wantRefs) {
		t.Errorf("refs differ:\n got %v\nwant %v", gotRefs, wantRefs)
	}
}

// Values no collection of the corpus holds: control bytes, invalid UTF-8,
// line and paragraph separators, empty method and path, a negative
// status, a long body that quotes to four times its size, many headers,
// and rows with no optional field at all.
func TestMockTableOddValues(t *testing.T) {
	var headers []model.KeyValue
	for i := range 300 {
		headers = append(headers, model.KeyValue{Key: strings.Repeat("k", i%7), Value: "v\x00\t\u2028" + strings.Repeat("\xff", i%3)})
	}
	odd := &model.Operation{MockName: "Odd.Values", Tests: []*model.TestCase{
		{Status: -1, ResponseBody: "a\x01b\u2029c\"\\`", ResponseHeaders: headers[:3]},
		{Status: 0},
		{Status: 200, ResponseBody: strings.Repeat("\x01", 100_000), Mock: model.MockRequest{Method: "PÖST", Path: "/a b/\xfe", ID: "\n", Name: "é", Body: "\r\n", Query: headers, Header: headers[:1]}},
	}}
	plain := &model.Operation{MockName: "S.Get", Tests: []*model.TestCase{{Status: 204, Mock: model.MockRequest{Method: "GET", Path: "/"}}}}
	ops := []*model.Operation{plain, odd, plain}
	if !tableFits(ops) {
		t.Fatal("the odd table should fit")
	}
	checkMockTable(t, &model.API{Package: "p", Root: &model.Service{Ops: ops}}, ops)
	// mockRow takes its values from mockFields too, so the comparison
	// above checks layout; the values must be what jen.Lit writes.
	for _, tc := range odd.Tests {
		for _, f := range mockFields(nil, odd, tc) {
			if f.value[0] != '"' {
				continue
			}
			var lit string
			switch f.key {
			case "Body":
				lit = jen.Lit(tc.ResponseBody).GoString()
			case "Method":
				lit = jen.Lit(tc.Mock.Method).GoString()
			case "Path":
				lit = jen.Lit(tc.Mock.Path).GoString()
			case "ID":
				lit = jen.Lit(tc.Mock.ID).GoString()
			case "Name":
				lit = jen.Lit(tc.Mock.Name).GoString()
			case "RequestBody":
				lit = jen.Lit(tc.Mock.Body).GoString()
			case "Op":
				lit = jen.Lit(odd.MockName).GoString()
			}
			if f.value != lit {
				t.Errorf("%s is %s, jen.Lit writes %s", f.key, f.value, lit)
			}
		}
	}
}

// A table with a value that may quote to go/printer's limit of a million
// bytes for a measured pair is left to jennifer and the printer, whatever
// they make of it.
func TestMockTableLeavesLongValues(t *testing.T) {
	op := &model.Operation{MockName: "S.Get", Tests: []*model.TestCase{{Status: 200, ResponseBody: strings.Repeat("\x01", 240_000)}}}
	if !tableFits([]*model.Operation{op}) {
		t.Fatal("a 240 kB body (960 kB quoted) should fit")
	}
	op.Tests[0].ResponseBody = strings.Repeat("x", 260_000)
	if tableFits([]*model.Operation{op}) {
		t.Fatal("a 260 kB body, which may quote to over a million bytes, should not fit")
	}
	op.Tests[0].ResponseBody = ""
	for range 60_000 {
		op.Tests[0].Mock.Header = append(op.Tests[0].Mock.Header, model.KeyValue{Key: "a", Value: "b"})
	}
	if tableFits([]*model.Operation{op}) {
		t.Fatal("60,000 headers, whose pairs may quote to over a million bytes, should not fit")
	}
	if tableFits([]*model.Operation{{MockName: "S.Get"}}) {
		t.Fatal("an empty table should not fit")
	}
}
