package gofmt

import (
	"bytes"
	"go/ast"
	"go/parser"
	goprinter "go/printer"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	stdConfig  = goprinter.Config{Mode: goprinter.UseSpaces | goprinter.TabIndent | 1<<30, Tabwidth: 8}
	thisConfig = Config{Mode: UseSpaces | TabIndent | 1<<30, Tabwidth: 8}
)

// leadingTabs is every line's indentation, which TestMatchesGoPrinter
// removes to print source laid out the way jennifer writes it.
var leadingTabs = regexp.MustCompile(`(?m)^[\t ]+`)

// TestMatchesGoPrinter prints every Go file of the repository with this
// package and with go/printer and requires the same bytes: once as the
// file is, and once with all indentation removed, which puts every
// comment in column one (the doc comment path) and makes every alignment
// and line-fitting decision anew.
func TestMatchesGoPrinter(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	var paths []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 100 {
		t.Fatalf("found %d Go files under %s; want the repository's", len(paths), root)
	}
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, variant := range []struct {
			name string
			src  []byte
		}{{"as written", src}, {"unindented", leadingTabs.ReplaceAll(src, nil)}} {
			fset := token.NewFileSet()
			file, err := parser.ParseFile(fset, path, variant.src, parser.ParseComments|parser.SkipObjectResolution)
			if err != nil {
				// Removing indentation can break a raw string's
				// contents but not the syntax; anything else is a
				// file that never parsed.
				t.Fatalf("%s (%s): %v", path, variant.name, err)
			}
			want, got := print(t, &stdConfig, fset, file), print(t, &thisConfig, fset, file)
			if !bytes.Equal(got, want) {
				t.Errorf("%s (%s): differs from go/printer at line %d", path, variant.name, firstDiffLine(got, want))
			}
		}
	}
}

type fprinter interface {
	Fprint(out io.Writer, fset *token.FileSet, node any) error
}

func print(t *testing.T, cfg fprinter, fset *token.FileSet, file *ast.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := cfg.Fprint(&buf, fset, file); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func firstDiffLine(a, b []byte) int {
	al, bl := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := range min(len(al), len(bl)) {
		if !bytes.Equal(al[i], bl[i]) {
			return i + 1
		}
	}
	return min(len(al), len(bl)) + 1
}
