package gofmt

import "go/ast"

// DocLines is what the printer writes for a // comment group that stands
// right above a declaration in column one, as jennifer leaves every doc
// comment: the lines as formatDocComment gives them back, each without
// the trailing space writeComment trims. Code that writes declarations in
// gofmt's layout without printing them (emit's types.go) uses it for
// their doc comments.
func DocLines(lines []string) []string {
	list := make([]*ast.Comment, len(lines))
	for i, l := range lines {
		list[i] = &ast.Comment{Text: l}
	}
	list = formatDocComment(list)
	out := make([]string, len(list))
	for i, c := range list {
		out[i] = trimRight(c.Text)
	}
	return out
}

// CommentLines is what the printer writes for a // comment group it does
// not format as a doc comment (one that a blank line parts from the code
// after it): the lines, each without trailing space.
func CommentLines(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = trimRight(l)
	}
	return out
}
