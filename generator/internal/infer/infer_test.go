package infer

import (
	"slices"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

// mustParse parses every text or fails the test.
func mustParse(t testing.TB, texts ...string) []*ordjson.Value {
	t.Helper()
	vs := make([]*ordjson.Value, len(texts))
	for i, s := range texts {
		v, err := parse(s)
		if err != nil {
			t.Fatalf("Parse(%q): %v", s, err)
		}
		vs[i] = v
	}
	return vs
}

func TestInferShapes(t *testing.T) {
	deep := strings.Repeat("[", 100) + "1" + strings.Repeat("]", 100)
	tests := []struct {
		name    string
		samples []string
		want    string
	}{
		// scalars and numbers
		{"string", []string{`"a"`}, "string"},
		{"bool", []string{`true`, `false`}, "bool"},
		{"int", []string{`1`, `-2`}, "int64"},
		{"fraction is float", []string{`1.0`}, "float64"},
		{"exponent is float", []string{`1e3`}, "float64"},
		{"int and float", []string{`1`, `1.5`}, "float64"},
		{"null alone", []string{`null`}, "*any"},
		{"null and int", []string{`null`, `3`}, "*int64"},
		{"minus zero", []string{`-0`}, "int64"},
		{"int64 max", []string{`9223372036854775807`}, "int64"},
		{"int beyond 2^53 stays int", []string{`9007199254740993`}, "int64"},
		{"int beyond 2^53 with float", []string{`9007199254740993`, `0.5`}, "raw"},
		{"big int exact in float64", []string{`100000000000000000000`}, "float64"},
		{"big int not exact", []string{`12345678901234567890`}, "raw"},
		{"big int with int", []string{`1`, `18446744073709551616`}, "raw"},
		{"too many digits", []string{`0.10000000000000000001`}, "raw"},
		{"overflow", []string{`1e400`}, "raw"},
		{"underflow", []string{`1e-400`}, "raw"},
		{"zero with huge exponent", []string{`0e99999999999`}, "float64"},
		{"short float", []string{`0.1`, `2.5e-3`, `1E+2`}, "float64"},

		// timestamps (timestamp_test.go has the rule's cases)
		{"timestamp", []string{`"2021-01-01T00:00:00Z"`}, "time"},
		{"timestamp with millis and offset", []string{`"2021-01-01T00:00:00.000Z"`, `"2021-06-30T23:59:59.5+05:30"`}, "time"},
		{"timestamp and other string", []string{`"2021-01-01T00:00:00Z"`, `"soon"`}, "string"},
		{"other string then timestamp", []string{`"soon"`, `"2021-01-01T00:00:00Z"`}, "string"},
		{"timestamp and empty string", []string{`"2021-01-01T00:00:00Z"`, `""`}, "string"},
		{"timestamp and zoneless one", []string{`"2021-01-01T00:00:00Z"`, `"2021-01-01T00:00:00"`}, "string"},
		{"timestamp and date", []string{`"2021-01-01T00:00:00Z"`, `"2021-01-01"`}, "string"},
		{"timestamp and null", []string{`{"at":"2021-01-01T00:00:00Z"}`, `{"at":null}`}, "struct{at *time}"},
		{"optional timestamp", []string{`{"at":"2021-01-01T00:00:00Z","id":1}`, `{"id":2}`}, "struct{at time,opt; id int64}"},
		{"timestamp vs number", []string{`{"at":"2021-01-01T00:00:00Z"}`, `{"at":1609459200}`}, "struct{at raw}"},
		{"timestamps in an array", []string{`["2021-01-01T00:00:00Z","2021-01-02T00:00:00.25-07:00"]`}, "[]time"},
		{"array with a non-timestamp", []string{`["2021-01-01T00:00:00Z","tomorrow"]`}, "[]string"},
		{"timestamp map values", []string{`{"1":"2021-01-01T00:00:00Z","2":"2021-01-02T00:00:00Z"}`}, "map[string]time"},
		{"map values mixed", []string{`{"1":"2021-01-01T00:00:00Z","2":"x"}`}, "map[string]string"},
		{"nested across samples", []string{`{"u":{"seen":"2021-01-01T00:00:00Z"}}`, `{"u":{"seen":"2021-13-01T00:00:00Z"}}`}, "struct{u struct{seen string}}"},

		// objects
		{"object", []string{`{"id":1,"name":"x"}`}, "struct{id int64; name string}"},
		{"optional", []string{`{"a":1,"b":2}`, `{"a":3}`}, "struct{a int64; b int64,opt}"},
		{"first-seen order", []string{`{"a":1,"c":2}`, `{"b":1,"a":2}`}, "struct{a int64; c int64,opt; b int64,opt}"},
		{"nullable", []string{`{"a":null}`, `{"a":"x"}`}, "struct{a *string}"},
		{"only null", []string{`{"a":null}`}, "struct{a *any}"},
		{"null and missing", []string{`{"a":null,"b":1}`, `{"b":2}`}, "struct{a *any,opt; b int64}"},
		{"int then float field", []string{`{"n":1}`, `{"n":1.25}`}, "struct{n float64}"},
		{"nested", []string{`{"user":{"address":{"city":"x"}}}`}, "struct{user struct{address struct{city string}}}"},
		{"nested optional inside", []string{`{"u":{"a":1}}`, `{"u":{"b":true}}`}, "struct{u struct{a int64,opt; b bool,opt}}"},
		{"nullable struct", []string{`{"u":{"a":1}}`, `{"u":null}`}, "struct{u *struct{a int64}}"},
		{"duplicate key last wins", []string{`{"a":1,"a":"x"}`}, "struct{a string}"},
		{"unicode keys", []string{`{"名前":"x","ça va":1}`}, `struct{名前 string; "ça va" int64}`},
		{"odd but valid tag keys", []string{`{"@odata.context":"x","Content-Type":"y","-":1}`}, "struct{@odata.context string; Content-Type string; - int64}"},

		// conflicts
		{"string vs object", []string{`{"a":"x"}`, `{"a":{"b":1}}`}, "struct{a raw}"},
		{"number vs string", []string{`1`, `"1"`}, "raw"},
		{"array vs object", []string{`[]`, `{}`}, "raw"},
		{"bool vs number", []string{`[true, 1]`}, "[]raw"},
		{"conflict with null", []string{`{"a":"x"}`, `{"a":1}`, `{"a":null}`}, "struct{a *raw}"},

		// arrays
		{"top-level array", []string{`[{"id":1},{"id":2,"x":true}]`}, "[]struct{id int64; x bool,opt}"},
		{"arrays across samples", []string{`[{"id":1}]`, `[{"id":2.5}]`}, "[]struct{id float64}"},
		{"empty array", []string{`[]`}, "[]any"},
		{"empty then full", []string{`{"a":[]}`, `{"a":[1]}`}, "struct{a []int64}"},
		{"nullable elements", []string{`[1,null]`}, "[]*int64"},
		{"only null elements", []string{`[null]`}, "[]*any"},
		{"nested arrays", []string{`[[1],[2.5],[]]`}, "[][]float64"},
		{"nullable array", []string{`{"a":[1]}`, `{"a":null}`}, "struct{a *[]int64}"},

		// maps
		{"empty object", []string{`{}`}, "map[string]any"},
		{"empty object field", []string{`{"a":{}}`}, "struct{a map[string]any}"},
		{"empty then keyed", []string{`{}`, `{"a":1}`}, "struct{a int64,opt}"},
		{"numeric keys", []string{`{"1":{"a":1},"2":{"a":2,"b":"x"}}`}, "map[string]struct{a int64; b string,opt}"},
		{"uuid keys", []string{`{"3f2504e0-4f89-11d3-9a0c-0305e82c3301":1,"6ba7b810-9dad-11d1-80b4-00c04fd430c8":2.5}`}, "map[string]float64"},
		{"date keys", []string{`{"2023-01-01":[1],"2023-01-02T10:00:00Z":[]}`}, "map[string][]int64"},
		{"hash keys", []string{`{"5f2b6c1e9d3a4b7c8e0f1a2b":true}`}, "map[string]bool"},
		{"email keys", []string{`{"ann@example.com":"x"}`}, "map[string]string"},
		{"path keys", []string{`{"/users/{id}":{"get":1}}`}, "map[string]struct{get int64}"},
		{"empty key forces map", []string{`{"":1,"a":2}`}, "map[string]int64"},
		{"comma key forces map", []string{`{"a,b":1,"c":"x"}`}, "map[string]raw"},
		{"emoji key forces map", []string{`{"😀":1}`}, "map[string]int64"},
		{"map values nullable", []string{`{"1":null,"2":3}`}, "map[string]*int64"},
		{"many odd keys", []string{`{"a b!":1,"c?d":2,"e(f)":3,"g+h":4,"i*j":5,"k%l":6,"m&n":7,"o=p":8}`}, "map[string]int64"},
		{"few odd keys stay struct", []string{`{"a+b":1,"c":2}`}, "struct{a+b int64; c int64}"},
		{"mixed keys stay struct", []string{`{"total":2,"1":"x"}`}, "struct{total int64; 1 string}"},
		{"maps merged across samples", []string{`{"1":{"a":1}}`, `{"2":{"a":null}}`}, "map[string]struct{a *int64}"},

		// depth
		{"deep nesting", []string{deep}, strings.Repeat("[]", maxDepth) + "raw"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			samples := mustParse(t, tc.samples...)
			ref := New().Infer([]string{"T"}, samples...)
			if got := typeString(ref); got != tc.want {
				t.Errorf("Infer(%s)\n got %s\nwant %s", strings.Join(tc.samples, ", "), got, tc.want)
			}
			for i, s := range samples {
				if err := accepts(ref, s); err != nil {
					t.Errorf("sample %d not accepted: %v", i, err)
				}
				if err := roundTrip(ref, s); err != nil {
					t.Errorf("sample %d: %v", i, err)
				}
			}
		})
	}
}

