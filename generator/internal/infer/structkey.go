package infer

import (
	"strconv"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// Structs are shared through a canonical key: a string that two field
// lists have in common exactly when they are structurally equal. Nested
// structs are interned before their parent, so the key names them by
// their intern id and stays linear in the number of fields.
//
// Grammar (a prefix code, so no two different structs share a key):
//
//	struct := { len ":" name ("o"|"r") type }
//	type   := ["?"] ("a"|"s"|"i"|"f"|"b"|"t"|"r" | "[" type | "m" type | "#" id ";")
//
// with "o"/"r" optional/required, "?" nullable, "[" a slice, "m" a map.

func (in *Inferrer) appendStructKey(b []byte, fields []*model.Field) []byte {
	for _, f := range fields {
		b = strconv.AppendInt(b, int64(len(f.JSONName)), 10)
		b = append(b, ':')
		b = append(b, f.JSONName...)
		if f.Optional {
			b = append(b, 'o')
		} else {
			b = append(b, 'r')
		}
		b = in.appendTypeKey(b, f.Type)
	}
	return b
}

func (in *Inferrer) appendTypeKey(b []byte, ref *model.TypeRef) []byte {
	for ref != nil {
		if ref.Nullable {
			b = append(b, '?')
		}
		switch ref.Kind {
		case model.KindAny:
			return append(b, 'a')
		case model.KindString:
			return append(b, 's')
		case model.KindInt:
			return append(b, 'i')
		case model.KindFloat:
			return append(b, 'f')
		case model.KindBool:
			return append(b, 'b')
		case model.KindTime:
			return append(b, 't')
		case model.KindRaw:
			return append(b, 'r')
		case model.KindSlice:
			b = append(b, '[')
		case model.KindMap:
			b = append(b, 'm')
		case model.KindStruct:
			b = append(b, '#')
			b = strconv.AppendInt(b, int64(in.ids[ref.Named]), 10)
			return append(b, ';')
		default:
			return append(b, 'x')
		}
		ref = ref.Elem
	}
	// A slice or map without an element type; never built here.
	return append(b, '.')
}
