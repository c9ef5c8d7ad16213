package templates

import (
	"bytes"
	"embed"
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// runtimeFS holds the runtime's source: the package in runtime/.
//
//go:embed runtime/*.go
var runtimeFS embed.FS

// seamFile is the runtime file that declares, for the runtime's own build
// and tests, what each generated package declares for its API. It is never
// copied.
const seamFile = "api.go"

// File is one runtime file as a generated package receives it.
type File struct {
	Path string
	Data []byte
}

// decl is one top-level declaration of the runtime.
type decl struct {
	file string // the runtime file it is in
	// name is the declared name; a method is named for its receiver's type
	// with recv set; a declaration of several names has them all in names.
	names []string
	recv  string
	src   []byte // its text, doc comment included
	// idents are the identifiers it mentions on their own, which may name
	// a top-level declaration; selectors are the names it selects (x.name)
	// or declares in an interface, which may name a method.
	idents, selectors []string
	uses              []string // the import specs it needs
	// apart are the fields of a struct type written apart, after a blank
	// line: a field that nothing kept selects is left out with them.
	apart []field
}

// field is a struct field written apart, as the byte range of src that
// leaving it out removes: the blank line before it, its doc and itself.
type field struct {
	name     string
	from, to int
}

// source is the runtime parsed once: its files in order and their decls.
type source struct {
	files  []string
	decls  map[string][]*decl // by file
	byName map[string][]*decl
	// seam are the names the seam file declares; config is the seam's
	// config type, whose fields the runtime reads.
	seam        []string
	configNames []string
	// strings are the runtime's string constants, by name.
	strings map[string]string
}

// runtime parses the embedded runtime once per process; it never changes,
// so what it returns is only read.
var runtime = sync.OnceValue(parseRuntime)

func parseRuntime() *source {
	entries, err := runtimeFS.ReadDir("runtime")
	if err != nil {
		panic(err)
	}
	s := &source{decls: map[string][]*decl{}, byName: map[string][]*decl{}, strings: map[string]string{}}
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, "_test.go") && !isHelperFile(name) {
			continue // the runtime's own tests
		}
		data, err := runtimeFS.ReadFile(path.Join("runtime", name))
		if err != nil {
			panic(err)
		}
		f, err := parser.ParseFile(fset, name, data, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			panic("templates: the runtime does not parse: " + err.Error())
		}
		if name == seamFile {
			s.seam, s.configNames = seamNames(f)
			continue
		}
		s.files = append(s.files, name)
		imports := map[string]string{} // local name -> spec
		for _, is := range f.Imports {
			p, _ := strconv.Unquote(is.Path.Value)
			local := path.Base(p)
			if strings.HasPrefix(local, "v") && strings.Contains(p, "/") {
				if _, err := strconv.Atoi(local[1:]); err == nil {
					local = path.Base(path.Dir(p)) // math/rand/v2 is rand
				}
			}
			spec := is.Path.Value
			if is.Name != nil {
				local = is.Name.Name
				spec = local + " " + spec
			}
			imports[local] = spec
		}
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
				continue
			}
			constStrings(d, s.strings)
			rd := newDecl(fset, data, name, d, imports)
			s.decls[name] = append(s.decls[name], rd)
			for _, n := range rd.names {
				key := n
				if rd.recv != "" {
					key = rd.recv + "." + n
				}
				s.byName[key] = append(s.byName[key], rd)
			}
		}
	}
	return s
}

// isHelperFile reports whether a runtime file holds test helpers, which
// generated packages receive in helpers_test.go, rather than tests.
func isHelperFile(name string) bool {
	return strings.HasPrefix(name, "helpers_") && strings.HasSuffix(name, "_test.go")
}

