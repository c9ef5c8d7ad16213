package godoc

import (
	"go/doc/comment"
	"slices"
	"strings"
)

// Settle writes two things in a composed doc comment the way gofmt would
// print them, so that gofmt leaves the comment as pmgen wrote it:
//
//   - link definitions ("[text]: https://…") move to the comment's end,
//     where gofmt puts them: a description's come before pmgen's own
//     paragraphs;
//   - a line that doc comment syntax reads as a heading (a lone
//     capitalised line between paragraphs, such as a description that is
//     just "Description") gets the "# " that gofmt would add.
//
// Each description is already in gofmt's form on its own (canonical); it
// is only in the composed comment that these two read differently. Any
// other difference stays, for pmgen's tests to catch (emit.Options.CheckDocs).
func Settle(text string) string {
	if !strings.Contains(text, "]:") && !strings.Contains(text, "\n\n") {
		return text
	}
	var p comment.Parser
	d := p.Parse(text)
	defs := map[string]bool{}
	for _, l := range d.Links {
		defs["["+l.Text+"]: "+l.URL] = true
	}
	headings := map[string]bool{}
	for _, b := range d.Content {
		if h, ok := b.(*comment.Heading); ok {
			headings[plain(h.Text)] = true
		}
	}
	if len(defs) == 0 && len(headings) == 0 {
		return text
	}
	lines := strings.Split(text, "\n")
	var out, tail []string
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		switch {
		case defs[trimmed]:
			tail = append(tail, trimmed)
			continue
		case headings[trimmed] && line == trimmed && (i == 0 || lines[i-1] == "") && (i == len(lines)-1 || lines[i+1] == ""):
			line = "# " + trimmed
		}
		if line == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, line)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	if len(tail) > 0 {
		out = slices.Concat(out, []string{""}, tail)
	}
	return strings.Join(out, "\n")
}

// plain is a heading's text without its markup.
func plain(text []comment.Text) string {
	var b strings.Builder
	for _, t := range text {
		switch t := t.(type) {
		case comment.Plain:
			b.WriteString(string(t))
		case comment.Italic:
			b.WriteString(string(t))
		case *comment.Link:
			b.WriteString(plain(t.Text))
		case *comment.DocLink:
			b.WriteString(plain(t.Text))
		}
	}
	return b.String()
}
