package load

import (
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// TestParseToleratesBadParts: an auth block or an example of the wrong
// shape is a warning on its request, the collection still loads, the bad
// auth becomes noauth (never the parent's credentials) and the bad example
// is left out while its well-formed siblings stay.
func TestParseToleratesBadParts(t *testing.T) {
	in := `{
  "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "t"}]},
  "item": [
    {"name": "Bad auth", "request": {"url": "http://x", "auth": {"type": "basic", "basic": "x"}}},
    {"name": "Bad example", "request": "http://x", "response": [7, {"name": "ok", "code": 200, "body": "{}"}]},
    {"name": "Examples not a list", "request": "http://x", "response": "x"},
    {"name": "Fine", "request": "http://x"}
  ]
}`
	c, ds := Parse("in.json", []byte(in))
	if c == nil {
		t.Fatalf("the collection did not load:\n%v", ds)
	}
	want := []struct{ path, code, tail string }{
		{"Bad auth", codeInvalidAuth, "the requests it covers are sent without auth"},
		{"Bad example", codeInvalidResponse, "the example is left out"},
		{"Examples not a list", codeInvalidResponse, "the request's examples are left out"},
	}
	if len(ds) != len(want) {
		t.Fatalf("got %d diagnostics, want %d:\n%v", len(ds), len(want), ds)
	}
	for i, w := range want {
		d := ds[i]
		if d.Severity != model.Warning || d.Code != w.code || strings.Join(d.Pos.Path, " › ") != w.path ||
			!strings.HasSuffix(d.Message, w.tail) {
			t.Errorf("diagnostic %d: got %v, want a warning [%s] on %q ending %q", i, d, w.code, w.path, w.tail)
		}
	}
	if len(c.Items) != 4 {
		t.Fatalf("got %d items, want 4", len(c.Items))
	}
	if a := c.Items[0].Request.Auth; a == nil || a.Type != "noauth" {
		t.Errorf("bad auth became %+v, want noauth", a)
	}
	if n := len(c.Items[1].Responses); n != 1 || c.Items[1].Responses[0].Code != 200 {
		t.Errorf("bad example: got %d examples, want only the well-formed 200", n)
	}
	if n := len(c.Items[2].Responses); n != 0 {
		t.Errorf("examples not a list: got %d examples, want none", n)
	}
}
