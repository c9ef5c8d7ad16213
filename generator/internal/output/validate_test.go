package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		name  string
		paths []string
		want  []string // substrings of the error, one per problem
	}{
		{"empty", []string{""}, []string{`"": empty`}},
		{"absolute", []string{"/etc/passwd"}, []string{`"/etc/passwd": absolute`}},
		{"drive letter", []string{"C:/x.go"}, []string{`"C:/x.go": absolute`}},
		{"dot dot", []string{"../x.go"}, []string{`"../x.go": contains ".."`}},
		{"inner dot dot", []string{"a/../../x.go"}, []string{`contains ".."`}},
		{"dot", []string{"."}, []string{`names the package directory`}},
		{"not clean", []string{"./x.go"}, []string{`"./x.go": not clean ("x.go")`}},
		{"double slash", []string{"a//x.go"}, []string{`not clean ("a/x.go")`}},
		{"trailing slash", []string{"a/"}, []string{`not clean ("a")`}},
		{"backslash", []string{`a\x.go`}, []string{"backslash"}},
		{"nul", []string{"x\x00.go"}, []string{"NUL"}},
		{"reserved", []string{".pmgen-tmp-1"}, []string{"reserved"}},
		{"reserved dir", []string{"a/.pmgen-tmp-1/x"}, []string{"reserved"}},
		{"duplicate", []string{"x.go", "y.go", "x.go"}, []string{`"x.go": listed more than once`}},
		{"case collision", []string{"Client.go", "client.go"}, []string{`"client.go": differs from "Client.go" only in case`}},
		{"file and dir", []string{"a", "a/b/c.json"}, []string{`"a/b/c.json": its directory "a" is also listed`}},
		{"all reported", []string{"/a", "../b", "c.go", "c.go"}, []string{`"/a"`, `"../b"`, `"c.go"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var files []File
			for _, p := range tt.paths {
				files = append(files, File{Path: p, Data: []byte(goFile(""))})
			}
			dir := filepath.Join(t.TempDir(), "out")
			_, err := Write(dir, files)
			if err == nil {
				t.Fatalf("Write(%q) succeeded", tt.paths)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if _, serr := os.Stat(dir); !os.IsNotExist(serr) {
				t.Errorf("Write touched the disk before rejecting: stat %s: %v", dir, serr)
			}
			if _, cerr := Check(dir, files); cerr == nil || cerr.Error() != err.Error() {
				t.Errorf("Check error = %v, want the same as Write's", cerr)
			}
		})
	}
}

func TestValidateAcceptsAndSorts(t *testing.T) {
	in := []File{{Path: "z.go"}, {Path: "testdata/pmgen/sessions/a b.json"}, {Path: "a.go"}, {Path: "README.md"}, {Path: "sub/x.go"}}
	got, err := validate(in)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"README.md", "a.go", "sub/x.go", "testdata/pmgen/sessions/a b.json", "z.go"}
	for i, f := range got {
		if f.Path != want[i] {
			t.Fatalf("validate order = %v, want %v", got, want)
		}
	}
	if in[0].Path != "z.go" {
		t.Errorf("validate reordered the caller's slice")
	}
}

// FuzzValidate checks that no path makes validation or Owned panic, and
// that every accepted path stays inside the package directory.
func FuzzValidate(f *testing.F) {
	for _, s := range []string{"client.go", "../x", "/x", "a//b", "testdata/pmgen/a.json", "C:x", ".pmgen-tmp-x", "a/./b", ""} {
		f.Add(s, s+"x")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		files := []File{{Path: a}, {Path: b}}
		sorted, err := validate(files)
		_ = Owned(a, []byte(a))
		if err != nil {
			return
		}
		for _, f := range sorted {
			if !filepath.IsLocal(filepath.FromSlash(f.Path)) {
				t.Errorf("accepted %q, which is not local", f.Path)
			}
			if f.Path != filepath.ToSlash(filepath.Clean(filepath.FromSlash(f.Path))) {
				t.Errorf("accepted %q, which is not clean", f.Path)
			}
		}
	})
}
