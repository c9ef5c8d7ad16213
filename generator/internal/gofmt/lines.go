package gofmt

import (
	"go/token"
	"sort"
)

// lineIndex turns a token.Pos into a token.Position without the file set's
// lock and search: the printer asks for the position of nearly every token,
// and almost always for one on the line it asked about last.
type lineIndex struct {
	fset  *token.FileSet
	file  *token.File
	base  int
	lines []int
	last  int // index into lines of the last answer
}

func newLineIndex(fset *token.FileSet) *lineIndex {
	x := &lineIndex{fset: fset}
	fset.Iterate(func(f *token.File) bool {
		if x.file != nil {
			// More than one file: answer every question through fset.
			x.file = nil
			return false
		}
		x.file = f
		return true
	})
	if x.file != nil {
		x.base = x.file.Base()
		x.lines = x.file.Lines()
	}
	return x
}

func (x *lineIndex) position(pos token.Pos) token.Position {
	if !pos.IsValid() {
		return token.Position{}
	}
	off := int(pos) - x.base
	if x.file == nil || off < 0 || off > x.file.Size() || len(x.lines) == 0 {
		return x.fset.PositionFor(pos, false)
	}
	i := x.last
	if i >= len(x.lines) || x.lines[i] > off || i+1 < len(x.lines) && x.lines[i+1] <= off {
		i = sort.Search(len(x.lines), func(j int) bool { return x.lines[j] > off }) - 1
		x.last = i
	}
	return token.Position{Filename: x.file.Name(), Offset: off, Line: i + 1, Column: off - x.lines[i] + 1}
}
