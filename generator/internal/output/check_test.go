package output

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCheckCurrentOutput(t *testing.T) {
	dir := t.TempDir()
	files := toFiles(generated())
	if _, err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	put(t, dir, map[string]string{"hand.go": "package pkg\n", "LICENSE": "MIT\n"}) // not ours: ignored
	got, err := Check(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	if got != "" {
		t.Errorf("Check on current output = %q, want \"\"", got)
	}
}

func TestCheckReportsDrift(t *testing.T) {
	three := goFile("func A() {}\n\nfunc B() {}\n")
	tests := []struct {
		name string
		disk map[string]string
		want []string // substrings, in this order
	}{
		{
			name: "edited",
			disk: map[string]string{"client.go": strings.Replace(three, "B()", "C()", 1)},
			want: []string{
				"diff --git a/client.go b/client.go\n--- a/client.go\n+++ b/client.go\n@@",
				"\n-func C() {}\n+func B() {}\n",
			},
		},
		{
			name: "deleted",
			disk: map[string]string{},
			want: []string{"diff --git a/client.go b/client.go\nnew file mode 100644\n--- /dev/null\n+++ b/client.go\n@@ -0,0 +1,6 @@\n+" + Header + "\n"},
		},
		{
			name: "stale",
			disk: map[string]string{"client.go": three, "old.go": goFile("func Old() {}\n")},
			want: []string{"diff --git a/old.go b/old.go\ndeleted file mode 100644\n--- a/old.go\n+++ /dev/null\n@@ -1,4 +0,0 @@\n-" + Header + "\n", "-func Old() {}\n"},
		},
		{
			name: "stale fixture",
			disk: map[string]string{"client.go": three, "testdata/pmgen/s/x.json": "{}\n"},
			want: []string{"--- a/testdata/pmgen/s/x.json\n+++ /dev/null\n@@ -1 +0,0 @@\n-{}\n"},
		},
		{
			name: "in path order",
			disk: map[string]string{"a.go": goFile(""), "client.go": "", "z.go": goFile("")},
			want: []string{"--- a/a.go\n+++ /dev/null", "--- a/client.go\n+++ b/client.go", "--- a/z.go\n+++ /dev/null"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			put(t, dir, tt.disk)
			before := snapshot(t, dir)
			got, err := Check(dir, []File{{Path: "client.go", Data: []byte(three)}})
			if err != nil {
				t.Fatal(err)
			}
			rest := got
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("diff lacks %q (or it is out of order):\n%s", w, got)
				}
				rest = rest[i+len(w):]
			}
			if diff := cmp.Diff(before, snapshot(t, dir)); diff != "" {
				t.Errorf("Check changed the disk (-before +after):\n%s", diff)
			}
		})
	}
}

// TestCheckExactDiff pins the whole format for one edit.
func TestCheckExactDiff(t *testing.T) {
	dir := t.TempDir()
	put(t, dir, map[string]string{"x.go": "a\nb\nc\n"})
	got, err := Check(dir, []File{{Path: "x.go", Data: []byte("a\nB\nc\n")}})
	if err != nil {
		t.Fatal(err)
	}
	want := "diff --git a/x.go b/x.go\n--- a/x.go\n+++ b/x.go\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"
	if got != want {
		t.Errorf("Check =\n%s\nwant\n%s", got, want)
	}
}

func TestCheckSpecialContents(t *testing.T) {
	dir := t.TempDir()
	put(t, dir, map[string]string{"testdata/pmgen/bin": "a\x00b", "testdata/pmgen/empty": ""})
	got, err := Check(dir, []File{{Path: "testdata/pmgen/bin", Data: []byte("a\x00c")}, {Path: "testdata/pmgen/new_empty"}})
	if err != nil {
		t.Fatal(err)
	}
	want := "diff --git a/testdata/pmgen/bin b/testdata/pmgen/bin\n" +
		"Binary files a/testdata/pmgen/bin and b/testdata/pmgen/bin differ\n" +
		"diff --git a/testdata/pmgen/empty b/testdata/pmgen/empty\ndeleted file mode 100644\n" +
		"diff --git a/testdata/pmgen/new_empty b/testdata/pmgen/new_empty\nnew file mode 100644\n"
	if got != want {
		t.Errorf("Check =\n%q\nwant\n%q", got, want)
	}
}

func TestCheckMissingDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "absent")
	got, err := Check(dir, toFiles(generated()))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(got, "--- /dev/null\n"); n != len(generated()) {
		t.Errorf("diff shows %d new files, want %d:\n%s", n, len(generated()), got)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("Check created %s", dir)
	}
}

// TestCheckDiffApplies feeds Check's diff to git apply: applying it must
// turn the disk into the generated output, which shows the diff is a
// faithful, well-formed patch (new, changed, deleted and empty files).
func TestCheckDiffApplies(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	put(t, dir, map[string]string{
		"client.go":                 goFile("old\nlines\n"),
		"gone.go":                   goFile("bye\n"),
		"testdata/pmgen/s/old.json": "{}",
		"testdata/pmgen/s/empty":    "",
		"README.md":                 readme("no newline at end"),
		"hand.go":                   "package pkg\n",
	})
	next := generated()
	next["testdata/pmgen/s/new_empty"] = ""
	got, err := Check(dir, toFiles(next))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(git, "apply", "--unsafe-paths", "-")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(got)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s\ndiff:\n%s", err, out, got)
	}
	again, err := Check(dir, toFiles(next))
	if err != nil {
		t.Fatal(err)
	}
	if again != "" {
		t.Errorf("after applying the diff, Check still reports:\n%s", again)
	}
}
