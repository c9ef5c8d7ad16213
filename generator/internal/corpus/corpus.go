// Package corpus locates the real-world collections that tests run on.
//
// The corpus lives outside the repository (DESIGN.md §5), and the tests
// that run on all of it take minutes, so they run only when $PMGEN_CORPUS
// names it: .ci/run sets it to ../shared/corpus. A relative value is taken
// from the repository root, not from the package directory go test runs
// in, so that one setting serves every package. Unset, the corpus tests
// skip and say which variable turns them on; set to a folder that is not
// there, they fail, so that CI can never silently stop running them.
package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// Env is the variable that names the corpus directory.
const Env = "PMGEN_CORPUS"

// Dir returns the corpus directory $PMGEN_CORPUS names, made absolute from
// the repository root, and false when the variable is unset or empty.
func Dir() (string, bool) {
	dir := os.Getenv(Env)
	if dir == "" {
		return "", false
	}
	if !filepath.IsAbs(dir) {
		if root, ok := moduleRoot(); ok {
			dir = filepath.Join(root, dir)
		}
	}
	return filepath.Clean(dir), true
}

// Require returns the corpus directory for t. It skips t, naming the
// variable, when $PMGEN_CORPUS is unset, and fails t when the variable
// names a folder that holds no corpus.
func Require(t testing.TB) string {
	t.Helper()
	dir, ok := Dir()
	if !ok {
		t.Skipf("skipped: runs on the whole corpus; set $%s=../shared/corpus to run it", Env)
	}
	if _, err := os.Stat(filepath.Join(dir, "SOURCES.md")); err != nil {
		t.Fatalf("$%s is %s, but the corpus is not there: %v", Env, dir, err)
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
// from: when $PMGEN_CORPUS is set, the corpus's collections no bigger than
// maxSize; then the collections written for the repository's own tests
// (generator/testdata). Without the corpus the seeds only find deep paths
// later, so its absence is logged, not fatal; a corpus named but missing
// fails as in Require.
func Seeds(tb testing.TB, maxSize int) [][]byte {
	tb.Helper()
	var out [][]byte
	add := func(pattern string) {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil && len(data) <= maxSize {
				out = append(out, data)
			}
		}
	}
	if _, ok := Dir(); ok {
		add(filepath.Join(Require(tb), "*.json"))
	} else {
		tb.Logf("no corpus seeds: set $%s=../shared/corpus to add them", Env)
	}
	if root, ok := moduleRoot(); ok {
		td := filepath.Join(root, "generator", "testdata")
		add(filepath.Join(td, "*", "*.json"))
		add(filepath.Join(td, "*", "*", "*.json"))
	}
	return out
}
