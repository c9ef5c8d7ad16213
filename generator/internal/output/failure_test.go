package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// errInjected stands for a disk failure at a chosen point.
var errInjected = errors.New("injected failure")

// failOn returns a writer whose operation fails for targets named name.
func failOn(op, name string) writer {
	w := osWriter()
	switch op {
	case "writeTemp":
		w.writeTemp = func(target string, data []byte, perm fs.FileMode) (string, error) {
			tmp, err := writeTemp(target, data, perm)
			if err == nil && filepath.Base(target) == name {
				return tmp, errInjected // as if Sync failed: the temporary exists
			}
			return tmp, err
		}
	case "sync":
		w.sync = func(tmps []string) error {
			if err := syncStaged(tmps); err != nil {
				return err
			}
			return errInjected // as if the disk failed to write the batch
		}
	case "rename":
		w.rename = func(oldpath, newpath string) error {
			if filepath.Base(newpath) == name {
				return errInjected
			}
			return os.Rename(oldpath, newpath)
		}
	case "remove":
		w.remove = func(p string) error {
			if filepath.Base(p) == name {
				return errInjected
			}
			return os.Remove(p)
		}
	}
	return w
}

// TestWriteFailureLeavesPreviousFiles makes a run fail at each stage and
// checks that the package is exactly as before: same files, same bytes,
// same mtimes, no new directories and no temporaries.
func TestWriteFailureLeavesPreviousFiles(t *testing.T) {
	previous := generated()
	previous["old.go"] = goFile("// stale\n")
	previous["testdata/pmgen/old/a.json"] = "{}"
	previous["testdata/pmgen/old/b.json"] = "{}"
	previous["hand.go"] = "package pkg\n"
	next := generated()
	next["client.go"] = goFile("type Client struct{ changed bool }\n")
	next["sessions.go"] = goFile("type SessionsService struct{ changed bool }\n")
	next["testdata/pmgen/new/deep/x.json"] = `{"new":true}` // needs new directories
	next["zz.go"] = goFile("// new\n")

	tests := []struct {
		name    string
		w       writer
		prepare func(t *testing.T, dir string)
		want    string // in the error
	}{
		{name: "staging fails after directories were made", w: failOn("writeTemp", "x.json"), want: "injected"},
		{name: "staging fails on the last file", w: failOn("writeTemp", "zz.go"), want: "injected"},
		{name: "syncing the staged files fails", w: failOn("sync", ""), want: "injected"},
		{name: "rename fails after others succeeded", w: failOn("rename", "sessions.go"), want: "sessions.go"},
		{name: "rename fails on the last file", w: failOn("rename", "zz.go"), want: "zz.go"},
		{name: "stale removal fails", w: failOn("remove", "b.json"), want: "injected"},
		{
			name: "directory where a generated file belongs",
			w:    osWriter(),
			prepare: func(t *testing.T, dir string) {
				if err := os.Mkdir(filepath.Join(dir, "zz.go"), 0o755); err != nil {
					t.Fatal(err)
				}
			},
			want: "zz.go is a directory",
		},
		{
			name: "read-only directory",
			w:    osWriter(),
			prepare: func(t *testing.T, dir string) {
				if os.Geteuid() == 0 {
					t.Skip("running as root: permissions do not stop writes; the injected cases cover this")
				}
				if err := os.Chmod(dir, 0o555); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
			},
			want: "permission denied",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			put(t, dir, previous)
			if tt.prepare != nil {
				tt.prepare(t, dir)
			}
			before := snapshot(t, dir)
			res, err := tt.w.write(dir, toFiles(next))
			if err == nil {
				t.Fatalf("write succeeded: %+v", res)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
			if diff := cmp.Diff(before, snapshot(t, dir)); diff != "" {
				t.Errorf("failed run changed the disk (-before +after):\n%s", diff)
			}
			noTemporaries(t, dir)
			if diff := cmp.Diff(Result{}, res); diff != "" {
				t.Errorf("failed run reported work (-want +got):\n%s", diff)
			}
		})
	}
}

// TestWriteFailureInMissingDir checks that a failed first run does not
// leave behind the directories it created.
func TestWriteFailureInMissingDir(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "generated", "pkg")
	_, err := failOn("rename", "sessions.go").write(dir, toFiles(generated()))
	if !errors.Is(err, errInjected) {
		t.Fatalf("error = %v, want the injected one", err)
	}
	if diff := cmp.Diff(map[string]entry{"./": {}}, snapshot(t, root)); diff != "" {
		t.Errorf("failed run left things behind (-want +got):\n%s", diff)
	}
}
