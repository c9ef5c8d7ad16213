package emit

import (
	"bytes"
	"fmt"
	"go/parser"
	"go/token"
	"strings"

	"github.com/pmgen/pmgen/templates"
)

// runtimeFor returns the runtime files the package's own Go files need
// (templates.Runtime), and folds the runtime's test helpers into the
// package's helpers_test.go. The files are parsed again only to list the
// identifiers they mention: the runtime keeps what those reach.
func runtimeFor(pkg string, files []File) ([]File, error) {
	fset := token.NewFileSet()
	var refs templates.Refs
	helpers := -1
	for i, f := range files {
		if !strings.HasSuffix(f.Path, ".go") {
			continue
		}
		if f.Path == "helpers_test.go" {
			helpers = i
		}
		parsed, err := parser.ParseFile(fset, f.Path, f.Data, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("emit %s: %w", f.Path, err)
		}
		refs.Add(parsed)
	}
	rt, helperSrc := templates.Runtime(pkg, &refs)
	out := make([]File, 0, len(rt))
	for _, f := range rt {
		out = append(out, File{Path: f.Path, Data: f.Data})
	}
	if helperSrc != nil && helpers >= 0 {
		files[helpers].Data = mergeHelpers(files[helpers].Data, helperSrc)
	}
	return out, nil
}

// mergeHelpers is not needed while the test helpers are emitted whole.
func mergeHelpers(own, runtime []byte) []byte {
	return bytes.Join([][]byte{own, runtime}, nil)
}
