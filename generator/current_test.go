package generator

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/emit"
	"github.com/pmgen/pmgen/generator/internal/output"
)

// generateLine is one pmgen //go:generate line of generated/generate.go.
type generateLine struct {
	in, out, pkg, env string
}

// generateLines reads the pmgen invocations from generated/generate.go,
// resolving their paths from the generated/ directory, as go generate does.
func generateLines(t *testing.T) []generateLine {
	t.Helper()
	dir := filepath.Join("..", "generated")
	f, err := os.Open(filepath.Join(dir, "generate.go"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []generateLine
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		text, ok := strings.CutPrefix(sc.Text(), "//go:generate go run ../cmd/pmgen ")
		if !ok {
			continue
		}
		fs := flag.NewFlagSet("pmgen", flag.ContinueOnError)
		var l generateLine
		fs.StringVar(&l.in, "in", "", "")
		fs.StringVar(&l.out, "out", "", "")
		fs.StringVar(&l.pkg, "package", "", "")
		fs.StringVar(&l.env, "env", "", "")
		if err := fs.Parse(strings.Fields(text)); err != nil {
			t.Fatalf("generate.go: %v", err)
		}
		l.in, l.out = filepath.Join(dir, l.in), filepath.Join(dir, l.out)
		if l.env != "" {
			l.env = filepath.Join(dir, l.env)
		}
		lines = append(lines, l)
	}
	if len(lines) == 0 {
		t.Fatal("generated/generate.go has no pmgen line")
	}
	return lines
}

// TestGeneratedIsCurrent fails when a committed client under generated/ is
// not what pmgen generates now from its collection: run go generate ./...
func TestGeneratedIsCurrent(t *testing.T) {
	for _, l := range generateLines(t) {
		data, err := os.ReadFile(l.in)
		if err != nil {
			t.Fatal(err)
		}
		var env source
		if l.env != "" {
			envData, err := os.ReadFile(l.env)
			if err != nil {
				t.Fatal(err)
			}
			env = source{l.env, envData}
		}
		imp, err := importPath(l.out)
		if err != nil {
			t.Fatal(err)
		}
		files, _, _, err := renderWith(source{l.in, data}, env, l.pkg, nil, emit.Options{ImportPath: imp, CheckDocs: true})
		if err != nil {
			t.Fatalf("%s: %v", l.in, err)
		}
		diff, err := output.Check(l.out, files)
		if err != nil {
			t.Fatal(err)
		}
		if diff != "" {
			t.Errorf("%s is stale; run go generate ./...:\n%s", l.out, diff)
		}
	}
}
