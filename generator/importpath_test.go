package generator

import (
	"os"
	"path/filepath"
	"testing"
)

func TestModulePath(t *testing.T) {
	for _, c := range []struct{ gomod, want string }{
		{"module example.com/m\n\ngo 1.26\n", "example.com/m"},
		{"// a comment\nmodule \"example.com/quoted\" // trailing\n", "example.com/quoted"},
		{"go 1.26\nmodulex example.com/no\n", ""},
	} {
		if got := modulePath([]byte(c.gomod)); got != c.want {
			t.Errorf("modulePath(%q) = %q, want %q", c.gomod, got, c.want)
		}
	}
}

// TestImportPath checks that a package directory's import path joins the
// nearest module's path with the directory's place under it, and is empty
// outside any module.
func TestImportPath(t *testing.T) {
	root := t.TempDir()
	mod := filepath.Join(root, "mod")
	if err := os.MkdirAll(filepath.Join(mod, "api", "v1"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ dir, want string }{
		{filepath.Join(mod, "api", "v1"), "example.com/m/api/v1"},
		{filepath.Join(mod, "new"), "example.com/m/new"}, // not created yet
		{mod, "example.com/m"},
		{filepath.Join(root, "loose"), ""},
	} {
		got, err := importPath(c.dir)
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want && !(c.want == "" && got != "" && outsideTemp(t, root)) {
			t.Errorf("importPath(%s) = %q, want %q", c.dir, got, c.want)
		}
	}
}

// outsideTemp reports whether a go.mod above the temporary directory
// gives it a module, which the case outside any module cannot rule out.
func outsideTemp(t *testing.T, dir string) bool {
	t.Helper()
	for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return true
		}
		if filepath.Dir(d) == d {
			return false
		}
	}
}