func TestInferNoSamples(t *testing.T) {
	in := New()
	if ref := in.Infer([]string{"T"}); ref != nil {
		t.Errorf("Infer() = %s, want nil", typeString(ref))
	}
	if n := len(in.Types()); n != 0 {
		t.Errorf("Types() has %d types, want 0", n)
	}
}

// TestInferDuplicateKeysByHand: a tree built with a repeated key keeps
// the last value, like ordjson.Parse and encoding/json.
func TestInferDuplicateKeysByHand(t *testing.T) {
	obj := &ordjson.Value{Kind: ordjson.Object, Members: []ordjson.Member{
		{Key: "a", Value: ordjson.NewNumber("1")}, {Key: "b", Value: ordjson.NewBool(true)}, {Key: "a", Value: ordjson.NewString("x")}}}
	other := &ordjson.Value{Kind: ordjson.Object, Members: []ordjson.Member{{Key: "a", Value: ordjson.NewString("y")}}}
	got := typeString(New().Infer([]string{"T"}, obj, other))
	if want := "struct{a string; b bool,opt}"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestInferCyclicValue: a hand-built cyclic value stops at maxDepth.
func TestInferCyclicValue(t *testing.T) {
	a := &ordjson.Value{Kind: ordjson.Array}
	a.Elems = []*ordjson.Value{a}
	got := typeString(New().Infer([]string{"T"}, a))
	if want := strings.Repeat("[]", maxDepth) + "raw"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestInferHints(t *testing.T) {
	in := New()
	hint := []string{"Get", "User", "Response"}
	ref := in.Infer(hint, mustParse(t, `{"address":{"city":"x"},"items":[{"id":1}],"byId":{"42":{"n":"x"}}}`)...)
	hint[0] = "Mutated" // the caller's slice must not be kept
	got := map[string][]string{}
	for _, ty := range in.Types() {
		got[ty.Fields[0].JSONName] = ty.Hint
		if ty.Name != "" || ty.Fields[0].Name != "" {
			t.Errorf("names must be left to build: %q %q", ty.Name, ty.Fields[0].Name)
		}
	}
	want := map[string][]string{
		"address": {"Get", "User", "Response"},
		"city":    {"Get", "User", "Response", "address"},
		"id":      {"Get", "User", "Response", "items", "Item"},
		"n":       {"Get", "User", "Response", "byId", "Value"},
	}
	for k, w := range want {
		if !slices.Equal(got[k], w) {
			t.Errorf("hint of the type with field %q = %q, want %q", k, got[k], w)
		}
	}
	if ref.Named.Hint[0] != "Get" {
		t.Errorf("top-level hint aliased the caller's slice: %q", ref.Named.Hint)
	}
}

// TestInferTypesOrder: parents before their nested types, calls in order.
func TestInferTypesOrder(t *testing.T) {
	in := New()
	in.Infer([]string{"A"}, mustParse(t, `{"x":{"y":{"z":1}},"w":{"v":true}}`)...)
	in.Infer([]string{"B"}, mustParse(t, `[{"q":"s"}]`)...)
	in.Infer([]string{"C"}, mustParse(t, `{"z":2}`)...) // shared with A.x.y
	var got []string
	for _, ty := range in.Types() {
		got = append(got, strings.Join(ty.Hint, "."))
	}
	want := []string{"A", "A.x", "A.x.y", "A.w", "B.Item"}
	if !slices.Equal(got, want) {
		t.Errorf("Types() hints = %q, want %q", got, want)
	}
	// Types returns a copy.
	in.Types()[0] = nil
	if in.Types()[0] == nil {
		t.Error("Types() exposes internal state")
	}
}

func TestInferSharing(t *testing.T) {
	t.Run("within one document", func(t *testing.T) {
		in := New()
		ref := in.Infer([]string{"T"}, mustParse(t, `{"from":{"id":1,"name":"a"},"to":{"id":2,"name":"b"},"via":[{"id":3,"name":"c"}]}`)...)
		f := ref.Named.Fields
		if f[0].Type.Named != f[1].Type.Named || f[0].Type.Named != f[2].Type.Elem.Named {
			t.Errorf("equal structs not shared: %p %p %p", f[0].Type.Named, f[1].Type.Named, f[2].Type.Elem.Named)
		}
		if got := len(in.Types()); got != 2 {
			t.Errorf("Types() = %d types, want 2", got)
		}
		if h := f[1].Type.Named.Hint; !slices.Equal(h, []string{"T", "from"}) {
			t.Errorf("shared type hint = %q, want the first place's", h)
		}
		// TypeRefs themselves are not shared, only the named types.
		if f[0].Type == f[1].Type {
			t.Error("TypeRef pointers shared between fields")
		}
	})
	t.Run("across calls", func(t *testing.T) {
		in := New()
		a := in.Infer([]string{"A"}, mustParse(t, `{"id":1}`)...)
		b := in.Infer([]string{"B"}, mustParse(t, `[{"id":5}]`)...)
		if a.Named != b.Elem.Named {
			t.Error("equal structs of two calls not shared")
		}
		if got := len(in.Types()); got != 1 {
			t.Errorf("Types() = %d types, want 1", got)
		}
	})
	t.Run("after merging", func(t *testing.T) {
		// The two places differ in each sample but merge to the same type.
		in := New()
		ref := in.Infer([]string{"T"}, mustParse(t, `{"a":{"x":1},"b":{"x":2.5}}`, `{"a":{"x":0.5},"b":{"x":1}}`)...)
		if ref.Named.Fields[0].Type.Named != ref.Named.Fields[1].Type.Named {
			t.Error("structs equal after merging not shared")
		}
	})
	// Each of these differs from {"id":1,"name":"x"} in one respect.
	differ := [][]string{
		{`{"id":1}`},                                    // fewer fields
		{`{"name":"x","id":1}`},                         // order
		{`{"id":1.5,"name":"x"}`},                       // field type
		{`{"id":1,"name":"x"}`, `{"id":2}`},             // optional
		{`{"id":1,"name":"x"}`, `{"id":2,"name":null}`}, // nullable
		{`{"id":1,"name":["x"]}`},                       // slice
		{`{"id":1,"name":{"x":1}}`},                     // nested struct
		{`{"ID":1,"name":"x"}`},                         // key case
	}
	for _, samples := range differ {
		in := New()
		base := in.Infer([]string{"A"}, mustParse(t, `{"id":1,"name":"x"}`)...)
		other := in.Infer([]string{"B"}, mustParse(t, samples...)...)
		if base.Named == other.Named {
			t.Errorf("%s shared with {id,name}", strings.Join(samples, " "))
		}
	}
	t.Run("nested ids distinguish", func(t *testing.T) {
		in := New()
		a := in.Infer([]string{"A"}, mustParse(t, `{"p":{"x":1}}`)...)
		b := in.Infer([]string{"B"}, mustParse(t, `{"p":{"y":1}}`)...)
		c := in.Infer([]string{"C"}, mustParse(t, `{"p":{"x":7}}`)...)
		if a.Named == b.Named || a.Named != c.Named {
			t.Errorf("sharing by nested type wrong: a=%p b=%p c=%p", a.Named, b.Named, c.Named)
		}
	})
}

// TestInferDeterministic: the same input gives the same types.
func TestInferDeterministic(t *testing.T) {
	docs := []string{`{"b":{"1":{"x":1}},"a":[{"y":null}],"c":{"z":{"y":null}}}`, `{"a":[],"d":1e3}`}
	render := func() string {
		in := New()
		var b strings.Builder
		ref := in.Infer([]string{"T"}, mustParse(t, docs...)...)
		b.WriteString(typeString(ref))
		for _, ty := range in.Types() {
			b.WriteString("|" + strings.Join(ty.Hint, "."))
		}
		return b.String()
	}
	first := render()
	for range 20 {
		if got := render(); got != first {
			t.Fatalf("run differs:\n%s\n%s", first, got)
		}
	}
}
