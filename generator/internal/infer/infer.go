package infer

import (
	"math/bits"
	"slices"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

// Inferrer accumulates named types across one API so that structurally
// equal types are shared. It is not safe for concurrent use.
type Inferrer struct {
	merger
	// interned maps a struct's canonical key (see structkey.go) to its type.
	interned map[string]*model.Type
	// errors maps the canonical key of an error body's fields, in name
	// order, to its type: error bodies are shared among themselves only.
	errors map[string]*model.Type
	// ids numbers the interned types; keys refer to nested structs by id.
	ids map[*model.Type]int
	// types is the listing order of Types; listed marks its members.
	types  []*model.Type
	listed map[*model.Type]bool
	// path is the hint of the place being converted: the caller's words
	// plus the JSON path, a stack pushed and popped while walking.
	path   []string
	keyBuf []byte
}

// New returns an Inferrer with no types.
func New() *Inferrer {
	return &Inferrer{
		interned: map[string]*model.Type{},
		errors:   map[string]*model.Type{},
		ids:      map[*model.Type]int{},
		listed:   map[*model.Type]bool{},
	}
}

// Hint words appended to the path for places that have no key.
const (
	// itemWord names the elements of an array.
	itemWord = "Item"
	// valueWord names the values of a map.
	valueWord = "Value"
)

// Infer merges all samples (the parsed bodies of every example of one
// status, or one request body) into one type; hint names the top-level
// type. It returns nil when there are no samples.
//
// The merge: objects give a struct with the union of their keys in
// first-seen order; a key missing from some sample is Optional; a null
// anywhere makes a place Nullable (only nulls: KindAny, Nullable). Shapes
// that disagree (string and object, array and number...) give KindRaw.
// An array's element type merges every element of every sample; arrays
// that are always empty give []KindAny. Objects whose keys are data (see
// keysAreData) give KindMap of the merged values, and so does {} alone
// (KindMap of KindAny: map[string]json.RawMessage writes back "{}"
// exactly). Values nested deeper than 64 arrays and objects give KindRaw.
//
// Strings: a place whose strings are all RFC 3339 timestamps that
// time.Time decodes and encodes again (see timestamp.go) gives KindTime;
// one other string there, an empty one included, gives KindString. A
// timestamp beside a number, bool, array or object is KindRaw as any
// other string would be, and null makes KindTime Nullable.
//
// Numbers: whole numbers that fit int64 give KindInt. A fraction or an
// exponent ("1.0", "1e3") or a whole number beyond int64 gives KindFloat,
// provided that every number at that place survives float64, that is,
// encoding/json writes back the same value (2^53+1 or
// 12345678901234567890 do not); otherwise KindRaw, which keeps the text.
// Struct types are interned: after merging, a struct equal to one made
// before (same keys in the same order, same field types and flags), in
// this call or an earlier one, is that earlier *model.Type, which keeps
// its Hint. Hints are hint plus the JSON keys down to the struct, with
// "Item" for array elements and "Value" for map values. Names are left
// empty for build.
func (in *Inferrer) Infer(hint []string, samples ...*ordjson.Value) *model.TypeRef {
	if len(samples) == 0 {
		return nil
	}
	root := in.newNode()
	for _, s := range samples {
		in.add(root, s, 0)
	}
	in.path = append(in.path[:0], hint...)
	ref := in.typeOf(root)
	in.list(ref)
	return ref
}

// InferError is Infer for the bodies of an error status. A top-level
// struct is shared with the earlier error bodies that have the same fields
// in any order (same JSON names, types and flags), keeping the first one's
// order, and with nothing else: an error body becomes a type of its own
// that implements error, which a result or a nested struct of the same
// shape must not. Its nested types are shared as Infer shares them. A body
// that is not an object with named fields is typed as Infer types it.
func (in *Inferrer) InferError(hint []string, samples ...*ordjson.Value) *model.TypeRef {
	if len(samples) == 0 {
		return nil
	}
	root := in.newNode()
	for _, s := range samples {
		in.add(root, s, 0)
	}
	in.path = append(in.path[:0], hint...)
	var ref *model.TypeRef
	if root.kinds == seenObject && len(root.fields) > 0 && !keysAreData(root.fields) {
		ref = &model.TypeRef{Kind: model.KindStruct, Nullable: root.null}
		ref.Named = in.internError(in.structFields(root))
	} else {
		ref = in.typeOf(root)
	}
	in.list(ref)
	return ref
}

// Types returns the named struct types created so far, each once, in
// first-seen order: by Infer call, and within a call from the top-level
// type down, fields in order (a parent before its nested types).
func (in *Inferrer) Types() []*model.Type {
	return slices.Clone(in.types)
}

// typeOf turns a merged node into a type expression; in.path is its hint.
func (in *Inferrer) typeOf(n *node) *model.TypeRef {
	ref := &model.TypeRef{Nullable: n.null}
	switch {
	case n.kinds == 0:
		ref.Kind = model.KindAny
	case n.kinds&seenOther != 0 || bits.OnesCount8(uint8(n.kinds)) > 1:
		ref.Kind = model.KindRaw
	case n.kinds == seenString && n.notTime:
		ref.Kind = model.KindString
	case n.kinds == seenString:
		ref.Kind = model.KindTime
	case n.kinds == seenBool:
		ref.Kind = model.KindBool
	case n.kinds == seenNumber:
		ref.Kind = numberKind(n.num)
	case n.kinds == seenArray:
		ref.Kind = model.KindSlice
		if n.elem == nil {
			ref.Elem = &model.TypeRef{Kind: model.KindAny}
		} else {
			ref.Elem = in.typeAt(n.elem, itemWord)
		}
	case n.kinds == seenObject:
		in.objectType(n, ref)
	}
	return ref
}

// typeAt converts a child node with word pushed onto the hint path.
func (in *Inferrer) typeAt(n *node, word string) *model.TypeRef {
	in.path = append(in.path, word)
	ref := in.typeOf(n)
	in.path = in.path[:len(in.path)-1]
	return ref
}

func numberKind(c numClass) model.Kind {
	switch {
	case !c.float && !c.big:
		return model.KindInt
	case c.inexact:
		return model.KindRaw
	default:
		return model.KindFloat
	}
}

// objectType fills ref with a struct or a map for the objects of n.
func (in *Inferrer) objectType(n *node, ref *model.TypeRef) {
	if len(n.fields) == 0 {
		ref.Kind = model.KindMap
		ref.Elem = &model.TypeRef{Kind: model.KindAny}
		return
	}
	if keysAreData(n.fields) {
		ref.Kind = model.KindMap
		values := n.fields[0].node
		if len(n.fields) > 1 {
			values = in.newNode()
			for _, f := range n.fields {
				in.mergeNode(values, f.node)
			}
		}
		ref.Elem = in.typeAt(values, valueWord)
		return
	}
	ref.Kind = model.KindStruct
	ref.Named = in.intern(in.structFields(n))
}

// structFields types the fields of the objects of n, in first-seen order.
func (in *Inferrer) structFields(n *node) []*model.Field {
	fields := make([]*model.Field, len(n.fields))
	for i, f := range n.fields {
		t := in.typeAt(f.node, f.key)
		optional := f.count < n.objects
		fields[i] = &model.Field{
			JSONName: f.key,
			Type:     t,
			Optional: optional,
			Pointer:  optional && pointerable(t),
		}
	}
	return fields
}

// pointerable reports whether an optional field of type t is declared as a
// pointer: a scalar or a struct that is not one already because it was
// null. Slices and maps carry absence as nil.
func pointerable(t *model.TypeRef) bool {
	switch t.Kind {
	case model.KindString, model.KindInt, model.KindFloat, model.KindBool, model.KindTime, model.KindStruct:
		return !t.Nullable
	}
	return false
}

// intern returns the type with these fields, made now or earlier.
func (in *Inferrer) intern(fields []*model.Field) *model.Type {
	in.keyBuf = in.appendStructKey(in.keyBuf[:0], fields)
	if t, ok := in.interned[string(in.keyBuf)]; ok {
		return t
	}
	t := &model.Type{Hint: slices.Clone(in.path), Fields: fields}
	in.interned[string(in.keyBuf)] = t
	in.ids[t] = len(in.ids)
	return t
}

// internError returns the error body with these fields in any order,
// made now or earlier.
func (in *Inferrer) internError(fields []*model.Field) *model.Type {
	byName := slices.Clone(fields)
	slices.SortStableFunc(byName, func(a, b *model.Field) int { return strings.Compare(a.JSONName, b.JSONName) })
	in.keyBuf = in.appendStructKey(in.keyBuf[:0], byName)
	if t, ok := in.errors[string(in.keyBuf)]; ok {
		return t
	}
	t := &model.Type{Hint: slices.Clone(in.path), Fields: fields}
	in.errors[string(in.keyBuf)] = t
	in.ids[t] = len(in.ids)
	return t
}

// list appends to in.types, in pre-order, the types ref reaches that are
// not listed yet. A listed type's nested types are listed already.
func (in *Inferrer) list(ref *model.TypeRef) {
	for ref != nil {
		switch ref.Kind {
		case model.KindSlice, model.KindMap:
			ref = ref.Elem
			continue
		case model.KindStruct:
			t := ref.Named
			if t == nil || in.listed[t] {
				return
			}
			in.listed[t] = true
			in.types = append(in.types, t)
			for _, f := range t.Fields {
				in.list(f.Type)
			}
		}
		return
	}
}
