package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// bodyType is the Go type of a method's body argument.
func bodyType(b *model.Body) *jen.Statement {
	if b.Kind == model.BodyText {
		return jen.String()
	}
	return resultType(b.Type)
}

// requestBody encodes the body argument:
//
//	data, err := json.Marshal(body); if err != nil { return ... }; r.body = data
func requestBody(g *jen.Group, op *model.Operation) {
	b := op.Body
	switch b.Kind {
	case model.BodyText:
		g.Id("r").Dot("body").Op("=").Index().Byte().Parens(jen.Id("body"))
	default:
		g.List(jen.Id("data"), jen.Err()).Op(":=").Qual("encoding/json", "Marshal").Call(jen.Id("body"))
		g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(errorResults(op, jen.Qual("fmt", "Errorf").Call(jen.Lit(pkgPrefix(op)+"encoding request body: %w"), jen.Err()))...))
		g.Id("r").Dot("body").Op("=").Id("data")
	}
	if b.ContentType != "" {
		g.Id("r").Dot("contentType").Op("=").Lit(b.ContentType)
	}
}

// requestInput declares the body the test sends: the collection's saved
// body, decoded into the body type.
func requestInput(g *jen.Group, op *model.Operation) {
	b := op.Body
	example := jen.Lit(b.Example)
	if b.ExampleFixture != "" {
		example = jen.Id("readFixture").Call(jen.Id("t"), jen.Lit(b.ExampleFixture))
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
