package conformance

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// folderEnv turns the check on: "1" checks collections/, testdata/ and, when
// $PMGEN_CORPUS is set, the corpus; any other value is a folder of
// collections to check instead. Unset, the check is skipped: it installs
// newman and runs every collection through it, which takes minutes.
const folderEnv = "PMGEN_CONFORMANCE"

// corpusEnv locates the real-world corpus as generator/internal/corpus
// does (that package is internal to generator/): unset means no corpus,
// and a relative path is taken from the repository root.
const corpusEnv = "PMGEN_CORPUS"

// collectionFiles lists the collections to check, or skips t when
// $PMGEN_CONFORMANCE is unset. A folder named by either variable that
// is missing or empty fails t.
func collectionFiles(t *testing.T) []string {
	t.Helper()
	which := os.Getenv(folderEnv)
	switch which {
	case "":
		t.Skipf("skipped: runs newman on every collection; set $%s=1 to check collections/ (and the corpus, with $%s), or $%s=DIR for a folder of collections",
			folderEnv, corpusEnv, folderEnv)
	case "1":
	default:
		files := globJSON(fromRoot(which))
		if len(files) == 0 {
			t.Fatalf("$%s is %s, which holds no collections", folderEnv, which)
		}
		return files
	}
	// testdata holds the harness's own collections: cases no real
	// collection covers, such as malformed {{variable}} references.
	files := append(globJSON(fromRoot("collections")), globJSON(fromRoot("conformance/testdata"))...)
	corpus := os.Getenv(corpusEnv)
	if corpus == "" {
		t.Logf("checking collections/ only: set $%s=../shared/corpus to check the corpus too", corpusEnv)
		return files
	}
	dir := fromRoot(corpus)
	if _, err := os.Stat(filepath.Join(dir, "SOURCES.md")); err != nil {
		t.Fatalf("$%s is %s, but the corpus is not there: %v", corpusEnv, corpus, err)
	}
	return append(files, globJSON(dir)...)
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
