package output

import (
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/aymanbagabas/go-udiff"
)

// Check writes nothing. It returns the unified diff between what is on
// disk and files, "" when they match. The diff reads like git's: a
// "diff --git a/p b/p" line per file, "--- a/client.go" / "+++ b/client.go"
// for a changed file, "--- /dev/null" for a file that is missing on disk
// and "+++ /dev/null" for a stale one, in path order; so `git apply` (or
// `patch -p1`) in dir turns the disk into the generated output.
func Check(dir string, files []File) (string, error) {
	sorted, err := validate(files)
	if err != nil {
		return "", err
	}
	sv, err := inspect(dir, sorted)
	if err != nil {
		return "", err
	}
	var diffs []fileDiff
	for _, t := range sv.targets {
		if !t.have.exists || !bytes.Equal(t.have.data, t.Data) {
			diffs = append(diffs, fileDiff{path: t.Path, old: t.have, new: t.Data, newExists: true})
		}
	}
	for _, s := range sv.stale {
		diffs = append(diffs, fileDiff{path: s.path, old: s.have})
	}
	// Targets and stale files are disjoint, so path order is total.
	slices.SortFunc(diffs, func(a, b fileDiff) int { return strings.Compare(a.path, b.path) })
	var b strings.Builder
	for _, d := range diffs {
		if err := d.writeTo(&b); err != nil {
			return "", err
		}
	}
	return b.String(), nil
}

// fileDiff is one file whose disk content differs from the generated one.
type fileDiff struct {
	path      string
	old       current // on disk; old.exists is false for a missing file
	new       []byte
	newExists bool // false for a stale file
}

// writeTo appends the git-style diff of one file.
func (d fileDiff) writeTo(b *strings.Builder) error {
	from, to := "a/"+d.path, "b/"+d.path
	fmt.Fprintf(b, "diff --git %s %s\n", from, to)
	switch {
	case !d.old.exists:
		fmt.Fprintf(b, "new file mode %s\n", gitMode(fileMode))
		from = "/dev/null"
	case !d.newExists:
		fmt.Fprintf(b, "deleted file mode %s\n", gitMode(d.old.perm))
		to = "/dev/null"
	}
	switch {
	case bytes.IndexByte(d.old.data, 0) >= 0 || bytes.IndexByte(d.new, 0) >= 0:
		// Line diffs of binary data are noise; git says the same.
		fmt.Fprintf(b, "Binary files %s and %s differ\n", from, to)
	case len(d.old.data) == 0 && len(d.new) == 0:
		// An empty file created or deleted: the header says it all, as in git.
	default:
		old, new := string(d.old.data), string(d.new)
		text, err := udiff.ToUnified(from, to, old, udiff.Lines(old, new), udiff.DefaultContextLines)
		if err != nil {
			return fmt.Errorf("output: diffing %s: %w", d.path, err)
		}
		b.WriteString(text)
	}
	return nil
}

// gitMode is the mode git prints for a regular file: executable or not.
func gitMode(perm fs.FileMode) string {
	if perm&0o111 != 0 {
		return "100755"
	}
	return "100644"
}
