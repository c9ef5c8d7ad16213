package generator

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pmgen/pmgen/generator/internal/output"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenCase is one directory under testdata/golden: an input collection,
// the files it generates (want/) and its diagnostics (diagnostics.txt).
type goldenCase struct {
	name, dir string
}

func goldenCases(t *testing.T) []goldenCase {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join("testdata", "golden", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	var cases []goldenCase
	for _, d := range dirs {
		cases = append(cases, goldenCase{filepath.Base(d), d})
	}
	return cases
}

// TestGolden compares the generated files and diagnostics of every golden
// case with the committed ones. Refresh them with go test ./generator -update.
func TestGolden(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			files, diags := renderGolden(t, c.name)
			if err := notGofmtFixed(files); err != nil {
				t.Error(err)
			}
			wantDir := filepath.Join(c.dir, "want")
			diagFile := filepath.Join(c.dir, "diagnostics.txt")
			if *update {
				if err := os.RemoveAll(wantDir); err != nil {
					t.Fatal(err)
				}
				if len(files) > 0 {
					if _, err := output.Write(wantDir, files); err != nil {
						t.Fatal(err)
					}
				}
				if err := os.WriteFile(diagFile, []byte(diags), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			wantDiags, err := os.ReadFile(diagFile)
			if err != nil {
				t.Fatalf("%v (run go test ./generator -update)", err)
			}
			if d := cmp.Diff(string(wantDiags), diags); d != "" {
				t.Errorf("diagnostics differ (-want +got):\n%s", d)
			}
			if len(files) == 0 {
				if _, err := os.Stat(wantDir); err == nil {
					t.Errorf("%s exists but the case generates nothing", wantDir)
				}
				return
			}
			diff, err := output.Check(wantDir, files)
			if err != nil {
				t.Fatal(err)
			}
			if diff != "" {
				t.Errorf("generated files differ from %s (run go test ./generator -update):\n%s", wantDir, diff)
			}
		})
	}
}

// TestDeterministic renders every golden case again and compares the
// bytes and the diagnostics with the shared rendering.
func TestDeterministic(t *testing.T) {
	for _, c := range goldenCases(t) {
		first, d1 := renderGolden(t, c.name)
		col, env, err := goldenSources(c.name)
		if err != nil {
			t.Fatal(err)
		}
		second, d2 := goldenResult(t, renderSources(col, env, "", goldenImport(c.name)))
		if d := cmp.Diff(first, second); d != "" || d1 != d2 {
			t.Errorf("%s: two runs differ:\n%s", c.name, d)
		}
	}
}
