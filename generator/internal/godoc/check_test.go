package godoc

import (
	"go/doc/comment"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkOutput asserts the guarantees of FromMarkdown on one result.
func checkOutput(t *testing.T, md, out string) {
	t.Helper()
	if strings.Contains(out, "*/") {
		t.Errorf("FromMarkdown(%q) contains */:\n%s", md, out)
	}
	if out != strings.TrimSpace(out) && !strings.HasPrefix(out, "\t") && !strings.HasPrefix(out, " ") {
		t.Errorf("FromMarkdown(%q) is not trimmed: %q", md, out)
	}
	if strings.HasPrefix(out, "\n") || strings.HasSuffix(out, "\n") {
		t.Errorf("FromMarkdown(%q) has surrounding blank lines: %q", md, out)
	}
	for _, l := range strings.Split(out, "\n") {
		if l != strings.TrimRight(l, " \t") {
			t.Errorf("FromMarkdown(%q) has trailing spaces on line %q", md, l)
		}
	}
	if !utf8.ValidString(md) {
		return // go/doc/comment output for invalid UTF-8 is not our contract
	}
	// Valid, gofmt-stable doc comment syntax: as the body after an opening
	// sentence (how descriptions are used), parsing and printing with
	// go/doc/comment, as gofmt does, gives the same text back.
	if out != "" {
		embedded := "Name does something.\n\n" + out
		if got := print(embedded); got != embedded {
			t.Errorf("FromMarkdown(%q) is not stable after an opening sentence:\nout:\n%s\nreprinted:\n%s", md, embedded, got)
		}
	}
	// On its own too, unless every line is indented (gofmt unindents a
	// comment that is only a code block or a list).
	if out != "" && !strings.HasPrefix(out, "\t") && !strings.HasPrefix(out, " ") {
		if got := print(out); got != out {
			t.Errorf("FromMarkdown(%q) is not stable on its own:\nout:\n%s\nreprinted:\n%s", md, out, got)
		}
	}
}

func print(s string) string {
	var p comment.Parser
	var pr comment.Printer
	return strings.TrimSuffix(string(pr.Comment(p.Parse(s))), "\n")
}

// longLines returns the lines of out wider than the wrap width that could
// have been wrapped (they contain a space after the indentation), split into
// top-level paragraph lines and indented list lines. Code blocks, headings
// and link definitions are never wrapped. List lines can be long when a code
// block or table follows a list: doc comment syntax makes it part of the
// last item, where its lines keep their layout.
func longLines(out string) (para, list []string) {
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "[") || strings.HasPrefix(l, "# ") {
			continue
		}
		if utf8.RuneCountInString(l) <= wrapWidth || !strings.Contains(strings.TrimLeft(l, " -0123456789."), " ") {
			continue
		}
		if strings.HasPrefix(l, " ") {
			list = append(list, l)
		} else {
			para = append(para, l)
		}
	}
	return para, list
}
