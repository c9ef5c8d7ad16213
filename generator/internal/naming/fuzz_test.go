package naming

import (
	"go/token"
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	"Step 6: Refresh Users' Session", "2FA setup", "", " ", "type", "🔐 x → y",
	"payment_settings[payment_method_options][0]", "日本語", "Café", "1.", "{{x}}",
	"OAuth1.0", "IDs", "\xff\xfe", "_", "0", "String", "a-b-c-d-e-f-g",
	"Client", "client", "CLIENT", "New", "APIError", "Option", "ctx", "err", "params", "resp",
	"*/ x", "a\u2028b", "x\n//go:generate rm -rf /", "package main",
}

// FuzzName checks what the generator relies on for every identifier it
// writes. names is a list, one name a line, standing for the items of one
// Go scope (the methods of a service, the fields of a struct); reserved
// stands for the identifiers the emitter writes by hand in that scope.
//
//   - valid: Exported gives an exported identifier, Unexported an unexported
//     one that is neither a keyword nor a predeclared name, PackageName a
//     package name, all of bounded length;
//   - unique: the names a Scope hands out never repeat and never take a
//     reserved identifier;
//   - stable: the same names in the same order give the same identifiers.
func FuzzName(f *testing.F) {
	f.Add(strings.Join(fuzzSeeds, "\n"), "Client\nNew\nOption")
	for i, s := range fuzzSeeds {
		f.Add(s+"\n"+fuzzSeeds[(i+1)%len(fuzzSeeds)]+"\n"+s, fuzzSeeds[(i+2)%len(fuzzSeeds)])
	}
	f.Add("", "")
	f.Add("x\nx\nx2\nx", "x2")
	f.Fuzz(func(t *testing.T, names, reserved string) {
		list := strings.Split(names, "\n")
		if len(list) > 1000 {
			list = list[:1000] // a scope of a thousand says all a bigger one would
		}
		var keep []string
		for _, r := range strings.Split(reserved, "\n") {
			if token.IsIdentifier(r) {
				keep = append(keep, r)
			}
		}
		first := scopeNames(t, list, keep)
		if again := scopeNames(t, list, keep); strings.Join(again, "\n") != strings.Join(first, "\n") {
			t.Fatalf("not stable: %q then %q", first, again)
		}
		seen := map[string]bool{}
		for _, r := range keep {
			seen[r] = true
		}
		for i, id := range first {
			if seen[id] {
				t.Fatalf("name %d (%q) gave %q, already taken in the scope (reserved %q, given %q)", i, list[i/2], id, keep, first)
			}
			seen[id] = true
		}
	})
}

// scopeNames turns each name into an exported and an unexported
// identifier, checks each on its own, and returns what one Scope hands out
// for them, in order.
func scopeNames(t *testing.T, list, reserved []string) []string {
	t.Helper()
	scope := NewScope(reserved...)
	var out []string
	for _, name := range list {
		exp := Exported(name, "Fallback")
		if !token.IsIdentifier(exp) || !token.IsExported(exp) || len(exp) > maxIdentLen {
			t.Fatalf("Exported(%q) = %q, not an exported identifier of at most %d bytes", name, exp, maxIdentLen)
		}
		if Snake(exp) == "" {
			t.Fatalf("Snake(%q) is empty", exp)
		}
		unexp := Unexported(name, "fallback")
		if !token.IsIdentifier(unexp) || token.IsExported(unexp) || shadows(unexp) || len(unexp) > maxIdentLen+1 {
			t.Fatalf("Unexported(%q) = %q, not a usable unexported identifier", name, unexp)
		}
		if p := PackageName(name, "fallback"); !token.IsIdentifier(p) || token.IsKeyword(p) || p == "main" {
			t.Fatalf("PackageName(%q) = %q, not a package name", name, p)
		}
		for _, id := range []string{scope.Unique(exp), scope.Unique(unexp)} {
			if !token.IsIdentifier(id) {
				t.Fatalf("Unique gave %q for %q, not an identifier", id, name)
			}
			out = append(out, id)
		}
	}
	return out
}
