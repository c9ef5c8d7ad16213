package naming

import (
	"go/token"
	"testing"
)

var fuzzSeeds = []string{
	"Step 6: Refresh Users' Session", "2FA setup", "", " ", "type", "🔐 x → y",
	"payment_settings[payment_method_options][0]", "日本語", "Café", "1.", "{{x}}",
	"OAuth1.0", "IDs", "\xff\xfe", "_", "0", "String", "a-b-c-d-e-f-g",
}

// FuzzExported checks that any name gives a valid exported identifier of
// bounded length, deterministically.
func FuzzExported(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "Fallback")
	}
	f.Add("", "")
	f.Add("", "日本")
	f.Fuzz(func(t *testing.T, name, fallback string) {
		got := Exported(name, fallback)
		if !token.IsIdentifier(got) || !token.IsExported(got) {
			t.Fatalf("Exported(%q, %q) = %q, not an exported identifier", name, fallback, got)
		}
		if len(got) > maxIdentLen {
			t.Fatalf("Exported(%q) = %q, longer than %d", name, got, maxIdentLen)
		}
		if again := Exported(name, fallback); again != got {
			t.Fatalf("Exported(%q) not deterministic: %q then %q", name, got, again)
		}
		if s := Snake(got); s == "" {
			t.Fatalf("Snake(%q) is empty", got)
		}
	})
}

// FuzzUnexported checks that any name gives a valid unexported identifier
// that is neither a keyword nor a predeclared name, deterministically.
func FuzzUnexported(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "fallback")
	}
	f.Add("", "")
	f.Add("", "func")
	f.Fuzz(func(t *testing.T, name, fallback string) {
		got := Unexported(name, fallback)
		if !token.IsIdentifier(got) || token.IsExported(got) || shadows(got) {
			t.Fatalf("Unexported(%q, %q) = %q, not a usable unexported identifier", name, fallback, got)
		}
		if len(got) > maxIdentLen+1 {
			t.Fatalf("Unexported(%q) = %q, longer than %d", name, got, maxIdentLen+1)
		}
		if again := Unexported(name, fallback); again != got {
			t.Fatalf("Unexported(%q) not deterministic: %q then %q", name, got, again)
		}
		if p := PackageName(name, fallback); !token.IsIdentifier(p) || token.IsKeyword(p) {
			t.Fatalf("PackageName(%q, %q) = %q, not a package name", name, fallback, p)
		}
	})
}
