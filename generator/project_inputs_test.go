package generator

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Inputs gives the collections of the selected packages as Generate reads
// them: a file as a path that reaches it from the working directory,
// postman: and git: specs as written, an unknown package as an error.
func TestProjectInputs(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "api.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(dir, ProjectFile)
	yaml := "version: 1\npackages:\n" +
		"  - input: api.json\n    output: gen/a\n    package: a\n" +
		"  - input: postman:12345-abc\n    output: gen/b\n    package: b\n" +
		"  - input: git:main:api.json\n    output: gen/c\n    package: c\n"
	if err := os.WriteFile(config, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := LoadProject(config)
	if err != nil {
		t.Fatal(err)
	}

	all, err := p.Inputs(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 {
		t.Fatalf("Inputs(nil) = %q, want the three packages' inputs", all)
	}
	if !sameFile(t, all[0], filepath.Join(dir, "api.json")) {
		t.Errorf("Inputs(nil)[0] = %q, which does not reach %s", all[0], filepath.Join(dir, "api.json"))
	}
	if want := []string{"postman:12345-abc", "git:main:api.json"}; !slices.Equal(all[1:], want) {
		t.Errorf("Inputs(nil)[1:] = %q, want %q", all[1:], want)
	}

	one, err := p.Inputs([]string{"b"})
	if err != nil || !slices.Equal(one, []string{"postman:12345-abc"}) {
		t.Errorf(`Inputs(["b"]) = %q, %v; want ["postman:12345-abc"]`, one, err)
	}
	if got, err := p.Inputs([]string{"nope"}); err == nil {
		t.Errorf(`Inputs(["nope"]) = %q, want an error naming the package`, got)
	}
}

func sameFile(t *testing.T, a, b string) bool {
	t.Helper()
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	if err != nil {
		t.Fatal(err)
	}
	return os.SameFile(fa, fb)
}
