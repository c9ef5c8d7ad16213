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
		if got, want, ok := rewrittenLine(doc); ok {
			return fmt.Errorf("%s: gofmt rewrites the doc comment's line %q as %q",
				fset.Position(doc.List[0].Pos()), got, want)
		}
	}
	return nil
}

// rewrittenLine is the first line of doc that gofmt would rewrite and
// what it would write instead; ok is false when gofmt leaves doc as it
// is, or doc is not one of pmgen's (docText).
func rewrittenLine(doc *ast.CommentGroup) (got, want string, ok bool) {
	text, ok := docText(doc)
	if !ok {
		return "", "", false
	}
	var p doccomment.Parser
	var pr doccomment.Printer
	canon := string(pr.Comment(p.Parse(text)))
	if canon == text {
		return "", "", false
	}
	gotLines, wantLines := strings.Split(text, "\n"), strings.Split(canon, "\n")
	i := 0
	for i < len(gotLines)-1 && i < len(wantLines)-1 && gotLines[i] == wantLines[i] {
		i++
	}
	return gotLines[i], wantLines[i], true
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
