package generator

import (
	"path/filepath"
	"testing"
)

// TestDiffCorpusSelf compares every real collection with itself: the
// model is built twice, so any change reported is a false one (pairing
// that depends on map order, a spelling that differs between builds).
func TestDiffCorpusSelf(t *testing.T) {
	for _, path := range corpusCollections(t) {
		r, err := Diff(path, path)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(path), err)
			continue
		}
		if len(r.Changes) != 0 || r.Bump != "none" {
			t.Errorf("%s: %d changes against itself, bump %s:\n%s", filepath.Base(path), len(r.Changes), r.Bump, r.Markdown())
		}
	}
}

// TestDiffBadInput names the side that cannot be read.
func TestDiffBadInput(t *testing.T) {
	seed := filepath.Join("..", "collections", "forgerock-am.postman_collection.json")
	_, err := Diff(seed, filepath.Join(t.TempDir(), "missing.json"))
	in, ok := err.(*InputError)
	if !ok || len(in.Diagnostics) != 1 || filepath.Base(in.Diagnostics[0]) != "missing.json: cannot read the collection: no such file or directory" {
		t.Errorf("Diff with a missing side: %v", err)
	}
}
