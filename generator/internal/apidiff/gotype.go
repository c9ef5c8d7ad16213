package apidiff

import "github.com/pmgen/pmgen/generator/internal/model"

// The diff compares what a caller's code is written against, so two models
// that spell the same Go types (model.GoType, as emit writes them) are the
// same API.

// names maps a named type to the name it is compared under: for the old
// model, the name of the new type it corresponds to, so that a renamed
// type is reported once, as a rename, and not again at every use.
type names func(*model.Type) string

func ownName(t *model.Type) string { return t.Name }

// spellField is a struct field's type.
func spellField(f *model.Field, name names) string { return f.GoType(name).String() }

// spellResult is a method's first result, "" when it returns only the
// response and the error.
func spellResult(op *model.Operation, name names) string {
	t, _ := op.ResultGoType(name)
	return t.String()
}

// spellBody is the type of a method's body argument, "" when it has none.
func spellBody(b *model.Body, name names) string {
	t, _ := b.ArgGoType(name)
	return t.String()
}
