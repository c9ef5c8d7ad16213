package infer

import (
	"encoding/json"

	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

// The test oracles (check_test.go) work on plain Go shapes of a JSON value,
// independent of the tree that Infer reads: nil, bool, string,
// json.Number, []Value and Object (keys in order).
type (
	Value  = any
	Object []Member
	Member struct {
		Key   string
		Value Value
	}
)

// Get returns the value of key and whether the object has it.
func (o Object) Get(key string) (Value, bool) {
	for _, m := range o {
		if m.Key == key {
			return m.Value, true
		}
	}
	return nil, false
}

const maxParseDepth = ordjson.MaxDepth

// parse reads an example as build does: lenient, comments and trailing
// commas allowed.
func parse(text string) (*ordjson.Value, error) {
	v, _, err := ordjson.Parse(text, ordjson.Options{Lenient: true})
	return v, err
}

// plain converts a tree to the oracles' shapes.
func plain(v *ordjson.Value) Value {
	switch ordjson.KindOf(v) {
	case ordjson.Null:
		return nil
	case ordjson.Bool:
		return v.Text == "true"
	case ordjson.Number:
		return json.Number(v.Text)
	case ordjson.String:
		return v.Text
	case ordjson.Array:
		out := make([]Value, len(v.Elems))
		for i, e := range v.Elems {
			out[i] = plain(e)
		}
		return out
	}
	out := make(Object, len(v.Members))
	for i, m := range v.Members {
		out[i] = Member{m.Key, plain(m.Value)}
	}
	return out
}
