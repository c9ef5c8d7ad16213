package model

import "testing"

func TestGoType(t *testing.T) {
	item := &Type{Name: "Item"}
	str := &TypeRef{Kind: KindString}
	st := &TypeRef{Kind: KindStruct, Named: item}
	qualified := func(t *Type) string { return "pkg." + t.Name }
	tests := []struct {
		name string
		got  GoType
		want string
	}{
		{"nil", (*TypeRef)(nil).GoType(OwnName), "json.RawMessage"},
		{"nullable string", (&TypeRef{Kind: KindString, Nullable: true}).GoType(OwnName), "*string"},
		{"slice of nullable structs", (&TypeRef{Kind: KindSlice, Elem: &TypeRef{Kind: KindStruct, Named: item, Nullable: true}}).GoType(qualified), "[]*pkg.Item"},
		{"map of raw", (&TypeRef{Kind: KindMap, Elem: &TypeRef{Kind: KindRaw}}).GoType(OwnName), "map[string]json.RawMessage"},
		{"pointer field", (&Field{Type: str, Optional: true, Pointer: true}).GoType(OwnName), "*string"},
		{"optional slice field", (&Field{Type: &TypeRef{Kind: KindSlice, Elem: str}, Optional: true}).GoType(OwnName), "[]string"},
		{"time", (&TypeRef{Kind: KindTime}).GoType(OwnName), "time.Time"},
		{"nullable time", (&TypeRef{Kind: KindTime, Nullable: true}).GoType(OwnName), "*time.Time"},
		{"optional time field", (&Field{Type: &TypeRef{Kind: KindTime}, Optional: true, Pointer: true}).GoType(OwnName), "*time.Time"},
		{"slice of times", (&TypeRef{Kind: KindSlice, Elem: &TypeRef{Kind: KindTime}}).GoType(OwnName), "[]time.Time"},
		{"repeated file", (&FormField{File: true, Repeated: true}).GoType("File"), "[]*File"},
		{"repeated param", (&Param{Repeated: true}).GoType(), "[]string"},
	}
	for _, tt := range tests {
		if s := tt.got.String(); s != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, s, tt.want)
		}
	}
	if g, _ := (&Operation{Result: st}).ResultGoType(OwnName); g.String() != "*Item" {
		t.Errorf("struct result = %q, want *Item", g)
	}
	if g, ok := (&Body{Kind: BodyGraphQL}).ArgGoType(OwnName); ok {
		t.Errorf("GraphQL body without variables takes %q, want no argument", g)
	}
	if g, _ := (&Body{Kind: BodyBinary}).ArgGoType(OwnName); g.Path != "io" || g.String() != "io.Reader" {
		t.Errorf("binary body = %+v", g)
	}
	if g := (&TypeRef{Kind: KindTime}).GoType(OwnName); g.Path != "time" {
		t.Errorf("time.Time imports %q, want time", g.Path)
	}
	if (&TypeRef{Kind: KindTime}).Nilable() {
		t.Errorf("a time.Time is not nilable")
	}
	if (&Field{Type: &TypeRef{Kind: KindInt, Nullable: true}}).IsPointer() != true {
		t.Errorf("a nullable int field is a pointer")
	}
}
