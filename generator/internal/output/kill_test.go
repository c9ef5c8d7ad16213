//go:build unix

package output

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// killEnv tells a test binary started by TestKilledWriteLeavesWholeFiles
// that it is the child: it writes one package and kills itself at the
// point the variable names.
const killEnv = "PMGEN_OUTPUT_KILL_AT"

// killPackage is the package the child writes: version v of n files, big
// enough that a file written halfway would show.
func killPackage(v, n int) []File {
	var files []File
	for i := range n {
		body := strings.Repeat(fmt.Sprintf("// version %d of file %d\n", v, i), 400)
		files = append(files, File{Path: fmt.Sprintf("f%02d.go", i), Data: []byte(goFile(body))})
	}
	files = append(files, File{Path: "testdata/pmgen/x.json", Data: fmt.Appendf(nil, `{"version":%d}`, v)})
	return files
}

// TestKilledWriteLeavesWholeFiles kills a process in the middle of Write,
// after each of its steps in turn (staging, syncing, each rename), and
// checks what a user would find: every file under its real name is whole,
// the old version or the new, and the next run finishes the package and
// removes the temporaries the killed one left.
func TestKilledWriteLeavesWholeFiles(t *testing.T) {
	if at := os.Getenv(killEnv); at != "" {
		killedWrite(t, at)
		return
	}
	const n = 6
	points := []string{"stage:0", "stage:3", "sync", "rename:1", "rename:4", "rename:6"}
	for _, at := range points {
		t.Run(at, func(t *testing.T) {
			dir := t.TempDir()
			if _, err := Write(dir, killPackage(1, n)); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestKilledWriteLeavesWholeFiles$")
			cmd.Env = append(os.Environ(), killEnv+"="+at, "PMGEN_OUTPUT_DIR="+dir)
			out, err := cmd.CombinedOutput()
			status, ok := err.(*exec.ExitError)
			if !ok || status.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
				t.Fatalf("child was not killed (%v):\n%s", err, out)
			}
			old, next := killPackage(1, n), killPackage(2, n)
			for i, f := range next {
				got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
				if err != nil {
					t.Fatalf("%s: %v", f.Path, err)
				}
				if string(got) != string(old[i].Data) && string(got) != string(f.Data) {
					t.Errorf("%s is neither version (%d bytes): a half-written file under its real name", f.Path, len(got))
				}
			}
			res, err := Write(dir, next)
			if err != nil {
				t.Fatalf("the next run: %v", err)
			}
			if len(res.Written)+len(res.Unchanged) != len(next) {
				t.Errorf("the next run: %+v", res)
			}
			noTemporaries(t, dir)
		})
	}
}

// killedWrite is the child's side: Write version 2 over version 1 and
// SIGKILL itself at the chosen point, as a crash or an impatient user would.
func killedWrite(t *testing.T, at string) {
	step, nth, _ := strings.Cut(at, ":")
	limit, _ := strconv.Atoi(nth)
	die := func() { _ = syscall.Kill(os.Getpid(), syscall.SIGKILL); select {} }
	w := osWriter()
	count := 0
	switch step {
	case "stage":
		// Staging runs concurrently: the kill lands while other
		// temporaries are still being written.
		write := w.writeTemp
		w.writeTemp = func(target string, data []byte, perm os.FileMode) (string, error) {
			tmp, err := write(target, data[:len(data)/2], perm)
			if filepath.Base(target) == fmt.Sprintf("f%02d.go", limit) {
				die()
			}
			if err == nil {
				err = os.WriteFile(tmp, data, perm)
			}
			return tmp, err
		}
	case "sync":
		w.sync = func([]string) error { die(); return nil }
	case "rename":
		rename := w.rename
		w.rename = func(from, to string) error {
			if count == limit {
				die()
			}
			count++
			return rename(from, to)
		}
	}
	_, err := w.write(os.Getenv("PMGEN_OUTPUT_DIR"), killPackage(2, 6))
	t.Fatalf("write returned (%v) instead of being killed at %s", err, at)
}
