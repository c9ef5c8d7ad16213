package output

import (
	"fmt"
	"io/fs"
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

// BenchmarkWriteChanged measures a regeneration that changes every file of
// a package shaped like Fastly's (250 files), with each way of making the
// files durable: "per-file" is an fsync of each temporary as it is
// written (pmgen before durable.go), "grouped" is what Write does now.
func BenchmarkWriteChanged(b *testing.B) {
	perFile := osWriter()
	perFile.writeTemp = func(target string, data []byte, perm fs.FileMode) (string, error) {
		tmp, err := writeTemp(target, data, perm)
		if err == nil {
			err = syncPath(tmp)
		}
		return tmp, err
	}
	perFile.sync = func([]string) error { return nil }
	for _, bc := range []struct {
		name string
		w    writer
	}{{"per-file", perFile}, {"grouped", osWriter()}} {
		b.Run(bc.name, func(b *testing.B) {
			dir := b.TempDir()
			versions := [2][]File{benchFiles(250, 8<<10), benchFiles(250, 8<<10)}
			for i := range versions[1] {
				versions[1][i].Data = append(versions[1][i].Data, "// changed\n"...)
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				res, err := bc.w.write(dir, versions[i%2])
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Written) != 250 {
					b.Fatalf("Written = %d files, want 250", len(res.Written))
				}
				i++
			}
		})
	}
}
