package output

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMatches checks the hash check that lets a project run skip a
// package: the files written, byte for byte, and no other file pmgen owns.
func TestMatches(t *testing.T) {
	files := []File{
		{Path: "client.go", Data: []byte(Header + "\npackage x\n")},
		{Path: "testdata/pmgen/a.json", Data: []byte("{}")},
	}
	for _, c := range []struct {
		name   string
		change func(dir string) error
		want   bool
	}{
		{"as written", func(string) error { return nil }, true},
		{"a hand-written file beside them", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "extra.go"), []byte("package x\n"), 0o644)
		}, true},
		{"a file edited", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "client.go"), []byte(Header+"\npackage y\n"), 0o644)
		}, false},
		{"a file removed", func(dir string) error { return os.Remove(filepath.Join(dir, "client.go")) }, false},
		{"a generated file more", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "old.go"), []byte(Header+"\npackage x\n"), 0o644)
		}, false},
		{"a fixture more", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "testdata", "pmgen", "b.json"), []byte("{}"), 0o644)
		}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if _, err := Write(dir, files); err != nil {
				t.Fatal(err)
			}
			if err := c.change(dir); err != nil {
				t.Fatal(err)
			}
			if got := Matches(dir, Sums(files)); got != c.want {
				t.Errorf("Matches = %v, want %v", got, c.want)
			}
		})
	}
}

func TestRecord(t *testing.T) {
	file := filepath.Join(t.TempDir(), "cache", "r.json")
	if data, err := ReadRecord(file); data != nil || err != nil {
		t.Fatalf("a missing record: %q, %v", data, err)
	}
	if err := WriteRecord(file, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := WriteRecord(file, []byte("two")); err != nil {
		t.Fatal(err)
	}
	if data, err := ReadRecord(file); string(data) != "two" || err != nil {
		t.Fatalf("ReadRecord = %q, %v", data, err)
	}
	if err := Create(file, []byte("x")); err == nil {
		t.Error("Create replaced a file")
	}
}
