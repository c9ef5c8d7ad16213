package generator

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/build"
	"github.com/pmgen/pmgen/generator/internal/output"
)

// TestReservedNamesCoverRuntime parses every Go file the golden cases
// (with the conformance fixtures) and the auth test collection generate,
// and checks that each package-level
// identifier pmgen declares on its own (not one derived from the
// collection) is reserved, so that no collection name can collide with it.
func TestReservedNamesCoverRuntime(t *testing.T) {
	reserved := build.ReservedNames()
	packages := [][]output.File{renderAuth(t).files}
	for _, c := range goldenCases(t) {
		files, _ := renderGoldenFixtures(t, c.name)
		packages = append(packages, files) // none for a rejected case
	}
	fset := token.NewFileSet()
	for _, files := range packages {
		for _, f := range files {
			if !strings.HasSuffix(f.Path, ".go") {
				continue
			}
			parsed, err := parser.ParseFile(fset, f.Path, f.Data, 0)
			if err != nil {
				t.Fatalf("%s: %v", f.Path, err)
			}
			for _, decl := range parsed.Decls {
				for _, name := range declNames(decl) {
					// The blank identifier (var _ X = ...) declares nothing.
					if name != "_" && !ast.IsExported(name) && !slices.Contains(reserved, name) {
						t.Errorf("%s declares %s, which build.ReservedNames lacks", f.Path, name)
					}
				}
			}
		}
	}
}

// declNames lists the package-level names a declaration introduces
// (methods excluded: they live in their type's scope).
func declNames(decl ast.Decl) []string {
	var names []string
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			names = append(names, d.Name.Name)
		}
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			switch s := spec.(type) {
			case *ast.TypeSpec:
				names = append(names, s.Name.Name)
			case *ast.ValueSpec:
				for _, n := range s.Names {
					names = append(names, n.Name)
				}
			}
		}
	}
	return names
}
