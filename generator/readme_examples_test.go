package generator

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/output"
)

// TestREADMEShowsExamples checks, for every golden case, that example_test.go
// has ExampleNew and one Example per method, each named after a declared
// type and method, and that the README shows each example's body as a Go
// code block of its own, so that what the README shows is what go test
// compiles. TestWithMock, the test against the package's mock, is shown
// whole, as the function a user copies into their own tests.
func TestREADMEShowsExamples(t *testing.T) {
	for _, c := range goldenCases(t) {
		files, _ := renderGolden(t, c.name)
		if len(files) == 0 {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			ex, readme := fileData(files, "example_test.go"), fileData(files, "README.md")
			if ex == nil || readme == nil {
				t.Fatal("no example_test.go or README.md")
			}
			methods := declaredMethods(t, files)
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "example_test.go", ex, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasSuffix(f.Name.Name, "_test") {
				t.Errorf("package %s, want the package's name with _test", f.Name.Name)
			}
			n := 0
			for _, d := range f.Decls {
				fn, ok := d.(*ast.FuncDecl)
				if !ok {
					continue
				}
				if fn.Name.Name == "TestWithMock" {
					src := string(ex[fset.Position(fn.Pos()).Offset:fset.Position(fn.End()).Offset])
					if !strings.Contains(string(readme), "```go\n"+src+"\n```") {
						t.Errorf("README.md does not show TestWithMock:\n%s", src)
					}
					continue
				}
				name := strings.TrimPrefix(fn.Name.Name, "Example")
				if name != "New" && !methods[strings.Replace(name, "_", ".", 1)] {
					t.Errorf("%s names no method of the package", fn.Name.Name)
				}
				n++
				body := string(ex[fset.Position(fn.Body.Lbrace).Offset+1 : fset.Position(fn.Body.Rbrace).Offset])
				body = strings.ReplaceAll(strings.Trim(body, "\n"), "\n\t", "\n")
				body = strings.TrimPrefix(body, "\t")
				if !strings.Contains(string(readme), "```go\n"+body+"\n```") {
					t.Errorf("README.md does not show the body of %s:\n%s", fn.Name.Name, body)
				}
			}
			if n == 0 {
				t.Error("example_test.go has no examples")
			}
		})
	}
}

// fileData is the content of the file at path among files, or nil.
func fileData(files []output.File, path string) []byte {
	for _, f := range files {
		if f.Path == path {
			return f.Data
		}
	}
	return nil
}

// declaredMethods lists the package's methods as "Type.Method", from its
// non-test files.
func declaredMethods(t *testing.T, files []output.File) map[string]bool {
	t.Helper()
	methods := map[string]bool{}
	fset := token.NewFileSet()
	for _, file := range files {
		if !strings.HasSuffix(file.Path, ".go") || strings.HasSuffix(file.Path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file.Path, file.Data, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil {
				continue
			}
			recv := fn.Recv.List[0].Type
			if star, ok := recv.(*ast.StarExpr); ok {
				recv = star.X
			}
			if id, ok := recv.(*ast.Ident); ok {
				methods[id.Name+"."+fn.Name.Name] = true
			}
		}
	}
	return methods
}
