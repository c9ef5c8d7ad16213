package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// testJobs emits one _test.go per service file: a table-driven test per
// operation, one row per saved example. A file without tests is left out.
func testJobs(api *model.API) []fileJob {
	var out []fileJob
	if len(api.Root.Ops) > 0 {
		out = append(out, fileJob{"operations_test.go", func() (*jen.File, error) {
			return opTests(api, api.Root.Ops), nil
		}})
	}
	for _, svc := range api.Root.Services {
		out = append(out, fileJob{svc.File + "_test.go", func() (*jen.File, error) {
			return opTests(api, collectOps(svc)), nil
		}})
	}
	return out
}

// collectOps lists a service's operations and those of its sub-services,
// depth first.
func collectOps(svc *model.Service) []*model.Operation {
	ops := append([]*model.Operation(nil), svc.Ops...)
	for _, sub := range svc.Services {
		ops = append(ops, collectOps(sub)...)
	}
	return ops
}

func opTests(api *model.API, ops []*model.Operation) *jen.File {
	f := newFile(api)
	n := 0
	for _, op := range ops {
		if len(op.Tests) == 0 {
			continue
		}
		opTest(f, api.Package, op)
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

// opTest emits
//
//	func TestSessionsRefresh(t *testing.T) {
//		tests := []struct{ ... }{ {name: "Success", status: 200, ...}, ... }
//		for _, tt := range tests { t.Run(tt.name, func(t *testing.T) { ... }) }
//	}
func opTest(f *jen.File, pkg string, op *model.Operation) {
	f.Add(comment(op.TestName + " replays the saved examples of " + op.Method + " and checks what\nthe client sent and decoded."))
	f.Func().Id(op.TestName).Params(jen.Id("t").Op("*").Qual("testing", "T")).BlockFunc(func(g *jen.Group) {
		g.Id("tests").Op(":=").Index().Struct(append([]jen.Code{
			jen.Id("name").String(),
			jen.Id("status").Int(),
			jen.Id("header").Index().Index(jen.Lit(2)).String(),
			jen.Id("body").String(),
			jen.Id("bodyFile").String(),
			jen.Id("bodyJSON").Bool(),
			jen.Id("errorType").String(),
			jen.Id("wantMethod").String(),
			jen.Id("wantPath").String(),
			jen.Id("wantQuery").String(),
			jen.Id("wantHeader").Index().Index(jen.Lit(2)).String(),
			jen.Id("wantBody").String(),
			jen.Id("wantBodyJSON").Bool(),
		}, assertionFields(op)...)...).ValuesFunc(func(g *jen.Group) {
			for _, tc := range op.Tests {
				g.Values(testRow(pkg, op, tc))
			}
		})
		g.For(jen.List(jen.Id("_"), jen.Id("tt")).Op(":=").Range().Id("tests")).Block(
			jen.Id("t").Dot("Run").Call(jen.Id("tt").Dot("name"), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).BlockFunc(func(g *jen.Group) {
				testBody(g, op)
			})),
		)
	})
}

func testRow(pkg string, op *model.Operation, tc *model.TestCase) jen.Dict {
	d := jen.Dict{
		jen.Id("name"):       jen.Lit(tc.Name),
		jen.Id("status"):     jen.Lit(tc.Status),
		jen.Id("wantMethod"): jen.Lit(tc.WantMethod),
		jen.Id("wantPath"):   jen.Lit(tc.WantPath),
	}
	if len(tc.ResponseHeaders) > 0 {
		d[jen.Id("header")] = pairs(tc.ResponseHeaders)
	}
	if tc.ResponseFixture != "" {
		d[jen.Id("bodyFile")] = jen.Lit(tc.ResponseFixture)
	} else if tc.ResponseBody != "" {
		d[jen.Id("body")] = jen.Lit(tc.ResponseBody)
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
	assertionValues(d, tc)
	return d
}

// testBody is the subtest: replay, call, check the request, check the result.
func testBody(g *jen.Group, op *model.Operation) {
	tt := func(name string) *jen.Statement { return jen.Id("tt").Dot(name) }
	skipSubtests(g, op)
	g.Id("body").Op(":=").Add(tt("body"))
	g.If(tt("bodyFile").Op("!=").Lit("")).Block(jen.Id("body").Op("=").Id("readFixture").Call(jen.Id("t"), tt("bodyFile")))
	g.List(jen.Id("srv"), jen.Id("rec")).Op(":=").Id("replay").Call(jen.Id("t"), tt("status"), tt("header"), jen.Id("body"))
	g.Id("c").Op(":=").Id("newTestClient").Call(jen.Id("t"), jen.Id("srv").Dot("URL"))

	args := []jen.Code{jen.Qual("context", "Background").Call()}
	for _, p := range op.PathArgs {
		args = append(args, jen.Lit(p.TestValue))
	}
	if op.Params != nil {
		args = append(args, jen.Nil())
	}
	if hasBodyArg(op.Body) {
		requestInput(g, op)
		args = append(args, jen.Id("input"))
	}
	call := jen.Id("c")
	for _, name := range op.Chain {
		call = call.Dot(name)
	}
	call = call.Dot(op.Method).Call(args...)
	hasResult := op.Result != nil || op.ResultRaw
	if hasResult {
		g.List(jen.Id("got"), jen.Id("resp"), jen.Err()).Op(":=").Add(call)
	} else {
		g.List(jen.Id("resp"), jen.Err()).Op(":=").Add(call)
	}
	requestBodyPrep(g, op)
	g.Id("checkRequest").Call(jen.Id("t"), jen.Id("rec"), tt("wantMethod"), tt("wantPath"), tt("wantQuery"), tt("wantHeader"), tt("wantBody"), tt("wantBodyJSON"))

	// 2xx: the call succeeds and decodes the example without loss.
	success := []jen.Code{
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatalf").Call(jen.Lit("unexpected error: %v"), jen.Err())),
		jen.If(jen.Id("resp").Dot("StatusCode").Op("!=").Add(tt("status"))).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("StatusCode = %d, want %d"), jen.Id("resp").Dot("StatusCode"), tt("status")),
		),
	}
	switch {
	case op.ResultRaw:
		success = append(success, jen.If(jen.String().Call(jen.Id("got")).Op("!=").Id("body")).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("body = %q, want %q"), jen.Id("got"), jen.Id("body")),
		))
	case op.Result != nil:
		success = append(success, jen.If(tt("bodyJSON")).Block(
			jen.Id("checkDecoded").Call(jen.Id("t"), jen.Lit("decoded body"), jen.Id("got"), jen.Id("body")),
		))
	}
	// The collection's pm.test blocks that hold on this example.
	success = append(success, successAssertions(op)...)
	success = append(success, jen.Return())
	g.If(tt("status").Op(">=").Lit(200).Op("&&").Add(tt("status")).Op("<=").Lit(299)).Block(success...)
	if hasResult {
		g.Id("_").Op("=").Id("got")
	}

	// Any other status: an *APIError with the status and the typed body.
	g.Var().Id("apiErr").Op("*").Id("APIError")
	g.If(jen.Op("!").Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("apiErr"))).Block(
		jen.Id("t").Dot("Fatalf").Call(jen.Lit("error = %v, want *APIError"), jen.Err()),
	)
	g.If(jen.Id("apiErr").Dot("StatusCode").Op("!=").Add(tt("status"))).Block(
		jen.Id("t").Dot("Errorf").Call(jen.Lit("APIError.StatusCode = %d, want %d"), jen.Id("apiErr").Dot("StatusCode"), tt("status")),
	)
	g.If(jen.String().Call(jen.Id("apiErr").Dot("Body")).Op("!=").Id("body")).Block(
		jen.Id("t").Dot("Errorf").Call(jen.Lit("APIError.Body = %q, want %q"), jen.Id("apiErr").Dot("Body"), jen.Id("body")),
	)
	g.If(tt("errorType").Op("!=").Lit("")).Block(
		jen.If(jen.Id("got").Op(":=").Qual("fmt", "Sprintf").Call(jen.Lit("%T"), jen.Id("apiErr").Dot("Value")), jen.Id("got").Op("!=").Add(tt("errorType"))).Block(
			jen.Id("t").Dot("Fatalf").Call(jen.Lit("APIError.Value is %s, want %s"), jen.Id("got"), tt("errorType")),
		),
		jen.Id("checkDecoded").Call(jen.Id("t"), jen.Lit("APIError.Value"), jen.Id("apiErr").Dot("Value"), jen.Id("body")),
	)
	errorAssertions(g, op)
}

// typeString spells t as the reflect package does: "[]forgerockam.Item".
func typeString(pkg string, t *model.TypeRef) string {
	return t.Spell(func(n *model.Type) string { return pkg + "." + n.Name })
}
