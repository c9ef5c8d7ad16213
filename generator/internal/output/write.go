package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Result says what Write did, for the summary line.
type Result struct {
	Written, Unchanged, Removed []string // relative paths, sorted
}

// Write makes dir hold files: creates dir (and parents) if needed; writes
// files whose bytes differ; leaves byte-identical files untouched (not even
// rewritten, so their mtime does not change); removes stale files pmgen owns
// (see Owned) that are not in files. It is atomic per package: every new
// content is first written to a temporary file in the target's own
// directory and synced; only when all are staged are they renamed into
// place. If anything fails before the renames, all temporaries (and any
// directories the run created) are removed and the directory is exactly as
// before, except that temporaries left by a crashed earlier run (named
// ".pmgen-tmp-*") are gone; if a rename or a removal fails, the files
// already changed are put back, bytes, mode and mtime, from what was read at
// the start. Errors name the path involved, for example when dir exists and
// is not a directory or is not writable. A directory, symbolic link or other
// special file where a generated file belongs is an error, never replaced;
// so is a regular file pmgen does not own (see Owned) with other bytes: a
// hand-written client.go or README.md is someone's work.
func Write(dir string, files []File) (Result, error) {
	return osWriter().write(dir, files)
}

// writer holds the disk operations that tests make fail on purpose: they
// run as root, where permissions cannot make a write, rename or removal
// fail at a chosen point.
type writer struct {
	// writeTemp stages data in a temporary next to target.
	writeTemp func(target string, data []byte, perm fs.FileMode) (tmp string, err error)
	// sync makes the staged temporaries durable before any is renamed.
	sync func(tmps []string) error
	// rename moves a staged temporary onto its target during the commit.
	rename func(oldpath, newpath string) error
	// remove deletes a stale file.
	remove func(name string) error
}

// osWriter is the writer Write uses: the real operations. A function, not
// a variable, so that no test can swap it for everyone.
func osWriter() writer {
	return writer{writeTemp: writeTemp, sync: syncStaged, rename: os.Rename, remove: os.Remove}
}

func (w writer) write(dir string, files []File) (Result, error) {
	var res Result
	sorted, err := validate(files)
	if err != nil {
		return res, err
	}
	sv, err := inspect(dir, sorted)
	if err != nil {
		return res, err
	}
	if foreign := sv.foreign(dir); len(foreign) > 0 {
		return res, fmt.Errorf("output: pmgen did not write %s (the first line is not pmgen's header) but would replace it; move it away or choose another -out",
			strings.Join(foreign, ", "))
	}
	var changes []target
	for _, t := range sv.targets {
		if t.have.exists && bytes.Equal(t.have.data, t.Data) {
			res.Unchanged = append(res.Unchanged, t.Path)
		} else {
			changes = append(changes, t)
		}
	}
	// A crashed run's temporaries are garbage whatever happens next.
	for _, rel := range sv.leftovers {
		if err := os.Remove(osPath(dir, rel)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return Result{}, fmt.Errorf("output: removing leftover temporary file: %w", err)
		}
	}

	tx := &txn{ops: w}
	if err := tx.mkdirs(dir); err != nil {
		return Result{}, errors.Join(err, tx.abort())
	}
	if err := tx.stageAll(dir, changes); err != nil {
		return Result{}, errors.Join(err, tx.abort())
	}
	// Everything is staged: from here on a failure must undo what was done.
	if err := tx.commit(); err != nil {
		return Result{}, errors.Join(err, tx.rollback())
	}
	for _, s := range sv.stale {
		if err := tx.remove(osPath(dir, s.path), s.have); err != nil {
			return Result{}, errors.Join(err, tx.rollback())
		}
	}
	for _, t := range changes {
		res.Written = append(res.Written, t.Path)
	}
	for _, s := range sv.stale {
		res.Removed = append(res.Removed, s.path)
	}
	// The renames and removals are durable once their directories are
	// synced. A failure here is reported with what was done: every file
	// under its real name is whole, and undoing would not make it safer.
	var touched []string
	for _, c := range tx.journal {
		touched = append(touched, c.target)
	}
	if err := syncDirs(touched); err != nil {
		return res, err
	}
	// The new files are in place; an empty directory that cannot be
	// removed is reported but does not warrant undoing the run.
	if err := removeEmptyDirs(dir, sv.ownedDirs); err != nil {
		return res, err
	}
	return res, nil
}

// osPath joins a slash-separated relative path onto dir.
func osPath(dir, rel string) string {
	return filepath.Join(dir, filepath.FromSlash(rel))
}

// removeEmptyDirs removes the directories under testdata/pmgen that no
// longer hold anything, children before parents.
func removeEmptyDirs(dir string, rels []string) error {
	for _, rel := range rels {
		full := osPath(dir, rel)
		entries, err := os.ReadDir(full)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("output: %w", err)
		}
		if len(entries) == 0 {
			if err := os.Remove(full); err != nil {
				return fmt.Errorf("output: removing empty directory: %w", err)
			}
		}
	}
	return nil
}
