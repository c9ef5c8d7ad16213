package generator

import (
	"encoding/json"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmgen/pmgen/generator/internal/corpus"
	"github.com/pmgen/pmgen/generator/internal/output"
)

// benchInput is one collection the performance benchmarks run on.
type benchInput struct {
	name     string
	data     []byte
	requests int
}

// benchInputs are the largest corpus collections and the synthetic
// collection at three sizes (issue 6). The synthetic ones need no corpus.
func benchInputs(b *testing.B) []benchInput {
	var in []benchInput
	for _, n := range []int{500, 1000, 5000} {
		in = append(in, benchInput{fmt.Sprintf("synthetic-%d", n), syntheticCollection(n), n})
	}
	dir := corpus.Require(b)
	for _, name := range []string{"stripe__stripe-api", "p2o__fastly-api", "msgraph__microsoft-graph"} {
		data, err := os.ReadFile(filepath.Join(dir, name+".postman_collection.json"))
		if err != nil {
			b.Fatal(err)
		}
		in = append(in, benchInput{name: name, data: data})
	}
	return in
}

// mustRender runs the pure pipeline once, for the benchmarks' set-up.
func mustRender(b *testing.B, in benchInput) ([]output.File, int) {
	b.Helper()
	files, stats, _, err := render(source{in.name + ".json", in.data}, source{}, "")
	if err != nil {
		b.Fatal(err)
	}
	return files, stats.Requests
}

// floor is the work no generator can avoid: decode the collection with
// encoding/json and gofmt the Go files pmgen produced from it.
func floor(b *testing.B, data []byte, files []output.File) {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		b.Fatal(err)
	}
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".go") {
			continue
		}
		if _, err := format.Source(f.Data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerate measures the whole pipeline from collection bytes to
// formatted files (load, build, emit, gofmt), without the disk. The
// machine it runs on is shared, so next to each generation it also runs
// the floor (untimed by the benchmark clock, timed by hand) and reports
// the ratio of the two from the same iterations: "x-floor" is
// generation time / floor time, measured side by side.
func BenchmarkGenerate(b *testing.B) {
	for _, in := range benchInputs(b) {
		b.Run(in.name, func(b *testing.B) {
			files, requests := mustRender(b, in)
			b.ReportAllocs()
			b.SetBytes(int64(len(in.data)))
			var floorTime time.Duration
			for b.Loop() {
				if _, _, _, err := render(source{in.name + ".json", in.data}, source{}, ""); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				t := time.Now()
				floor(b, in.data, files)
				floorTime += time.Since(t)
				b.StartTimer()
			}
			gen := b.Elapsed()
			b.ReportMetric(float64(requests)*float64(b.N)/gen.Seconds(), "req/s")
			b.ReportMetric(float64(floorTime.Nanoseconds())/float64(b.N), "floor-ns/op")
			b.ReportMetric(float64(gen)/float64(floorTime), "x-floor")
		})
	}
}

// BenchmarkFloor is the floor on its own: encoding/json decoding of the
// collection plus go/format.Source over the Go files pmgen produced.
func BenchmarkFloor(b *testing.B) {
	for _, in := range benchInputs(b) {
		b.Run(in.name, func(b *testing.B) {
			files, _ := mustRender(b, in)
			b.ReportAllocs()
			b.SetBytes(int64(len(in.data)))
			for b.Loop() {
				floor(b, in.data, files)
			}
		})
	}
}
