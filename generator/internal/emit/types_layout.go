package emit

import (
	"fmt"
	"go/ast"
	"go/build/constraint"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pmgen/pmgen/generator/internal/gofmt"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/templates"
)

// typesJob is types.go. Its inferred structs are nothing but a doc
// comment and lines of name, type and tag (Fastly's: 442 types, 240 kB),
// so unless a type needs more (an error body's Error method, no fields or
// no doc, a package other than encoding/json and time) the file is
// written in gofmt's layout directly (typesSource) rather than rendered,
// parsed and printed. TestTypesSourceIsGofmts checks it byte for byte
// against typesFile on every golden collection and, with $PMGEN_CORPUS,
// every corpus collection; TestTypesSourceShapes on the shapes they may
// not hold.
func typesJob(api *model.API) fileJob {
	if !typesFit(api) {
		return fileJob{path: "types.go", build: func() (*genFile, error) { return typesFile(api), nil }}
	}
	return fileJob{path: "types.go", direct: func(refs *templates.Refs, checkDocs bool) ([]byte, error) {
		return typesSource(api, refs, checkDocs)
	}}
}

// typesFit reports whether typesSource can write api's types.
func typesFit(api *model.API) bool {
	for _, t := range api.Types {
		doc := commentLines(t.Doc)
		if t.Error != nil || len(t.Fields) == 0 || len(doc) == 0 {
			// Without a doc comment, jennifer leaves no blank line above
			// the type.
			return false
		}
		for _, line := range doc {
			if constraint.IsPlusBuild(line) {
				// The printer moves build constraints.
				return false
			}
		}
		for _, f := range t.Fields {
			switch f.GoType(model.OwnName).Path {
			case "", "encoding/json", "time":
			default:
				return false
			}
		}
	}
	return len(api.Types) > 0
}

// typesSource is types.go as typesFile renders it and gofmt prints it:
//
//	// GetSessionInfoResponse is inferred from the saved examples of …
//	type GetSessionInfoResponse struct {
//		Username string    `json:"username"`
//		Expires  time.Time `json:"expires"`
//	}
//
// The fields of a struct are one block of go/printer's columns, each one
// space wider than its longest cell in runes; a struct of one field is
// separated by single spaces instead. refs records what the file
// mentions, as render does for parsed code; checkDocs fails on a doc
// comment that gofmt rewrites, as render's does.
func typesSource(api *model.API, refs *templates.Refs, checkDocs bool) ([]byte, error) {
	// The package clause's name is an identifier too.
	idents, selectors, imports := map[string]bool{api.Package: true}, map[string]bool{}, map[string]bool{}
	var b strings.Builder
	b.Grow(256 * len(api.Types))
	type field struct{ name, typ, tag string }
	var fields []field
	for _, t := range api.Types {
		b.WriteString("\n")
		doc := commentLines(t.Doc)
		if checkDocs {
			group := &ast.CommentGroup{}
			for _, line := range doc {
				group.List = append(group.List, &ast.Comment{Text: line})
			}
			if got, want, ok := rewrittenLine(group); ok {
				return nil, fmt.Errorf("emit types.go: gofmt rewrites the doc comment of %s, line %q as %q (a pmgen bug)", t.Name, got, want)
			}
		}
		for _, line := range gofmt.DocLines(doc) {
			b.WriteString(line + "\n")
		}
		b.WriteString("type " + t.Name + " struct {\n")
		fields = fields[:0]
		nameWidth, typeWidth := 0, 0
		for _, f := range t.Fields {
			g := f.GoType(model.OwnName)
			if g.Path != "" {
				imports[g.Path] = true
				idents[importName(g.Path)] = true
				selectors[g.Name] = true
			} else {
				idents[g.Name] = true
			}
			if strings.Contains(g.Prefix, "map[string]") {
				idents["string"] = true
			}
			fields = append(fields, field{f.Name, g.String(), structTag(f)})
			nameWidth = max(nameWidth, utf8.RuneCountInString(f.Name))
			typeWidth = max(typeWidth, utf8.RuneCountInString(g.String()))
		}
		for _, f := range fields {
			b.WriteString("\t" + f.name)
			if len(fields) == 1 {
				b.WriteString(" " + f.typ + " " + f.tag + "\n")
				continue
			}
			b.WriteString(strings.Repeat(" ", nameWidth-utf8.RuneCountInString(f.name)+1) + f.typ)
			b.WriteString(strings.Repeat(" ", typeWidth-utf8.RuneCountInString(f.typ)+1) + f.tag + "\n")
		}
		b.WriteString("}\n")
	}
	refs.Mention(mapKeys(idents), mapKeys(selectors))

	paths := mapKeys(imports)
	slices.Sort(paths)
	head := "// " + templates.Header + "\n\npackage " + api.Package + "\n"
	switch len(paths) {
	case 0:
	case 1:
		head += "\nimport " + strconv.Quote(paths[0]) + "\n"
	default:
		head += "\nimport (\n"
		for _, p := range paths {
			head += "\t" + strconv.Quote(p) + "\n"
		}
		head += ")\n"
	}
	return []byte(head + b.String()), nil
}

// structTag is the tag typesFile gives a field, as jennifer writes it.
func structTag(f *model.Field) string {
	s := "json:" + strconv.Quote(jsonTag(f))
	if strconv.CanBackquote(s) {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}

// commentLines are the // lines comment writes for text; none for none.
func commentLines(text string) []string {
	c := commentText(text)
	if c == "" {
		return nil
	}
	return strings.Split(c, "\n")
}

// importName is the name a standard package is imported as.
func importName(importPath string) string {
	return importPath[strings.LastIndexByte(importPath, '/')+1:]
}
