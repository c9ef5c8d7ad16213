package emit

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/build"
	"github.com/pmgen/pmgen/generator/internal/corpus"
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// eachModel runs check, each as a subtest, on the model of every golden
// collection and, with $PMGEN_CORPUS, every corpus collection for which
// applies holds, and returns how many it ran on.
func eachModel(t *testing.T, applies func(*model.API) bool, check func(*testing.T, *model.API)) int {
	t.Helper()
	paths, _ := filepath.Glob("../../testdata/golden/*/input.postman_collection.json")
	if _, ok := corpus.Dir(); ok {
		more, _ := filepath.Glob(filepath.Join(corpus.Require(t), "*.json"))
		paths = append(paths, more...)
	}
	ran := 0
	for _, path := range paths {
		api := modelOf(t, path)
		if api == nil || !applies(api) {
			continue
		}
		ran++
		t.Run(filepath.Base(filepath.Dir(path))+"/"+filepath.Base(path), func(t *testing.T) { check(t, api) })
	}
	return ran
}

// modelOf loads and builds the collection at path; nil when it does not
// build (the corpus holds one that is rejected on purpose).
func modelOf(t *testing.T, path string) *model.API {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, diags := load.Parse(path, data)
	if diags.HasErrors() {
		return nil
	}
	api, diags := build.Build(c, build.Options{})
	if diags.HasErrors() {
		return nil
	}
	return api
}

func firstDiff(a, b string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// around shows both texts near their first difference.
func around(got, want string) string {
	i := firstDiff(got, want)
	lo := max(0, i-200)
	return "--- got\n" + got[lo:min(len(got), i+200)] + "\n--- want\n" + want[lo:min(len(want), i+200)]
}
