package generator

import (
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/output"
)

// TestGeneratedCodeCompilesAndPasses writes every golden case's package
// into a temporary module of its own and runs go vet and the package's
// generated tests there, the way a user's module would.
func TestGeneratedCodeCompilesAndPasses(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command; skipped with -short")
	}
	for _, c := range goldenCases(t) {
		files, _ := renderCase(t, c)
		if len(files) == 0 {
			continue
		}
		files = append(files, extraTests(t, c)...)
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			checkStdlibOnly(t, files)
			runGeneratedPackage(t, files)
		})
	}
}

// extraTests are the hand-written test files of a golden case
// (testdata/golden/<case>/extra/*_test.go), run beside its generated
// package: behaviour that needs a scripted server, such as walking pages,
// is tested there rather than in the generated example tests.
func extraTests(t *testing.T, c goldenCase) []output.File {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(c.dir, "extra", "*_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	var files []output.File
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, output.File{Path: filepath.Base(p), Data: data})
	}
	return files
}

// runGeneratedPackage vets and tests files as package "client" of a
// throwaway module.
func runGeneratedPackage(t *testing.T, files []output.File) {
	t.Helper()
	mod := t.TempDir()
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/generated\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := output.Write(filepath.Join(mod, "client"), files); err != nil {
		t.Fatal(err)
	}
	// go build as well as go test: a file name such as x_test.go or
	// x_windows.go would hide code from one and not the other.
	for _, args := range [][]string{{"vet", "./..."}, {"build", "./..."}, {"test", "-count=1", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

// checkStdlibOnly parses every generated Go file and fails on an import
// outside the standard library: generated clients must add no dependency.
func checkStdlibOnly(t *testing.T, files []output.File) {
	t.Helper()
	fset := token.NewFileSet()
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".go") {
			continue
		}
		parsed, err := parser.ParseFile(fset, f.Path, f.Data, parser.ImportsOnly)
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		for _, imp := range parsed.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") {
				t.Errorf("%s imports %s, which is not in the standard library", f.Path, path)
			}
		}
	}
}
