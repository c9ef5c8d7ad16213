package templates

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestExportedDocsNameNoUnexported checks that the docs of the runtime's
// exported declarations (types, their exported fields, functions and
// methods) do not send a package's users to names they cannot see: an
// unexported top-level name of the runtime written in camelCase
// (maxErrorBody). Lower-case single words (request, config) read as
// English and are not checked.
func TestExportedDocsNameNoUnexported(t *testing.T) {
	files, err := filepath.Glob("runtime/*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	hidden := map[string]bool{}
	var parsed []*ast.File
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, af)
		for name, obj := range af.Scope.Objects {
			if !ast.IsExported(name) && strings.ToLower(name) != name && obj.Kind != ast.Bad {
				hidden[name] = true
			}
		}
	}
	if !hidden["maxErrorBody"] {
		t.Fatal("maxErrorBody is not among the unexported names found; the check would miss it")
	}
	word := regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)
	check := func(what string, doc *ast.CommentGroup) {
		if doc == nil {
			return
		}
		for _, w := range word.FindAllString(doc.Text(), -1) {
			if hidden[w] {
				t.Errorf("%s: the doc of %s names the unexported %s", fset.Position(doc.Pos()), what, w)
			}
		}
	}
	for _, af := range parsed {
		for _, d := range af.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if ast.IsExported(d.Name.Name) {
					check(d.Name.Name, d.Doc)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					ts, ok := s.(*ast.TypeSpec)
					if !ok || !ast.IsExported(ts.Name.Name) {
						continue
					}
					check(ts.Name.Name, ts.Doc)
					if ts.Doc == nil {
						check(ts.Name.Name, d.Doc)
					}
					if st, ok := ts.Type.(*ast.StructType); ok {
						for _, f := range st.Fields.List {
							for _, n := range f.Names {
								if ast.IsExported(n.Name) {
									check(ts.Name.Name+"."+n.Name, f.Doc)
								}
							}
						}
					}
				}
			}
		}
	}
}
