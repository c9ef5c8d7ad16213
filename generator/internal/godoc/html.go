package godoc

import (
	"strings"
)

// blockTags are the HTML elements whose start or end separates lines of
// text; other tags are removed without a trace ("<b>x</b>" -> "x").
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true,
	"br": true, "dd": true, "details": true, "div": true, "dl": true,
	"dt": true, "figcaption": true, "figure": true, "footer": true,
	"header": true, "hr": true, "li": true, "ol": true, "p": true,
	"pre": true, "section": true, "summary": true, "tr": true, "ul": true,
}

// paraTags end a paragraph, not only a line.
var paraTags = map[string]bool{
	"p": true, "div": true, "ul": true, "ol": true, "pre": true,
	"blockquote": true, "hr": true, "section": true,
}

// htmlBlocks reduces an HTML block to doc comment blocks: the text with
// tags and comments removed (<script> and <style> bodies dropped, character
// references resolved, block elements separating lines and paragraphs),
// <h1>-<h6> as headings and <table> as a preformatted table.
func htmlBlocks(src string) []block {
	var (
		out  []block
		text strings.Builder
	)
	flush := func() {
		for _, p := range paragraphs(text.String()) {
			out = append(out, block{kind: paraBlock, text: p})
		}
		text.Reset()
	}
	for i := 0; i < len(src); {
		if strings.HasPrefix(src[i:], "<!--") {
			end := strings.Index(src[i+4:], "-->")
			if end < 0 {
				break
			}
			i += 4 + end + 3
			continue
		}
		name, n, ok := tagAt(src[i:])
		if !ok {
			// Line ends and tabs in HTML source are spaces; only elements
			// break lines.
			switch c := src[i]; c {
			case '\n', '\t':
				text.WriteByte(' ')
			default:
				text.WriteByte(c)
			}
			i++
			continue
		}
		closing := src[i+1] == '/'
		i += n
		switch {
		case closing:
			if paraTags[name] {
				endLines(&text, 2)
			} else if blockTags[name] {
				endLines(&text, 1)
			} else if name == "td" || name == "th" {
				text.WriteByte(' ')
			}
		case name == "script" || name == "style":
			i += skipElement(src[i:], name)
		case isHeadingTag(name):
			end := closeIndex(src[i:], name)
			flush()
			if h := oneLine(stripTags(src[i : i+end])); h != "" {
				out = append(out, block{kind: headingBlock, text: h})
			}
			i += skipElement(src[i:], name)
		case name == "table":
			end := closeIndex(src[i:], name)
			flush()
			if lines := formatTable(htmlTableRows(src[i : i+end])); len(lines) > 0 {
				out = append(out, block{kind: codeBlock, lines: lines})
			}
			i += skipElement(src[i:], name)
		case paraTags[name]:
			endLines(&text, 2)
		case blockTags[name]:
			endLines(&text, 1)
		case name == "td" || name == "th":
			text.WriteByte(' ')
		}
	}
	flush()
	return out
}

// paragraphs splits text at blank lines; the lines of a paragraph are kept
// as hard breaks, since in HTML only elements break lines.
func paragraphs(text string) []string {
	text = string(unescape([]byte(text)))
	var paras, cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for _, l := range strings.Split(text, "\n") {
		if l = oneLine(l); l == "" {
			flush()
		} else {
			cur = append(cur, l)
		}
	}
	flush()
	return paras
}

// htmlTableRows returns the cells of the rows of an HTML table's content,
// and whether the first row is a header (made of <th> cells).
func htmlTableRows(src string) (rows [][]string, header bool) {
	var cell *strings.Builder
	endCell := func() {
		if cell != nil && len(rows) > 0 {
			r := &rows[len(rows)-1]
			*r = append(*r, oneLine(string(unescape([]byte(cell.String())))))
		}
		cell = nil
	}
	for i := 0; i < len(src); {
		name, n, ok := tagAt(src[i:])
		if !ok {
			if cell != nil {
				cell.WriteByte(src[i])
			}
			i++
			continue
		}
		closing := src[i+1] == '/'
		i += n
		switch {
		case name == "tr" && !closing:
			endCell()
			rows = append(rows, nil)
		case (name == "td" || name == "th") && !closing:
			endCell()
			if len(rows) == 0 {
				rows = append(rows, nil)
			}
			if len(rows) == 1 && len(rows[0]) == 0 {
				header = name == "th"
			}
			cell = &strings.Builder{}
		case name == "td" || name == "th" || name == "tr":
			endCell()
		case name == "br" && cell != nil:
			cell.WriteByte(' ')
		}
	}
	endCell()
	var kept [][]string
	for _, r := range rows {
		if len(r) > 0 {
			kept = append(kept, r)
		}
	}
	return kept, header && len(kept) > 1
}

// stripTags removes tags from an HTML fragment and resolves references.
func stripTags(src string) string {
	var b strings.Builder
	for i := 0; i < len(src); {
		if _, n, ok := tagAt(src[i:]); ok {
			b.WriteByte(' ')
			i += n
			continue
		}
		b.WriteByte(src[i])
		i++
	}
	return string(unescape([]byte(b.String())))
}

// closeIndex returns the offset of the closing tag of element name in src,
// or len(src) when it is not closed.
func closeIndex(src, name string) int {
	if end := strings.Index(strings.ToLower(src), "</"+name); end >= 0 {
		return end
	}
	return len(src)
}

// skipElement returns the length of src up to and including the closing
// tag of element name, or len(src) when it is not closed.
func skipElement(src, name string) int {
	end := closeIndex(src, name)
	if end == len(src) {
		return end
	}
	if gt := strings.IndexByte(src[end:], '>'); gt >= 0 {
		return end + gt + 1
	}
	return len(src)
}

func isHeadingTag(name string) bool {
	return len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6'
}

// tagAt reports whether s starts with an HTML tag ("<a href=x>", "</p>",
// "<br/>", "<!DOCTYPE>"), returning its lower-case name and length.
func tagAt(s string) (name string, n int, ok bool) {
	if len(s) < 3 || s[0] != '<' {
		return "", 0, false
	}
	j := 1
	if s[j] == '/' || s[j] == '!' || s[j] == '?' {
		j++
	}
	start := j
	for j < len(s) && (isASCIILetter(s[j]) || start < j && s[j] >= '0' && s[j] <= '9') {
		j++
	}
	if j == start {
		return "", 0, false
	}
	name = strings.ToLower(s[start:j])
	end := strings.IndexByte(s[j:], '>')
	if end < 0 {
		return "", 0, false
	}
	return name, j + end + 1, true
}

// isBreakTag reports whether raw inline HTML is a line break, <br> or <br/>.
func isBreakTag(raw string) bool {
	name, n, ok := tagAt(raw)
	return ok && n == len(raw) && name == "br" && !strings.HasPrefix(raw, "</")
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// endLines ends the text in b with at least n line breaks, so that
// "</li><li>" breaks one line and not two.
func endLines(b *strings.Builder, n int) {
	t := strings.TrimRight(b.String(), " \t")
	have := len(t) - len(strings.TrimRight(t, "\n"))
	for ; have < n; have++ {
		b.WriteByte('\n')
	}
}
