package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/corpus"
)

// BenchmarkProjectUnchanged is a project run in which nothing changed:
// every package is skipped after its hash check. "seed" is one package;
// "corpus" (with $PMGEN_CORPUS) is every corpus collection but the v1
// one in one pmgen.yaml, the figure the README reports.
func BenchmarkProjectUnchanged(b *testing.B) {
	seed, err := filepath.Abs(filepath.Join("..", "collections", "forgerock-am.postman_collection.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("seed", func(b *testing.B) { benchProject(b, []string{seed}) })
	b.Run("corpus", func(b *testing.B) {
		dir := corpus.Require(b)
		paths, err := filepath.Glob(filepath.Join(dir, "*.postman_collection.json"))
		if err != nil {
			b.Fatal(err)
		}
		var keep []string
		for _, p := range paths {
			if filepath.Base(p) != v1Collection {
				keep = append(keep, p)
			}
		}
		benchProject(b, keep)
	})
}

// benchProject writes a pmgen.yaml for the collections in a temporary
// module, generates once, and times the runs that follow.
func benchProject(b *testing.B, collections []string) {
	dir := b.TempDir()
	var yaml strings.Builder
	yaml.WriteString("version: 1\npackages:\n")
	for i, c := range collections {
		fmt.Fprintf(&yaml, "  - input: %q\n    output: gen/p%d\n    package: p%d\n", c, i, i)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/bench\n\ngo 1.26\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	config := filepath.Join(dir, ProjectFile)
	if err := os.WriteFile(config, []byte(yaml.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	p, err := LoadProject(config)
	if err != nil {
		b.Fatal(err)
	}
	opts := ProjectOptions{Cache: filepath.Join(dir, "cache")}
	if _, err := p.Generate(opts); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := p.Generate(opts)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range res {
			if !r.Skipped {
				b.Fatalf("%s was generated again", r.Name)
			}
		}
	}
}
