package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// recorder is a testing.TB that records a skip or a failure instead of
// ending the test, so that Require's verdict can be checked.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Helper() {}

func (r *recorder) Skipf(format string, args ...any) {
	r.skipped = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func (r *recorder) Logf(string, ...any) {}

// require runs Require on its own goroutine, which Skipf and Fatalf end.
func require(t *testing.T) (dir string, r *recorder) {
	r = &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		dir = Require(r)
	}()
	<-done
	return dir, r
}

func TestRequireUnsetSkipsNamingTheVariable(t *testing.T) {
	t.Setenv(Env, "")
	dir, r := require(t)
	if dir != "" || r.failed != "" || !strings.Contains(r.skipped, "$"+Env) {
		t.Errorf("Require with $%s unset: dir %q, skipped %q, failed %q; want a skip naming the variable", Env, dir, r.skipped, r.failed)
	}
	if seeds := Seeds(r, 1<<20); len(seeds) == 0 {
		t.Error("Seeds without the corpus returned none: the repository's test collections are missing")
	}
}

func TestRequireMissingFails(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-corpus")
	t.Setenv(Env, missing)
	dir, r := require(t)
	if dir != "" || r.skipped != "" || !strings.Contains(r.failed, missing) {
		t.Errorf("Require with $%s=%s: dir %q, skipped %q, failed %q; want a failure naming the folder", Env, missing, dir, r.skipped, r.failed)
	}
}

func TestRequirePresent(t *testing.T) {
	want := t.TempDir()
	if err := os.WriteFile(filepath.Join(want, "SOURCES.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(want, "a.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(Env, want)
	dir, r := require(t)
	if dir != want || r.skipped != "" || r.failed != "" {
		t.Errorf("Require = %q (skipped %q, failed %q), want %q", dir, r.skipped, r.failed, want)
	}
	seeds := Seeds(r, 1<<20)
	if len(seeds) == 0 || string(seeds[0]) != "{}" {
		t.Errorf("Seeds does not start with the corpus's collection: %d seeds", len(seeds))
	}
}

// TestDirRelativeToModuleRoot: a relative $PMGEN_CORPUS means the same
// folder from every package directory.
func TestDirRelativeToModuleRoot(t *testing.T) {
	root, ok := moduleRoot()
	if !ok {
		t.Fatal("no go.mod above the package directory")
	}
	t.Setenv(Env, "../shared/corpus")
	dir, ok := Dir()
	if want := filepath.Join(filepath.Dir(root), "shared", "corpus"); !ok || dir != want {
		t.Errorf("Dir() = %q, %v; want %q, true", dir, ok, want)
	}
}