// newDecl records d: its names, its text and what it refers to.
func newDecl(fset *token.FileSet, data []byte, file string, d ast.Decl, imports map[string]string) *decl {
	rd := &decl{file: file}
	start := d.Pos()
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Doc != nil {
			start = d.Doc.Pos()
		}
		rd.names = []string{d.Name.Name}
		if d.Recv != nil {
			rd.recv = recvType(d.Recv.List[0].Type)
		}
	case *ast.GenDecl:
		if d.Doc != nil {
			start = d.Doc.Pos()
		}
		for _, spec := range d.Specs {
			switch spec := spec.(type) {
			case *ast.TypeSpec:
				rd.names = append(rd.names, spec.Name.Name)
			case *ast.ValueSpec:
				for _, n := range spec.Names {
					rd.names = append(rd.names, n.Name)
				}
			}
		}
	}
	base := fset.Position(start).Offset
	rd.src = data[base:fset.Position(d.End()).Offset]
	rd.apart = apartFields(fset, data, base, d)
	uses := map[string]bool{}
	var r Refs
	r.add(d)
	ast.Inspect(d, func(n ast.Node) bool {
		if n, ok := n.(*ast.SelectorExpr); ok {
			if x, ok := n.X.(*ast.Ident); ok {
				if spec, ok := imports[x.Name]; ok {
					uses[spec] = true
				}
			}
		}
		return true
	})
	rd.idents, rd.selectors = r.lists()
	rd.uses = sortedKeys(uses)
	return rd
}

// Refs gathers what Go source mentions, for Runtime: the identifiers used
// on their own, which may name a runtime declaration, and the names
// selected or declared as interface methods, which may name a method of
// one. Telling them apart keeps a method such as request.addQueryParam
// from keeping a function of the same name.
type Refs struct {
	idents, selectors map[string]bool
}

// Add records what node mentions.
func (r *Refs) Add(node ast.Node) { r.add(node) }

func (r *Refs) add(node ast.Node) {
	if r.idents == nil {
		r.idents, r.selectors = map[string]bool{}, map[string]bool{}
	}
	sel := map[*ast.Ident]bool{}
	ast.Inspect(node, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			sel[n.Sel] = true
			r.selectors[n.Sel.Name] = true
		case *ast.InterfaceType:
			for _, m := range n.Methods.List {
				for _, name := range m.Names {
					sel[name] = true
					r.selectors[name.Name] = true
				}
			}
		// Names being declared are not mentions of anything.
		case *ast.FuncDecl:
			sel[n.Name] = true
		case *ast.TypeSpec:
			sel[n.Name] = true
		case *ast.StructType:
			for _, f := range n.Fields.List {
				for _, name := range f.Names {
					sel[name] = true
				}
			}
		case *ast.KeyValueExpr:
			// A key may name a struct field as well as a constant.
			if k, ok := n.Key.(*ast.Ident); ok {
				r.selectors[k.Name] = true
			}
		case *ast.Ident:
			if !sel[n] {
				r.idents[n.Name] = true
			}
		}
		return true
	})
}

// Mention records, for code written without being parsed, the
// identifiers it uses on their own and the names it selects or uses as
// composite-literal keys: what Add would record of the parsed code.
func (r *Refs) Mention(idents, selectors []string) {
	if r.idents == nil {
		r.idents, r.selectors = map[string]bool{}, map[string]bool{}
	}
	for _, n := range idents {
		r.idents[n] = true
	}
	for _, n := range selectors {
		r.selectors[n] = true
	}
}

// Merge adds what o recorded to r.
func (r *Refs) Merge(o *Refs) {
	if r.idents == nil {
		r.idents, r.selectors = map[string]bool{}, map[string]bool{}
	}
	for k := range o.idents {
		r.idents[k] = true
	}
	for k := range o.selectors {
		r.selectors[k] = true
	}
}

func (r *Refs) lists() (idents, selectors []string) {
	return sortedKeys(r.idents), sortedKeys(r.selectors)
}

// constStrings records the string constants d declares.
func constStrings(d ast.Decl, into map[string]string) {
	g, ok := d.(*ast.GenDecl)
	if !ok || g.Tok != token.CONST {
		return
	}
	for _, spec := range g.Specs {
		vs := spec.(*ast.ValueSpec)
		for i, n := range vs.Names {
			if i < len(vs.Values) {
				if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					into[n.Name], _ = strconv.Unquote(lit.Value)
				}
			}
		}
	}
}

// RuntimeString is the value of the runtime's string constant name, for
// the generator to do at generation time what the runtime does at run
// time (escape a literal path as escapePath would). It panics when there
// is no such constant: the generator and the runtime disagree.
func RuntimeString(name string) string {
	v, ok := runtime().strings[name]
	if !ok {
		panic("templates: the runtime declares no string constant " + name)
	}
	return v
}

