package output

import (
	"bytes"
	"slices"
	"strings"
)

// Difference is one file whose disk content is not what would be
// generated: Old is what the disk holds (OldExists false when the file is
// missing), New what would be written (NewExists false for a stale file).
type Difference struct {
	Path      string
	Old, New  []byte
	OldExists bool
	NewExists bool
}

// Differences writes nothing. It returns the files that Check would show
// in its diff, in path order, with both contents, so that a caller can say
// what the differences mean and not only where they are.
func Differences(dir string, files []File) ([]Difference, error) {
	sorted, err := validate(files)
	if err != nil {
		return nil, err
	}
	sv, err := inspect(dir, sorted)
	if err != nil {
		return nil, err
	}
	var out []Difference
	for _, t := range sv.targets {
		if !t.have.exists || !bytes.Equal(t.have.data, t.Data) {
			out = append(out, Difference{Path: t.Path, Old: t.have.data, OldExists: t.have.exists, New: t.Data, NewExists: true})
		}
	}
	for _, s := range sv.stale {
		out = append(out, Difference{Path: s.path, Old: s.have.data, OldExists: true})
	}
	slices.SortFunc(out, func(a, b Difference) int { return strings.Compare(a.Path, b.Path) })
	return out, nil
}
