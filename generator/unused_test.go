package generator

import (
	"errors"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestGoldenHasNoUnusedIdentifiers checks that no golden package holds an
// unexported identifier that nothing in it uses: the runtime is copied
// with only what the package reaches, and what emit writes is used.
func TestGoldenHasNoUnusedIdentifiers(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the standard library from source; skipped with -short")
	}
	check := newUnusedChecker()
	for _, c := range goldenCases(t) {
		dir := filepath.Join(c.dir, "want")
		if _, err := os.Stat(dir); err != nil {
			continue // a rejected collection generates nothing
		}
		t.Run(c.name, func(t *testing.T) {
			unused, err := check.dir(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range unused {
				t.Errorf("%s", u)
			}
		})
	}
}

// TestCorpusHasNoUnusedIdentifiers is TestGoldenHasNoUnusedIdentifiers on
// the client of every corpus collection: real collections reach corners
// of the runtime (signers, pagination, form bodies) that the goldens may
// not, and pruning must drop exactly what each package leaves unused.
func TestCorpusHasNoUnusedIdentifiers(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the standard library from source; skipped with -short")
	}
	check := newUnusedChecker()
	for _, path := range corpusCollections(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".postman_collection.json")
		t.Run(name, func(t *testing.T) {
			r := renderCorpus(t, path)
			if r.readErr != nil || r.err != nil {
				t.Fatalf("generating: %v", errors.Join(r.readErr, r.err))
			}
			dir := t.TempDir()
			for _, f := range r.files {
				if filepath.Dir(f.Path) != "." || !strings.HasSuffix(f.Path, ".go") {
					continue
				}
				if err := os.WriteFile(filepath.Join(dir, f.Path), f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			unused, err := check.dir(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range unused {
				t.Errorf("%s", u)
			}
		})
	}
}

// TestUnusedCheckerFinds proves the checker sees each kind of unused
// identifier, so that a clean result means something.
func TestUnusedCheckerFinds(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the standard library from source; skipped with -short")
	}
	dir := t.TempDir()
	src := `package p

import "fmt"

type signer interface{ sign() string }

type used struct{ kept, dropped int }

func (used) sign() string    { return "s" }
func (used) forgotten() bool { return false }

type unusedType int

const unusedConst = 1

var unusedVar = 2

func unusedFunc() {}

func Exported() string {
	var s signer = used{kept: 1}
	return fmt.Sprint(s.sign())
}
`
	if err := os.WriteFile(filepath.Join(dir, "p.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := newUnusedChecker().dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"p.go:7:25: field used.dropped is unused",
		"p.go:10:13: method used.forgotten is unused",
		"p.go:12:6: type unusedType is unused",
		"p.go:14:7: const unusedConst is unused",
		"p.go:16:5: var unusedVar is unused",
		"p.go:18:6: func unusedFunc is unused",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// unusedChecker type-checks generated packages, sharing one importer so
// that the standard library is checked once.
type unusedChecker struct {
	fset *token.FileSet
	imp  types.Importer
}

func newUnusedChecker() *unusedChecker {
	fset := token.NewFileSet()
	return &unusedChecker{fset: fset, imp: importer.ForCompiler(fset, "source", nil)}
}

// dir lists, as "file:line:col: kind name is unused", every unexported
// package-level func, type, var and const, every unexported method and
// every unexported struct field of the package in dir (its tests
// included) that nothing uses. A method counts as used when an interface
// method it implements is used.
func (c *unusedChecker) dir(dir string) ([]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, p := range paths {
		f, err := parser.ParseFile(c.fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		if len(files) > 0 && f.Name.Name != files[0].Name.Name {
			continue // an external test package
		}
		files = append(files, f)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{},
		Types: map[ast.Expr]types.TypeAndValue{}}
	conf := types.Config{Importer: c.imp}
	pkg, err := conf.Check("generated", c.fset, files, info)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	used := map[types.Object]bool{}
	for id, obj := range info.Uses {
		// A use inside the object's own declaration (recursion) is not a use.
		if obj.Pkg() == pkg && !(obj.Pos() <= id.Pos() && id.Pos() < declEnd(obj, files)) {
			used[obj] = true
		}
	}
	ifaceMethodUsed := usedInterfaceMethods(files, info, used)
	var out []string
	report := func(obj types.Object, kind, name string) {
		p := c.fset.Position(obj.Pos())
		out = append(out, fmt.Sprintf("%s:%d:%d: %s %s is unused", filepath.Base(p.Filename), p.Line, p.Column, kind, name))
	}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		// conformance_test.go holds fixtures that the conformance harness
		// reads from outside the package: what it uses counts, what it
		// declares is not the package's own.
		if filepath.Base(c.fset.Position(obj.Pos()).Filename) == "conformance_test.go" {
			continue
		}
		if !obj.Exported() && name != "_" && !used[obj] {
			report(obj, kindOf(obj), name)
		}
		tn, ok := obj.(*types.TypeName)
		if !ok {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok {
			continue
		}
		for i := range named.NumMethods() {
			m := named.Method(i)
			if !m.Exported() && !used[m] && !ifaceMethodUsed(named, m) {
				report(m, "method", name+"."+m.Name())
			}
		}
		if st, ok := named.Underlying().(*types.Struct); ok {
			for i := range st.NumFields() {
				f := st.Field(i)
				if !f.Exported() && !f.Embedded() && f.Name() != "_" && !used[f] {
					report(f, "field", name+"."+f.Name())
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return lessPos(out[i], out[j]) })
	return out, nil
}

// usedInterfaceMethods returns a test of whether method m of named
// implements a used method of an interface written in files, named or not
// (a type switch may ask for interface{ rawBytes() []byte }).
func usedInterfaceMethods(files []*ast.File, info *types.Info, used map[types.Object]bool) func(named *types.Named, m *types.Func) bool {
	var ifaces []*types.Interface
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if it, ok := n.(*ast.InterfaceType); ok {
				if t, ok := info.Types[it].Type.(*types.Interface); ok {
					ifaces = append(ifaces, t)
				}
			}
			return true
		})
	}
	return func(named *types.Named, m *types.Func) bool {
		for _, it := range ifaces {
			for i := range it.NumMethods() {
				im := it.Method(i)
				if im.Name() == m.Name() && used[im] &&
					(types.Implements(named, it) || types.Implements(types.NewPointer(named), it)) {
					return true
				}
			}
		}
		return false
	}
}

// declEnd is where the declaration of a package-level func ends, so that
// a call from its own body does not count; other objects end at once.
func declEnd(obj types.Object, files []*ast.File) token.Pos {
	if _, ok := obj.(*types.Func); !ok {
		return obj.Pos()
	}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Pos() == obj.Pos() {
				return fd.End()
			}
		}
	}
	return obj.Pos()
}

func kindOf(obj types.Object) string {
	switch obj.(type) {
	case *types.Func:
		return "func"
	case *types.TypeName:
		return "type"
	case *types.Const:
		return "const"
	}
	return "var"
}

// lessPos orders "file:line:col: ..." reports by file, then line, then column.
func lessPos(a, b string) bool {
	pa, pb := strings.SplitN(a, ":", 4), strings.SplitN(b, ":", 4)
	if pa[0] != pb[0] {
		return pa[0] < pb[0]
	}
	var la, ca, lb, cb int
	fmt.Sscan(pa[1], &la)
	fmt.Sscan(pa[2], &ca)
	fmt.Sscan(pb[1], &lb)
	fmt.Sscan(pb[2], &cb)
	if la != lb {
		return la < lb
	}
	return ca < cb
}
