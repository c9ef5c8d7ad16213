package naming

import (
	"encoding/json"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/corpus"
)

// corpusDir is where the real-world collections live: the folder
// $PMGEN_CORPUS names; unset, the test skips.
func corpusDir(t *testing.T) string {
	t.Helper()
	return corpus.Require(t)
}

// corpusNames returns every "name" and "key" string found in the corpus
// collections, sorted and deduplicated.
func corpusNames(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir(t), "*.json"))
	if err != nil || len(files) == 0 {
		t.Skipf("no collections in the corpus: %v", err)
	}
	set := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && (k == "name" || k == "key") {
					set[s] = true
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
		data = trimBOM(data)
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			continue // malformed on purpose; load's tests cover those
		}
		walk(v)
	}
	names := make([]string, 0, len(set))
	for s := range set {
		names = append(names, s)
	}
	sort.Strings(names)
	return names
}

func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return b[3:]
	}
	return b
}

// TestCorpusNames runs every real name through the package and checks that
// the results are valid, and that distinct names rarely collide (collisions
// are Scope's job, but a high rate would mean words are being lost).
func TestCorpusNames(t *testing.T) {
	names := corpusNames(t)
	byIdent := map[string][]string{}
	for _, n := range names {
		e, u := Exported(n, "Op"), Unexported(n, "op")
		if !token.IsIdentifier(e) || !token.IsExported(e) || len(e) > maxIdentLen {
			t.Errorf("Exported(%q) = %q", n, e)
		}
		if !token.IsIdentifier(u) || token.IsExported(u) || shadows(u) {
			t.Errorf("Unexported(%q) = %q", n, u)
		}
		if p := PackageName(n, "client"); !token.IsIdentifier(p) || token.IsKeyword(p) {
			t.Errorf("PackageName(%q) = %q", n, p)
		}
		byIdent[e] = append(byIdent[e], n)
	}
	collisions := 0
	for _, ns := range byIdent {
		collisions += len(ns) - 1
	}
	t.Logf("%d distinct names -> %d distinct exported identifiers (%d collisions left to Scope)", len(names), len(byIdent), collisions)
	if len(names) > 0 && collisions*10 > len(names) {
		t.Errorf("%d of %d names collide; words are probably being lost", collisions, len(names))
	}
}

func BenchmarkExported(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Exported("Step 6: Refresh Users' Session via {{amUrl}}/json", "Op")
	}
}
