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
	"github.com/pmgen/pmgen/generator/internal/synthetic"
)

// benchInput is one collection the performance benchmarks run on. Its
// bytes are made or read inside its own sub-benchmark and dropped after
// it: were every input held at once, the 28 MB synthetic-5000 would sit
// in the heap while the small inputs run, raising the collector's goal
// and making them look cheaper than a process generating them alone.
type benchInput struct {
	name string
	read func(b *testing.B) []byte
}

// benchInputs are the synthetic collection at three sizes and the
// largest corpus collections (issue 6). The 5,000-request synthetic one
// runs only with $PMGEN_SYNTHETIC set, and the corpus ones with
// $PMGEN_CORPUS; without them, those sub-benchmarks skip, saying so.
func benchInputs() []benchInput {
	var in []benchInput
	for _, n := range []int{500, 1000, 5000} {
		in = append(in, benchInput{fmt.Sprintf("synthetic-%d", n), func(b *testing.B) []byte {
			if n >= 5000 {
				requireSynthetic(b)
			}
			return synthetic.Collection(n)
		}})
	}
	for _, name := range []string{"stripe__stripe-api", "p2o__fastly-api", "msgraph__microsoft-graph"} {
		in = append(in, benchInput{name, func(b *testing.B) []byte {
			data, err := os.ReadFile(filepath.Join(corpus.Require(b), name+".postman_collection.json"))
			if err != nil {
				b.Fatal(err)
			}
			return data
		}})
	}
	return in
}

// mustRender runs the pure pipeline once, for the benchmarks' set-up.
func mustRender(b *testing.B, name string, data []byte) ([]output.File, int) {
	b.Helper()
	files, stats, _, err := render(source{name + ".json", data}, source{}, "")
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
	for _, in := range benchInputs() {
		b.Run(in.name, func(b *testing.B) {
			data := in.read(b)
			files, requests := mustRender(b, in.name, data)
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			var floorTime time.Duration
			for b.Loop() {
				if _, _, _, err := render(source{in.name + ".json", data}, source{}, ""); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				t := time.Now()
				floor(b, data, files)
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
	for _, in := range benchInputs() {
		b.Run(in.name, func(b *testing.B) {
			data := in.read(b)
			files, _ := mustRender(b, in.name, data)
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				floor(b, data, files)
			}
		})
	}
}
