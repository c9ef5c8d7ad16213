package infer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

// This file holds the test oracles: accepts checks that a type can hold a
// sample; roundTrip goes further and does what the generated tests do,
// with a Go type built by reflection following the emit rules below.

// accepts reports why ref cannot hold v, or nil when it can.
func accepts(ref *model.TypeRef, v *ordjson.Value) error {
	return acceptsAt(ref, plain(v), "$", 0)
}

func acceptsAt(ref *model.TypeRef, v Value, path string, depth int) error {
	if ref == nil {
		return fmt.Errorf("%s: nil type", path)
	}
	if depth > maxParseDepth {
		return fmt.Errorf("%s: too deep", path)
	}
	if ref.Kind == model.KindRaw || ref.Kind == model.KindAny {
		return nil // json.RawMessage holds anything
	}
	if v == nil {
		if !ref.Nullable {
			return fmt.Errorf("%s: null in a non-nullable %s", path, typeString(ref))
		}
		return nil
	}
	switch ref.Kind {
	case model.KindString:
		if _, ok := v.(string); !ok {
			return fmt.Errorf("%s: %T is not a string", path, v)
		}
	case model.KindBool:
		if _, ok := v.(bool); !ok {
			return fmt.Errorf("%s: %T is not a bool", path, v)
		}
	case model.KindTime:
		str, ok := v.(string)
		if !ok {
			return fmt.Errorf("%s: %T is not a string", path, v)
		}
		var tm time.Time
		if err := json.Unmarshal([]byte(strconv.Quote(str)), &tm); err != nil {
			return fmt.Errorf("%s: %q is not a time.Time: %v", path, str, err)
		}
	case model.KindInt:
		n, ok := v.(json.Number)
		if !ok {
			return fmt.Errorf("%s: %T is not a number", path, v)
		}
		if _, err := strconv.ParseInt(string(n), 10, 64); err != nil {
			return fmt.Errorf("%s: %s is not an int64", path, n)
		}
	case model.KindFloat:
		n, ok := v.(json.Number)
		if !ok {
			return fmt.Errorf("%s: %T is not a number", path, v)
		}
		// Independent of sameDecimal: compare exact rationals.
		f, err := strconv.ParseFloat(string(n), 64)
		if err != nil {
			return fmt.Errorf("%s: %s is not a float64: %v", path, n, err)
		}
		if !ratEqual(string(n), strconv.FormatFloat(f, 'g', -1, 64)) {
			return fmt.Errorf("%s: %s does not survive float64 (%v)", path, n, f)
		}
	case model.KindSlice:
		arr, ok := v.([]Value)
		if !ok {
			return fmt.Errorf("%s: %T is not an array", path, v)
		}
		for i, e := range arr {
			if err := acceptsAt(ref.Elem, e, fmt.Sprintf("%s[%d]", path, i), depth+1); err != nil {
				return err
			}
		}
	case model.KindMap:
		obj, ok := v.(Object)
		if !ok {
			return fmt.Errorf("%s: %T is not an object", path, v)
		}
		for _, m := range obj {
			if err := acceptsAt(ref.Elem, m.Value, path+"."+m.Key, depth+1); err != nil {
				return err
			}
		}
	case model.KindStruct:
		obj, ok := v.(Object)
		if !ok {
			return fmt.Errorf("%s: %T is not an object", path, v)
		}
		byName := map[string]*model.Field{}
		for _, f := range ref.Named.Fields {
			byName[f.JSONName] = f
		}
		seen := map[string]bool{}
		for _, m := range obj {
			f, ok := byName[m.Key]
			if !ok {
				return fmt.Errorf("%s: key %q has no field", path, m.Key)
			}
			seen[m.Key] = true
			if err := acceptsAt(f.Type, m.Value, path+"."+m.Key, depth+1); err != nil {
				return err
			}
		}
		for _, f := range ref.Named.Fields {
			if !f.Optional && !seen[f.JSONName] {
				return fmt.Errorf("%s: required key %q missing", path, f.JSONName)
			}
		}
	default:
		return fmt.Errorf("%s: unknown kind %d", path, ref.Kind)
	}
	return nil
}

// ratEqual compares two number texts as exact rationals. Identical texts
// are equal whatever their size; big.Rat refuses huge exponents.
func ratEqual(a, b string) bool {
	if a == b || zeroText(a) && zeroText(b) {
		return true
	}
	ra, ok1 := new(big.Rat).SetString(a)
	rb, ok2 := new(big.Rat).SetString(b)
	return ok1 && ok2 && ra.Cmp(rb) == 0
}

// zeroText reports whether a number's mantissa is all zeros, whatever its
// exponent (big.Rat refuses 0e99999999999).
func zeroText(s string) bool {
	mant, _, _ := strings.Cut(strings.ToLower(s), "e")
	return strings.Trim(mant, "-0.") == ""
}

// goTypes builds Go types for TypeRefs by reflection, following the rules
// that emit is expected to follow (and that this test proves round-trip);
// a field is a pointer where the model's Field.Pointer says so:
//
//   - KindAny and KindRaw are json.RawMessage;
//   - KindTime is time.Time;
//   - scalars and structs are pointers when Nullable or Optional;
//   - slices and maps are never pointers (nil carries null);
//   - omitempty only on Optional pointer and json.RawMessage fields, never
//     on slices and maps, where it would drop a present [] or {};
//   - the key "-" is spelled `json:"-,"`.
type goTypes struct {
	structs map[*model.Type]reflect.Type
}

var rawMessageType = reflect.TypeFor[json.RawMessage]()

