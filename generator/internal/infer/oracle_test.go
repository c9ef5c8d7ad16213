package infer

import (
	"testing"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// TestOracles: the checkers used by the other tests reject wrong types,
// so that their passing means something.
func TestOracles(t *testing.T) {
	str := &model.TypeRef{Kind: model.KindString}
	i64 := &model.TypeRef{Kind: model.KindInt}
	f64 := &model.TypeRef{Kind: model.KindFloat}
	tm := &model.TypeRef{Kind: model.KindTime}
	st := func(optional bool, fields ...*model.Field) *model.TypeRef {
		for _, f := range fields {
			f.Optional = optional
		}
		return &model.TypeRef{Kind: model.KindStruct, Named: &model.Type{Fields: fields}}
	}
	tests := []struct {
		name   string
		ref    *model.TypeRef
		sample string
	}{
		{"int for a fraction", i64, `1.5`},
		{"int for a big int", i64, `12345678901234567890`},
		{"float for an inexact number", f64, `12345678901234567890`},
		{"string for a number", str, `1`},
		{"null in a non-nullable", str, `null`},
		{"time for a date", tm, `"2021-01-01"`},
		{"time for a number", tm, `1609459200`},
		{"null in a non-nullable time", tm, `null`},
		{"unknown key", st(false, &model.Field{JSONName: "a", Type: i64}), `{"a":1,"b":2}`},
		{"missing required key", st(false, &model.Field{JSONName: "a", Type: i64}), `{}`},
		{"slice for an object", &model.TypeRef{Kind: model.KindSlice, Elem: i64}, `{}`},
		{"wrong element", &model.TypeRef{Kind: model.KindSlice, Elem: i64}, `[1,"x"]`},
		{"wrong map value", &model.TypeRef{Kind: model.KindMap, Elem: i64}, `{"a":"x"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := mustParse(t, tc.sample)[0]
			if accepts(tc.ref, v) == nil {
				t.Errorf("accepts(%s, %s) = nil, want an error", typeString(tc.ref), tc.sample)
			}
		})
	}
	// roundTrip catches a type that decodes but loses information.
	lossy := []struct {
		name   string
		ref    *model.TypeRef
		sample string
	}{
		{"float64 rounds", f64, `12345678901234567890`},
		{"key ignored by struct", st(false, &model.Field{JSONName: "a", Type: i64}), `{"a":1,"b":2}`},
		{"wrong kind", i64, `"x"`},
		{"time.Time cuts a tenth fraction digit", tm, `"2021-01-01T00:00:00.1234567891Z"`},
		{"time.Time rewrites a one-digit hour", tm, `"2021-01-01T1:00:00Z"`},
		{"time.Time reads +01:60 as +02:00", tm, `"2021-01-01T00:00:00+01:60"`},
	}
	for _, tc := range lossy {
		t.Run(tc.name, func(t *testing.T) {
			if err := roundTrip(tc.ref, mustParse(t, tc.sample)[0]); err == nil {
				t.Errorf("roundTrip(%s, %s) = nil, want an error", typeString(tc.ref), tc.sample)
			}
		})
	}
}
