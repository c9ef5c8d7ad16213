package infer

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/corpus"
	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

// fuzzSeeds are documents that reach the interesting branches.
var fuzzSeeds = []string{
	`{"a":1,"b":[1,2.5,null],"c":{"d":"x"}}`,
	`[{"id":1},{"id":2,"x":true},{}]`,
	`{"1":{"a":1},"2":{"a":null}}`,
	`{"":1,"a,b":2}`,
	`{"a":1,"a":"x"}`,
	"// c\n{\"a\": /* x */ [1,],}",
	`12345678901234567890`,
	`[9007199254740993, 0.5]`,
	`"\ud800\u0041"`,
	`{"名前":{"😀":[]}}`,
	`[[[[[[[[1]]]]]]]]`,
	`{"x":{"y":1},"z":{"y":2}}`,
	`{"a":1,"A":"x","-":true}`,
	`{"at":"2021-01-01T00:00:00.000Z","tz":["2021-01-01T00:00:00+05:30",null],"d":"2021-01-01"}`,
	`{"at":"2021-01-01T00:00:00","tz":["2021-01-01T00:00:00.1234567891Z"],"d":""}`,
}

// FuzzInfer: Infer never panics on what Parse accepts, and the inferred
// type accepts the sample and carries it through the round trip. A second
// sample exercises merging.
func FuzzInfer(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, fuzzSeeds[(i+1)%len(fuzzSeeds)])
	}
	// Real example bodies, two of one request and status at a time as
	// build merges them: from the corpus when it is there, and from the
	// repository's test collections.
	for _, data := range corpus.Seeds(f, 1<<20) {
		var root map[string]any
		if json.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &root) != nil {
			continue
		}
		for _, g := range bodiesOf(f, "seed", data) {
			a, b := g.texts[0], ""
			if len(g.texts) > 1 {
				b = g.texts[1]
			}
			if len(a)+len(b) <= 4<<10 {
				f.Add(a, b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		var samples []*ordjson.Value
		for _, s := range []string{a, b} {
			if v, err := parse(s); err == nil {
				samples = append(samples, v)
			}
		}
		if len(samples) == 0 {
			return
		}
		in := New()
		ref := in.Infer([]string{"T"}, samples...)
		for _, s := range samples {
			if err := accepts(ref, s); err != nil {
				t.Fatalf("%s: %v", typeString(ref), err)
			}
			if depthOf(plain(s), 0) <= maxDepth/2 { // keep reflection cheap
				if err := roundTrip(ref, s); err != nil {
					t.Fatal(err)
				}
			}
		}
		// Sharing across calls: inferring again gives the same named type.
		again := in.Infer([]string{"U"}, samples...)
		if typeString(again) != typeString(ref) || again.Named != ref.Named {
			t.Fatalf("second Infer differs: %s vs %s", typeString(again), typeString(ref))
		}
	})
}

func depthOf(v Value, d int) int {
	m := d
	switch v := v.(type) {
	case []Value:
		for _, e := range v {
			m = max(m, depthOf(e, d+1))
		}
	case Object:
		for _, e := range v {
			m = max(m, depthOf(e.Value, d+1))
		}
	}
	return m
}
