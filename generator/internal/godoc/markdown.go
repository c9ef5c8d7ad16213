package godoc

import (
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// wrapWidth is the column at which prose is wrapped. Code blocks, headings
// and link definitions are never wrapped.
const wrapWidth = 80

// FromMarkdown converts a Markdown description into Go doc comment text, the
// body without "//" markers:
//
//   - paragraphs are wrapped at about 80 columns and separated by blank lines;
//   - headings of any level become "# Heading" lines;
//   - lists become "  - item" and " 1. item" lists (nested lists are
//     flattened, since doc comments have one level only);
//   - fenced and indented code blocks, and GFM tables, become code blocks
//     indented by a tab;
//   - an inline link [text](url) becomes "[text]" in the prose plus a link
//     definition "[text]: url" at the end (deduplicated, in order of first
//     use); links whose target is not an absolute URL keep only their text;
//     bare URLs and autolinks are kept as they are;
//   - emphasis, strong, strikethrough and code spans are reduced to their
//     text, raw HTML tags are removed (their text content is kept), and
//     images become their alt text.
//
// The result never contains "*/" (it becomes "* /"), has no trailing spaces,
// no leading or trailing blank lines, and is "" for empty input. It never
// panics.
func FromMarkdown(md string) string {
	md = sanitize(md)
	if strings.TrimSpace(md) == "" {
		return ""
	}
	src := []byte(md)
	doc := markdownParser().Parse(text.NewReader(src))

	r := &renderer{src: src, linkURL: map[string]string{}}
	blocks := r.blocks(nil, doc)
	out := render(blocks, r.links)
	return finish(out)
}

// markdownParser is the one goldmark parser FromMarkdown uses. Setting a
// parser up costs more than parsing a typical description, and a large
// collection has tens of thousands of them, so it is made once. It is never
// changed after it is made, and goldmark keeps each Parse's state in a
// context of its own, so sharing it holds no state between calls.
var markdownParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(
		extension.Table,
		extension.Strikethrough,
		// Linkify keeps bare URLs whole, so that "_" or "*" inside a URL is
		// not taken for emphasis.
		extension.Linkify,
	)).Parser()
})

// sanitize removes what must not reach a Go comment or confuse the parsers:
// carriage returns become newlines, NUL becomes U+FFFD (as CommonMark says),
// and other control characters except tab and newline are dropped. The
// private-use placeholder the renderer uses for non-breaking spaces is
// removed from the input too.
func sanitize(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case r == 0:
			return '\uFFFD'
		case r == '\t' || r == '\n':
			return r
		case r < 0x20 || r == 0x7f || r == nbsp:
			return -1
		}
		return r
	}, s)
}

// finish applies the guarantees of FromMarkdown to rendered text: canonical
// doc comment form, no "*/", no trailing spaces, no surrounding blank lines.
func finish(s string) string {
	s = strings.ReplaceAll(s, "*/", "* /")
	s = canonical(s)
	s = strings.ReplaceAll(s, "*/", "* /")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// isBlockNode reports whether n is a block-level node, which is how the
// renderer tells a container of blocks from a container of inline text.
func isBlockNode(n ast.Node) bool {
	return n.Type() == ast.TypeBlock || n.Type() == ast.TypeDocument
}
