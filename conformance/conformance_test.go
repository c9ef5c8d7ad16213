package conformance

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/pmgen/pmgen/generator"
)

// outcome is how one item of one collection fared.
type outcome struct {
	collection, item string
	// scripted is the reason the item is script-dependent; such an item is
	// listed and left out of the count.
	scripted string
	diffs    []difference
}

// run is one collection's check.
type run struct {
	name, file, pkgDir string
	col                *collection
	outcomes           []*outcome
	// skipped says why the collection was not checked (pmgen rejects it).
	skipped string
	// untranslated are the pre-request scripts pmgen does not translate.
	untranslated untranslated
	err          error
	newman       time.Duration
	driver       time.Duration
}

// TestConformance runs newman and the generated clients on every collection
// of collections/ and the corpus ($PMGEN_CONFORMANCE=1), or of the folder
// $PMGEN_CONFORMANCE names, and compares what they send. See doc.go.
func TestConformance(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short: runs newman and every generated client")
	}
	testStart := time.Now()
	files := collectionFiles(t)
	// The check was asked for: without the oracle it fails, not skips.
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed to run newman, the oracle: %v", tool, err)
		}
	}
	start := time.Now()
	newman, err := installNewman()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("newman installed in %s", time.Since(start).Round(time.Millisecond))
	checkDynamicForms(t, newman)

	// One module holds every generated package with its driver, so that
	// one go command compiles them all in parallel.
	mod := t.TempDir()
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/conformance\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var runs []*run
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".postman_collection.json")
		name = strings.TrimSuffix(name, ".json")
		r := &run{name: name, file: f, pkgDir: filepath.Join(mod, goPackageDir(name))}
		runs = append(runs, r)
		res, err := generator.Generate(generator.Config{In: f, Out: r.pkgDir, ConformanceFixtures: true})
		if err != nil {
			r.skipped = "pmgen rejects it: " + firstLine(err.Error())
			continue
		}
		r.untranslated = untranslatedScripts(res.Warnings)
		if err := writeDriver(r.pkgDir); err != nil {
			t.Fatal(err)
		}
	}
	start = time.Now()
	build := exec.Command("go", "test", "-c", "-o", filepath.Join(mod, "bin")+string(filepath.Separator), "./...")
	build.Dir = mod
	build.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Errorf("compiling the drivers: %v\n%s", err, out)
	}
	compile := time.Since(start)

	// Collections are independent: each has its own recorder.
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(2, runtime.GOMAXPROCS(0)/2))
	for _, r := range runs {
		if r.skipped != "" {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			r.err = check(r, newman, filepath.Join(mod, "bin", filepath.Base(r.pkgDir)+".test"))
		}()
	}
	wg.Wait()
	report(t, runs, compile, time.Since(testStart))
}

