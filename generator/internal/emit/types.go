package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// typesFile emits every named type inferred from the examples.
func typesFile(api *model.API) *genFile {
	f := newFile(api)
	for _, t := range api.Types {
		// type GetSessionInfoResponse struct { Username string `json:"username"` ... }
		f.Add(f.doc(t.Doc))
		f.Type().Id(t.Name).StructFunc(func(g *jen.Group) {
			for _, fld := range t.Fields {
				g.Id(fld.Name).Add(typeCode(fld.GoType(model.OwnName))).Tag(map[string]string{"json": jsonTag(fld)})
			}
		})
		if t.Error != nil {
			errorMethod(f, t)
		}
	}
	return f
}

// jsonTag is the json tag of an inferred field.
func jsonTag(f *model.Field) string {
	tag := f.JSONName
	if tag == "-" {
		// encoding/json reads a bare "-" as "skip this field".
		tag = "-,"
	}
	if f.Optional {
		// omitzero, not omitempty: an empty list or a false that an
		// example saved must survive a round trip.
		tag += ",omitzero"
	}
	return tag
}

// errorMethod emits the Error method of an error body:
//
//	func (e *UnauthorizedError) Error() string {
//		if e.Message != "" { return e.Message }
//		if e.Info != nil && e.Info.Detail != nil && *e.Info.Detail != "" { return *e.Info.Detail }
//		return "401 Unauthorized"
//	}
func errorMethod(f *genFile, t *model.Type) {
	f.Add(f.doc(t.Error.Doc))
	f.Func().Params(jen.Id("e").Op("*").Id(t.Name)).Id("Error").Params().String().BlockFunc(func(g *jen.Group) {
		for _, path := range t.Error.Sources {
			var cond *jen.Statement
			and := func(c *jen.Statement) {
				if cond == nil {
					cond = c
					return
				}
				cond = cond.Op("&&").Add(c)
			}
			value := jen.Id("e")
			for i, fld := range path {
				value = value.Clone().Dot(fld.Name)
				if fld.IsPointer() {
					and(value.Clone().Op("!=").Nil())
					if i == len(path)-1 {
						value = jen.Op("*").Add(value)
					}
				}
			}
			and(value.Clone().Op("!=").Lit(""))
			g.If(cond).Block(jen.Return(value))
		}
		g.Return(jen.Lit(t.Error.Fallback))
	})
}

// typeCode builds the code of a type the model spells: []*Item,
// map[string]json.RawMessage; the import of a qualified name is added.
func typeCode(g model.GoType) *jen.Statement {
	if g.Prefix == "" {
		return jen.Qual(g.Path, g.Name)
	}
	return jen.Op(g.Prefix).Qual(g.Path, g.Name)
}

// goType is t as the package declares it.
func goType(t *model.TypeRef) *jen.Statement {
	return typeCode(t.GoType(model.OwnName))
}

// resultType is the type of a method's first result: *Item, []byte. The
// method must have one.
func resultType(op *model.Operation) *jen.Statement {
	g, _ := op.ResultGoType(model.OwnName)
	return typeCode(g)
}
