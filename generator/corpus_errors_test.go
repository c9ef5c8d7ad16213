package generator

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/pmgen/pmgen/generator/internal/output"
)

// errorTypes reads a rendered package's Go files and returns the names of
// its struct types named "…Error", the struct types its methods decode
// error bodies into (the new(T) of each func(status int) any), which types
// have an Error method, and the names of the client's and services'
// methods.
func errorTypes(t *testing.T, files []output.File) (named []string, bodies, methods map[string]bool, ops []string) {
	t.Helper()
	methods, bodies = map[string]bool{}, map[string]bool{}
	structs := map[string]bool{}
	fset := token.NewFileSet()
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".go") || strings.HasSuffix(f.Path, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f.Path, f.Data, parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.FuncLit)
			if !ok || len(lit.Type.Params.List) != 1 || lit.Type.Results == nil || len(lit.Type.Results.List) != 1 {
				return true
			}
			if id, ok := lit.Type.Params.List[0].Type.(*ast.Ident); !ok || id.Name != "int" {
				return true
			}
			ast.Inspect(lit.Body, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if fn, ok := call.Fun.(*ast.Ident); ok && fn.Name == "new" && len(call.Args) == 1 {
						bodies[types.ExprString(call.Args[0])] = true
					}
				}
				return true
			})
			return false
		})
		for _, d := range file.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				for _, s := range d.Specs {
					ts, ok := s.(*ast.TypeSpec)
					if !ok {
						continue
					}
					_, isStruct := ts.Type.(*ast.StructType)
					structs[ts.Name.Name] = isStruct
					if isStruct && strings.HasSuffix(ts.Name.Name, "Error") && ts.Name.Name != "APIError" {
						named = append(named, ts.Name.Name)
					}
				}
			case *ast.FuncDecl:
				if d.Recv == nil || len(d.Recv.List) != 1 {
					continue
				}
				recv := d.Recv.List[0].Type
				if star, ok := recv.(*ast.StarExpr); ok {
					recv = star.X
				}
				if id, ok := recv.(*ast.Ident); ok && (id.Name == "Client" || strings.HasSuffix(id.Name, "Service")) && d.Name.IsExported() {
					ops = append(ops, d.Name.Name)
				}
				if d.Name.Name != "Error" {
					continue
				}
				if id, ok := recv.(*ast.Ident); ok && id.Name != "APIError" {
					methods[id.Name] = true
				}
			}
		}
	}
	sort.Strings(named)
	for b := range bodies {
		if !structs[b] {
			delete(bodies, b) // a list or a map: no type of its own
		}
	}
	return named, bodies, methods, ops
}

// TestCorpusErrorTypes checks that every error body type of every corpus
// package implements error and is not named after a method, and counts
// them; run with -v for the table.
func TestCorpusErrorTypes(t *testing.T) {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "collection\terror body types\tnamed after a method\tnamed …Error\twith Error()")
	total, totalOp, totalNamed, totalMethods := 0, 0, 0, 0
	for _, path := range corpusCollections(t) {
		r := renderCorpus(t, path)
		if r.err != nil {
			t.Fatalf("%s: %v", filepath.Base(path), r.err)
		}
		named, bodies, methods, ops := errorTypes(t, r.files)
		afterOp := 0
		for b := range bodies {
			if !methods[b] {
				t.Errorf("%s: error body %s has no Error method", filepath.Base(path), b)
			}
			for _, op := range ops {
				if strings.HasPrefix(b, op) {
					t.Errorf("%s: error body %s is named after the method %s", filepath.Base(path), b, op)
					afterOp++
					break
				}
			}
		}
		total += len(bodies)
		totalOp += afterOp
		totalNamed += len(named)
		totalMethods += len(methods)
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\n", strings.TrimSuffix(filepath.Base(path), ".postman_collection.json"), len(bodies), afterOp, len(named), len(methods))
	}
	fmt.Fprintf(w, "total\t%d\t%d\t%d\t%d\n", total, totalOp, totalNamed, totalMethods)
	w.Flush()
	t.Log("\n" + b.String())
}
