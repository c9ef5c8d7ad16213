package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// bodyDecls emits what a body declares beside its method: the form struct
// and its encoder, or the GraphQL query constant.
func bodyDecls(f *genFile, op *model.Operation) {
	b := op.Body
	if b == nil {
		return
	}
	switch b.Kind {
	case model.BodyURLEncoded, model.BodyMultipart:
		formStruct(f, op)
	case model.BodyGraphQL:
		// const CreateUserQuery = `mutation ($name: String!) { ... }`
		f.Add(f.doc(b.QueryDoc))
		f.Const().Id(b.QueryConst).Op("=").Add(stringLit(b.Query))
	}
}

// stringLit spells s as a raw string literal when it can be one, so that a
// multi-line GraphQL document reads as written; otherwise as a quoted one.
func stringLit(s string) jen.Code {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '`' || c == '\r' || (c < ' ' && c != '\n' && c != '\t') || c == 0x7f {
			return jen.Lit(s)
		}
	}
	if s == "" || strings.ContainsRune(s, '\uFEFF') {
		return jen.Lit(s)
	}
	return jen.Op("`" + s + "`")
}

// requestBody encodes the body argument into r. For a JSON body:
//
//	data, err := json.Marshal(body); if err != nil { return ... }; r.body = data
func requestBody(g *jen.Group, op *model.Operation) {
	b := op.Body
	fail := func(what string) jen.Code {
		return jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(errorResults(op, jen.Qual("fmt", "Errorf").Call(jen.Lit(pkgPrefix(op)+what+": %w"), jen.Err()))...))
	}
	switch b.Kind {
	case model.BodyText:
		g.Id("r").Dot("body").Op("=").Add(filled(b, jen.Index().Byte().Parens(jen.Id("body"))))
	case model.BodyURLEncoded:
		// if body == nil { body = new(XForm) }; r.body = encodeForm(body.pairs(cfg))
		g.If(jen.Id("body").Op("==").Nil()).Block(jen.Id("body").Op("=").New(jen.Id(b.Form.TypeName)))
		g.Id("r").Dot("body").Op("=").Id("encodeForm").Call(jen.Id("body").Dot("pairs").Call(jen.Id("cfg")))
	case model.BodyMultipart:
		// var err error; r.body, r.contentType, err = encodeMultipart(body.parts(cfg))
		g.If(jen.Id("body").Op("==").Nil()).Block(jen.Id("body").Op("=").New(jen.Id(b.Form.TypeName)))
		g.List(jen.Id("r").Dot("body"), jen.Id("r").Dot("contentType"), jen.Err()).Op("=").Id("encodeMultipart").Call(jen.Id("body").Dot("parts").Call(jen.Id("cfg")))
		g.Add(fail("encoding request body"))
	case model.BodyBinary:
		// if body != nil { data, err := io.ReadAll(body); ...; r.body = data }
		g.If(jen.Id("body").Op("!=").Nil()).Block(
			jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual("io", "ReadAll").Call(jen.Id("body")),
			fail("reading request body"),
			jen.Id("r").Dot("body").Op("=").Id("data"),
			// No file, no body and no Content-Type, as in Postman.
			jen.Id("r").Dot("contentType").Op("=").Lit(b.ContentType),
		)
		return
	case model.BodyGraphQL:
		// data, err := json.Marshal(graphQLRequest{Query: XQuery, Variables: body})
		fields := []jen.Code{jen.Id("Query").Op(":").Id(b.QueryConst)}
		if b.Type != nil {
			fields = append(fields, jen.Id("Variables").Op(":").Id("body"))
		}
		if b.NullVariables {
			// Variables: json.RawMessage("null")
			fields = append(fields, jen.Id("Variables").Op(":").Qual("encoding/json", "RawMessage").Call(jen.Lit("null")))
		}
		g.List(jen.Id("data"), jen.Err()).Op(":=").Qual("encoding/json", "Marshal").Call(jen.Id("graphQLRequest").Values(fields...))
		g.Add(fail("encoding request body"))
		g.Id("r").Dot("body").Op("=").Add(filled(b, jen.Id("data")))
	default:
		marshal := []jen.Code{
			jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual("encoding/json", "Marshal").Call(jen.Id("body")),
			fail("encoding request body"),
			jen.Id("r").Dot("body").Op("=").Add(filled(b, jen.Id("data"))),
		}
		if !b.Type.Nilable() {
			g.Add(jen.Block(marshal...))
			break
		}
		// if body != nil { data, err := json.Marshal(body); ...; r.body = data }
		// A nil body sends no body, not the JSON text null.
		g.If(jen.Id("body").Op("!=").Nil()).Block(marshal...)
		if b.ContentType != "" {
			g.If(jen.Id("body").Op("!=").Nil()).Block(jen.Id("r").Dot("contentType").Op("=").Lit(b.ContentType))
		}
		return
	}
	if b.ContentType != "" {
		g.Id("r").Dot("contentType").Op("=").Lit(b.ContentType)
	}
}

// filled is the encoded body data with the dynamic variables the saved
// body spells made afresh, when it spells any:
//
//	fillDynamics(data, map[string]func() string{"timestamp": dynamicTimestamp})
func filled(b *model.Body, data jen.Code) jen.Code {
	if len(b.Dynamics) == 0 {
		return data
	}
	vars := jen.Dict{}
	for _, p := range b.Dynamics {
		vars[jen.Lit(p.Dynamic)] = jen.Id(p.Func)
	}
	return jen.Id("fillDynamics").Call(data, jen.Map(jen.String()).Func().Params().String().Values(vars))
}

// readFixture reads a saved body from the package's testdata:
//
//	readFixture(t, "sessions.txt", "SessionsCreate")
func readFixture(f *model.Fixture) *jen.Statement {
	return jen.Id("readFixture").Call(jen.Id("t"), jen.Lit(f.File), jen.Lit(f.Name))
}

// requestInput declares the body the test sends: the collection's saved
// body, decoded into the body type, the saved form values, or a small
// fixed file.
func requestInput(g *jen.Group, op *model.Operation) {
	b := op.Body
	switch b.Kind {
	case model.BodyURLEncoded, model.BodyMultipart:
		// input := &XForm{Amount: "2000", Doc: &File{Name: "a.pdf", Content: strings.NewReader("a.pdf")}}
		g.Id("input").Op(":=").Op("&").Id(b.Form.TypeName).Values(formInput(b.Form))
		return
	case model.BodyBinary:
		// input := strings.NewReader("payload.bin")
		g.Id("input").Op(":=").Qual("strings", "NewReader").Call(jen.Lit(b.Example))
		return
	}
	example := jen.Lit(b.Example)
	if b.ExampleFixture != nil {
		example = readFixture(b.ExampleFixture)
	}
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
		// The method takes struct bodies by pointer.
		g.Id("input").Op(":=").Op("&").Id("value")
	}
}
