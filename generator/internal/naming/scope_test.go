package naming

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestScopeUnique(t *testing.T) {
	s := NewScope("Client", "http")
	var got []string
	for _, want := range []string{"Get", "Get", "Client", "Get", "http", "List", "Get2", "Get"} {
		got = append(got, s.Unique(want))
	}
	want := []string{"Get", "Get2", "Client2", "Get3", "http2", "List", "Get22", "Get4"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Unique sequence mismatch (-want +got):\n%s", diff)
	}
	for _, id := range append(want, "Client", "http") {
		if !s.Taken(id) {
			t.Errorf("Taken(%q) = false after it was handed out or reserved", id)
		}
	}
	if s.Taken("Delete") {
		t.Error(`Taken("Delete") = true, never reserved`)
	}
}

func TestScopeSkipsReservedSuffixes(t *testing.T) {
	s := NewScope("Item", "Item2", "Item3")
	if got := s.Unique("Item"); got != "Item4" {
		t.Errorf(`Unique("Item") = %q, want "Item4"`, got)
	}
	if got := s.Unique("Item3"); got != "Item32" {
		t.Errorf(`Unique("Item3") = %q, want "Item32"`, got)
	}
}

func TestScopeDeterministic(t *testing.T) {
	run := func() []string {
		s := NewScope()
		var out []string
		for i := 0; i < 50; i++ {
			out = append(out, s.Unique([]string{"A", "B", "A2", "A"}[i%4]))
		}
		return out
	}
	first := run()
	seen := map[string]bool{}
	for _, id := range first {
		if seen[id] {
			t.Fatalf("duplicate identifier %q handed out", id)
		}
		seen[id] = true
	}
	if diff := cmp.Diff(first, run()); diff != "" {
		t.Errorf("second run differs (-first +second):\n%s", diff)
	}
}

func TestScopeZeroAndNil(t *testing.T) {
	var zero Scope
	if a, b := zero.Unique("x"), zero.Unique("x"); a != "x" || b != "x2" {
		t.Errorf("zero Scope: got %q, %q; want x, x2", a, b)
	}
	var nilScope *Scope
	if got := nilScope.Unique("y"); got != "y" || nilScope.Taken("y") {
		t.Errorf("nil Scope: Unique = %q, Taken = %v", got, nilScope.Taken("y"))
	}
	s := NewScope()
	if a, b := s.Unique(""), s.Unique(""); a != "x" || b != "x2" {
		t.Errorf(`empty want: got %q, %q; want "x", "x2"`, a, b)
	}
}

// TestWithin checks that a scope made within another avoids the outer's
// names, counts suffixes from them, and leaves the outer scope as it was.
func TestWithin(t *testing.T) {
	outer := NewScope("ctx", "id", "id2")
	a := Within(outer, "body")
	if got := a.Unique("ctx"); got != "ctx2" {
		t.Errorf("Unique(ctx) = %q, want ctx2", got)
	}
	if got := a.Unique("id"); got != "id3" {
		t.Errorf("Unique(id) = %q, want id3", got)
	}
	if got := a.Unique("body"); got != "body2" {
		t.Errorf("Unique(body) = %q, want body2", got)
	}
	b := Within(outer)
	if got := b.Unique("ctx"); got != "ctx2" {
		t.Errorf("a second inner scope: Unique(ctx) = %q, want ctx2 (the first one's names leaked)", got)
	}
	if outer.Taken("ctx2") || outer.Taken("body") {
		t.Error("inner scopes reserved names in the outer one")
	}
}
