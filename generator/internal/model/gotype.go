package model

import (
	"path"
	"strings"
)

// GoType is a Go type expression as generated code declares it, in the
// parts a code builder needs: Prefix is a run of "*", "[]" and
// "map[string]"; Path is the import path of a qualified name
// ("encoding/json"), empty for a predeclared type or one of the package;
// Name is the type's name. Every Go type pmgen writes is spelled here, for
// the generated code, its tests and the API diff alike.
type GoType struct {
	Prefix, Path, Name string
}

// String spells g as source does: "[]*Item", "json.RawMessage".
func (g GoType) String() string {
	if g.Path == "" {
		return g.Prefix + g.Name
	}
	return g.Prefix + path.Base(g.Path) + "." + g.Name
}

// ptr is *g.
func (g GoType) ptr() GoType {
	g.Prefix = "*" + g.Prefix
	return g
}

// rawMessage holds JSON whose shape the examples do not settle.
var rawMessage = GoType{Path: "encoding/json", Name: "RawMessage"}

// timeTime holds an RFC 3339 timestamp.
var timeTime = GoType{Path: "time", Name: "Time"}

// OwnName names a struct type as the package that declares it does.
func OwnName(t *Type) string { return t.Name }

// GoType is the type generated code declares for t: []Item,
// map[string]json.RawMessage, *string. named spells a struct type's name
// (qualified with the package, or mapped to another version's name); a nil
// t, or one of no known kind, is json.RawMessage.
func (t *TypeRef) GoType(named func(*Type) string) GoType {
	if t == nil {
		return rawMessage
	}
	var g GoType
	switch t.Kind {
	case KindString:
		g.Name = "string"
	case KindInt:
		g.Name = "int64"
	case KindFloat:
		g.Name = "float64"
	case KindBool:
		g.Name = "bool"
	case KindTime:
		g = timeTime
	case KindExternal:
		g = *t.External
	case KindSlice:
		g = t.Elem.GoType(named)
		g.Prefix = "[]" + g.Prefix
		return g
	case KindMap:
		g = t.Elem.GoType(named)
		g.Prefix = "map[string]" + g.Prefix
		return g
	case KindStruct:
		g.Name = named(t.Named)
	default:
		return rawMessage
	}
	if t.Nullable {
		return g.ptr()
	}
	return g
}

// ByPointer reports whether a method returns or takes t through a
// pointer it adds: a struct that is not already one.
func (t *TypeRef) ByPointer() bool {
	return t.Kind == KindStruct && !t.Nullable
}

// Nilable reports whether a value of t's Go type can be nil: a pointer
// (structs, nullable values), a slice, a map or raw JSON.
func (t *TypeRef) Nilable() bool {
	if t == nil {
		return true
	}
	switch t.Kind {
	case KindStruct, KindSlice, KindMap, KindAny, KindRaw:
		return true
	}
	return t.Nullable
}

// GoType is the declared type of a struct field.
func (f *Field) GoType(named func(*Type) string) GoType {
	g := f.Type.GoType(named)
	if f.Pointer {
		return g.ptr()
	}
	return g
}

// IsPointer reports whether the field's Go type is a pointer: scalars and
// structs that some example lacked or held null.
func (f *Field) IsPointer() bool {
	return strings.HasPrefix(f.GoType(OwnName).Prefix, "*")
}

// ResultGoType is the type of a method's first result; ok is false when
// it returns only the response and the error.
func (op *Operation) ResultGoType(named func(*Type) string) (g GoType, ok bool) {
	switch {
	case op.ResultStream:
		return GoType{Path: "io", Name: "ReadCloser"}, true
	case op.ResultRaw:
		return GoType{Prefix: "[]", Name: "byte"}, true
	case op.Result == nil:
		return GoType{}, false
	case op.Result.ByPointer():
		return op.Result.GoType(named).ptr(), true
	}
	return op.Result.GoType(named), true
}

// HasArg reports whether the method takes a body argument: every body but
// a GraphQL query without variables does.
func (b *Body) HasArg() bool {
	return b != nil && (b.Kind != BodyGraphQL || b.Type != nil)
}

// ArgGoType is the type of a method's body argument; ok is false when it
// takes none.
func (b *Body) ArgGoType(named func(*Type) string) (g GoType, ok bool) {
	if !b.HasArg() {
		return GoType{}, false
	}
	switch b.Kind {
	case BodyText:
		return GoType{Name: "string"}, true
	case BodyURLEncoded, BodyMultipart:
		return GoType{Prefix: "*", Name: b.Form.TypeName}, true
	case BodyBinary:
		return GoType{Path: "io", Name: "Reader"}, true
	}
	if b.Type.ByPointer() {
		return b.Type.GoType(named).ptr(), true
	}
	return b.Type.GoType(named), true
}

// GoType is the type of a parameter's field: string, int or bool (Kind),
// or []string for a repeated key.
func (p *Param) GoType() GoType {
	switch {
	case p.Repeated:
		return GoType{Prefix: "[]", Name: "string"}
	case p.Kind == ParamInt:
		return GoType{Name: "int"}
	case p.Kind == ParamBool:
		return GoType{Name: "bool"}
	}
	return GoType{Name: "string"}
}

// GoType is the type of a form field: string, []string, *File or []*File,
// where File is fileType.
func (f *FormField) GoType(fileType string) GoType {
	g := GoType{Name: "string"}
	if f.File {
		g = GoType{Prefix: "*", Name: fileType}
	}
	if f.Repeated {
		g.Prefix = "[]" + g.Prefix
	}
	return g
}
