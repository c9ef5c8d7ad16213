package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

const (
	fileMode fs.FileMode = 0o644
	dirMode  fs.FileMode = 0o755
)

// txn is one Write's changes to the disk, recorded so that they can be
// undone. Renames within one directory are atomic, but a package is many
// files; the journal is what makes the package as a whole all-or-nothing.
type txn struct {
	ops     writer
	created []string // directories made by this run, parents first
	staged  []staged // temporaries in commit order
	journal []change // applied renames and removals, in order
}

// staged is a temporary waiting to be synced and renamed onto its target.
type staged struct {
	tmp, target string
	prev        current
}

// change is one applied step and what the path held before it.
type change struct {
	target string
	prev   current
}

// mkdirs creates p and its missing parents, remembering each one so that
// abort can remove them again.
func (tx *txn) mkdirs(p string) error {
	var missing []string
	for q := p; ; {
		info, err := os.Stat(q)
		if err == nil {
			if !info.IsDir() {
				return fmt.Errorf("output: %s is not a directory", q)
			}
			break
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("output: %w", err)
		}
		missing = append(missing, q)
		parent := filepath.Dir(q)
		if parent == q {
			break
		}
		q = parent
	}
	for i := len(missing) - 1; i >= 0; i-- {
		if err := os.Mkdir(missing[i], dirMode); err != nil {
			return fmt.Errorf("output: %w", err)
		}
		tx.created = append(tx.created, missing[i])
	}
	return nil
}

// stageAll writes every change to a temporary next to its target, then
// syncs them all at once (durable.go). The directories are made first, in
// order, so that abort knows which ones this run created. The temporaries
// are written concurrently, which overlaps the file system's own work on
// a package of hundreds of files. Every temporary that was created is
// recorded, in path order, whatever failed, so that abort removes it.
func (tx *txn) stageAll(dir string, changes []target) error {
	for _, t := range changes {
		if err := tx.mkdirs(filepath.Dir(osPath(dir, t.Path))); err != nil {
			return err
		}
	}
	tmps := make([]string, len(changes))
	errs := make([]error, len(changes))
	var wg sync.WaitGroup
	slots := make(chan struct{}, stageConcurrency)
	for i, t := range changes {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer func() { <-slots; wg.Done() }()
			tmps[i], errs[i] = tx.ops.writeTemp(osPath(dir, t.Path), t.Data, fileMode)
		}()
	}
	wg.Wait()
	var written []string
	for i, t := range changes {
		if tmps[i] != "" {
			tx.staged = append(tx.staged, staged{tmp: tmps[i], target: osPath(dir, t.Path), prev: t.have})
			written = append(written, tmps[i])
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return tx.ops.sync(written)
}

// stageConcurrency bounds the temporaries being written at once: enough
// to keep the disk busy, few enough to stay well under any limit on open
// files.
const stageConcurrency = 16

// writeTemp writes data to a new temporary file in target's directory; the
// caller syncs it before a rename publishes it. It returns the
// temporary's name whenever the file was created, even on error, so that
// the caller can remove it.
func writeTemp(target string, data []byte, perm fs.FileMode) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(target), tmpPrefix+"*")
	if err != nil {
		return "", fmt.Errorf("output: writing %s: %w", target, err)
	}
	tmp := f.Name()
	// CreateTemp makes the file 0o600; generated files are ordinary,
	// readable source.
	err = f.Chmod(perm)
	if err == nil {
		_, err = f.Write(data)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return tmp, fmt.Errorf("output: writing %s: %w", target, err)
	}
	return tmp, nil
}

// commit renames every staged temporary onto its target, in path order.
func (tx *txn) commit() error {
	for _, s := range tx.staged {
		if err := tx.ops.rename(s.tmp, s.target); err != nil {
			return fmt.Errorf("output: replacing %s: %w", s.target, err)
		}
		tx.journal = append(tx.journal, change{target: s.target, prev: s.prev})
	}
	return nil
}

// remove deletes a stale file, journalling its contents for rollback.
func (tx *txn) remove(target string, prev current) error {
	if err := tx.ops.remove(target); err != nil {
		return fmt.Errorf("output: removing stale file: %w", err)
	}
	tx.journal = append(tx.journal, change{target: target, prev: prev})
	return nil
}

// rollback undoes the journal, newest first: a path that held a file gets
// its old bytes, mode and mtime back; a path that was empty is removed.
// Then it aborts, removing temporaries and directories. Every failure is
// reported, since a failed rollback leaves the package half-written.
func (tx *txn) rollback() error {
	var errs []error
	for i := len(tx.journal) - 1; i >= 0; i-- {
		c := tx.journal[i]
		if !c.prev.exists {
			if err := os.Remove(c.target); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, fmt.Errorf("output: rollback: %w", err))
			}
			continue
		}
		if err := restore(c.target, c.prev); err != nil {
			errs = append(errs, fmt.Errorf("output: rollback: %w", err))
		}
	}
	tx.journal = nil
	errs = append(errs, tx.abort())
	return errors.Join(errs...)
}

// restore puts a file's previous contents back, through a temporary so
// that the target is never seen half-written. It uses the real operations,
// not the writer's: tests make the run fail, not its rollback.
func restore(target string, prev current) error {
	tmp, err := writeTemp(target, prev.data, prev.perm)
	if err == nil {
		err = syncPath(tmp)
	}
	if err == nil {
		err = os.Rename(tmp, target)
	}
	if err != nil {
		if tmp != "" {
			_ = os.Remove(tmp) // Best effort; the error below is what matters.
		}
		return err
	}
	return os.Chtimes(target, prev.modTime, prev.modTime)
}

// abort removes every temporary still staged and every directory this run
// created, newest first, leaving the disk as it was before the run.
func (tx *txn) abort() error {
	var errs []error
	for _, s := range tx.staged {
		// Committed temporaries no longer exist under their old name.
		if err := os.Remove(s.tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, fmt.Errorf("output: cleanup: %w", err))
		}
	}
	tx.staged = nil
	for i := len(tx.created) - 1; i >= 0; i-- {
		if err := os.Remove(tx.created[i]); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, fmt.Errorf("output: cleanup: %w", err))
		}
	}
	tx.created = nil
	return errors.Join(errs...)
}
