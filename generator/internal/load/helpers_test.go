package load

import (
	"testing"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// mustParse parses in and fails the test on any Error diagnostic.
func mustParse(t *testing.T, in string) (*Collection, model.Diagnostics) {
	t.Helper()
	c, ds := Parse("in.json", []byte(in))
	if ds.HasErrors() || c == nil {
		t.Fatalf("load failed:\n%v", ds)
	}
	return c, ds
}

// requests lists the request items depth-first, in collection order.
func requests(items []*Item) []*Item {
	var out []*Item
	for _, it := range items {
		if it.IsFolder {
			out = append(out, requests(it.Items)...)
		} else {
			out = append(out, it)
		}
	}
	return out
}

// firstRequest returns the first request item, failing when there is none.
func firstRequest(t *testing.T, c *Collection) *Request {
	t.Helper()
	rs := requests(c.Items)
	if len(rs) == 0 || rs[0].Request == nil {
		t.Fatal("no request item")
	}
	return rs[0].Request
}

// wrap builds a one-request collection around a request value.
func wrap(request string) string {
	return `{"info": {"name": "T", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item": [{"name": "R", "request": ` + request + `}]}`
}

func eq[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %#v, want %#v", what, got, want)
	}
}
