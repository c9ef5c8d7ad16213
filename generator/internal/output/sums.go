package output

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// Sum is a generated file's path and the SHA-256 of its bytes: what a run
// records so that the next one, with the same inputs, can tell that the
// package directory still holds its output without generating it again.
type Sum struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// Sums are the sums of files, in their order.
func Sums(files []File) []Sum {
	out := make([]Sum, len(files))
	for i, f := range files {
		h := sha256.Sum256(f.Data)
		out[i] = Sum{Path: f.Path, SHA256: hex.EncodeToString(h[:])}
	}
	return out
}

// Matches reports whether dir holds exactly the files sums describe: each
// with those bytes, and no other file pmgen owns (see Owned) at the top
// level or under testdata/pmgen/, where Write would remove one. Any
// doubt (a file missing or unreadable) is a mismatch, never an error:
// the caller then generates as if nothing were recorded.
func Matches(dir string, sums []Sum) bool {
	want := map[string]string{}
	for _, s := range sums {
		want[s.Path] = s.SHA256
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(s.Path)))
		if err != nil {
			return false
		}
		h := sha256.Sum256(data)
		if hex.EncodeToString(h[:]) != s.SHA256 {
			return false
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		if _, ok := want[e.Name()]; ok {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil || Owned(e.Name(), data) {
			return false
		}
	}
	extra := false
	root := filepath.Join(dir, filepath.FromSlash(ownedDir))
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		if _, ok := want[path.Clean(filepath.ToSlash(rel))]; !ok {
			extra = true
			return fs.SkipAll
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	return !extra
}

// ReadRecord reads a run's record; a missing one is nil, nil.
func ReadRecord(file string) ([]byte, error) {
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return data, err
}

// WriteRecord replaces a run's record atomically, creating its directory.
func WriteRecord(file string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp, err := writeTemp(file, data, 0o644)
	if err != nil {
		if tmp != "" {
			os.Remove(tmp)
		}
		return err
	}
	if err := os.Rename(tmp, file); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// Create writes a new file, refusing to replace one that exists: a
// project file is the user's to edit once written.
func Create(file string, data []byte) error {
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(file)
		return err
	}
	return f.Close()
}
