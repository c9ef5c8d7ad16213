package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// mockFile is mock.go: the operations' names for the mock server and the
// table of saved examples it serves. The matcher and MockServer are the
// runtime's (templates/runtime/mock_*.go).
func mockFile(api *model.API) *jen.File {
	f := newFile(api)
	ops := model.AllOps(api.Root)
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
	f.Line()

	// func mockExamples() []MockExample {
	//	return []MockExample{{Op: "Sessions.LogOut", Name: "Logged out", ...}}
	// }
	var rows []jen.Code
	for _, op := range ops {
		for _, tc := range op.Tests {
			rows = append(rows, mockRow(op, tc))
		}
	}
	f.Comment("mockExamples are the saved examples, in the collection's order, each with the")
	f.Comment("saved request it answers. A fresh table each time: a server's is its own.")
	f.Func().Id("mockExamples").Params().Index().Id("MockExample").Block(
		jen.Return(jen.Index().Id("MockExample").ValuesFunc(func(g *jen.Group) {
			for _, r := range rows {
				g.Add(r)
			}
		})),
	)
	return f
}

// mockRow is one example: {Op: "…", Name: "…", Status: 200, …}, with the
// fields that are empty left out.
func mockRow(op *model.Operation, tc *model.TestCase) jen.Code {
	d := jen.Dict{
		jen.Id("Op"):     jen.Lit(op.MockName),
		jen.Id("Status"): jen.Lit(tc.Status),
		jen.Id("Method"): jen.Lit(tc.Mock.Method),
		jen.Id("Path"):   jen.Lit(tc.Mock.Path),
	}
	str := func(key, v string) {
		if v != "" {
			d[jen.Id(key)] = jen.Lit(v)
		}
	}
	str("Name", tc.Mock.Name)
	str("ID", tc.Mock.ID)
	str("Body", tc.ResponseBody)
	str("RequestBody", tc.Mock.Body)
	list := func(key string, kvs []model.KeyValue) {
		if len(kvs) > 0 {
			d[jen.Id(key)] = pairs(kvs)
		}
	}
	list("Header", tc.ResponseHeaders)
	list("Query", tc.Mock.Query)
	list("RequestHeader", tc.Mock.Header)
	return jen.Values(d)
}
