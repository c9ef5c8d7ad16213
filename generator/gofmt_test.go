package generator

import (
	"bytes"
	"fmt"
	"go/format"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/output"
)

// notGofmtFixed returns an error naming the first generated Go file that
// gofmt would change, with the first line it changes; nil when every file
// is a fixed point of gofmt. A doc comment can pass go/parser and vet and
// still be rewritten by gofmt's doc comment reformatting, which users see
// as a dirty tree after gofmt -w.
func notGofmtFixed(files []output.File) error {
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".go") {
			continue
		}
		formatted, err := format.Source(f.Data)
		if err != nil {
			return fmt.Errorf("%s: gofmt: %v", f.Path, err)
		}
		if bytes.Equal(formatted, f.Data) {
			continue
		}
		got, want := strings.Split(string(f.Data), "\n"), strings.Split(string(formatted), "\n")
		for i := 0; i < len(got) && i < len(want); i++ {
			if got[i] != want[i] {
				return fmt.Errorf("%s:%d: gofmt rewrites %q as %q", f.Path, i+1, got[i], want[i])
			}
		}
		return fmt.Errorf("%s: gofmt changes the file's length", f.Path)
	}
	return nil
}
