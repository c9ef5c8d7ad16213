// Package drift says what a stale generated package is missing in Go
// terms: which methods, functions and types differ between the files on
// disk and the files pmgen would write. A unified diff shows the lines;
// this names the API they belong to, which is what a reviewer of a
// failed `pmgen -check` wants first.
package drift

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"
)

// File is one Go file on both sides; a missing side is nil.
type File struct {
	Path     string
	Old, New []byte
}

// Decl is a top-level declaration that differs.
type Decl struct {
	// Change is "changed", "added" (only generated) or "removed" (only on
	// disk).
	Change string
	// Kind is "method", "func", "type", "const" or "var".
	Kind string
	// Name is "UsersService.GetUser" for a method, the name otherwise.
	Name string
}

func (d Decl) String() string { return d.Change + " " + d.Kind + " " + d.Name }

// Affected compares the declarations of each file and returns those that
// differ, in file order and then in the order of the generated file.
// Test files and files that are not Go are skipped: they hold no API. A
// side that does not parse is reported as a whole file.
func Affected(files []File) []Decl {
	var out []Decl
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".go") || strings.HasSuffix(f.Path, "_test.go") {
			continue
		}
		old, oldErr := decls(f.Path, f.Old)
		new, newErr := decls(f.Path, f.New)
		if oldErr != nil || newErr != nil {
			out = append(out, Decl{Change: "changed", Kind: "file", Name: f.Path + " (not valid Go)"})
			continue
		}
		for _, n := range new {
			i := slices.IndexFunc(old, func(o decl) bool { return o.key == n.key })
			switch {
			case i < 0:
				out = append(out, Decl{"added", n.kind, n.name})
			case old[i].text != n.text:
				out = append(out, Decl{"changed", n.kind, n.name})
			}
		}
		for _, o := range old {
			if !slices.ContainsFunc(new, func(n decl) bool { return n.key == o.key }) {
				out = append(out, Decl{"removed", o.kind, o.name})
			}
		}
	}
	return out
}

// decl is one top-level name with the source text that declares it,
// doc comment included.
type decl struct {
	key, kind, name, text string
}

// decls lists a file's top-level declarations; nil source is no file.
func decls(path string, src []byte) ([]decl, error) {
	if src == nil {
		return nil, nil
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	text := func(doc *ast.CommentGroup, n ast.Node) string {
		start := n.Pos()
		if doc != nil {
			start = doc.Pos()
		}
		return string(src[fset.Position(start).Offset:fset.Position(n.End()).Offset])
	}
	var out []decl
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			kind, name := "func", d.Name.Name
			if d.Recv != nil && len(d.Recv.List) == 1 {
				kind, name = "method", receiver(d.Recv.List[0].Type)+"."+name
			}
			out = append(out, decl{kind + " " + name, kind, name, text(d.Doc, d)})
		case *ast.GenDecl:
			kind := d.Tok.String()
			for _, s := range d.Specs {
				var names []string
				var doc *ast.CommentGroup
				switch s := s.(type) {
				case *ast.TypeSpec:
					names, doc = []string{s.Name.Name}, s.Doc
				case *ast.ValueSpec:
					for _, n := range s.Names {
						names = append(names, n.Name)
					}
					doc = s.Doc
				default:
					continue // imports
				}
				if doc == nil && len(d.Specs) == 1 {
					doc = d.Doc
				}
				body := text(doc, s)
				for _, n := range names {
					out = append(out, decl{kind + " " + n, kind, n, body})
				}
			}
		}
	}
	return out, nil
}

// receiver is the type name of a method receiver: *T, T, T[P].
func receiver(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return receiver(e.X)
	case *ast.Ident:
		return e.Name
	case *ast.IndexExpr:
		return receiver(e.X)
	}
	return fmt.Sprintf("%T", e)
}
