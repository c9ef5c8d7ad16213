package generator

import (
	"fmt"
	"runtime/debug"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/synthetic"
)

// BenchmarkLayout generates the same synthetic requests laid out two
// ways, all at the collection's root (methods on the client) and in 50
// folders (methods on 50 services), so that any cost that grows with the
// number of requests in one service shows as a gap between the two
// (issue 14: root and folders within 1.3x of each other). The
// 5,000-request size runs only with $PMGEN_SYNTHETIC set.
//
// Each runs under the soft memory limit the command sets (ten times the
// collection, at least 64 MiB; cmd/pmgen/memory.go): what made the root
// layout slow was not more work but a higher peak, which under that limit
// kept the collector running, and without the limit the benchmark would
// not see it.
func BenchmarkLayout(b *testing.B) {
	for _, n := range []int{500, 5000} {
		for _, layout := range []struct {
			name    string
			folders int
		}{{"root", 0}, {"folders", 50}} {
			b.Run(fmt.Sprintf("%s-%d", layout.name, n), func(b *testing.B) {
				if n >= 5000 {
					requireSynthetic(b)
				}
				name := fmt.Sprintf("synthetic-%s-%d", layout.name, n)
				data := synthetic.Layout(n, layout.folders)
				if _, requests := mustRender(b, name, data); requests != n {
					b.Fatalf("rendered %d requests, want %d", requests, n)
				}
				defer debug.SetMemoryLimit(debug.SetMemoryLimit(max(10*int64(len(data)), 64<<20)))
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
}
