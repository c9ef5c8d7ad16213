package godoc

import (
	"strings"
	"unicode/utf8"

	east "github.com/yuin/goldmark/extension/ast"
)

// table renders a GFM table as the lines of a code block: doc comments have
// no tables, and preformatted text keeps the columns readable.
//
//	| Name | Type   |
//	| ---- | ------ |
//	| id   | string |
func (r *renderer) table(t *east.Table) []string {
	var rows [][]string
	header := false
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			if _, ok := c.(*east.TableCell); ok {
				cells = append(cells, oneLine(r.inline(c, modeCell)))
			}
		}
		if _, ok := row.(*east.TableHeader); ok && len(rows) == 0 {
			header = true
		}
		rows = append(rows, cells)
	}
	return formatTable(rows, header)
}

// formatTable lays rows out in aligned columns, with a rule under the first
// row when it is a header.
func formatTable(rows [][]string, header bool) []string {
	var widths []int
	for _, cells := range rows {
		for i, c := range cells {
			// "*/" is replaced here already, so that columns stay aligned.
			c = strings.ReplaceAll(c, "*/", "* /")
			cells[i] = c
			if i >= len(widths) {
				widths = append(widths, 3)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	if len(widths) == 0 {
		return nil
	}
	line := func(cell func(i int) string) string {
		var b strings.Builder
		b.WriteString("|")
		for i, w := range widths {
			c := cell(i)
			b.WriteString(" " + c + strings.Repeat(" ", w-utf8.RuneCountInString(c)) + " |")
		}
		return b.String()
	}
	lines := make([]string, 0, len(rows)+1)
	for n, cells := range rows {
		lines = append(lines, line(func(i int) string {
			if i < len(cells) {
				return cells[i]
			}
			return ""
		}))
		if n == 0 && header {
			lines = append(lines, line(func(i int) string { return strings.Repeat("-", widths[i]) }))
		}
	}
	return lines
}
