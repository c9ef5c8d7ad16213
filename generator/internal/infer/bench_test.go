package infer

import (
	"testing"

	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

const benchCollection = "p2o__fastly-api.postman_collection.json"

// fastlyGroups returns the fastly collection's body groups, texts and
// parsed samples, or skips.
func fastlyGroups(b *testing.B) ([]bodyGroup, [][]*ordjson.Value, int) {
	groups := corpusBodies(b, corpusFile(b, benchCollection))
	samples := make([][]*ordjson.Value, len(groups))
	size := 0
	for i, g := range groups {
		for _, text := range g.texts {
			size += len(text)
			if v, err := parse(text); err == nil {
				samples[i] = append(samples[i], v)
			}
		}
	}
	return groups, samples, size
}

// BenchmarkInfer infers every example and request body of the Fastly
// collection with one Inferrer, as build does for one API; the bodies are
// parsed beforehand.
func BenchmarkInfer(b *testing.B) {
	groups, samples, size := fastlyGroups(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		in := New()
		for i, g := range groups {
			in.Infer([]string{g.name}, samples[i]...)
		}
		if len(in.Types()) == 0 {
			b.Fatal("no types")
		}
	}
}

// BenchmarkParse parses the same bodies as build reads them: one lenient
// ordjson.Reader for the whole collection.
func BenchmarkParse(b *testing.B) {
	groups, _, size := fastlyGroups(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		r := ordjson.Reader{Options: ordjson.Options{Lenient: true}}
		for _, g := range groups {
			for _, text := range g.texts {
				_, _, _ = r.Parse(text)
			}
		}
	}
}
