package generator

import (
	"errors"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/corpus"
	"github.com/pmgen/pmgen/generator/internal/emit"
	"github.com/pmgen/pmgen/generator/internal/output"
)

// FuzzGenerate runs the whole pipeline on any bytes. Whatever loads either
// gives diagnostics (an *InputError) or gives files that parse with
// go/parser and type-check with go/types, test files included, against the
// standard library alone, that gofmt leaves as they are, with no directive
// line (//go:generate) in them. Any other error is a generator bug, and so
// is a panic.
func FuzzGenerate(f *testing.F) {
	seeds := []string{
		`{"info": {"name": "T"}, "item": [{"name": "Get */ x", "request": {"method": "GET", "url": "{{base}}/a/:id?q=1"}}]}`,
		`{"item": [{"name": "F", "item": [{"name": "New", "request": {"url": "http://x/{{v}}", "body": {"mode": "raw", "raw": "{\"a\":[1,{\"b\":null}]}"}},
		  "response": [{"code": 200, "body": "{\"x\":1e400,\"x\":\"s\"}"}, {"code": 404, "body": "[]"}]}]}],
		  "variable": [{"key": "v", "value": "{{w}}"}, {"key": "w", "value": "{{v}}"}]}`,
		`{"item": [{"name": "Client", "request": {"url": "x", "header": [{"key": "A\r\nB", "value": "c\nd"}], "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "s3cr3t"}]}}}]}`,
		`{"item": [{"name": "a\u2028b\n//go:generate rm x", "description": "package main\n*/ ` + "`" + `", "request": {"url": {"raw": "{{", "host": ["{{"]}}}]}`,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	for _, data := range corpus.Seeds(f, 16<<10) {
		f.Add(data)
	}
	// One importer for the whole run: it caches the standard library
	// packages it has read, which is most of the cost of a check.
	imp := importer.Default()
	// Load them now: the first load runs the go command and can take
	// longer than the 10 s the fuzzing engine grants one input, which it
	// then reports as a hung worker.
	for _, path := range []string{"bytes", "cmp", "context", "crypto/hmac", "crypto/md5", "crypto/rand", "crypto/sha1", "crypto/sha256",
		"crypto/sha512", "encoding/base64", "encoding/hex", "encoding/json", "errors", "fmt", "io", "mime", "mime/multipart",
		"net/http", "net/http/httptest", "net/textproto", "net/url", "os", "path/filepath", "reflect", "slices", "sort",
		"strconv", "strings", "sync", "testing", "time", "unicode/utf8"} {
		if _, err := imp.Import(path); err != nil {
			f.Fatalf("importing %s: %v", path, err)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		files, _, _, err := renderWith(source{"fuzz.json", data}, source{}, "", nil, emit.Options{CheckDocs: true})
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || len(ie.Diagnostics) == 0 {
				t.Fatalf("not a diagnostic: %v", err)
			}
			return
		}
		if err := typeCheck(files, imp); err != nil {
			t.Fatal(err)
		}
		if err := notGofmtFixed(files); err != nil {
			t.Fatal(err)
		}
		// Nothing in a collection may become a directive line.
		checkNoDirectives(t, files)
	})
}

// typeCheck parses every Go file of a generated package and type-checks
// them together, tests included (but not the examples, which are a
// package of their own), with imp resolving the imports.
func typeCheck(files []output.File, imp types.Importer) error {
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".go") {
			continue
		}
		p, err := parser.ParseFile(fset, f.Path, f.Data, parser.ParseComments)
		if err != nil {
			return err
		}
		if strings.HasSuffix(p.Name.Name, "_test") {
			// The examples are a package of their own, importing this one.
			continue
		}
		parsed = append(parsed, p)
	}
	if len(parsed) == 0 {
		return errors.New("no Go files")
	}
	var errs []error
	conf := types.Config{Importer: imp, Error: func(err error) {
		if len(errs) < 10 {
			errs = append(errs, err)
		}
	}}
	_, _ = conf.Check(parsed[0].Name.Name, fset, parsed, nil)
	return errors.Join(errs...)
}