// apartFields finds the struct fields of d written apart: preceded by a
// blank line and alone on their lines. Cutting from that blank line to the
// end of the field's line leaves the rest of the struct as gofmt wrote it,
// since a blank line ends a run of aligned fields.
func apartFields(fset *token.FileSet, data []byte, base int, d ast.Decl) []field {
	g, ok := d.(*ast.GenDecl)
	if !ok || g.Tok != token.TYPE {
		return nil
	}
	var out []field
	for _, spec := range g.Specs {
		st, ok := spec.(*ast.TypeSpec).Type.(*ast.StructType)
		if !ok {
			continue
		}
		for _, f := range st.Fields.List {
			if len(f.Names) != 1 {
				continue
			}
			begin := fset.Position(f.Pos()).Offset
			if f.Doc != nil {
				begin = fset.Position(f.Doc.Pos()).Offset
			}
			ls := bytes.LastIndexByte(data[:begin], '\n') + 1
			le := fset.Position(f.End()).Offset
			if f.Comment != nil {
				le = fset.Position(f.Comment.End()).Offset
			}
			if ls < 2 || data[ls-1] != '\n' || data[ls-2] != '\n' || le >= len(data) || data[le] != '\n' {
				continue
			}
			out = append(out, field{f.Names[0].Name, ls - 1 - base, le + 1 - base})
		}
	}
	return out
}

// text is d's source without the fields written apart that nothing in
// selected names.
func (d *decl) text(selected map[string]bool) []byte {
	var cut []field
	for _, f := range d.apart {
		if !selected[f.name] {
			cut = append(cut, f)
		}
	}
	if len(cut) == 0 {
		return d.src
	}
	var b bytes.Buffer
	at := 0
	for _, f := range cut {
		b.Write(d.src[at:f.from])
		at = f.to
	}
	b.Write(d.src[at:])
	return b.Bytes()
}

// recvType is the name of a method's receiver type: T for t T, t *T and
// t T[P].
func recvType(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	// A generic type's receiver names its type parameters: T[P].
	switch g := e.(type) {
	case *ast.IndexExpr:
		e = g.X
	case *ast.IndexListExpr:
		e = g.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// seamNames lists what the seam file declares at package level, and the
// fields and methods of its config.
func seamNames(f *ast.File) (names, config []string) {
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				names = append(names, d.Name.Name)
			} else if recvType(d.Recv.List[0].Type) == "config" {
				config = append(config, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					names = append(names, spec.Name.Name)
					if st, ok := spec.Type.(*ast.StructType); ok && spec.Name.Name == "config" {
						for _, fl := range st.Fields.List {
							for _, n := range fl.Names {
								config = append(config, n.Name)
							}
						}
					}
				case *ast.ValueSpec:
					for _, n := range spec.Names {
						names = append(names, n.Name)
					}
				}
			}
		}
	}
	return names, config
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// RuntimeNames are the package-level identifiers the runtime and the
// generated API code around it declare, test helpers included: a name the
// collection gives must avoid them. Read from the runtime's source, so that
// they cannot drift from it, once: build asks for every package. The
// slice is clipped, so that a caller's append copies it.
func RuntimeNames() []string {
	return slices.Clip(runtimeNames())
}

var runtimeNames = sync.OnceValue(func() []string {
	s := runtime()
	set := map[string]bool{}
	for _, n := range s.seam {
		set[n] = true
	}
	for _, ds := range s.decls {
		for _, d := range ds {
			if d.recv == "" {
				for _, n := range d.names {
					set[n] = true
				}
			}
		}
	}
	return sortedKeys(set)
})

// RuntimeConfigNames are the fields and methods of config that the runtime
// reads or declares: the fields of settings avoid them.
func RuntimeConfigNames() []string {
	s := runtime()
	set := map[string]bool{}
	for _, n := range s.configNames {
		set[n] = true
	}
	for _, ds := range s.decls {
		for _, d := range ds {
			if d.recv == "config" {
				set[d.names[0]] = true
			}
		}
	}
	return sortedKeys(set)
}

// RuntimeFileStems are the names, without ".go", of the files the runtime
// may write into a package; the files named for services avoid them.
func RuntimeFileStems() []string {
	var out []string
	for _, f := range runtime().files {
		if !isHelperFile(f) {
			out = append(out, strings.TrimSuffix(f, ".go"))
		}
	}
	return out
}