// check runs newman and the driver on one collection and compares.
func check(r *run, newman, bin string) error {
	data, err := os.ReadFile(r.file)
	if err != nil {
		return err
	}
	col, err := readCollection(data, r.untranslated)
	if err != nil {
		return err
	}
	if err := col.giveVars(filepath.Join(filepath.Dir(r.file), r.name+givenVarsExt)); err != nil {
		return err
	}
	r.col = col
	if _, err := os.Stat(bin); err != nil {
		return fmt.Errorf("no driver: the package did not compile")
	}
	rec, err := startRecorder()
	if err != nil {
		return err
	}
	defer rec.close()
	dir, err := os.MkdirTemp("", "pmgen-conformance-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	start := time.Now()
	nm, err := runNewman(newman, dir, col, rec)
	if err != nil {
		return err
	}
	r.newman = time.Since(start)
	newmanLog := rec.take()
	newmanTokens := rec.takeTokens()
	start = time.Now()
	driverErrs, driverOut, err := runDriver(bin, r.pkgDir, dir, makePlan(col, rec), rec)
	if err != nil {
		return err
	}
	r.driver = time.Since(start)
	pmgenLog := rec.take()
	if err := sameTokenFetch(col, newmanTokens, rec.takeTokens()); err != nil {
		return err
	}
	if len(rec.escaped) > 0 {
		return fmt.Errorf("refused: requests would have left 127.0.0.1: %s", strings.Join(rec.escaped, "; "))
	}

	bySeq := map[int]*request{}
	for _, q := range newmanLog {
		bySeq[q.seq] = q
	}
	// The last request of an item is the one compared: a digest client
	// sends once more after the challenge.
	byItem := map[int]*request{}
	for _, q := range pmgenLog {
		byItem[q.item] = q
	}
	for _, it := range col.items {
		o := &outcome{collection: r.name, item: strings.Join(it.path, " › "), scripted: it.scripted}
		r.outcomes = append(r.outcomes, o)
		a, sent := (*request)(nil), false
		if s, ok := nm.seq[it.index]; ok {
			a, sent = bySeq[s], true
		}
		b := byItem[it.index]
		switch {
		case !sent || a == nil:
			o.diffs = []difference{{"request", "newman sent nothing: " + nm.errors[it.index], ""}}
		case b == nil:
			reason := driverErrs[it.index]
			if _, ok := driverErrs[it.index]; !ok {
				reason = "the driver did not reach it:\n" + driverOut
			}
			o.diffs = []difference{{"request", "", "pmgen sent nothing: " + reason}}
		default:
			o.diffs = compareRequests(a, b, it.saved)
		}
	}
	return nil
}

// report prints the table of differences, the per-collection figures and
// the summary line, and fails on mismatches not listed in
// known_mismatches.txt (or listed ones that no longer occur).
func report(t *testing.T, runs []*run, compile, total time.Duration) {
	known := readKnown(t)
	seen := map[string]bool{}
	// full holds each difference unabridged, for $PMGEN_CONFORMANCE_DIFFS.
	var diffs, perCol, scripted, full bytes.Buffer
	dw := tabwriter.NewWriter(&diffs, 0, 0, 1, ' ', 0)
	fmt.Fprintln(dw, "collection\titem\tfield\tnewman\tpmgen\tknown reason")
	cw := tabwriter.NewWriter(&perCol, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintln(cw, "collection\trequests\tmatch\tscript-dependent\tnewman\tpmgen\tresult\t")
	match, total2, excluded := 0, 0, 0
	var unexpected []string
	for _, r := range runs {
		if r.skipped != "" || r.err != nil {
			msg := r.skipped
			if r.err != nil {
				msg = "FAIL: " + firstLine(r.err.Error())
				t.Errorf("%s: %v", r.name, r.err)
			}
			fmt.Fprintf(cw, "%s\t-\t-\t-\t-\t-\t%s\t\n", r.name, short(msg))
			continue
		}
		m, k := 0, 0
		for _, o := range r.outcomes {
			if o.scripted != "" {
				k++
				fmt.Fprintf(&scripted, "  %s › %s: %s\n", o.collection, o.item, o.scripted)
				continue
			}
			if len(o.diffs) == 0 {
				m++
				continue
			}
			key := o.collection + "\t" + o.item
			reason, ok := known[key]
			seen[key] = true
			if !ok {
				var fields []string
				for _, d := range o.diffs {
					fields = append(fields, d.field)
				}
				// Spelled as a line of known_mismatches.txt, to be given a reason.
				unexpected = append(unexpected, key+"\t"+strings.Join(fields, ", "))
				reason = "NOT LISTED"
			}
			for _, d := range o.diffs {
				fmt.Fprintf(dw, "%s\t%s\t%s\t%s\t%s\t%s\n", o.collection, o.item, d.field, short(d.newman), short(d.pmgen), reason)
				fmt.Fprintf(&full, "== %s › %s: %s\n-- newman:\n%s\n-- pmgen:\n%s\n\n", o.collection, o.item, d.field, d.newman, d.pmgen)
			}
		}
		n := len(r.outcomes) - k
		match, total2, excluded = match+m, total2+n, excluded+k
		result := "ok"
		if m < n {
			result = fmt.Sprintf("%d differ", n-m)
		}
		fmt.Fprintf(cw, "%s\t%d\t%d\t%d\t%s\t%s\t%s\t\n", r.name, len(r.outcomes), m, k,
			r.newman.Round(time.Millisecond), r.driver.Round(time.Millisecond), result)
	}
	dw.Flush()
	cw.Flush()
	var stale []string
	for key := range known {
		if !seen[key] && knownApplies(key, runs) {
			stale = append(stale, strings.ReplaceAll(key, "\t", " › "))
		}
	}
	sort.Strings(stale)
	summary := fmt.Sprintf("conformance: %d/%d requests match (%d script-dependent excluded)", match, total2, excluded)
	var out strings.Builder
	fmt.Fprintf(&out, "per collection (drivers compiled in %s, %s in all):\n%s\n", compile.Round(time.Millisecond), total.Round(time.Millisecond), perCol.String())
	if total2 > match {
		fmt.Fprintf(&out, "differences:\n%s\n", diffs.String())
	}
	if scripted.Len() > 0 {
		fmt.Fprintf(&out, "script-dependent (excluded):\n%s\n", scripted.String())
	}
	out.WriteString(summary + "\n")
	t.Log("\n" + out.String())
	if path := os.Getenv("PMGEN_CONFORMANCE_REPORT"); path != "" {
		if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
			t.Errorf("writing the report: %v", err)
		}
	}
	// The table abridges long values; the whole of each is kept here to
	// diagnose a mismatch.
	if path := os.Getenv("PMGEN_CONFORMANCE_DIFFS"); path != "" {
		if err := os.WriteFile(path, full.Bytes(), 0o644); err != nil {
			t.Errorf("writing the differences: %v", err)
		}
	}
	fmt.Println(summary)
	for _, u := range unexpected {
		t.Errorf("mismatch not listed in known_mismatches.txt:\n%s", u)
	}
	for _, s := range stale {
		t.Errorf("known_mismatches.txt lists %s, which now matches: remove the line", s)
	}
}

// readKnown reads known_mismatches.txt: "collection<TAB>item<TAB>reason"
// lines, the item spelled as its breadcrumb joined by " › ".
func readKnown(t *testing.T) map[string]string {
	known := map[string]string{}
	f, err := os.Open("known_mismatches.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 {
			t.Fatalf("known_mismatches.txt: want collection<TAB>item<TAB>reason: %q", line)
		}
		known[parts[0]+"\t"+parts[1]] = parts[2]
	}
	return known
}

// knownApplies reports whether a known mismatch's collection was checked
// in this run (a run on another folder says nothing about it).
func knownApplies(key string, runs []*run) bool {
	name, _, _ := strings.Cut(key, "\t")
	for _, r := range runs {
		if r.name == name && r.err == nil && r.skipped == "" {
			return true
		}
	}
	return false
}

func short(s string) string {
	s = strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(s)
	if len(s) > 90 {
		return s[:87] + "..."
	}
	return s
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// goPackageDir is a directory name for a collection's package.
func goPackageDir(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return "c_" + b.String()
}
