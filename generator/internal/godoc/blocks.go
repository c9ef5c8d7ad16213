package godoc

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// block is one doc comment block. Only one of its groups of fields is used,
// according to kind.
type block struct {
	kind blockKind
	// text is the prose of a paragraph or heading; '\n' marks a hard line
	// break and nbsp a space that must not be wrapped.
	text string
	// lines are the lines of a code block, without indentation.
	lines []string
	list  *list
}

type blockKind int

const (
	paraBlock blockKind = iota
	headingBlock
	codeBlock
	listBlock
)

// list is a doc comment list: one level, all bullets or all numbers.
type list struct {
	numbered bool
	loose    bool
	items    []item
}

// item is one list item: its number ("" for bullets) and its paragraphs.
type item struct {
	number string
	paras  []string
}

// renderer walks a goldmark tree. It collects link definitions as it meets
// them, so their order is the order of first use in the document.
type renderer struct {
	src     []byte
	links   []linkDef
	linkURL map[string]string // link text -> URL, to deduplicate
}

type linkDef struct{ text, url string }

// blocks appends the doc comment blocks for the children of n to out.
func (r *renderer) blocks(out []block, n ast.Node) []block {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = r.block(out, c)
	}
	return out
}

func (r *renderer) block(out []block, n ast.Node) []block {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		if t := r.inline(n, modeProse); strings.TrimSpace(t) != "" {
			out = append(out, block{kind: paraBlock, text: t})
		}
	case *ast.Heading:
		if t := oneLine(r.inline(n, modeHeading)); t != "" {
			out = append(out, block{kind: headingBlock, text: t})
		}
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		if lines := codeLines(r.rawLines(n)); len(lines) > 0 {
			out = append(out, block{kind: codeBlock, lines: lines})
		}
	case *ast.HTMLBlock:
		raw := r.rawLines(n)
		if n.HasClosure() {
			raw = append(raw, string(n.ClosureLine.Value(r.src)))
		}
		out = append(out, htmlBlocks(strings.Join(raw, ""))...)
	case *east.Table:
		if lines := r.table(n); len(lines) > 0 {
			out = append(out, block{kind: codeBlock, lines: lines})
		}
	case *ast.List:
		l := &list{numbered: n.IsOrdered(), loose: !n.IsTight}
		r.listItems(l, n, n.Start)
		if len(l.items) > 0 {
			out = append(out, block{kind: listBlock, list: l})
		}
	case *ast.ThematicBreak:
		// A rule only separates blocks, which blank lines already do.
	default:
		// Blockquotes and unknown containers: their content, unquoted.
		if isBlockNode(n) {
			out = r.blocks(out, n)
		} else if t := r.inline(n, modeProse); strings.TrimSpace(t) != "" {
			out = append(out, block{kind: paraBlock, text: t})
		}
	}
	return out
}

// listItems appends the items of the Markdown list n to l. Doc comments have
// no nested lists, so a nested list is flattened: in a bullet list its items
// follow their parent as bullets (a nested number is kept as text, "1. x");
// in a numbered list they become "- x" lines inside the parent item, since a
// bullet line inside a numbered list does not start a new item.
func (r *renderer) listItems(l *list, n *ast.List, start int) {
	num := start
	for li := n.FirstChild(); li != nil; li = li.NextSibling() {
		it := item{}
		if l.numbered {
			it.number = strconv.Itoa(num)
			num++
		}
		var nested []item
		for c := li.FirstChild(); c != nil; c = c.NextSibling() {
			if sub, ok := c.(*ast.List); ok {
				nested = append(nested, r.nestedItems(sub)...)
				continue
			}
			it.paras = append(it.paras, r.itemParas(c)...)
		}
		if l.numbered {
			var lines []string
			for _, s := range nested {
				for _, p := range s.paras {
					lines = append(lines, "- "+strings.ReplaceAll(p, "\n", " "))
				}
			}
			if len(lines) > 0 {
				if len(it.paras) == 0 {
					it.paras = []string{strings.Join(lines, "\n")}
				} else {
					it.paras[len(it.paras)-1] += "\n" + strings.Join(lines, "\n")
				}
			}
		}
		it.paras = nonEmpty(it.paras)
		if len(it.paras) > 1 {
			l.loose = true
		}
		// An empty item would print as a bare marker, which is not a list
		// item in a doc comment; it is dropped (its number stays used).
		if len(it.paras) > 0 {
			l.items = append(l.items, it)
		}
		if !l.numbered {
			l.items = append(l.items, nested...)
		}
	}
}

// nestedItems flattens a nested list into items whose single paragraph
// carries the nested marker as text when the list is numbered.
func (r *renderer) nestedItems(n *ast.List) []item {
	sub := &list{numbered: n.IsOrdered()}
	r.listItems(sub, n, n.Start)
	out := make([]item, 0, len(sub.items))
	for _, it := range sub.items {
		p := strings.Join(nonEmpty(it.paras), " ")
		if it.number != "" {
			p = it.number + ". " + p
		}
		out = append(out, item{paras: []string{p}})
	}
	return out
}

// itemParas renders a block inside a list item as paragraphs: list items in
// a doc comment hold only text, so code keeps its lines as hard breaks and
// other blocks keep their text.
func (r *renderer) itemParas(n ast.Node) []string {
	var paras []string
	for _, b := range r.block(nil, n) {
		switch b.kind {
		case codeBlock:
			paras = append(paras, strings.Join(b.lines, "\n"))
		case listBlock:
			for _, it := range b.list.items {
				p := strings.Join(nonEmpty(it.paras), " ")
				if it.number != "" {
					p = it.number + ". " + p
				}
				paras = append(paras, "- "+p)
			}
		default:
			paras = append(paras, b.text)
		}
	}
	return paras
}

// rawLines returns the source lines of a leaf block, as they are.
func (r *renderer) rawLines(n ast.Node) []string {
	lines := n.Lines()
	out := make([]string, 0, lines.Len())
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		out = append(out, string(seg.Value(r.src)))
	}
	return out
}

// codeLines trims the lines of a code block: trailing white space, leading
// and trailing blank lines.
func codeLines(raw []string) []string {
	var lines []string
	for _, l := range raw {
		lines = append(lines, strings.TrimRight(l, " \t\n"))
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// oneLine collapses all white space, line breaks included, to single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, string(nbsp), " ")), " ")
}
