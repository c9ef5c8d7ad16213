package generator

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/pmgen/pmgen/generator/internal/corpus"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/output"
)

// v1Collection is the corpus's deliberate negative case.
const v1Collection = "heremaps__geocoder-v1-format.postman_collection.json"

// corpusCollections is the sorted paths of the corpus collections pmgen
// generates a client for (all but the v1 one), for the tests that check
// something of every generated package.
func corpusCollections(t *testing.T) []string {
	t.Helper()
	dir := corpus.Require(t)
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no collections in %s", dir)
	}
	sort.Strings(paths)
	return slices.DeleteFunc(paths, func(p string) bool { return filepath.Base(p) == v1Collection })
}

// corpusRow is one line of the corpus table.
type corpusRow struct {
	name                                 string
	requests, methods, types, tests, wrn int
	lines                                int
	elapsed                              time.Duration
	result                               string
	// byCode counts the warnings per code: "example-json-extension:7".
	byCode string
}

// TestCorpus generates a client for every real collection of the corpus,
// checks that a second run gives the same bytes, then checks all of them
// in one temporary module (checkModule: go vet, and go test running the
// generated example tests), and prints one row per collection.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short: generates, vets and tests 39 packages")
	}
	dir := corpus.Require(t)
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no collections in %s", dir)
	}
	sort.Strings(paths)

	var rows []*corpusRow
	byPkg := map[string]*corpusRow{}
	pkgs := map[string][]output.File{}
	for _, path := range paths {
		base := filepath.Base(path)
		row := &corpusRow{name: strings.TrimSuffix(base, ".postman_collection.json")}
		rows = append(rows, row)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// The row's time is a fresh run's; the shared rendering may have
		// been made by another test already.
		start := time.Now()
		again := renderSources(source{base, data}, source{}, "", corpusImport(base))
		row.elapsed = time.Since(start)
		r := renderCorpus(t, path)
		if base == v1Collection {
			row.result = checkV1Rejected(t, r.err)
			continue
		}
		if r.err != nil {
			row.result = "FAIL: " + firstLine(r.err.Error())
			t.Errorf("%s: %v", base, r.err)
			continue
		}
		if !sameFiles(r.files, again.files) {
			row.result = "FAIL: not deterministic"
			t.Errorf("%s: a second run gave different bytes", base)
			continue
		}
		if err := notGofmtFixed(r.files); err != nil {
			row.result = "FAIL: not gofmt-clean"
			t.Errorf("%s: %v", base, err)
			continue
		}
		row.requests, row.methods, row.types, row.tests = r.stats.Requests, r.stats.Operations, r.stats.Types, r.stats.TestRows
		row.wrn = r.diags.Count(1)
		row.byCode = countByCode(r.diags)
		for _, f := range r.files {
			if strings.HasSuffix(f.Path, ".go") {
				row.lines += bytes.Count(f.Data, []byte("\n"))
			}
		}
		pkg := packageDir(row.name)
		pkgs[pkg] = r.files
		byPkg[pkg] = row
		row.result = "ok"
	}
	for pkg, step := range checkModule(t, "example.com/corpus", pkgs, true) {
		if row := byPkg[pkg]; row != nil && row.result == "ok" {
			row.result = "FAIL: go " + step
		}
	}

	var table bytes.Buffer
	w := tabwriter.NewWriter(&table, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "collection\trequests\tmethods\ttypes\ttest rows\twarnings\tlines\ttime\tresult\t warnings by code")
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t %s\n", r.name, r.requests, r.methods, r.types, r.tests, r.wrn, r.lines, r.elapsed.Round(time.Millisecond), r.result, r.byCode)
	}
	w.Flush()
	t.Logf("corpus (%s):\n%s", dir, table.String())
	// CI prints the table after the run without a second, verbose run.
	if report := os.Getenv("PMGEN_CORPUS_REPORT"); report != "" {
		if err := os.WriteFile(report, table.Bytes(), 0o644); err != nil {
			t.Errorf("writing the corpus report: %v", err)
		}
	}
}

// checkV1Rejected asserts that the v1 collection fails with a message
// saying what it is and how to re-export it.
func checkV1Rejected(t *testing.T, err error) string {
	t.Helper()
	var in *InputError
	if !errors.As(err, &in) {
		t.Errorf("%s: err = %v, want an input error", v1Collection, err)
		return "FAIL: accepted"
	}
	msg := in.Error()
	for _, want := range []string{"Postman v1 collection", "v2.1", "[v1-collection]"} {
		if !strings.Contains(msg, want) {
			t.Errorf("%s: message %q lacks %q", v1Collection, msg, want)
			return "FAIL: wrong message"
		}
	}
	return "rejected as v1 (expected)"
}

// countByCode summarises diagnostics as "code:n" pairs, sorted by code.
func countByCode(diags model.Diagnostics) string {
	counts := map[string]int{}
	for _, d := range diags {
		counts[d.Code]++
	}
	codes := make([]string, 0, len(counts))
	for c := range counts {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = fmt.Sprintf("%s:%d", c, counts[c])
	}
	return strings.Join(parts, " ")
}

func sameFiles(a, b []output.File) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			return false
		}
	}
	return true
}

func goCommand(dir string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
