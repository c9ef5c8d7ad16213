package build

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/corpus"
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/pmtest"
)

// TestCorpusPMTests reads every pm.test of the real collections: none may
// make the reader fail, the common forms must be translated, and the
// counts by outcome are logged (go test -v) for the record.
func TestCorpusPMTests(t *testing.T) {
	dir := corpus.Require(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	reasons := map[string]int{}
	kinds := map[model.AssertionKind]int{}
	titles := map[string]bool{}
	translated, total := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		col, _ := load.Parse(filepath.Base(f), data)
		if col == nil {
			continue
		}
		var walk func(items []*load.Item)
		walk = func(items []*load.Item) {
			for _, it := range items {
				if it.IsFolder {
					walk(it.Items)
					continue
				}
				// Only the item's own scripts: inherited ones would count
				// once per request.
				for _, ev := range it.Events {
					if ev.Listen != "test" {
						continue
					}
					for _, blk := range pmtest.ParseScript(strings.Join(ev.Exec, "\n")) {
						blk = refuseUnreplayed(blk)
						total++
						if blk.Refused != "" {
							reasons[blk.Refused]++
							continue
						}
						translated++
						titles[filepath.Base(f)+": "+blk.Title] = true
						for _, a := range blk.Asserts {
							kinds[a.Kind]++
						}
					}
				}
			}
		}
		walk(col.Items)
	}
	t.Logf("pm.test blocks in the corpus's requests: %d, translated %d, not translated %d", total, translated, total-translated)
	var keys []string
	for r := range reasons {
		keys = append(keys, r)
	}
	sort.Slice(keys, func(i, j int) bool {
		return reasons[keys[i]] > reasons[keys[j]] || reasons[keys[i]] == reasons[keys[j]] && keys[i] < keys[j]
	})
	for _, r := range keys {
		t.Logf("  %3d not translated: it %s", reasons[r], r)
	}
	for k := model.AssertStatus; k <= model.AssertJSONType; k++ {
		t.Logf("  assertion kind %d: %d", k, kinds[k])
	}
	for _, want := range []string{
		"p2o__postman-echo.postman_collection.json: response body has json with request queries",
		"p2o__postman-echo.postman_collection.json: response has charset in content-type header",
		"p2o__postman-echo.postman_collection.json: response json should return the date components",
		"p2o__postman-api.postman_collection.json: response json should contain collections",
		"p2o__postman-api.postman_collection.json: response json data should not have errors",
		"newman__bom-in-collection-file.postman_collection.json: expect response json contain args",
		"docusign__click-api.postman_collection.json: Access token returned",
		"msgraph__microsoft-graph.postman_collection.json: Status test",
	} {
		if !titles[want] {
			t.Errorf("%s is not translated", want)
		}
	}
}