func (g *goTypes) of(ref *model.TypeRef, optional bool) reflect.Type {
	var t reflect.Type
	switch ref.Kind {
	case model.KindAny, model.KindRaw:
		return rawMessageType
	case model.KindString:
		t = reflect.TypeFor[string]()
	case model.KindInt:
		t = reflect.TypeFor[int64]()
	case model.KindFloat:
		t = reflect.TypeFor[float64]()
	case model.KindBool:
		t = reflect.TypeFor[bool]()
	case model.KindTime:
		t = reflect.TypeFor[time.Time]()
	case model.KindSlice:
		return reflect.SliceOf(g.of(ref.Elem, false))
	case model.KindMap:
		return reflect.MapOf(reflect.TypeFor[string](), g.of(ref.Elem, false))
	case model.KindStruct:
		t = g.structOf(ref.Named)
	}
	if ref.Nullable || optional {
		return reflect.PointerTo(t)
	}
	return t
}

func (g *goTypes) structOf(nt *model.Type) reflect.Type {
	if t, ok := g.structs[nt]; ok {
		return t
	}
	fields := make([]reflect.StructField, len(nt.Fields))
	for i, f := range nt.Fields {
		ft := g.of(f.Type, f.Pointer)
		name := f.JSONName
		if name == "-" {
			name = "-,"
		}
		if f.Optional && (ft.Kind() == reflect.Pointer || ft == rawMessageType) {
			name += ",omitempty"
		}
		fields[i] = reflect.StructField{
			Name: fmt.Sprintf("F%d", i),
			Type: ft,
			Tag:  reflect.StructTag(`json:"` + name + `"`),
		}
	}
	t := reflect.StructOf(fields)
	g.structs[nt] = t
	return t
}

// roundTrip decodes v (written as strict JSON) into the Go type for ref,
// encodes it again and checks that the result equals v as JSON, null and a
// missing key counting alike: what every generated test does.
func roundTrip(ref *model.TypeRef, tree *ordjson.Value) error {
	v := plain(tree)
	g := &goTypes{structs: map[*model.Type]reflect.Type{}}
	t := g.of(ref, false)
	text := encodeValue(nil, v)
	p := reflect.New(t)
	dec := json.NewDecoder(bytes.NewReader(text))
	if err := dec.Decode(p.Interface()); err != nil {
		return fmt.Errorf("decode %s into %s: %v", text, typeString(ref), err)
	}
	out, err := json.Marshal(p.Elem().Interface())
	if err != nil {
		return fmt.Errorf("encode: %v", err)
	}
	got, err := parse(string(out))
	if err != nil {
		return fmt.Errorf("re-parse %s: %v", out, err)
	}
	if !jsonEqual(v, plain(got), 0) {
		return fmt.Errorf("round trip through %s changed\n%s\ninto\n%s", typeString(ref), text, out)
	}
	return nil
}

// encodeValue writes v as strict JSON, numbers as their original text.
func encodeValue(b []byte, v Value) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...)
	case bool:
		return strconv.AppendBool(b, v)
	case json.Number:
		return append(b, v...)
	case string:
		s, _ := json.Marshal(v)
		return append(b, s...)
	case []Value:
		b = append(b, '[')
		for i, e := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = encodeValue(b, e)
		}
		return append(b, ']')
	case Object:
		b = append(b, '{')
		for i, m := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = encodeValue(b, m.Key)
			b = append(b, ':')
			b = encodeValue(b, m.Value)
		}
		return append(b, '}')
	}
	panic(fmt.Sprintf("encodeValue: %T", v))
}

// jsonEqual compares two values as JSON: numbers by value, objects as sets
// of keys, with a null member equal to a missing one.
func jsonEqual(a, b Value, depth int) bool {
	if depth > maxParseDepth {
		return false
	}
	switch a := a.(type) {
	case nil:
		return b == nil
	case bool:
		return a == b
	case string:
		bs, ok := b.(string)
		return ok && (a == bs || sameTimestamp(a, bs))
	case json.Number:
		bn, ok := b.(json.Number)
		return ok && ratEqual(string(a), string(bn))
	case []Value:
		bb, ok := b.([]Value)
		if !ok || len(a) != len(bb) {
			return false
		}
		for i := range a {
			if !jsonEqual(a[i], bb[i], depth+1) {
				return false
			}
		}
		return true
	case Object:
		bo, ok := b.(Object)
		if !ok {
			return false
		}
		return objectCovers(a, bo, depth) && objectCovers(bo, a, depth)
	}
	return false
}

// timestampText matches an RFC 3339 timestamp in its parts: the date and
// time to the second, the fraction, the offset.
var timestampText = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$`)

// sameTimestamp reports whether a and b spell one RFC 3339 timestamp in
// the two ways time.Time may rewrite it: trailing zeros of the fraction
// dropped, a zero offset written Z. Independent of the rule in
// timestamp.go, and exact: a fraction cut short is not the same.
func sameTimestamp(a, b string) bool {
	canon := func(s string) (string, bool) {
		m := timestampText.FindStringSubmatch(s)
		if m == nil {
			return "", false
		}
		frac := strings.TrimRight(m[2], "0")
		if frac == "." {
			frac = ""
		}
		zone := m[3]
		if zone == "+00:00" || zone == "-00:00" {
			zone = "Z"
		}
		return m[1] + frac + zone, true
	}
	ca, ok1 := canon(a)
	cb, ok2 := canon(b)
	return ok1 && ok2 && ca == cb
}

// objectCovers: every non-null member of a is in b with an equal value.
func objectCovers(a, b Object, depth int) bool {
	for _, m := range a {
		if m.Value == nil {
			continue
		}
		bv, _ := b.Get(m.Key)
		if !jsonEqual(m.Value, bv, depth+1) {
			return false
		}
	}
	return true
}
