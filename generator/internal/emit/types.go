package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// typesFile emits every named type inferred from the examples.
func typesFile(api *model.API) *jen.File {
	f := newFile(api)
	for _, t := range api.Types {
		// type GetSessionInfoResponse struct { Username string `json:"username"` ... }
		f.Add(comment(t.Doc))
		f.Type().Id(t.Name).StructFunc(func(g *jen.Group) {
			for _, fld := range t.Fields {
				tag := fld.JSONName
				if tag == "-" {
					// encoding/json reads a bare "-" as "skip this field".
					tag = "-,"
				}
				if fld.Optional {
					// omitzero, not omitempty: an empty list or a false that an
					// example saved must survive a round trip.
					tag += ",omitzero"
				}
				g.Id(fld.Name).Add(fieldType(fld)).Tag(map[string]string{"json": tag})
			}
		})
	}
	return f
}

// fieldType is the Go type of a struct field: scalars and structs become
// pointers when the examples show them missing or null, so that zero values
// and absence stay apart.
func fieldType(fld *model.Field) *jen.Statement {
	t := goType(fld.Type)
	if fld.Optional && !fld.Type.Nullable && pointerable(fld.Type) {
		return jen.Op("*").Add(t)
	}
	return t
}

func pointerable(t *model.TypeRef) bool {
	switch t.Kind {
	case model.KindString, model.KindInt, model.KindFloat, model.KindBool, model.KindStruct:
		return true
	}
	return false
}

// goType spells a type expression: []Item, map[string]json.RawMessage, *string.
func goType(t *model.TypeRef) *jen.Statement {
	if t == nil {
		return jen.Qual("encoding/json", "RawMessage")
	}
	var s *jen.Statement
	switch t.Kind {
	case model.KindString:
		s = jen.String()
	case model.KindInt:
		s = jen.Int64()
	case model.KindFloat:
		s = jen.Float64()
	case model.KindBool:
		s = jen.Bool()
	case model.KindSlice:
		return jen.Index().Add(goType(t.Elem))
	case model.KindMap:
		return jen.Map(jen.String()).Add(goType(t.Elem))
	case model.KindStruct:
		s = jen.Id(t.Named.Name)
	default:
		// null, missing or conflicting shapes: keep the bytes.
		return jen.Qual("encoding/json", "RawMessage")
	}
	if t.Nullable {
		return jen.Op("*").Add(s)
	}
	return s
}
