package godoc

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/pmgen/pmgen/generator/internal/corpus"
)

// corpusDescriptions returns every description found in the real-world
// collections of $PMGEN_CORPUS (unset, the test skips), deduplicated and
// sorted.
func corpusDescriptions(t testing.TB) []string {
	t.Helper()
	dir := corpus.Require(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no collections in %s", dir)
	}
	set := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if k == "description" {
					if s, ok := x.(string); ok {
						set[s] = true
					} else if m, ok := x.(map[string]any); ok {
						if s, ok := m["content"].(string); ok {
							set[s] = true
						}
					}
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
			data = data[3:]
		}
		var v any
		if json.Unmarshal(data, &v) == nil {
			walk(v)
		}
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// TestCorpusDescriptions converts every real description and checks the
// guarantees: no */, no trailing spaces, stable doc comment syntax, prose
// wrapped, deterministic.
func TestCorpusDescriptions(t *testing.T) {
	descs := corpusDescriptions(t)
	start := time.Now()
	longPara, longList, nonEmpty := 0, 0, 0
	for _, md := range descs {
		out := FromMarkdown(md)
		checkOutput(t, md, out)
		if out != "" {
			nonEmpty++
		}
		para, list := longLines(out)
		longPara += len(para)
		longList += len(list)
		for _, l := range para {
			t.Errorf("paragraph line wider than %d columns: %q", wrapWidth, l)
		}
		if again := FromMarkdown(md); again != out {
			t.Errorf("FromMarkdown not deterministic for %q", md)
		}
	}
	t.Logf("%d descriptions (%d non-empty results) in %v; lines over %d columns: %d in paragraphs, %d in lists (code after a list)",
		len(descs), nonEmpty, time.Since(start)/2, wrapWidth, longPara, longList)
}

func BenchmarkFromMarkdownCorpus(b *testing.B) {
	descs := corpusDescriptions(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, md := range descs {
			FromMarkdown(md)
		}
	}
}
