package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
)

// A run makes its files durable in two steps instead of one fsync per
// file: every temporary is written and closed, then all of them are
// synced together (syncStaged: one syncfs(2) on Linux, an fsync of each
// elsewhere) before the first rename; after the renames and removals, each
// directory whose entries changed is synced once (syncDirs). A package of
// 250 files costs one sync call and a few directory syncs, not 250 waits
// for the disk.
//
// What this guarantees: a file under its real name is always whole, the
// old bytes or the new, whenever the process or the machine stops, because
// nothing is renamed before its bytes are on disk. When Write returns nil,
// the new package is on disk, names included. A crash during the renames
// can leave a mix of old and new files, each whole, and temporaries named
// .pmgen-tmp-*; the next run removes those and finishes the package.

// syncEach fsyncs every temporary: the portable way, and the fallback where
// the file system cannot be synced as a whole.
func syncEach(tmps []string) error {
	var errs []error
	for _, tmp := range tmps {
		errs = append(errs, syncPath(tmp))
	}
	return errors.Join(errs...)
}

// syncPath opens a file or directory and fsyncs it.
func syncPath(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return fmt.Errorf("output: syncing %s: %w", p, err)
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("output: syncing %s: %w", p, err)
	}
	return nil
}

// syncDirs fsyncs each directory that holds one of paths, once, so that
// the renames and removals in it survive a crash. Windows cannot sync a
// directory, and its renames are journalled by NTFS itself.
func syncDirs(paths []string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	var errs []error
	for _, d := range dirsOf(paths) {
		errs = append(errs, syncPath(d))
	}
	return errors.Join(errs...)
}

// dirsOf lists the directories that hold paths, each once, sorted.
func dirsOf(paths []string) []string {
	var dirs []string
	for _, p := range paths {
		dirs = append(dirs, filepath.Dir(p))
	}
	slices.Sort(dirs)
	return slices.Compact(dirs)
}
