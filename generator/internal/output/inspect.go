package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

// current is what the disk holds at one path before a run. Write keeps it
// in memory so that a failed commit can put every file back as it was.
type current struct {
	exists  bool
	data    []byte
	perm    fs.FileMode
	modTime time.Time
}

// target is one generated file together with what is on disk in its place.
type target struct {
	File
	have current
}

// staleFile is an owned file on disk that the run no longer generates.
type staleFile struct {
	path string // slash-separated, relative to the package directory
	have current
}

// survey is the state of a package directory as far as one run cares.
type survey struct {
	targets   []target    // in path order, one per generated file
	stale     []staleFile // in path order
	leftovers []string    // temporaries of crashed runs, relative, in path order
	ownedDirs []string    // directories under testdata/pmgen, relative, deepest first
}

// inspect reads the package directory without changing it, once contain
// has found that the run stays inside it. Only the top
// level and testdata/pmgen/ are searched for stale files: a Go package is
// one directory, and its subdirectories may well be other generated
// packages (-out generated next to -out generated/x) that this run must
// not delete.
func inspect(dir string, files []File) (survey, error) {
	var sv survey
	if err := contain(dir, files); err != nil {
		return sv, err
	}
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		for _, f := range files {
			sv.targets = append(sv.targets, target{File: f})
		}
		return sv, nil
	case err != nil:
		return sv, fmt.Errorf("output: %w", err)
	case !info.IsDir():
		return sv, fmt.Errorf("output: %s is not a directory", dir)
	}

	wanted := wantedSet{dir: dir, exact: make(map[string]bool, len(files)), folded: make(map[string]string, len(files))}
	for _, f := range files {
		have, err := readCurrent(dir, f.Path)
		if err != nil {
			return sv, err
		}
		sv.targets = append(sv.targets, target{File: f, have: have})
		wanted.exact[f.Path] = true
		wanted.folded[strings.ToLower(f.Path)] = f.Path
	}
	if err := sv.scanTop(dir, wanted); err != nil {
		return sv, err
	}
	if err := sv.scanOwnedDir(dir, wanted); err != nil {
		return sv, err
	}
	if err := sv.scanParents(dir, files); err != nil {
		return sv, err
	}
	slices.SortFunc(sv.stale, func(a, b staleFile) int { return strings.Compare(a.path, b.path) })
	slices.Sort(sv.leftovers)
	sv.leftovers = slices.Compact(sv.leftovers)
	return sv, nil
}

// foreign lists, as full paths, the files pmgen did not write (Owned
// says no) that stand where a generated file with other bytes belongs:
// replacing one would lose someone's work.
func (sv *survey) foreign(dir string) []string {
	var out []string
	for _, t := range sv.targets {
		if t.have.exists && !Owned(t.Path, t.have.data) && !bytes.Equal(t.have.data, t.Data) {
			out = append(out, osPath(dir, t.Path))
		}
	}
	return out
}

// readCurrent reads what is at rel. Anything but a regular file in the
// place of a generated file is an error: replacing a directory or a
// symbolic link would destroy something pmgen did not make.
func readCurrent(dir, rel string) (current, error) {
	full := osPath(dir, rel)
	info, err := os.Lstat(full)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return current{}, nil
	case err != nil:
		return current{}, fmt.Errorf("output: %w", err)
	case info.IsDir():
		return current{}, fmt.Errorf("output: %s is a directory, but a generated file belongs there", full)
	case !info.Mode().IsRegular():
		return current{}, fmt.Errorf("output: %s is not a regular file (%s), but a generated file belongs there", full, info.Mode().Type())
	}
	data, err := os.ReadFile(full)
	if err != nil {
		return current{}, fmt.Errorf("output: %w", err)
	}
	return current{exists: true, data: data, perm: info.Mode().Perm(), modTime: info.ModTime()}, nil
}

// scanTop finds stale generated files and leftovers at the top level. Only
// .go files and README.md are read: nothing else there can be owned.
func (sv *survey) scanTop(dir string, wanted wantedSet) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, tmpPrefix) && !e.IsDir():
			sv.leftovers = append(sv.leftovers, name)
		case wanted.has(name) || !e.Type().IsRegular():
		case strings.HasSuffix(name, ".go") || name == "README.md":
			have, err := readCurrent(dir, name)
			if err != nil {
				return err
			}
			if Owned(name, have.data) {
				sv.stale = append(sv.stale, staleFile{path: name, have: have})
			}
		}
	}
	return nil
}

// scanOwnedDir walks testdata/pmgen/, where every regular file is pmgen's.
// Symbolic links and other special files are left alone: pmgen never makes
// them, so someone else put them there.
func (sv *survey) scanOwnedDir(dir string, wanted wantedSet) error {
	root := strings.TrimSuffix(ownedDir, "/")
	full := filepath.Join(dir, filepath.FromSlash(root))
	info, err := os.Lstat(full)
	// No testdata/pmgen directory (or a hand-made testdata file) means
	// there is nothing of pmgen's to find.
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) || (err == nil && !info.IsDir()) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	var dirs []string
	err = filepath.WalkDir(full, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		relOS, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(relOS)
		switch {
		case e.IsDir():
			dirs = append(dirs, rel)
		case strings.HasPrefix(e.Name(), tmpPrefix):
			sv.leftovers = append(sv.leftovers, rel)
		case wanted.has(rel) || !e.Type().IsRegular():
		default:
			have, err := readCurrent(dir, rel)
			if err != nil {
				return err
			}
			sv.stale = append(sv.stale, staleFile{path: rel, have: have})
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	slices.Reverse(dirs) // WalkDir lists parents first; removal needs children first.
	sv.ownedDirs = dirs
	return nil
}

// scanParents finds leftovers in the other directories that generated
// files live in, so that a crash while writing there is cleaned up too.
func (sv *survey) scanParents(dir string, files []File) error {
	var parents []string
	for _, f := range files {
		p := path.Dir(f.Path)
		if p != "." && !strings.HasPrefix(p+"/", ownedDir) {
			parents = append(parents, p)
		}
	}
	slices.Sort(parents)
	for _, p := range slices.Compact(parents) {
		entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(p)))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("output: %w", err)
		}
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), tmpPrefix) && !e.IsDir() {
				sv.leftovers = append(sv.leftovers, p+"/"+e.Name())
			}
		}
	}
	return nil
}

// wantedSet is the paths a run generates, as found in a directory listing.
type wantedSet struct {
	dir    string
	exact  map[string]bool
	folded map[string]string // lower case -> generated path
}

// has reports whether the listed entry rel is one of the generated files.
// On a case-insensitive file system (macOS, Windows) "Client.go" on disk
// is the file "client.go" is written to; treating it as stale would delete
// the new file right after writing it. os.SameFile tells the two cases
// apart without guessing what the file system does.
func (w wantedSet) has(rel string) bool {
	if w.exact[rel] {
		return true
	}
	gen, ok := w.folded[strings.ToLower(rel)]
	if !ok {
		return false
	}
	a, errA := os.Lstat(osPath(w.dir, rel))
	b, errB := os.Lstat(osPath(w.dir, gen))
	return errA == nil && errB == nil && os.SameFile(a, b)
}
