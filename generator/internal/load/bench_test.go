package load

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParse measures a full load of the largest corpus collection
// (Stripe, 3.5 MiB, 457 requests).
func BenchmarkParse(b *testing.B) {
	name := "stripe__stripe-api.postman_collection.json"
	data, err := os.ReadFile(filepath.Join(corpusDir(b), name))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, ds := Parse(name, data); ds.HasErrors() {
			b.Fatal(ds)
		}
	}
}
