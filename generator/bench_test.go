package generator

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/corpus"
)

// BenchmarkRender measures the whole pipeline from bytes to files (load,
// build, emit, gofmt) on the five largest corpus collections.
func BenchmarkRender(b *testing.B) {
	dir := corpus.Require(b)
	for _, name := range []string{
		"stripe__stripe-api", "p2o__fastly-api", "msgraph__microsoft-graph", "p2o__pdfco-api", "p2o__postman-api",
	} {
		data, err := os.ReadFile(filepath.Join(dir, name+".postman_collection.json"))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, _, _, err := render(source{name + ".json", data}, source{}, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
