package godoc

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// nbsp stands for a space that wrapping must not break, inside "[link text]"
// so that the parser of doc comments finds the link on one line. It is a
// private-use rune, removed from the input by sanitize.
const nbsp = '\uE000'

// inlineMode says where inline text ends up, which decides what links become.
type inlineMode int

const (
	// modeProse: paragraphs and list items; links become "[text]" plus a
	// link definition, hard line breaks are kept.
	modeProse inlineMode = iota
	// modeCell: table cells (code blocks); links become "text (url)".
	modeCell
	// modeHeading: headings and link texts; links become their text.
	modeHeading
)

// inline returns the text of the inline children of n.
func (r *renderer) inline(n ast.Node, mode inlineMode) string {
	var b strings.Builder
	r.inlineInto(&b, n, mode)
	return b.String()
}

func (r *renderer) inlineInto(b *strings.Builder, n ast.Node, mode inlineMode) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.inlineNode(b, c, mode)
	}
}

func (r *renderer) inlineNode(b *strings.Builder, n ast.Node, mode inlineMode) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Value(r.src)
		if !n.IsRaw() {
			v = unescape(v)
		}
		b.Write(v)
		switch {
		case n.HardLineBreak() && mode == modeProse:
			b.WriteByte('\n')
		case n.HardLineBreak() || n.SoftLineBreak():
			b.WriteByte(' ')
		}
	case *ast.String:
		v := n.Value
		if !n.IsRaw() && !n.IsCode() {
			v = unescape(v)
		}
		b.Write(v)
	case *ast.CodeSpan:
		// Code span content is literal: no unescaping, line ends are spaces.
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				b.WriteString(strings.ReplaceAll(string(t.Value(r.src)), "\n", " "))
			} else {
				r.inlineNode(b, c, mode)
			}
		}
	case *ast.Link:
		r.link(b, r.inline(n, modeHeading), string(unescape(n.Destination)), mode)
	case *ast.AutoLink:
		b.Write(n.Label(r.src))
	case *ast.Image:
		b.WriteString(r.inline(n, modeHeading))
	case *ast.RawHTML:
		// Tags are dropped (the text between them is ordinary Text);
		// <br> still breaks the line.
		if isBreakTag(r.rawHTML(n)) {
			if mode == modeProse {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
	default:
		// Emphasis, strong, strikethrough: their text.
		r.inlineInto(b, n, mode)
	}
}

// link writes a link: in prose "[text]" with a definition at the end of the
// comment, which is how doc comments spell links. When that cannot work —
// the target is not an absolute URL (doc comments need scheme://), the text
// has brackets, or the same text already links elsewhere — the text is kept,
// followed by the URL in parentheses when it is absolute.
func (r *renderer) link(b *strings.Builder, txt, url string, mode inlineMode) {
	txt = oneLine(txt)
	url = strings.TrimSpace(url)
	abs := isAbsURL(url)
	switch {
	case txt == "" && abs:
		b.WriteString(url)
		return
	case txt == "" || !abs || mode == modeHeading:
		b.WriteString(txt)
		return
	case txt == url || strings.TrimPrefix(strings.TrimPrefix(url, "https://"), "http://") == txt:
		b.WriteString(url)
		return
	}
	if mode == modeProse && !strings.ContainsAny(txt, "[]") {
		if prev, seen := r.linkURL[txt]; !seen || prev == url {
			if !seen {
				r.linkURL[txt] = url
				r.links = append(r.links, linkDef{text: txt, url: url})
			}
			b.WriteString("[" + strings.ReplaceAll(txt, " ", string(nbsp)) + "]")
			return
		}
	}
	b.WriteString(txt + " (" + url + ")")
}

// isAbsURL reports whether u can be the target of a doc comment link
// definition: go/doc/comment accepts "scheme://..." for a fixed list of
// schemes only.
func isAbsURL(u string) bool {
	scheme, rest, ok := strings.Cut(u, "://")
	if !ok || rest == "" || strings.ContainsAny(u, " \t\n") {
		return false
	}
	switch scheme {
	case "file", "ftp", "gopher", "http", "https", "mailto", "nntp":
		return true
	}
	return false
}

func (r *renderer) rawHTML(n *ast.RawHTML) string {
	var b strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b.Write(seg.Value(r.src))
	}
	return b.String()
}

// unescape resolves backslash escapes and character references, as an HTML
// renderer would when writing text.
func unescape(v []byte) []byte {
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	return util.ResolveEntityNames(v)
}
