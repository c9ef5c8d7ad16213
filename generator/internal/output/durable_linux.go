package output

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// syncStaged makes the staged temporaries durable with syncfs(2), once for
// each directory that holds some (the package's own and its testdata
// folders: one file system, unless one of them is a mount point): the
// kernel writes them out together, which on a package of hundreds of files
// takes a fraction of one fsync each. It falls back to syncEach where
// syncfs is not available.
func syncStaged(tmps []string) error {
	for _, d := range dirsOf(tmps) {
		err := syncFS(d)
		if errors.Is(err, unix.ENOSYS) {
			return syncEach(tmps)
		}
		if err != nil {
			return fmt.Errorf("output: syncing %s: %w", d, err)
		}
	}
	return nil
}

// syncFS syncs the file system that holds dir.
func syncFS(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Syncfs(int(f.Fd()))
}
