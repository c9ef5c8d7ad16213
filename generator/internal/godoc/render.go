package godoc

import (
	"go/doc/comment"
	"strings"
)

// render prints blocks in doc comment syntax, followed by the link
// definitions. Blocks are separated by blank lines, which every doc comment
// block needs (a list may do without one, but gofmt adds it back when the
// list had one, so always writing it is stable).
func render(blocks []block, links []linkDef) string {
	var b strings.Builder
	for i, blk := range blocks {
		if i > 0 {
			b.WriteString("\n")
		}
		switch blk.kind {
		case paraBlock:
			lines := wrap(blk.text, "", "", nil)
			if linkDefsOnly(lines) {
				// Doc comment syntax would take this text for link
				// definitions and hide it; as code it shows as written.
				for i := range lines {
					lines[i] = "\t" + lines[i]
				}
			}
			writeLines(&b, lines)
		case headingBlock:
			b.WriteString("# " + blk.text + "\n")
		case codeBlock:
			for _, l := range blk.lines {
				if l != "" {
					b.WriteString("\t" + l)
				}
				b.WriteString("\n")
			}
		case listBlock:
			renderList(&b, blk.list)
		}
	}
	if len(links) > 0 {
		b.WriteString("\n")
		for _, l := range links {
			b.WriteString("[" + l.text + "]: " + l.url + "\n")
		}
	}
	return b.String()
}

// renderList prints a list the way go/doc/comment's printer does: "  - " or
// " N. " markers, continuation lines indented by four spaces, a blank line
// between items of a loose list.
func renderList(b *strings.Builder, l *list) {
	const indent = "    "
	avoid := isBulletMarker
	if l.numbered {
		avoid = isNumberMarker
	}
	for i, it := range l.items {
		if i > 0 && l.loose {
			b.WriteString("\n")
		}
		marker := "  - "
		if it.number != "" {
			marker = " " + it.number + ". "
		}
		for j, p := range it.paras {
			first := indent
			if j == 0 {
				first = marker
			} else {
				b.WriteString("\n")
			}
			writeLines(b, wrap(p, first, indent, avoid))
		}
	}
}

func writeLines(b *strings.Builder, lines []string) {
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
}

// isBulletMarker and isNumberMarker report whether a word would start a new
// list item if it began an indented line: inside a bullet list only bullets
// do, inside a numbered list only numbers do.
func isBulletMarker(w string) bool {
	return w == "-" || w == "*" || w == "+" || w == "•"
}

func isNumberMarker(w string) bool {
	if len(w) < 2 || (w[len(w)-1] != '.' && w[len(w)-1] != ')') {
		return false
	}
	for i := 0; i < len(w)-1; i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// linkDefsOnly reports whether doc comment syntax reads a paragraph of
// these lines as link definitions ("[text]: https://…" on every line),
// which Markdown left as text: an empty label ("[]: http://x") is not a
// Markdown link reference definition, nor is one that continues a
// paragraph.
func linkDefsOnly(lines []string) bool {
	for _, l := range lines {
		if !strings.HasPrefix(l, "[") || !strings.Contains(l, "]:") {
			return false
		}
	}
	var p comment.Parser
	d := p.Parse(strings.Join(lines, "\n"))
	return len(d.Content) == 0 && len(d.Links) > 0
}
