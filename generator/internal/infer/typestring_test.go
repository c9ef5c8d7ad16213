package infer

import (
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// typeString prints a TypeRef as a Go-like type expression with struct
// bodies spelled out, so that table expectations stay readable:
//
//	*T        Nullable (for every kind, so that the flag is visible)
//	any, raw  KindAny, KindRaw
//	struct{id int64; name *string,opt}   ",opt" marks Optional
//
// Keys that are not plain words are quoted.
func typeString(r *model.TypeRef) string {
	var b strings.Builder
	writeType(&b, r, 0)
	return b.String()
}

func writeType(b *strings.Builder, r *model.TypeRef, depth int) {
	if r == nil {
		b.WriteString("<nil>")
		return
	}
	if depth > 200 {
		b.WriteString("...")
		return
	}
	if r.Nullable {
		b.WriteByte('*')
	}
	switch r.Kind {
	case model.KindAny:
		b.WriteString("any")
	case model.KindString:
		b.WriteString("string")
	case model.KindInt:
		b.WriteString("int64")
	case model.KindFloat:
		b.WriteString("float64")
	case model.KindBool:
		b.WriteString("bool")
	case model.KindTime:
		b.WriteString("time")
	case model.KindRaw:
		b.WriteString("raw")
	case model.KindSlice:
		b.WriteString("[]")
		writeType(b, r.Elem, depth+1)
	case model.KindMap:
		b.WriteString("map[string]")
		writeType(b, r.Elem, depth+1)
	case model.KindStruct:
		b.WriteString("struct{")
		if r.Named != nil {
			for i, f := range r.Named.Fields {
				if i > 0 {
					b.WriteString("; ")
				}
				b.WriteString(printKey(f.JSONName))
				b.WriteByte(' ')
				writeType(b, f.Type, depth+1)
				if f.Optional {
					b.WriteString(",opt")
				}
			}
		}
		b.WriteByte('}')
	default:
		b.WriteString("kind" + strconv.Itoa(int(r.Kind)))
	}
}

func printKey(k string) string {
	if k == "" {
		return `""`
	}
	for _, c := range k {
		if c == ' ' || c == ';' || c == '{' || c == '}' || c == '"' || c == ',' || c < 0x20 {
			return strconv.Quote(k)
		}
	}
	return k
}
