package conformance

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator"
)

// readerCases are collections written for this check: shapes where a
// hand-written reader is most likely to part from pmgen's loader.
var readerCases = map[string]string{
	// "items" instead of "item", at the top and in a folder.
	"items-key": `{"info": {"name": "Items", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	 "items": [
	  {"name": "Folder", "items": [{"name": "Inner", "request": {"method": "GET", "url": "https://example.com/a"}}]},
	  {"name": "Top", "request": {"method": "post", "url": "https://example.com/b"}}]}`,
	// The Postman API's wrapper around a collection that uses "items".
	"wrapped-items": `{"collection": {"info": {"name": "W", "schema": "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"},
	 "items": [{"name": "One", "request": "https://example.com/one"}]}}`,
	// Unnamed and space-padded names, and a request saved as a bare URL.
	"names": `{"info": {"name": "N", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	 "item": [{"name": "  Padded  ", "item": [{"request": "https://example.com/x"}]}, {"name": "", "request": {"url": "https://example.com/y"}}]}`,
}

// TestHarnessReadsAsPmgen checks that the harness lists the same requests,
// in the same order and with the same breadcrumbs, as pmgen's loader
// (generator.Requests), on collections/, testdata/, the cases above and,
// when $PMGEN_CORPUS is set, every corpus collection pmgen accepts. The
// driver matches calls to newman's items by these breadcrumbs, so a
// disagreement would leave requests uncompared.
func TestHarnessReadsAsPmgen(t *testing.T) {
	files := append(globJSON(fromRoot("collections")), globJSON(fromRoot("conformance/testdata"))...)
	if corpus := os.Getenv(corpusEnv); corpus != "" {
		files = append(files, globJSON(fromRoot(corpus))...)
	} else {
		t.Logf("corpus not checked: set $%s=../shared/corpus to check it too", corpusEnv)
	}
	dir := t.TempDir()
	for name, src := range readerCases {
		f := filepath.Join(dir, name+".json")
		if err := os.WriteFile(f, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	slices.Sort(files)
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".json"), func(t *testing.T) {
			want, err := generator.Requests(f)
			if err != nil {
				t.Skipf("pmgen rejects it, so the harness skips it: %v", firstLine(err.Error()))
			}
			if len(want) == 0 && filepath.Dir(f) == dir {
				t.Fatal("a reader case has no requests: the check would prove nothing")
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			col, err := readCollection(data, untranslated{})
			if err != nil {
				t.Fatalf("pmgen reads %d requests, the harness reads none: %v", len(want), err)
			}
			var got []string
			for _, it := range col.items {
				got = append(got, strings.Join(it.path, " › "))
			}
			var wantPaths []string
			for _, r := range want {
				wantPaths = append(wantPaths, strings.Join(r.Path, " › "))
			}
			if !slices.Equal(got, wantPaths) {
				t.Errorf("the harness lists\n  %s\npmgen lists\n  %s", strings.Join(got, "\n  "), strings.Join(wantPaths, "\n  "))
			}
		})
	}
}
