package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// conformanceFile emits conformance_test.go: for pmgen's conformance
// harness (the conformance/ folder of pmgen's repository), every method
// called with the inputs the collection saved, and the settings the harness
// has to give for the client to be configured as newman is. It is test-only
// and unexported, so the package's API stays what its users see; the
// harness generates the package with Options.ConformanceFixtures and adds
// a driver file that uses it. Users' packages do not get it.
func conformanceFile(api *model.API) *genFile {
	f := newFile(api)
	t := func() jen.Code { return jen.Id("t").Op("*").Qual("testing", "T") }

	// type conformanceSetting struct { key string; url, defaulted bool; saved string; option func(string) Option }
	f.Add(f.doc("conformanceSetting is a client setting as pmgen's conformance harness sees\n" +
		"it: the harness points URL settings at its recorder, keeping the path of\n" +
		"the saved value, and gives the collection's value to settings that do not\n" +
		"default to it (secrets, and variables without a saved value)."))
	f.Type().Id("conformanceSetting").Struct(
		jen.Id("key").String().Comment("the Postman variable, or the spelled-out origin"),
		jen.Id("url").Bool().Comment("holds a scheme and host"),
		jen.Id("defaulted").Bool().Comment("resolves to the collection's value without the option"),
		jen.Id("saved").String().Comment("the saved value of a URL setting, {{variables}} unresolved"),
		jen.Id("option").Func().Params(jen.String()).Id("Option"),
	)

	// func conformanceSettings() []conformanceSetting { return []conformanceSetting{{key: "amUrl", url: true, ...}} }
	f.Add(f.doc("conformanceSettings lists the client settings in collection order."))
	f.Func().Id("conformanceSettings").Params().Index().Id("conformanceSetting").Block(
		jen.Return(jen.Index().Id("conformanceSetting").ValuesFunc(func(g *jen.Group) {
			for _, s := range api.Settings {
				d := jen.Dict{
					jen.Id("key"):    jen.Lit(s.Key),
					jen.Id("option"): jen.Id(s.Option),
				}
				if s.URL {
					d[jen.Id("url")] = jen.True()
					d[jen.Id("saved")] = jen.Lit(s.Default)
				}
				if s.HasDefault || s.Nested != nil {
					d[jen.Id("defaulted")] = jen.True()
				}
				g.Values(d)
			}
		})),
	)

	// type conformanceCall struct { path []string; call func(t *testing.T, c *Client, resolve func(string) string, opts ...Option) error }
	f.Add(f.doc("conformanceCall calls one method with the inputs the collection saved.\n" +
		"path is the item's breadcrumb in the collection, folders first. resolve\n" +
		"substitutes {{variables}} in a saved body as Postman does before sending it."))
	f.Type().Id("conformanceCall").Struct(
		jen.Id("path").Index().String(),
		jen.Id("call").Func().Params(t(), jen.Id("c").Op("*").Id("Client"), jen.Id("resolve").Func().Params(jen.String()).String(), jen.Id("opts").Op("...").Id("Option")).Error(),
	)

	// func conformanceCalls() []conformanceCall { return []conformanceCall{{path: ..., call: func(...) error { ... }}} }
	f.Add(f.doc("conformanceCalls lists a call per request, folders depth first."))
	f.Func().Id("conformanceCalls").Params().Index().Id("conformanceCall").Block(
		jen.Return(jen.Index().Id("conformanceCall").ValuesFunc(func(g *jen.Group) {
			var walk func(svc *model.Service)
			walk = func(svc *model.Service) {
				for _, op := range svc.Ops {
					g.Values(jen.Dict{
						jen.Id("path"): jen.Index().String().ValuesFunc(func(g *jen.Group) {
							for _, p := range op.Path {
								g.Lit(p)
							}
						}),
						jen.Id("call"): jen.Func().Params(t(), jen.Id("c").Op("*").Id("Client"), jen.Id("resolve").Func().Params(jen.String()).String(), jen.Id("opts").Op("...").Id("Option")).Error().BlockFunc(func(g *jen.Group) {
							conformanceCallBody(g, op)
						}),
					})
				}
				for _, sub := range svc.Services {
					walk(sub)
				}
			}
			walk(api.Root)
		})),
	)
	return f
}

// conformanceCallBody calls op with the saved body and path values and no
// params (so that the saved query and header values are sent):
//
//	input := ...
//	_, _, err := c.Sessions.Refresh(context.Background(), resolve("{{id}}"), nil, input, opts...)
//	return err
func conformanceCallBody(g *jen.Group, op *model.Operation) {
	args := []jen.Code{jen.Qual("context", "Background").Call()}
	for _, p := range op.PathArgs {
		args = append(args, jen.Id("resolve").Call(jen.Lit(p.SavedValue)))
	}
	if op.Params != nil {
		args = append(args, jen.Nil())
	}
	if op.Body.HasArg() {
		conformanceInput(g, op)
		args = append(args, jen.Id("input"))
	}
	args = append(args, jen.Id("opts").Op("..."))
	call := jen.Id("c")
	for _, name := range op.Chain {
		call = call.Dot(name)
	}
	call = call.Dot(op.Method).Call(args...)
	if op.ResultStream {
		// A download is left open for the caller, who closes it.
		g.List(jen.Id("got"), jen.Id("_"), jen.Err()).Op(":=").Add(call)
		g.If(jen.Err().Op("==").Nil()).Block(jen.Id("got").Dot("Close").Call())
		g.Return(jen.Err())
		return
	}
	results := []jen.Code{jen.Id("_"), jen.Err()}
	if op.Result != nil || op.ResultRaw {
		results = append([]jen.Code{jen.Id("_")}, results...)
	}
	g.List(results...).Op(":=").Add(call)
	g.Return(jen.Err())
}

// conformanceInput declares the body to send: the saved body with its
// {{variables}} resolved, decoded into the body type; forms and files as
// the generated tests set them.
//
//	var value CreateUserRequest
//	if err := json.Unmarshal([]byte(resolve("{...}")), &value); err != nil { t.Fatalf(...) }
//	input := &value
func conformanceInput(g *jen.Group, op *model.Operation) {
	b := op.Body
	switch {
	case b.Kind == model.BodyBinary && b.Example == "":
		// The collection names no file: Postman sends no body.
		g.Var().Id("input").Qual("io", "Reader")
		return
	case b.Kind == model.BodyURLEncoded || b.Kind == model.BodyMultipart || b.Kind == model.BodyBinary:
		requestInput(g, op)
		return
	}
	example := jen.Lit(b.Example)
	switch {
	case b.ExampleFixture != nil:
		example = readFixture(b.ExampleFixture)
	case b.ExampleUnsaved != "":
		// Bare variables with no saved value take the value newman is
		// given, as a caller sets those fields.
		example = jen.Lit(b.ExampleUnsaved)
	}
	example = jen.Id("resolve").Call(example)
	if b.Kind == model.BodyText {
		g.Id("input").Op(":=").Add(example)
		return
	}
	byPointer := b.Type.Kind == model.KindStruct && !b.Type.Nullable
	name := "input"
	if byPointer {
		name = "value"
	}
	g.Var().Id(name).Add(goType(b.Type))
	g.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Index().Byte().Parens(example), jen.Op("&").Id(name)), jen.Err().Op("!=").Nil()).Block(
		jen.Id("t").Dot("Fatalf").Call(jen.Lit("decoding the saved request body: %v"), jen.Err()),
	)
	if byPointer {
		g.Id("input").Op(":=").Op("&").Id("value")
	}
}
