package apidiff

import "github.com/pmgen/pmgen/generator/internal/model"

// The spellings below follow emit (types.go, service.go, body.go): the
// diff compares what a caller's code is written against, so two models
// that spell the same Go types are the same API.

// names maps a named type to the name it is compared under: for the old
// model, the name of the new type it corresponds to, so that a renamed
// type is reported once, as a rename, and not again at every use.
type names func(*model.Type) string

func ownName(t *model.Type) string { return t.Name }

// spell writes a type expression: []Item, map[string]json.RawMessage, *string.
func spell(t *model.TypeRef, name names) string { return t.Spell(name) }

// spellField is a struct field's type: scalars and structs that some
// example lacked are pointers.
func spellField(f *model.Field, name names) string {
	s := spell(f.Type, name)
	if f.Optional && !f.Type.Nullable {
		switch f.Type.Kind {
		case model.KindString, model.KindInt, model.KindFloat, model.KindBool, model.KindStruct:
			return "*" + s
		}
	}
	return s
}

// spellResult is a method's first result, "" when it returns only the
// response and the error.
func spellResult(op *model.Operation, name names) string {
	switch {
	case op.ResultRaw:
		return "[]byte"
	case op.Result == nil:
		return ""
	case op.Result.Kind == model.KindStruct && !op.Result.Nullable:
		return "*" + spell(op.Result, name)
	}
	return spell(op.Result, name)
}

// spellBody is the type of a method's body argument, "" when it has none.
func spellBody(b *model.Body, name names) string {
	if b == nil || (b.Kind == model.BodyGraphQL && b.Type == nil) {
		return ""
	}
	switch b.Kind {
	case model.BodyText:
		return "string"
	case model.BodyURLEncoded, model.BodyMultipart:
		return "*" + b.Form.TypeName
	case model.BodyBinary:
		return "io.Reader"
	}
	if b.Type != nil && b.Type.Kind == model.KindStruct && !b.Type.Nullable {
		return "*" + spell(b.Type, name)
	}
	return spell(b.Type, name)
}
