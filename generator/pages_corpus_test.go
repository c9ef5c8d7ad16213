package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// corpusPagesFile is the survey of pagination in the corpus: every
// operation that receives page iterators, with its style, one per line.
// Refresh it with go test ./generator -run TestCorpusPagination -update.
var corpusPagesFile = filepath.Join("testdata", "corpus_pages.txt")

// TestCorpusPagination renders every corpus collection and compares the
// operations that receive page iterators, and their styles, with the
// survey in testdata/corpus_pages.txt, so that a change in detection shows
// up as a reviewed change of that list.
func TestCorpusPagination(t *testing.T) {
	var lines []string
	for _, path := range corpusCollections(t) {
		base := filepath.Base(path)
		r := renderCorpus(t, path)
		if r.err != nil {
			t.Errorf("%s: %v", base, r.err)
			continue
		}
		name := strings.TrimSuffix(base, ".postman_collection.json")
		for _, p := range r.stats.Paged {
			lines = append(lines, fmt.Sprintf("%s › %s → %s (%s)", name, p.Where, p.Method, p.Style))
		}
	}
	got := strings.Join(lines, "\n") + "\n"
	// Lines starting with # are the survey's notes: kept by -update,
	// skipped in the comparison.
	saved, err := os.ReadFile(corpusPagesFile)
	if err != nil && !*update {
		t.Fatalf("%v (run go test ./generator -run TestCorpusPagination -update)", err)
	}
	var notes, want []string
	for _, line := range strings.SplitAfter(string(saved), "\n") {
		if strings.HasPrefix(line, "#") {
			notes = append(notes, line)
		} else if line != "" {
			want = append(want, line)
		}
	}
	if *update {
		if err := os.WriteFile(corpusPagesFile, []byte(strings.Join(notes, "")+got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if d := cmp.Diff(strings.Join(want, ""), got); d != "" {
		t.Errorf("paginated corpus operations differ from %s (-want +got):\n%s", corpusPagesFile, d)
	}
}
