package output

import (
	"fmt"
	"strings"
	"testing"
)

// benchFiles is a large package: n generated files of size bytes each.
func benchFiles(n, size int) []File {
	line := "// " + strings.Repeat("x", 76) + "\n"
	body := strings.Repeat(line, size/len(line))
	files := make([]File, n)
	for i := range files {
		files[i] = File{Path: fmt.Sprintf("file_%03d.go", i), Data: []byte(goFile(body))}
	}
	return files
}

// BenchmarkWrite measures the common regeneration: nothing changed.
func BenchmarkWrite(b *testing.B) {
	dir := b.TempDir()
	files := benchFiles(200, 20<<10)
	if _, err := Write(dir, files); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(200 * len(files[0].Data)))
	for b.Loop() {
		res, err := Write(dir, files)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Unchanged) != len(files) {
			b.Fatalf("Unchanged = %d files, want %d", len(res.Unchanged), len(files))
		}
	}
}

// BenchmarkCheck measures the CI drift check on an up-to-date package.
func BenchmarkCheck(b *testing.B) {
	dir := b.TempDir()
	files := benchFiles(200, 20<<10)
	if _, err := Write(dir, files); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		diff, err := Check(dir, files)
		if err != nil || diff != "" {
			b.Fatalf("Check = %q, %v", diff, err)
		}
	}
}
