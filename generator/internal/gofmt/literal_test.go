package gofmt

import (
	"bytes"
	"go/parser"
	"go/token"
	"testing"
)

// nodeSize's shortcut (literalSize) must decide alignments as printing
// the node would: composite literals whose keys and values are the
// literals it measures from their text, next to ones that only printing
// can measure. The form feed case once aligned where go/printer breaks
// the column.
func TestLiteralSizes(t *testing.T) {
	for _, src := range []string{
		"package p\nvar _ = T{A: 1, BBBBBB: \"a\fb\", CC: 2, DDDDDDDDD: 3}\n",
		"package p\nvar _ = T{\nA: 1,\nBBBBBB: \"a\fb\",\nCC: 2,\nDDDDDDDDD: 3,\n}\n",
		"package p\nvar _ = T{\nA: 1,\nBBBBBB: `a\fb`,\nCC: 2,\n}\n",
		"package p\nvar _ = T{\nA: 0X1F,\nBBBBBB: 1E5,\nCC: 0O17,\nD: 007i,\nEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE: 'x',\nF: '\\n',\n}\n",
		"package p\nvar _ = T{\nA: `raw`,\nBBBBBB: `two\nlines`,\nCC: \"\\t\",\nLongerThanFortyCharactersIsTheKeyOfThisOne: true,\nE: nil,\n}\n",
		"package p\nvar _ = map[string]int{\n\"a\": 1,\n\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\": 2,\n\"c\": 3,\n}\n",
		"package p\nvar _ = []any{\n1,\n\"two\",\nthree,\n[]int{4},\n}\n",
	} {
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		want, got := print(t, &stdConfig, fset, file), print(t, &thisConfig, fset, file)
		if !bytes.Equal(got, want) {
			t.Errorf("%q: differs from go/printer:\n--- got\n%s\n--- want\n%s", src, got, want)
		}
	}
}
