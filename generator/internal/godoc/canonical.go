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
	s, settled := settle(s)
	if !settled && strings.Contains(s, "```") {
		s, _ = settle(quoteBacktickRuns(s))
	}
	return s
}

// settle prints s again until it no longer changes, four times at most;
// settled is false when the fourth printing still changed it.
func settle(s string) (_ string, settled bool) {
	for range 4 {
		next, ok := strings.CutPrefix(reprint(lead+s), lead)
		if !ok || next == s {
			return s, true
		}
		s = next
	}
	return s, false
}

// quoteBacktickRuns writes every run of three or more backticks as the
// curly quotes that doc comment syntax makes of its pairs, and a last
// backtick when the run is odd. go/doc/comment means to leave such a run
// alone, but its skip over the run ends in the wrong place, so each
// printing turns one more pair at the run's end into “: 13 backticks took
// five printings to settle, and a run of any length would need one per
// pair. Written this way, the text has no pair left to turn.
func quoteBacktickRuns(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] == '`' {
			j++
		}
		switch k := j - i; {
		case k == 0:
			b.WriteByte(s[i])
			j++
		case k >= 3:
			b.WriteString(strings.Repeat("“", k/2))
			if k%2 == 1 {
				b.WriteByte('`')
			}
		default:
			b.WriteString(s[i:j])
		}
		i = j
	}
	return b.String()
}

// reprint parses and prints doc comment text, without the final newline.
func reprint(s string) string {
	var (
		p  comment.Parser
		pr comment.Printer
	)
	return strings.TrimRight(string(pr.Comment(p.Parse(s))), "\n")
}
