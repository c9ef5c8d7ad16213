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

// symlink makes link point to to, creating link's directory.
func symlink(t *testing.T, to, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(to, link); err != nil {
		t.Fatal(err)
	}
}

// linkSetup is a package directory with an earlier run's output and an
// unrelated folder outside it holding files a careless run would touch.
type linkSetup struct {
	out, outside string
}

func newLinkSetup(t *testing.T) linkSetup {
	t.Helper()
	root := t.TempDir()
	s := linkSetup{out: filepath.Join(root, "out"), outside: filepath.Join(root, "outside")}
	put(t, s.out, map[string]string{"client.go": goFile("// old\n"), "hand.go": "package pkg\n"})
	// Files where the generated fixtures would go, and a stale one a
	// run would remove if it walked through a link to here.
	put(t, s.outside, map[string]string{
		"pmgen/sessions/refresh_users_session_1.json": "precious 1",
		"pmgen/old.json": "precious 2",
		"client.go":      goFile("// someone else's\n"),
	})
	return s
}

// refused runs Write and Check on s.out and asserts that both fail with
// every message in want and that neither folder changed.
func (s linkSetup) refused(t *testing.T, want ...string) {
	t.Helper()
	beforeOut, beforeOutside := snapshot(t, s.out), snapshot(t, s.outside)
	_, werr := Write(s.out, toFiles(generated()))
	_, cerr := Check(s.out, toFiles(generated()))
	for _, err := range []error{werr, cerr} {
		if err == nil {
			t.Fatalf("no error, want one saying %q", want)
		}
		for _, w := range want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("error = %v\nwant it to say %q", err, w)
			}
		}
	}
	if diff := cmp.Diff(beforeOut, snapshot(t, s.out)); diff != "" {
		t.Errorf("-out changed (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff(beforeOutside, snapshot(t, s.outside)); diff != "" {
		t.Errorf("the folder outside -out changed (-before +after):\n%s", diff)
	}
}

func TestWriteRefusesLinkOutOfOut(t *testing.T) {
	t.Run("testdata", func(t *testing.T) {
		s := newLinkSetup(t)
		link := filepath.Join(s.out, "testdata")
		symlink(t, s.outside, link)
		s.refused(t, "output: "+link+" is a symbolic link to "+s.outside+", outside the output directory")
	})
	t.Run("testdata/pmgen, with nothing generated below it", func(t *testing.T) {
		// Even a run that writes no fixture walks testdata/pmgen for stale
		// files: through this link it would delete old.json outside.
		s := newLinkSetup(t)
		link := filepath.Join(s.out, "testdata", "pmgen")
		symlink(t, filepath.Join(s.outside, "pmgen"), link)
		before := snapshot(t, s.outside)
		if _, err := Write(s.out, toFiles(map[string]string{"client.go": goFile("")})); err == nil || !strings.Contains(err.Error(), link+" is a symbolic link") {
			t.Errorf("Write error = %v, want one naming %s", err, link)
		}
		if diff := cmp.Diff(before, snapshot(t, s.outside)); diff != "" {
			t.Errorf("the folder outside -out changed (-before +after):\n%s", diff)
		}
	})
	t.Run("relative link", func(t *testing.T) {
		s := newLinkSetup(t)
		link := filepath.Join(s.out, "testdata")
		symlink(t, filepath.Join("..", "outside"), link)
		s.refused(t, link+" is a symbolic link to ../outside, outside the output directory")
	})
	t.Run("a generated file", func(t *testing.T) {
		s := newLinkSetup(t)
		link := filepath.Join(s.out, "sessions.go")
		symlink(t, filepath.Join(s.outside, "client.go"), link)
		s.refused(t, link+" is a symbolic link to "+filepath.Join(s.outside, "client.go")+", outside the output directory")
	})
	t.Run("dangling", func(t *testing.T) {
		s := newLinkSetup(t)
		link := filepath.Join(s.out, "testdata")
		missing := filepath.Join(s.outside, "not-yet")
		symlink(t, missing, link)
		s.refused(t, link+" is a symbolic link to "+missing+", outside the output directory")
		if _, err := os.Lstat(missing); !os.IsNotExist(err) {
			t.Errorf("%s was created through the link", missing)
		}
	})
	t.Run("every link at once", func(t *testing.T) {
		s := newLinkSetup(t)
		a, b := filepath.Join(s.out, "testdata"), filepath.Join(s.out, "README.md")
		symlink(t, s.outside, a)
		symlink(t, filepath.Join(s.outside, "client.go"), b)
		s.refused(t, a+" is a symbolic link", b+" is a symbolic link")
	})
}

// TestWriteRefusesLinkInsideOut pins the choice made for a link that stays
// inside -out: refused as well, with a message that does not cry "outside".
func TestWriteRefusesLinkInsideOut(t *testing.T) {
	s := newLinkSetup(t)
	put(t, s.out, map[string]string{"fixtures/pmgen/keep.json": "mine"})
	link := filepath.Join(s.out, "testdata")
	symlink(t, "fixtures", link)
	s.refused(t, "output: "+link+" is a symbolic link to fixtures; pmgen writes and removes only through real directories and files inside the output directory")
	_, err := Write(s.out, toFiles(generated()))
	if err != nil && strings.Contains(err.Error(), "outside") {
		t.Errorf("a link inside -out is reported as leading outside: %v", err)
	}
}

