// Package emit translates a model.API into Go source files with jennifer.
//
// It is the only importer of jennifer. Every decision (names, types,
// defaults, which example feeds which test row) was made by build; emit
// only spells the model out in Go, so that two runs on the same model give
// the same bytes.
package emit

import (
	"bytes"
	"fmt"
	"go/format"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/templates"
)

// File is one generated file, its path relative to the package directory.
type File struct {
	Path string
	Data []byte
}

// Files renders every file of the package for api, in a fixed order.
func Files(api *model.API) ([]File, error) {
	var files []File
	add := func(path string, f *jen.File) error {
		data, err := render(path, f)
		if err != nil {
			return err
		}
		files = append(files, File{Path: path, Data: data})
		return nil
	}
	doc, err := docFile(api)
	if err != nil {
		return nil, err
	}
	if err := add("doc.go", doc); err != nil {
		return nil, err
	}
	if err := add("client.go", clientFile(api)); err != nil {
		return nil, err
	}
	if err := add("transport.go", transportFile(api)); err != nil {
		return nil, err
	}
	if api.Auth != nil {
		if err := add("auth.go", authFile(api)); err != nil {
			return nil, err
		}
	}
	if err := add("encoding.go", encodingFile(api)); err != nil {
		return nil, err
	}
	for _, svc := range serviceFiles(api) {
		if err := add(svc.path, svc.file); err != nil {
			return nil, err
		}
	}
	if len(api.Dynamics) > 0 {
		if err := add("dynamic.go", dynamicFile(api)); err != nil {
			return nil, err
		}
	}
	if len(api.Types) > 0 {
		if err := add("types.go", typesFile(api)); err != nil {
			return nil, err
		}
	}
	if err := add("helpers_test.go", testHelpersFile(api)); err != nil {
		return nil, err
	}
	for _, tf := range testFiles(api) {
		if err := add(tf.path, tf.file); err != nil {
			return nil, err
		}
	}
	if err := add("conformance_test.go", conformanceFile(api)); err != nil {
		return nil, err
	}
	files = append(files, fixtureFiles(api)...)
	readme, err := readmeFile(api)
	if err != nil {
		return nil, err
	}
	files = append(files, readme)
	return files, nil
}

// newFile starts a Go file of the generated package with pmgen's header.
func newFile(api *model.API) *jen.File {
	f := jen.NewFile(api.Package)
	f.HeaderComment(templates.Header)
	// Render without jennifer's own gofmt pass, so that render can report a
	// formatting failure with line numbers (house rule 7).
	f.NoFormat = true
	return f
}

// render formats one file. Generated code that does not format is a
// generator bug; the error carries the line-numbered source to find it.
func render(path string, f *jen.File) ([]byte, error) {
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, fmt.Errorf("emit %s: %w", path, err)
	}
	out, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("emit %s: generated code does not format (a pmgen bug): %v\n%s", path, err, numbered(buf.String()))
	}
	return out, nil
}

func numbered(src string) string {
	var b strings.Builder
	for i, line := range strings.Split(src, "\n") {
		fmt.Fprintf(&b, "%5d  %s\n", i+1, line)
	}
	return b.String()
}

// comment renders text as // lines. jennifer turns a multi-line Comment into
// a /* */ block, which godoc shows but which breaks on "*/" in the text, so
// the lines are prefixed here and handed over verbatim.
func comment(text string) *jen.Statement {
	text = strings.TrimSpace(strings.ReplaceAll(commentSafe(text), "*/", "* /"))
	if text == "" {
		return jen.Null()
	}
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString("\n")
		}
		line = strings.TrimRight(line, " \t")
		if line == "" {
			b.WriteString("//")
		} else {
			b.WriteString("// " + line)
		}
	}
	return jen.Comment(b.String())
}

// commentSafe makes text fit in a // comment. Go source may not hold NUL,
// a byte order mark or invalid UTF-8 anywhere, comments included, and a
// carriage return would let a description start a line of its own; so
// line breaks become "\n" (each line then gets its "// "), and the other
// control characters become U+FFFD. A description can therefore never
// begin a line with //go:generate or any other directive.
func commentSafe(text string) string {
	text = strings.ToValidUTF8(text, "\uFFFD")
	text = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n\n", "\ufeff", "").Replace(text)
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			return '\uFFFD'
		}
		return r
	}, text)
}

// paragraphs joins non-empty doc paragraphs with blank lines.
func paragraphs(ps ...string) string {
	var keep []string
	for _, p := range ps {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, "\n\n")
}
