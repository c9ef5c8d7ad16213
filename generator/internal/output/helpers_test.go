package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// goFile returns the source of a generated Go file with the given body.
func goFile(body string) string {
	return Header + "\n\npackage pkg\n" + body
}

// readme returns a generated README.md.
func readme(body string) string {
	return readmeHeader + "\n# pkg\n" + body
}

// entry is what a test sees at one path: the bytes and the mtime.
type entry struct {
	Data    string
	ModTime time.Time
}

// snapshot records every file, directory and symbolic link under dir,
// hidden ones included, so that a test can assert that a failed run changed nothing.
func snapshot(t testing.TB, dir string) map[string]entry {
	t.Helper()
	got := map[string]entry{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			got[filepath.ToSlash(rel)+"/"] = entry{}
			return nil
		}
		// A link is recorded as where it points, never followed: a test
		// that plants one must see it unchanged, not what it leads to.
		if d.Type()&fs.ModeSymlink != 0 {
			to, err := os.Readlink(p)
			got[filepath.ToSlash(rel)] = entry{Data: "-> " + to, ModTime: info.ModTime()}
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		got[filepath.ToSlash(rel)] = entry{Data: string(data), ModTime: info.ModTime()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// contents is snapshot without mtimes or directories.
func contents(t testing.TB, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	for p, e := range snapshot(t, dir) {
		if !strings.HasSuffix(p, "/") {
			got[p] = e.Data
		}
	}
	return got
}

// put writes files under dir, creating directories, and sets every mtime
// to one fixed time in the past so that any rewrite is visible.
func put(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	for rel, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
}

// toFiles turns a map into Files; Write sorts them, so order is irrelevant.
func toFiles(m map[string]string) []File {
	var files []File
	for p, d := range m {
		files = append(files, File{Path: p, Data: []byte(d)})
	}
	return files
}

// noTemporaries fails when any staged temporary is left under dir.
func noTemporaries(t testing.TB, dir string) {
	t.Helper()
	for p := range snapshot(t, dir) {
		if strings.Contains(p, tmpPrefix) {
			t.Errorf("temporary left behind: %s", p)
		}
	}
}
