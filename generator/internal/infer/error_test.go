package infer

import (
	"strings"
	"testing"
)

// TestInferErrorSharing checks which error bodies share a type: equal
// fields in any order do; a different type, flag or field does not; and
// an error body never shares with a result or a nested struct of the
// same shape.
func TestInferErrorSharing(t *testing.T) {
	tests := []struct {
		name  string
		a, b  []string
		share bool
	}{
		{"same order", []string{`{"code":1,"message":"m"}`}, []string{`{"code":2,"message":"n"}`}, true},
		{"other order", []string{`{"code":1,"message":"m","reason":"r"}`}, []string{`{"reason":"r","code":2,"message":"n"}`}, true},
		{"extra field", []string{`{"code":1,"message":"m"}`}, []string{`{"code":1,"message":"m","detail":"d"}`}, false},
		{"other type", []string{`{"code":1,"message":"m"}`}, []string{`{"code":"E1","message":"m"}`}, false},
		{"optional apart", []string{`{"code":1,"message":"m"}`}, []string{`{"code":1,"message":"m"}`, `{"message":"m"}`}, false},
		{"nested equal", []string{`{"error":{"name":"a","message":"m"}}`}, []string{`{"error":{"name":"b","message":"n"}}`}, true},
		{"nested order matters below the top", []string{`{"error":{"name":"a","message":"m"}}`}, []string{`{"error":{"message":"n","name":"b"}}`}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := New()
			a := in.InferError([]string{"A", "Error"}, mustParse(t, tc.a...)...)
			b := in.InferError([]string{"B", "Error"}, mustParse(t, tc.b...)...)
			if a.Named == nil || b.Named == nil {
				t.Fatalf("not structs: %s, %s", typeString(a), typeString(b))
			}
			if got := a.Named == b.Named; got != tc.share {
				t.Errorf("shared = %v, want %v (%s, %s)", got, tc.share, typeString(a), typeString(b))
			}
			if tc.share && a.Named.Hint[0] != "A" {
				t.Errorf("shared type's hint = %v, want the first body's", a.Named.Hint)
			}
		})
	}
}

// TestInferErrorKeepsFirstOrder checks that a shared error body keeps the
// field order of the first body seen.
func TestInferErrorKeepsFirstOrder(t *testing.T) {
	in := New()
	a := in.InferError([]string{"A"}, mustParse(t, `{"code":1,"reason":"r","message":"m"}`)...)
	in.InferError([]string{"B"}, mustParse(t, `{"message":"m","code":1,"reason":"r"}`)...)
	var got []string
	for _, f := range a.Named.Fields {
		got = append(got, f.JSONName)
	}
	if want := "code reason message"; strings.Join(got, " ") != want {
		t.Errorf("fields = %s, want %s", strings.Join(got, " "), want)
	}
	if n := len(in.Types()); n != 1 {
		t.Errorf("%d types listed, want 1", n)
	}
}

// TestInferErrorApartFromResults checks that an error body and a result of
// the same shape are two types, and that the result is still shared with
// a later result as Infer shares.
func TestInferErrorApartFromResults(t *testing.T) {
	in := New()
	body := `{"code":1,"message":"m"}`
	ok := in.Infer([]string{"A", "Response"}, mustParse(t, body)...)
	bad := in.InferError([]string{"A", "Error"}, mustParse(t, body)...)
	again := in.Infer([]string{"B", "Response"}, mustParse(t, body)...)
	if ok.Named == bad.Named {
		t.Error("an error body shares the result's type")
	}
	if again.Named != ok.Named {
		t.Error("two equal results are not shared")
	}
	// Bodies that are not objects with named fields are typed as Infer does.
	list := in.InferError([]string{"C", "Error"}, mustParse(t, `[{"code":1,"message":"m"}]`)...)
	if typeString(list) != "[]struct{code int64; message string}" || list.Elem.Named != ok.Named {
		t.Errorf("array error body = %s, shared with the result: %v", typeString(list), list.Elem.Named == ok.Named)
	}
}
