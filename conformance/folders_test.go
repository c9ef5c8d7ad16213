package conformance

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// folderEnv names the one folder to check instead of the defaults.
const folderEnv = "PMGEN_CONFORMANCE"

// corpusEnv and defaultCorpus locate the real-world corpus as
// generator/internal/corpus does (that package is internal to generator/):
// a relative path is taken from the repository root.
const (
	corpusEnv     = "PMGEN_CORPUS"
	defaultCorpus = "../shared/corpus"
)

// collectionFiles lists the collections to check, and whether the caller
// asked for them explicitly (then a missing folder or tool fails instead
// of skipping).
func collectionFiles(t *testing.T) (files []string, explicit bool) {
	t.Helper()
	if dir := os.Getenv(folderEnv); dir != "" {
		files = globJSON(fromRoot(dir))
		if len(files) == 0 {
			t.Fatalf("$%s is %s, which holds no collections", folderEnv, dir)
		}
		return files, true
	}
	files = globJSON(fromRoot("collections"))
	corpus, explicit := os.LookupEnv(corpusEnv)
	if corpus == "" {
		corpus, explicit = defaultCorpus, false
	}
	dir := fromRoot(corpus)
	if _, err := os.Stat(filepath.Join(dir, "SOURCES.md")); err != nil {
		if explicit {
			t.Fatalf("$%s is %s, but the corpus is not there: %v", corpusEnv, corpus, err)
		}
		t.Logf("no corpus at %s (set $%s to check it too)", dir, corpusEnv)
	} else {
		files = append(files, globJSON(dir)...)
	}
	return files, explicit
}

func globJSON(dir string) []string {
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	sort.Strings(files)
	return files
}

// fromRoot makes a relative path relative to the repository root (the
// nearest directory above with go.mod), not to this package's folder.
func fromRoot(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	dir, err := os.Getwd()
	if err != nil {
		return p
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, p)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return p
		}
		dir = parent
	}
}
