package emit

import (
	"fmt"
	"go/ast"
	doccomment "go/doc/comment"
	"go/token"
	"strings"
)

// rewrittenDoc reports the first top-level doc comment of file that
// gofmt would rewrite. pmgen prints every file with gofmt's printer, so
// its output is always gofmt-clean; but the printer reformats a doc
// comment by what go/doc/comment reads in it, and where that differs from
// what pmgen meant the comment silently changes: a request line written
// as a code block after a list becomes more of the list's last item. A
// doc comment that is already in gofmt's form says what pmgen wrote.
func rewrittenDoc(fset *token.FileSet, file *ast.File) error {
	for _, d := range file.Decls {
		var doc *ast.CommentGroup
		switch d := d.(type) {
		case *ast.FuncDecl:
			doc = d.Doc
		case *ast.GenDecl:
			doc = d.Doc
		}
		if doc == nil || fset.Position(doc.Pos()).Column != 1 {
			continue
		}
		text, ok := docText(doc)
		if !ok {
			continue
		}
		var p doccomment.Parser
		var pr doccomment.Printer
		if canon := string(pr.Comment(p.Parse(text))); canon != text {
			got, want := strings.Split(text, "\n"), strings.Split(canon, "\n")
			i := 0
			for i < len(got)-1 && i < len(want)-1 && got[i] == want[i] {
				i++
			}
			return fmt.Errorf("%s: gofmt rewrites the doc comment's line %q as %q",
				fset.Position(doc.List[0].Pos()), got[i], want[i])
		}
	}
	return nil
}

// docText is a // doc comment's text as go/printer reads it, the
// comment markers and the space after them removed. Every line pmgen
// writes is "//" or starts with "// "; a comment with any other line
// (a directive) is not one of pmgen's docs and is not checked.
func docText(doc *ast.CommentGroup) (string, bool) {
	var b strings.Builder
	for _, c := range doc.List {
		after, ok := strings.CutPrefix(c.Text, "//")
		if !ok || after != "" && after[0] != ' ' {
			return "", false
		}
		b.WriteString(strings.TrimPrefix(after, " "))
		b.WriteString("\n")
	}
	return b.String(), true
}
