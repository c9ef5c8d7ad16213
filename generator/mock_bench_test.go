package generator

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/corpus"
	pmruntime "github.com/pmgen/pmgen/templates/runtime"
)

// benchWriter is a ResponseWriter that keeps nothing, so that the
// benchmark measures the mock rather than a recorder.
type benchWriter struct{ h http.Header }

func (w *benchWriter) Header() http.Header         { return w.h }
func (w *benchWriter) Write(p []byte) (int, error) { return len(p), nil }
func (w *benchWriter) WriteHeader(int)             {}

// BenchmarkMockServeFastly serves the Fastly collection's examples (406
// requests, one example each): each op is one request, matched against
// the first n examples and answered, the requests taking turns. The sizes
// show how matching grows with the number of examples: every example is
// scored, so linearly.
func BenchmarkMockServeFastly(b *testing.B) {
	dir := corpus.Require(b)
	path := filepath.Join(dir, "p2o__fastly-api.postman_collection.json")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	api, _, err := buildModel(source{path, data}, source{}, "", nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	all := mockExamples(api)
	for _, n := range []int{50, 100, 200, len(all)} {
		b.Run(fmt.Sprintf("examples=%d", n), func(b *testing.B) {
			examples := all[:n]
			mock := pmruntime.NewMockServerFor(examples, pmruntime.MockForget())
			reqs := make([]*http.Request, n)
			bodies := make([]*strings.Reader, n)
			for i := range examples {
				reqs[i] = mockReplay(&examples[i])
				bodies[i] = strings.NewReader(examples[i].RequestBody)
				reqs[i].Body = io.NopCloser(bodies[i])
			}
			w := &benchWriter{h: http.Header{}}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				bodies[i].Reset(examples[i].RequestBody)
				clear(w.h)
				mock.ServeHTTP(w, reqs[i])
				i = (i + 1) % n
			}
		})
	}
}