// TestWriteLeavesOtherLinksAlone: links that no generated path goes
// through are not followed, so they are neither refused nor touched.
func TestWriteLeavesOtherLinksAlone(t *testing.T) {
	s := newLinkSetup(t)
	symlink(t, s.outside, filepath.Join(s.out, "vendor"))
	symlink(t, filepath.Join(s.outside, "client.go"), filepath.Join(s.out, "old.go"))                     // a "stale" generated file
	symlink(t, filepath.Join(s.outside, "pmgen"), filepath.Join(s.out, "testdata", "pmgen", "elsewhere")) // inside the owned tree
	before := snapshot(t, s.outside)
	if _, err := Write(s.out, toFiles(generated())); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, snapshot(t, s.outside)); diff != "" {
		t.Errorf("the folder outside -out changed (-before +after):\n%s", diff)
	}
	after := snapshot(t, s.out)
	for _, rel := range []string{"vendor", "old.go", "testdata/pmgen/elsewhere"} {
		if !strings.HasPrefix(after[rel].Data, "-> ") {
			t.Errorf("link %s is gone", rel)
		}
	}
}

// TestWriteFollowsLinkedOut: the links on -out's own path are where the
// user chose to put the package.
func TestWriteFollowsLinkedOut(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "real")
	put(t, real, map[string]string{"hand.go": "package pkg\n"})
	symlink(t, real, filepath.Join(root, "link"))
	if _, err := Write(filepath.Join(root, "link", "pkg"), toFiles(generated())); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(filepath.Join(root, "link"), toFiles(generated())); err != nil {
		t.Fatal(err)
	}
	if got := contents(t, real)["pkg/client.go"]; got != generated()["client.go"] {
		t.Errorf("real/pkg/client.go = %q, want the generated file", got)
	}
	if got := contents(t, real)["client.go"]; got != generated()["client.go"] {
		t.Errorf("real/client.go = %q, want the generated file", got)
	}
}

func TestWriteRefusesRoots(t *testing.T) {
	root := t.TempDir()
	mod := filepath.Join(root, "mod")
	put(t, mod, map[string]string{"go.mod": "module example.com/m\n", "main.go": goFile("func main() {}\n")})
	home := filepath.Join(root, "home")
	put(t, home, map[string]string{".profile": "x"})
	t.Setenv("HOME", home)
	symlink(t, "/", filepath.Join(root, "slash"))
	symlink(t, mod, filepath.Join(root, "modlink"))
	for _, c := range []struct {
		dir, want string
	}{
		{"/", "output: refusing -out /: it is the root of the file system; give the package a directory of its own"},
		{filepath.Join(root, "slash"), "output: refusing -out " + filepath.Join(root, "slash") + " (/): it is the root of the file system"},
		{mod, "output: refusing -out " + mod + ": it is a Go module's root (it holds go.mod), whose own files pmgen could replace or remove; give the package a directory of its own inside the module"},
		{filepath.Join(root, "modlink"), "refusing -out " + filepath.Join(root, "modlink") + " (" + mod + "): it is a Go module's root"},
		{home, "output: refusing -out " + home + ": it is your home directory; give the package a directory of its own"},
	} {
		t.Run(c.dir, func(t *testing.T) {
			beforeRoot := snapshotTop(t, "/")
			beforeTmp := snapshot(t, root)
			// Write's operations all fail here, so that a regression
			// shows as a wrong error instead of files written into /.
			for name, run := range map[string]func() error{
				"Write": func() error { _, err := inert().write(c.dir, toFiles(generated())); return err },
				"Check": func() error { _, err := Check(c.dir, toFiles(generated())); return err },
			} {
				if err := run(); err == nil || !strings.Contains(err.Error(), c.want) {
					t.Errorf("%s error = %v, want %q", name, err, c.want)
				}
			}
			if diff := cmp.Diff(beforeRoot, snapshotTop(t, "/")); diff != "" {
				t.Errorf("/ changed (-before +after):\n%s", diff)
			}
			if diff := cmp.Diff(beforeTmp, snapshot(t, root)); diff != "" {
				t.Errorf("disk changed (-before +after):\n%s", diff)
			}
		})
	}
	// A package inside the module, or inside home, is what they are for.
	for _, dir := range []string{filepath.Join(mod, "api"), filepath.Join(home, "api")} {
		if _, err := Write(dir, toFiles(generated())); err != nil {
			t.Errorf("Write(%s) = %v, want success", dir, err)
		}
	}
}

// snapshotTop lists the names in dir, without descending.
func snapshotTop(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// inert is a writer that changes nothing: every operation fails.
func inert() writer {
	fail := errors.New("inert writer")
	return writer{
		writeTemp: func(string, []byte, fs.FileMode) (string, error) { return "", fail },
		rename:    func(string, string) error { return fail },
		remove:    func(string) error { return fail },
	}
}
