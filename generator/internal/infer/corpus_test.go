package infer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/corpus"
	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

// corpusFile is one collection of the corpus, or skips tb when
// $PMGEN_CORPUS is unset.
func corpusFile(tb testing.TB, name string) string {
	tb.Helper()
	return filepath.Join(corpus.Require(tb), name)
}

// bodyGroup is the example bodies that build would merge into one type:
// every response body of one request and status, or one request body.
type bodyGroup struct {
	name  string
	texts []string
}

// corpusBodies reads a collection with encoding/json (this package must
// not depend on load) and returns its JSON-looking bodies, grouped.
func corpusBodies(t testing.TB, file string) []bodyGroup {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return bodiesOf(t, file, data)
}

// bodiesOf is corpusBodies on a collection's bytes.
func bodiesOf(t testing.TB, file string, data []byte) []bodyGroup {
	t.Helper()
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var root map[string]any
	if err := json.Unmarshal(data, &root); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if c, ok := root["collection"].(map[string]any); ok {
		root = c
	}
	groups := map[string]*bodyGroup{}
	var order []string
	addBody := func(key, text string) {
		s := strings.TrimSpace(text)
		if s == "" || (s[0] != '{' && s[0] != '[') {
			return
		}
		g := groups[key]
		if g == nil {
			g = &bodyGroup{name: key}
			groups[key] = g
			order = append(order, key)
		}
		g.texts = append(g.texts, text)
	}
	var walk func(items any, path string)
	walk = func(items any, path string) {
		list, _ := items.([]any)
		for i, it := range list {
			item, _ := it.(map[string]any)
			if item == nil {
				continue
			}
			p := fmt.Sprintf("%s/%d", path, i)
			walk(item["item"], p)
			if req, ok := item["request"].(map[string]any); ok {
				if body, ok := req["body"].(map[string]any); ok {
					if raw, ok := body["raw"].(string); ok {
						addBody(p+" request", raw)
					}
				}
			}
			responses, _ := item["response"].([]any)
			for _, r := range responses {
				resp, _ := r.(map[string]any)
				if body, ok := resp["body"].(string); ok {
					addBody(fmt.Sprintf("%s %v", p, resp["code"]), body)
				}
			}
		}
	}
	walk(root["item"], "")
	out := make([]bodyGroup, len(order))
	for i, k := range order {
		out[i] = *groups[k]
	}
	return out
}

// corpusFiles lists the corpus collections, or skips the test.
func corpusFiles(t testing.TB) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(corpus.Require(t), "*.json"))
	sort.Strings(files)
	return files
}

// TestCorpusRoundTrip infers one type per group of every corpus
// collection, one Inferrer per collection as build uses it, and checks
// that every sample is accepted by its type and survives the round trip
// that the generated tests perform.
func TestCorpusRoundTrip(t *testing.T) {
	total, invalid, structs := 0, 0, 0
	for _, file := range corpusFiles(t) {
		in := New()
		for _, g := range corpusBodies(t, file) {
			var samples []*ordjson.Value
			for _, text := range g.texts {
				v, err := parse(text)
				if err != nil {
					invalid++ // {{var}} placeholders, missing commas: build's diagnostics
					continue
				}
				samples = append(samples, v)
			}
			ref := in.Infer([]string{g.name}, samples...)
			for _, s := range samples {
				total++
				if err := accepts(ref, s); err != nil {
					t.Errorf("%s %s: %v", filepath.Base(file), g.name, err)
				}
				if err := roundTrip(ref, s); err != nil {
					t.Errorf("%s %s: %v", filepath.Base(file), g.name, err)
				}
			}
		}
		structs += len(in.Types())
	}
	t.Logf("%d samples round-tripped, %d bodies not parseable, %d struct types", total, invalid, structs)
	// The corpus has about 800 JSON bodies; far fewer means the walk broke.
	if total < 700 {
		t.Errorf("only %d samples found in the corpus", total)
	}
}

// TestCorpusComments: the corpus collection whose bodies carry comments
// parses, which strict JSON would refuse.
func TestCorpusComments(t *testing.T) {
	file := corpusFile(t, "joolfe__json-comments-v2.1.postman_collection.json")
	n := 0
	for _, g := range corpusBodies(t, file) {
		for _, text := range g.texts {
			if json.Valid([]byte(text)) {
				continue
			}
			n++
			if _, err := parse(text); err != nil {
				t.Errorf("%s: %v", g.name, err)
			}
		}
	}
	if n == 0 {
		t.Error("no commented body found")
	}
}
