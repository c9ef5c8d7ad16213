package override

import (
	"go/token"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/project"
)

// stdShort maps the package names a type override may use without their
// import path to that path: "json.Number" is encoding/json's.
var stdShort = map[string]string{
	"time": "time", "json": "encoding/json", "netip": "net/netip", "url": "net/url",
	"big": "math/big", "net": "net", "http": "net/http", "uuid": "",
}

// retype gives a field the Go type an override names.
func (x *targets) retype(p project.Pair) model.Diagnostics {
	f, ok := x.fields[p.Key.Text]
	if !ok {
		return model.Diagnostics{noMatch(p.Key, "field", x.fieldNames)}
	}
	ref, msg := parseType(p.Value.Text)
	if msg != "" {
		return model.Diagnostics{errorAt(p.Value.Pos, CodeBadType, "%q is not a type pmgen can use: %s", p.Value.Text, msg)}
	}
	ref.Nullable = f.Type != nil && f.Type.Nullable
	f.Type = ref
	return nil
}

// parseType reads a type override's value: a predeclared type, a standard
// library type by its package name (time.Time), or IMPORT.Name.
func parseType(s string) (*model.TypeRef, string) {
	switch s {
	case "string":
		return &model.TypeRef{Kind: model.KindString}, ""
	case "int64":
		return &model.TypeRef{Kind: model.KindInt}, ""
	case "float64":
		return &model.TypeRef{Kind: model.KindFloat}, ""
	case "bool":
		return &model.TypeRef{Kind: model.KindBool}, ""
	case "time.Time":
		return &model.TypeRef{Kind: model.KindTime}, ""
	case "json.RawMessage", "encoding/json.RawMessage":
		return &model.TypeRef{Kind: model.KindRaw}, ""
	case "int", "int8", "int16", "int32", "uint", "uint8", "uint16", "uint32", "uint64", "float32", "byte", "rune", "any":
		return &model.TypeRef{Kind: model.KindExternal, External: &model.GoType{Name: s}}, ""
	}
	i := strings.LastIndex(s, ".")
	if i <= 0 || i == len(s)-1 {
		return nil, "give a predeclared type (int64, string), a standard library type (time.Time) or IMPORT.Name"
	}
	imp, name := s[:i], s[i+1:]
	if !token.IsIdentifier(name) || !token.IsExported(name) {
		return nil, "the type's name " + name + " is not an exported identifier"
	}
	if !strings.Contains(imp, "/") {
		full, ok := stdShort[imp]
		if !ok || full == "" {
			if !strings.Contains(imp, ".") {
				return nil, "the package " + imp + " is not one pmgen knows by its short name; give its import path (net/netip.Addr)"
			}
			full = imp
		}
		imp = full
	}
	if strings.ContainsAny(imp, " \t\"`\\") {
		return nil, "the import path " + imp + " is not valid"
	}
	return &model.TypeRef{Kind: model.KindExternal, External: &model.GoType{Path: imp, Name: name}}, ""
}
