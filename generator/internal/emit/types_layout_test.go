package emit

import (
	"reflect"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/templates"
)

// typesSource must write what render makes of typesFile, and record the
// same refs: on every golden collection whose types it can write and,
// with $PMGEN_CORPUS, on every such corpus collection.
func TestTypesSourceIsGofmts(t *testing.T) {
	written := eachModel(t, typesFit, func(t *testing.T, api *model.API) {
		checkTypesSource(t, api, true)
	})
	if written < 5 {
		t.Fatalf("typesSource wrote types.go for %d collections; the goldens alone give more", written)
	}
}

func checkTypesSource(t *testing.T, api *model.API, checkDocs bool) {
	t.Helper()
	var wantRefs, gotRefs templates.Refs
	want, err := render("types.go", typesFile(api), &wantRefs, checkDocs)
	if err != nil {
		t.Fatal(err)
	}
	src, err := typesSource(api, &gotRefs, checkDocs)
	if err != nil {
		t.Fatal(err)
	}
	got := string(src)
	if got != string(want) {
		t.Errorf("typesSource differs from gofmt's layout at byte %d:\n%s", firstDiff(got, string(want)), around(got, string(want)))
	}
	if !reflect.DeepEqual(gotRefs, wantRefs) {
		t.Errorf("refs differ:\n got %v\nwant %v", gotRefs, wantRefs)
	}
}

// Shapes the goldens may not hold: non-ASCII names, tags that cannot be
// raw strings, "-", optional and pointer fields, slices and maps of
// structs, one field, one import or none, doc comments that gofmt
// reformats (a list, a code block, a heading) or that are empty.
func TestTypesSourceShapes(t *testing.T) {
	str := &model.TypeRef{Kind: model.KindString}
	inner := &model.Type{Name: "Ünïcode", Doc: "Ünïcode has fields named in Unicode.", Fields: []*model.Field{
		{Name: "Ä", JSONName: "ä", Type: str},
		{Name: "Ärger", JSONName: "ärger", Type: &model.TypeRef{Kind: model.KindSlice, Elem: str}},
		{Name: "B", JSONName: "b", Type: str},
	}}
	ref := &model.TypeRef{Kind: model.KindStruct, Named: inner}
	outer := &model.Type{Name: "Outer", Doc: "Outer is inferred:\n\n  - a list item\n  - another\n\nCode:\n\n\tx := 1\n\n# Heading\n\nmore text", Fields: []*model.Field{
		{Name: "A", JSONName: "a`b", Type: str},
		{Name: "Bquote", JSONName: `q"uote`, Type: str, Optional: true},
		{Name: "Dash", JSONName: "-", Type: &model.TypeRef{Kind: model.KindInt}},
		{Name: "Items", JSONName: "items", Type: &model.TypeRef{Kind: model.KindSlice, Elem: ref}},
		{Name: "ByKey", JSONName: "by_key", Type: &model.TypeRef{Kind: model.KindMap, Elem: &model.TypeRef{Kind: model.KindSlice, Elem: &model.TypeRef{Kind: model.KindFloat}}}},
		{Name: "Ptr", JSONName: "ptr", Type: ref, Pointer: true},
		{Name: "Raw", JSONName: "raw", Type: &model.TypeRef{Kind: model.KindRaw}},
		{Name: "When", JSONName: "when", Type: &model.TypeRef{Kind: model.KindTime}, Optional: true},
		{Name: "LongerFieldNameThanTheOthers", JSONName: "ü", Type: &model.TypeRef{Kind: model.KindBool}},
	}}
	maps := &model.Type{Name: "Maps", Doc: "Maps has no string field but its map keys.\u00a0\nA no-break space ends the line above.", Fields: []*model.Field{
		{Name: "Flags", JSONName: "flags", Type: &model.TypeRef{Kind: model.KindMap, Elem: &model.TypeRef{Kind: model.KindBool}}},
		{Name: "On", JSONName: "on", Type: &model.TypeRef{Kind: model.KindBool}},
	}}
	bare := &model.Type{Name: "Bare", Doc: "Bare has one field, a time.", Fields: []*model.Field{{Name: "OnlyOne", JSONName: "x", Type: &model.TypeRef{Kind: model.KindTime}}}}
	for name, types := range map[string][]*model.Type{
		"both imports": {outer, inner, bare},
		"one import":   {bare},
		"no import":    {inner},
		"maps":         {maps},
	} {
		t.Run(name, func(t *testing.T) {
			api := &model.API{Package: "p", Types: types}
			if !typesFit(api) {
				t.Fatal("typesSource should write these types")
			}
			// Outer's doc is one gofmt rewrites: not a check, but the
			// layout of what it rewrites.
			checkTypesSource(t, api, name != "both imports")
		})
	}
	rewritten := &model.API{Package: "p", Types: []*model.Type{{Name: "R", Doc: "R lists:\n\n  * one\n  * two", Fields: inner.Fields}}}
	if _, err := typesSource(rewritten, &templates.Refs{}, true); err == nil {
		t.Error("a doc comment gofmt rewrites passed the check")
	}
	if _, err := render("types.go", typesFile(rewritten), &templates.Refs{}, true); err == nil {
		t.Error("render no longer checks doc comments; neither need typesSource")
	}
	if typesFit(&model.API{Package: "p", Types: []*model.Type{{Name: "Empty", Doc: "Empty."}}}) {
		t.Error("a struct without fields is left to the printer")
	}
	if typesFit(&model.API{Package: "p", Types: []*model.Type{{Name: "NoDoc", Fields: inner.Fields}}}) {
		t.Error("a type without a doc comment is left to the printer")
	}
	if typesFit(&model.API{Package: "p", Types: []*model.Type{{Name: "E", Fields: inner.Fields, Error: &model.ErrorMessage{Fallback: "x"}}}}) {
		t.Error("an error body's Error method is left to the printer")
	}
}
