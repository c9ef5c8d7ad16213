package gofmt

import (
	"go/ast"
	"strings"
	"testing"
)

// FuzzPlainDoc checks plainDoc's promise: a comment it accepts is one the
// doc comment parser and printer give back unchanged.
func FuzzPlainDoc(f *testing.F) {
	for _, seed := range []string{
		"// A is the query parameter \"a\"; default \"''\".",
		"// Get fetches a pet.\n// See https://example.com/pets.",
		"// - not a list without indentation\n// 1. nor this",
		"// Heading\n//\n// Text.",
		"// [Link]: https://example.com",
		"// ``quoted``",
		"// trailing \u00a0",
		"// A\n// # B",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var list []*ast.Comment
		for line := range strings.SplitSeq(text, "\n") {
			list = append(list, &ast.Comment{Text: line})
		}
		if !plainDoc(list) {
			return
		}
		got := reformatDoc(list)
		if len(got) != len(list) {
			t.Fatalf("plainDoc accepted %q, which reformats to %d lines", text, len(got))
		}
		for i := range list {
			if got[i].Text != list[i].Text {
				t.Fatalf("plainDoc accepted %q, whose line %d reformats as %q", text, i+1, got[i].Text)
			}
		}
	})
}

// TestPlainDocRefuses lists comments the parser rewrites, each of which
// plainDoc must send to it.
func TestPlainDocRefuses(t *testing.T) {
	for _, text := range []string{
		"// default ''x''",
		"// ``x``",
		"//  indented code",
		"//\tcode",
		"// a\n//\n// b",
		"// # Heading",
		"// [x]: https://example.com",
		"//go:generate x",
		"// trailing ",
		"/* block */",
	} {
		var list []*ast.Comment
		for line := range strings.SplitSeq(text, "\n") {
			list = append(list, &ast.Comment{Text: line})
		}
		if plainDoc(list) {
			t.Errorf("plainDoc(%q) = true; want false", text)
		}
	}
}
