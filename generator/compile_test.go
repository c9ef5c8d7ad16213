package generator

import (
	"go/importer"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/output"
)

// TestGeneratedCodeCompilesAndPasses writes the package of every golden
// case, with its hand-written extra tests, and the client of testdata/auth,
// with its known-answer tests (see TestAuthKnownAnswers), into one
// temporary module, the way a user's module would hold them, and runs
// go vet and the packages' tests there.
func TestGeneratedCodeCompilesAndPasses(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command; skipped with -short")
	}
	pkgs := map[string][]output.File{}
	for _, c := range goldenCases(t) {
		files, _ := renderGolden(t, c.name)
		if len(files) == 0 {
			continue
		}
		pkgs[packageDir(c.name)] = withFiles(files, extraTests(t, filepath.Join(c.dir, "extra"), "*_test.go")...)
	}
	pkgs["authkinds"] = withFiles(renderAuth(t).files, extraTests(t, authDir, "*_test.go.txt")...)
	for dir, files := range pkgs {
		t.Run(dir, func(t *testing.T) { checkStdlibOnly(t, files, "example.com/generated/"+dir) })
	}
	checkModule(t, "example.com/generated", pkgs, true)
}

// extraTests are hand-written test files matching pattern in dir, to run
// beside a generated package: behaviour that needs a scripted server, such
// as walking pages (testdata/golden/<case>/extra/*_test.go), or published
// test vectors (testdata/auth/*_test.go.txt, kept as .txt so that they are
// not compiled into this package).
func extraTests(t *testing.T, dir, pattern string) []output.File {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil {
		t.Fatal(err)
	}
	var files []output.File
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, output.File{Path: strings.TrimSuffix(filepath.Base(p), ".txt"), Data: data})
	}
	return files
}

// packageDir is a directory name for a package of a temporary module.
func packageDir(name string) string {
	return strings.NewReplacer("-", "_", ".", "_").Replace(name)
}

// checkModule writes each package (directory → files) into one temporary
// module and checks them all together: each package's non-test files
// type-check on their own (what go build would check: a file named
// x_test.go hides its code from the package, and go vet and go test see
// the package with its tests), then one go vet and one go test over all of
// them, so that the go command compiles the packages in parallel. It
// reports failures on t and returns, for each package that failed, the
// step it failed at. With lint, the module is also checked with
// staticcheck when CI asks for it (staticcheckModule).
func checkModule(t *testing.T, module string, pkgs map[string][]output.File, lint bool) map[string]string {
	t.Helper()
	mod := t.TempDir()
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module "+module+"\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	failed := map[string]string{}
	imp := importer.Default()
	dirs := make([]string, 0, len(pkgs))
	for dir := range pkgs {
		dirs = append(dirs, dir)
	}
	slices.Sort(dirs)
	for _, dir := range dirs {
		files := pkgs[dir]
		if _, err := output.Write(filepath.Join(mod, dir), files); err != nil {
			t.Fatal(err)
		}
		nonTest := slices.DeleteFunc(slices.Clone(files), func(f output.File) bool { return strings.HasSuffix(f.Path, "_test.go") })
		if err := typeCheck(nonTest, imp); err != nil {
			failed[dir] = "build"
			t.Errorf("%s: the package without its tests does not type-check: %v", dir, err)
		}
	}
	// go test runs no vet checks of its own: go vet ran them all.
	for _, step := range [][]string{{"vet", "./..."}, {"test", "-vet=off", "-count=1", "./..."}} {
		out, err := goCommand(mod, step...)
		if err == nil {
			continue
		}
		bad := failedPackages(module, out)
		if len(bad) == 0 {
			t.Fatalf("go %s: %v\n%s", strings.Join(step, " "), err, out)
		}
		for _, dir := range bad {
			if _, ok := failed[dir]; !ok {
				failed[dir] = step[0]
			}
		}
		t.Errorf("go %s failed in %s:\n%s", strings.Join(step, " "), strings.Join(bad, ", "), out)
	}
	if lint {
		for _, dir := range staticcheckModule(t, mod) {
			if _, ok := failed[dir]; !ok {
				failed[dir] = "staticcheck"
			}
		}
	}
	return failed
}

// failedPackages finds the packages of module the go command reported as
// failing ("FAIL\tmodule/x" from go test, "# module/x" from go vet and
// go build), by their directory.
func failedPackages(module, out string) []string {
	re := regexp.MustCompile(`(?m)^(?:FAIL\s+|# )` + regexp.QuoteMeta(module) + `/([^\s/]+)`)
	var pkgs []string
	for _, m := range re.FindAllStringSubmatch(out, -1) {
		if !slices.Contains(pkgs, m[1]) {
			pkgs = append(pkgs, m[1])
		}
	}
	return pkgs
}

// checkStdlibOnly parses every generated Go file and fails on an import
// outside the standard library: generated clients must add no dependency.
// self is the package's import path, which only its examples (package
// <pkg>_test) import.
func checkStdlibOnly(t *testing.T, files []output.File, self string) {
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
			if path == self && strings.HasSuffix(parsed.Name.Name, "_test") {
				continue // the examples call the package as its users do
			}
			if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") {
				t.Errorf("%s imports %s, which is not in the standard library", f.Path, path)
			}
		}
	}
}

func TestFailedPackages(t *testing.T) {
	out := "# example.com/m/a\nvet: a.go:1:1: bad\n" +
		"# example.com/m/b [example.com/m/b.test]\n./b.go:3: undefined: x\n" +
		"FAIL\texample.com/m/b [build failed]\n" +
		"ok  \texample.com/m/c\t0.01s\n" +
		"FAIL\texample.com/m/d\t0.02s\n" +
		"# example.com/other/e\n"
	got := failedPackages("example.com/m", out)
	if want := []string{"a", "b", "d"}; !slices.Equal(got, want) {
		t.Errorf("failedPackages = %q, want %q", got, want)
	}
}