// Runtime returns the runtime files a package needs, with header and
// package clause, given what the package's own Go files mention (refs).
// It keeps a runtime declaration when refs or a kept declaration mention
// its name; a method when its type is kept and its name is exported (it may
// satisfy an interface, as Error does) or selected somewhere kept;
// and every exported declaration of a file it keeps part of, since a file
// is the runtime's unit of public API. A file with nothing kept is not
// written. Test helpers go into one file, helpers_test.go, after tests,
// which the caller prepends to the package's own.
//
// The runtime is gofmt-clean as written, and each declaration is copied
// verbatim, so the result needs no formatting.
func Runtime(pkg string, refs *Refs) (files []File, helpers Helpers) {
	s := runtime()
	kept := map[*decl]bool{}
	named := map[string]bool{}    // mentioned on their own
	selected := map[string]bool{} // mentioned as a selector
	var work []string
	mention := func(n string) {
		if !named[n] {
			named[n] = true
			work = append(work, n)
		}
	}
	idents, selectors := refs.lists()
	for _, r := range idents {
		mention(r)
	}
	for _, r := range selectors {
		selected[r] = true
	}
	keep := func(d *decl) {
		if kept[d] {
			return
		}
		kept[d] = true
		for _, r := range d.idents {
			mention(r)
		}
		for _, r := range d.selectors {
			selected[r] = true
		}
	}
	for {
		for len(work) > 0 {
			n := work[len(work)-1]
			work = work[:len(work)-1]
			for _, d := range s.byName[n] {
				if d.recv == "" {
					keep(d)
				}
			}
		}
		// Methods and the exported names of kept files, until nothing
		// more is kept.
		before := len(kept)
		for _, f := range s.files {
			fileKept := slices.ContainsFunc(s.decls[f], func(d *decl) bool { return kept[d] })
			for _, d := range s.decls[f] {
				switch {
				case kept[d]:
				case d.recv != "":
					if keptType(s, kept, d.recv) && (ast.IsExported(d.names[0]) || selected[d.names[0]]) {
						keep(d)
					}
				case fileKept && ast.IsExported(d.names[0]):
					keep(d)
				}
			}
		}
		if len(kept) == before && len(work) == 0 {
			break
		}
	}
	var helperDecls [][]byte
	var helperUses []string
	for _, f := range s.files {
		var body [][]byte
		var uses []string
		for _, d := range s.decls[f] {
			if kept[d] {
				body = append(body, d.text(selected))
				uses = append(uses, d.uses...)
			}
		}
		if len(body) == 0 {
			continue
		}
		if isHelperFile(f) {
			helperDecls = append(helperDecls, body...)
			helperUses = append(helperUses, uses...)
			continue
		}
		files = append(files, File{Path: f, Data: goFile(pkg, uses, body)})
	}
	return files, Helpers{Imports: helperUses, Decls: helperDecls}
}

// Helpers are the runtime's test helpers a package needs, for its
// helpers_test.go: the import specs they use and their source.
type Helpers struct {
	Imports []string
	Decls   [][]byte
}

// GoFile writes a generated Go file from declarations copied verbatim:
// the header, the package clause, the imports (specs as written in an
// import block: "fmt", crand "crypto/rand") sorted and without repeats as
// gofmt leaves them, and the declarations one blank line apart.
func GoFile(pkg string, imports []string, decls [][]byte) []byte {
	return goFile(pkg, imports, decls)
}

// keptType reports whether the type named name is kept. The seam's types
// (Client, config) are declared by every package.
func keptType(s *source, kept map[*decl]bool, name string) bool {
	if slices.Contains(s.seam, name) {
		return true
	}
	for _, d := range s.byName[name] {
		if d.recv == "" && kept[d] {
			return true
		}
	}
	return false
}

// goFile writes a Go file: header, package clause, the imports sorted as
// gofmt sorts them, and the declarations.
func goFile(pkg string, uses []string, decls [][]byte) []byte {
	uses = slices.Clone(uses)
	slices.SortFunc(uses, func(a, b string) int { return strings.Compare(importPath(a), importPath(b)) })
	uses = slices.Compact(uses)
	var b bytes.Buffer
	b.WriteString("// " + Header + "\n\npackage " + pkg + "\n")
	if len(uses) > 0 {
		b.WriteString("\nimport (\n")
		for _, u := range uses {
			b.WriteString("\t" + u + "\n")
		}
		b.WriteString(")\n")
	}
	for _, d := range decls {
		b.WriteString("\n")
		b.Write(d)
		b.WriteString("\n")
	}
	return b.Bytes()
}

// importPath is the quoted path of an import spec, without its name.
func importPath(spec string) string {
	if i := strings.IndexByte(spec, ' '); i >= 0 {
		return spec[i+1:]
	}
	return spec
}
