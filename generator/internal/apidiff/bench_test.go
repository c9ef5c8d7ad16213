package apidiff

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkCompare compares the seed collection's model with a second
// build of itself: the full walk, every operation and type paired.
func BenchmarkCompare(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "collections", "forgerock-am.postman_collection.json"))
	if err != nil {
		b.Fatal(err)
	}
	old, new := mustBuild(b, "old.json", data), mustBuild(b, "new.json", data)
	b.ReportAllocs()
	for b.Loop() {
		if r := Compare("old", old, "new", new); len(r.Changes) != 0 {
			b.Fatalf("%d changes", len(r.Changes))
		}
	}
}
