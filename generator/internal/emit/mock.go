package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/templates"
)

// mockJob is mock.go: the operations' names for the mock server and the
// table of saved examples it serves. The matcher and MockServer are the
// runtime's (templates/runtime/mock_*.go). The table is most of the file
// (600 kB of Fastly's 610), and it is written in gofmt's layout directly
// (mock_table.go) rather than rendered, parsed and printed again, unless a
// value is too long for that layout to hold.
func mockJob(api *model.API) fileJob {
	ops := model.AllOps(api.Root)
	if !tableFits(ops) {
		return fileJob{path: "mock.go", build: func() (*genFile, error) { return mockFile(api, ops, true), nil }}
	}
	return fileJob{
		path:  "mock.go",
		build: func() (*genFile, error) { return mockFile(api, ops, false), nil },
		tail:  func(dst []byte, refs *templates.Refs) []byte { return mockTable(dst, ops, refs) },
	}
}

// mockFile is mock.go as jennifer renders it: the names of the operations,
// NewMockServer and, withTable, mockExamples.
func mockFile(api *model.API, ops []*model.Operation, withTable bool) *genFile {
	f := newFile(api)
	// var (
	//	// OpSessionsLogOut names Sessions.LogOut for MockServer.Respond and MockCalls.
	//	OpSessionsLogOut = MockOp[[]byte]{"Sessions.LogOut"}
	// )
	var names []jen.Code
	for _, op := range ops {
		if op.MockOp == "" {
			continue
		}
		names = append(names,
			jen.Comment(op.MockOp+" names "+op.MockName+" for MockServer.Respond and MockCalls."),
			jen.Id(op.MockOp).Op("=").Id("MockOp").Types(typeCode(op.MockBodyGoType(model.OwnName))).Values(jen.Lit(op.MockName)))
	}
	f.Var().Defs(names...)
	f.Line()

	// func NewMockServer(opts ...MockOption) *MockServer {
	//	return newMockServer(mockExamples(), opts)
	// }
	f.Comment("NewMockServer returns a MockServer that answers requests with the collection's saved")
	f.Comment("examples, matched the way Postman's mock servers match them. Start it with")
	f.Comment("httptest.NewServer and point a client at it with WithBaseURL.")
	f.Func().Id("NewMockServer").Params(jen.Id("opts").Op("...").Id("MockOption")).Op("*").Id("MockServer").Block(
		jen.Return(jen.Id("newMockServer").Call(jen.Id("mockExamples").Call(), jen.Id("opts"))),
	)

	if withTable {
		f.Line()
		mockExamplesFunc(f, ops)
	}
	return f
}

// mockExamplesFunc adds mockExamples to f:
//
//	func mockExamples() []MockExample {
//		return []MockExample{{Op: "Sessions.LogOut", Name: "Logged out", ...}}
//	}
func mockExamplesFunc(f *genFile, ops []*model.Operation) {
	var rows []jen.Code
	for _, op := range ops {
		for _, tc := range op.Tests {
			rows = append(rows, mockRow(op, tc))
		}
	}
	for _, line := range mockExamplesDoc {
		f.Comment(line)
	}
	f.Func().Id("mockExamples").Params().Index().Id("MockExample").Block(
		jen.Return(jen.Index().Id("MockExample").ValuesFunc(func(g *jen.Group) {
			for _, r := range rows {
				g.Add(r)
			}
		})),
	)
}

// mockExamplesDoc is mockExamples' doc comment, one line at a time.
var mockExamplesDoc = []string{
	"mockExamples are the saved examples, in the collection's order, each with the",
	"saved request it answers. A fresh table each time: a server's is its own.",
}

// mockRow is one example: {Op: "…", Name: "…", Status: 200, …}, the
// fields mockFields lists, each value given to jennifer as the text
// mockTable writes, so that both spell every row alike.
func mockRow(op *model.Operation, tc *model.TestCase) jen.Code {
	d := jen.Dict{}
	for _, f := range mockFields(nil, op, tc) {
		d[jen.Id(f.key)] = jen.Op(f.value)
	}
	return jen.Values(d)
}
