package emit

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"

	"github.com/pmgen/pmgen/templates"
)

// runtimeFor returns the runtime files the package's own Go files need
// (templates.Runtime), and folds the runtime's test helpers into the
// package's helpers_test.go. refs is what the files mention, recorded as
// they were rendered: the runtime keeps what those reach.
func runtimeFor(pkg string, files []File, refs *templates.Refs) ([]File, error) {
	ownHelpers := slices.IndexFunc(files, func(f File) bool { return f.Path == "helpers_test.go" })
	rt, helpers := templates.Runtime(pkg, refs)
	out := make([]File, 0, len(rt))
	for _, f := range rt {
		out = append(out, File{Path: f.Path, Data: f.Data})
	}
	switch {
	case len(helpers.Decls) == 0:
	case ownHelpers >= 0:
		merged, err := mergeHelpers(pkg, files[ownHelpers].Data, helpers)
		if err != nil {
			return nil, err
		}
		files[ownHelpers].Data = merged
	default:
		// Test files other than the examples (conformance fixtures) use
		// runtime helpers in a package without a test client.
		out = append(out, File{Path: "helpers_test.go", Data: templates.GoFile(pkg, helpers.Imports, helpers.Decls)})
	}
	return out, nil
}

// mergeHelpers writes helpers_test.go: the package's own helpers (the test
// client) and then the runtime's, under one import block.
func mergeHelpers(pkg string, own []byte, rt templates.Helpers) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "helpers_test.go", own, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("emit helpers_test.go: %w", err)
	}
	imports := slices.Clone(rt.Imports)
	rest := len(own)
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			for _, spec := range g.Specs {
				p := fset.Position(spec.Pos()).Offset
				imports = append(imports, string(own[p:fset.Position(spec.End()).Offset]))
			}
			continue
		}
		rest = min(rest, fset.Position(declStart(d)).Offset)
	}
	decls := [][]byte{bytes.TrimSpace(own[rest:])}
	return templates.GoFile(pkg, imports, append(decls, rt.Decls...)), nil
}

// declStart is where a declaration's text begins: its doc comment, if any.
func declStart(d ast.Decl) token.Pos {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Doc != nil {
			return d.Doc.Pos()
		}
	case *ast.GenDecl:
		if d.Doc != nil {
			return d.Doc.Pos()
		}
	}
	return d.Pos()
}
