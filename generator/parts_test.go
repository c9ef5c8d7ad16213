package generator

import (
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/output"
	"github.com/pmgen/pmgen/generator/internal/synthetic"
)

// TestLargeServicesSplitAcrossFiles checks that a service of more than
// model.OpsPerFile operations, at the root or in a folder with
// sub-folders, is cut into files of at most that many methods, each with
// its tests beside it and the long request bodies they send in one
// fixture file, that a folder named like a part yields to it, and that
// the cut package vets and passes its tests.
func TestLargeServicesSplitAcrossFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command; skipped with -short")
	}
	n := 2*model.OpsPerFile + 20
	items := synthetic.Requests(n)
	long := lengthenBodies(items, 3)
	root := items[:model.OpsPerFile+10]
	rest := items[model.OpsPerFile+10:]
	folder := map[string]any{"name": "Operations part2", "item": append(slices.Clone(rest[:100]),
		map[string]any{"name": "Nested", "item": rest[100:]})}
	col, err := json.Marshal(map[string]any{
		"info":     map[string]any{"name": "Parts", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item":     append(slices.Clone(root), folder),
		"variable": []any{map[string]any{"key": "baseUrl", "value": "https://api.example.com"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	files, stats, _, err := render(source{"parts.json", col}, source{}, "")
	if err != nil {
		t.Fatal(err)
	}
	if stats.Requests != n {
		t.Fatalf("rendered %d requests, want %d", stats.Requests, n)
	}
	method := regexp.MustCompile(`(?m)^func \((?:c \*Client|s \*\w+Service)\) Operation\d+`)
	methods := map[string]int{}
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".go") && !strings.HasSuffix(f.Path, "_test.go") {
			if m := len(method.FindAll(f.Data, -1)); m > 0 {
				methods[f.Path] = m
			}
		}
	}
	want := map[string]int{
		"operations.go":       model.OpsPerFile,
		"operations_part2.go": 10,
		// The folder's own stem is taken by the root's part.
		"operations_part22.go":       model.OpsPerFile,
		"operations_part22_part2.go": 10,
	}
	if !maps.Equal(methods, want) {
		t.Errorf("methods per file = %v, want %v", methods, want)
	}
	for path := range want {
		test := strings.TrimSuffix(path, ".go") + "_test.go"
		if !slices.ContainsFunc(files, func(f output.File) bool { return f.Path == test }) {
			t.Errorf("no %s beside %s", test, path)
		}
	}
	checkFixtureFiles(t, files, slices.Collect(maps.Keys(want)), long)
	checkModule(t, "example.com/parts", map[string][]output.File{"parts": files}, false)
}

// lengthenBodies gives every every-th request that has a body one too
// long for a literal in a test, and returns how many it changed.
func lengthenBodies(items []any, every int) int {
	n := 0
	for i, it := range items {
		body, ok := it.(map[string]any)["request"].(map[string]any)["body"].(map[string]any)
		if !ok || i%every != 0 {
			continue
		}
		raw := body["raw"].(string)
		body["raw"] = strings.Replace(raw, "{", "{\n  \"note\": \""+strings.Repeat("long ", 100)+"\",", 1)
		n++
	}
	return n
}

// checkFixtureFiles checks that the long request bodies (want of them)
// are filed under testdata/pmgen/, one file per service file named for
// it, and that each is read, from its file and by its name, by the tests
// beside that service file and no others.
func checkFixtureFiles(t *testing.T, files []output.File, goFiles []string, want int) {
	t.Helper()
	heading := regexp.MustCompile(`(?m)^-- (\w+) \(\d+ bytes\) --$`)
	read := regexp.MustCompile(`readFixture\(t, "([^"]+)", "(\w+)"\)`)
	got := 0
	for _, f := range files {
		stem, ok := strings.CutPrefix(f.Path, "testdata/")
		if !ok {
			continue
		}
		stem, ok = strings.CutPrefix(stem, "pmgen/")
		stem, txt := strings.CutSuffix(stem, ".txt")
		if !ok || !txt || !slices.Contains(goFiles, stem+".go") {
			t.Errorf("%s is not a fixture file named for a service file", f.Path)
			continue
		}
		var names, reads []string
		for _, m := range heading.FindAllSubmatch(f.Data, -1) {
			names = append(names, string(m[1]))
		}
		for _, g := range files {
			for _, m := range read.FindAllSubmatch(g.Data, -1) {
				if string(m[1]) == stem+".txt" {
					if g.Path != stem+"_test.go" {
						t.Errorf("%s reads %s", g.Path, f.Path)
					}
					reads = append(reads, string(m[2]))
				}
			}
		}
		if !slices.Equal(names, reads) {
			t.Errorf("%s holds %v; %s_test.go reads %v", f.Path, names, stem, reads)
		}
		got += len(names)
	}
	if got != want {
		t.Errorf("the fixture files hold %d bodies, want %d", got, want)
	}
}
