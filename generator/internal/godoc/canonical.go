package godoc

import (
	"go/doc/comment"
	"strings"
)

// lead stands for the opening sentence of the doc comment that the text
// will be part of (see canonical).
const lead = "Lead.\n\n"

// canonical returns s as gofmt would print it in a doc comment, after the
// comment's opening sentence: parsed and printed by go/doc/comment, the code
// gofmt uses. The renderer already writes that form, so this is normally a
// no-op; it settles the cases where doc comment syntax reads the text
// differently than Markdown meant it (a single capitalised line between
// paragraphs is an old-style heading, a code block right after a list joins
// the list).
//
// The text is formatted as the body that follows an opening sentence
// because that is where descriptions go, and because gofmt removes the
// indentation shared by all lines of a comment: a description that is only a
// table or a list would lose its indentation if it were formatted alone.
//
// Printing is repeated until the text no longer changes, and a panic in the
// standard library (it has internal consistency checks) leaves s as it was.
func canonical(s string) (out string) {
	defer func() {
		if recover() != nil {
			out = s
		}
	}()
	for range 4 {
		next, ok := strings.CutPrefix(reprint(lead+s), lead)
		if !ok || next == s {
			break
		}
		s = next
	}
	return s
}

// reprint parses and prints doc comment text, without the final newline.
func reprint(s string) string {
	var (
		p  comment.Parser
		pr comment.Printer
	)
	return strings.TrimRight(string(pr.Comment(p.Parse(s))), "\n")
}
