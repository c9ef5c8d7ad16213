package generator

import (
	"testing"

	"github.com/pmgen/pmgen/generator/internal/build"
	"github.com/pmgen/pmgen/generator/internal/emit"
	"github.com/pmgen/pmgen/generator/internal/load"
)

// BenchmarkStages measures each stage of the pipeline on its own, so that
// time and allocations can be traced to load (bytes to collection), build
// (collection to model) or emit (model to formatted files). Each stage's
// input is made afresh, outside the timer, for every iteration: build and
// emit are not promised to leave their input as they found it.
func BenchmarkStages(b *testing.B) {
	for _, in := range benchInputs() {
		b.Run(in.name, func(b *testing.B) {
			data := in.read(b)
			name := in.name + ".json"
			parse := func(b *testing.B) *load.Collection {
				col, diags := load.Parse(name, data)
				if diags.HasErrors() {
					b.Fatal(diags)
				}
				return col
			}
			b.Run("load", func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					parse(b)
				}
			})
			b.Run("build", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					b.StopTimer()
					col := parse(b)
					b.StartTimer()
					if _, diags := build.Build(col, build.Options{}); diags.HasErrors() {
						b.Fatal(diags)
					}
				}
			})
			b.Run("emit", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					b.StopTimer()
					api, diags := build.Build(parse(b), build.Options{})
					if diags.HasErrors() {
						b.Fatal(diags)
					}
					b.StartTimer()
					if _, err := emit.Files(api, emit.Options{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
