package emit

import (
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// testJobs emits one _test.go per service file (model.OpFiles), beside
// the methods it tests (x_test.go for x.go, x_part2_test.go for
// x_part2.go): a table-driven test per operation, one row per saved
// example. A file without tests is left out.
func testJobs(api *model.API) []fileJob {
	var out []fileJob
	for _, file := range model.OpFiles(api.Root) {
		out = append(out, fileJob{path: file.Stem + "_test.go", build: func() (*genFile, error) {
			return opTests(api, file.Ops), nil
		}})
	}
	return out
}

// hasExamples reports whether an operation of svc or below has example
// tests, which are what use helpers_test.go.
func hasExamples(svc *model.Service) bool {
	for _, op := range svc.Ops {
		if len(op.Tests) > 0 {
			return true
		}
	}
	return slices.ContainsFunc(svc.Services, hasExamples)
}

func opTests(api *model.API, ops []*model.Operation) *genFile {
	f := newFile(api)
	n := 0
	for _, op := range ops {
		if len(op.Tests) == 0 {
			continue
		}
		opTest(f, api.Package, op)
		if op.Vars != nil && op.Vars.Test != nil {
			varsTest(f, op)
		}
		n++
	}
	if n == 0 {
		return nil
	}
	return f
}

// pairs spells ordered pairs as [][2]string{{"k", "v"}, ...}.
func pairs(kvs []model.KeyValue) jen.Code {
	if len(kvs) == 0 {
		return jen.Nil()
	}
	return jen.Index().Index(jen.Lit(2)).String().ValuesFunc(func(g *jen.Group) {
		for _, kv := range kvs {
			g.Values(jen.Lit(kv.Key), jen.Lit(kv.Value))
		}
	})
}

// opTest emits the example table of one operation and the call it makes;
// runExamples (helpers_test.go) does the rest:
//
//	func TestSessionsRefresh(t *testing.T) {
//		runExamples(t, []example{{name: "Success", mock: 3, ...}, ...},
//			func(t *testing.T, c *Client) (any, *Response, error) {
//				return c.Sessions.Refresh(context.Background(), nil)
//			})
//	}
func opTest(f *genFile, pkg string, op *model.Operation) {
	f.Add(f.doc(op.TestDoc))
	f.Func().Id(op.TestName).Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Id("runExamples").Call(
			jen.Id("t"),
			jen.Index().Id("example").ValuesFunc(func(g *jen.Group) {
				for _, tc := range op.Tests {
					g.Values(testRow(pkg, op, tc))
				}
			}),
			jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T"), jen.Id("c").Op("*").Id("Client")).
				Params(jen.Any(), jen.Op("*").Id("Response"), jen.Error()).BlockFunc(func(g *jen.Group) {
				exampleCall(g, op)
			}),
		),
	)
}

func testRow(pkg string, op *model.Operation, tc *model.TestCase) jen.Dict {
	// The saved response is the row's example in mock.go, which the
	// package's mock server answers with.
	d := jen.Dict{
		jen.Id("name"):       jen.Lit(tc.Name),
		jen.Id("mock"):       jen.Lit(tc.MockIndex),
		jen.Id("wantMethod"): jen.Lit(tc.WantMethod),
		jen.Id("wantPath"):   jen.Lit(tc.WantPath),
	}
	if tc.ResponseJSON {
		d[jen.Id("bodyJSON")] = jen.True()
	}
	if tc.ErrorType != nil {
		// What fmt's %T prints for the value errValue allocates.
		d[jen.Id("errorType")] = jen.Lit("*" + typeString(pkg, tc.ErrorType))
	}
	if tc.WantRawQuery != "" {
		d[jen.Id("wantQuery")] = jen.Lit(tc.WantRawQuery)
	}
	if len(tc.WantHeaders) > 0 {
		d[jen.Id("wantHeader")] = pairs(tc.WantHeaders)
	}
	if tc.WantBody != "" {
		d[jen.Id("wantBody")] = jen.Lit(tc.WantBody)
	}
	if tc.WantBodyJSON {
		d[jen.Id("wantBodyJSON")] = jen.True()
	}
	// A multipart body has a random boundary: the recorded body is
	// compared part by part. Values made afresh on every call are compared
	// by their form.
	switch {
	case op.Body == nil:
	case op.Body.Kind == model.BodyMultipart && tc.WantBodyDynamic:
		d[jen.Id("normaliseBody")] = jen.Id("multipartDynamic")
	case op.Body.Kind == model.BodyMultipart:
		d[jen.Id("normaliseBody")] = jen.Id("multipartText")
	case !tc.WantBodyDynamic:
	case op.Body.Kind == model.BodyURLEncoded:
		d[jen.Id("normaliseBody")] = jen.Id("dynamicForm")
	case tc.WantBodyJSON:
		d[jen.Id("normaliseBody")] = jen.Id("dynamicJSON")
	default:
		d[jen.Id("normaliseBody")] = jen.Id("dynamicText")
	}
	assertionValues(d, tc)
	return d
}

// exampleCall is the body of a table's call: build the saved input, call
// the method with the saved path values and opts, and hand back what it
// returned.
func exampleCall(g *jen.Group, op *model.Operation, opts ...jen.Code) {
	args := []jen.Code{jen.Qual("context", "Background").Call()}
	for _, p := range op.PathArgs {
		args = append(args, jen.Lit(p.TestValue))
	}
	if op.Params != nil {
		args = append(args, jen.Nil())
	}
	if op.Body.HasArg() {
		requestInput(g, op)
		args = append(args, jen.Id("input"))
	}
	call := jen.Id("c")
	for _, name := range op.Chain {
		call = call.Dot(name)
	}
	call = call.Dot(op.Method).Call(append(args, opts...)...)
	switch {
	case op.ResultStream:
		// The stream is read whole, to compare as a raw body, and closed.
		g.List(jen.Id("got"), jen.Id("resp"), jen.Err()).Op(":=").Add(call)
		g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Id("resp"), jen.Err()))
		g.Defer().Id("got").Dot("Close").Call()
		g.List(jen.Id("data"), jen.Err()).Op(":=").Qual("io", "ReadAll").Call(jen.Id("got"))
		g.Return(jen.Id("rawBody").Call(jen.Id("data")), jen.Id("resp"), jen.Err())
	case op.ResultRaw:
		g.List(jen.Id("got"), jen.Id("resp"), jen.Err()).Op(":=").Add(call)
		g.Return(jen.Id("rawBody").Call(jen.Id("got")), jen.Id("resp"), jen.Err())
	case op.Result != nil:
		g.Return(call)
	default:
		g.List(jen.Id("resp"), jen.Err()).Op(":=").Add(call)
		g.Return(jen.Nil(), jen.Id("resp"), jen.Err())
	}
}

// typeString spells t as the reflect package does: "[]forgerockam.Item".
func typeString(pkg string, t *model.TypeRef) string {
	return t.GoType(func(n *model.Type) string { return pkg + "." + n.Name }).String()
}
