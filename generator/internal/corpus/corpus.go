// Package corpus locates the real-world collections that tests run on.
//
// The corpus lives outside the repository (DESIGN.md §5). Tests find it
// through $PMGEN_CORPUS, which .ci/run sets to ../shared/corpus; a relative
// value is taken from the repository root, not from the package directory
// go test runs in, so that one setting serves every package.
package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// Env is the variable that names the corpus directory.
const Env = "PMGEN_CORPUS"

// defaultDir is used when Env is unset, relative to the repository root.
const defaultDir = "../shared/corpus"

// Dir returns the corpus directory and whether Env chose it.
func Dir() (dir string, explicit bool) {
	dir, explicit = os.LookupEnv(Env)
	if !explicit || dir == "" {
		dir, explicit = defaultDir, false
	}
	if !filepath.IsAbs(dir) {
		if root, ok := moduleRoot(); ok {
			dir = filepath.Join(root, dir)
		}
	}
	return filepath.Clean(dir), explicit
}

// Require returns the corpus directory for t. When the corpus is missing,
// the test is skipped with a message naming the path, or fails when
// $PMGEN_CORPUS asked for it explicitly: CI sets it so that the corpus tests
// can never silently stop running.
func Require(t testing.TB) string {
	t.Helper()
	dir, explicit := Dir()
	if _, err := os.Stat(filepath.Join(dir, "SOURCES.md")); err != nil {
		if explicit {
			t.Fatalf("$%s is %s, but the corpus is not there: %v", Env, dir, err)
		}
		t.Skipf("skipped: no corpus at %s (set $%s to run the corpus tests)", dir, Env)
	}
	return dir
}

// moduleRoot is the nearest directory above the working directory that
// holds go.mod.
func moduleRoot() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Seeds returns the bytes of every collection a fuzz target should start
// from: the corpus's collections no bigger than maxSize, then the
// collections written for the repository's own tests (generator/testdata).
// A missing corpus is logged, not fatal: fuzz targets must run anywhere,
// and the seeds only make them find deep paths sooner.
func Seeds(tb testing.TB, maxSize int) [][]byte {
	tb.Helper()
	var out [][]byte
	add := func(pattern string) int {
		files, _ := filepath.Glob(pattern)
		n := 0
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil && len(data) <= maxSize {
				out = append(out, data)
				n++
			}
		}
		return n
	}
	dir, _ := Dir()
	if _, err := os.Stat(filepath.Join(dir, "SOURCES.md")); err != nil {
		tb.Logf("no corpus at %s, so no corpus seeds (set $%s to add them)", dir, Env)
	} else {
		add(filepath.Join(dir, "*.json"))
	}
	if root, ok := moduleRoot(); ok {
		td := filepath.Join(root, "generator", "testdata")
		add(filepath.Join(td, "*", "*.json"))
		add(filepath.Join(td, "*", "*", "*.json"))
	}
	return out
}
