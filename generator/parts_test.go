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
)

// TestLargeServicesSplitAcrossFiles checks that a service of more than
// model.OpsPerFile operations, at the root or in a folder with
// sub-folders, is cut into files of at most that many methods, each with
// its tests beside it, that a folder named like a part yields to it, and
// that the cut package vets and passes its tests.
func TestLargeServicesSplitAcrossFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command; skipped with -short")
	}
	n := 2*model.OpsPerFile + 20
	items := syntheticRequests(n)
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
	checkModule(t, "example.com/parts", map[string][]output.File{"parts": files}, false)
}
