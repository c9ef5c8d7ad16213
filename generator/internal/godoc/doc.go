// Package godoc converts the Markdown descriptions found in Postman
// collections into Go doc comment text (https://go.dev/doc/comment).
//
// The Markdown is parsed with goldmark (this package is its only importer)
// and the syntax tree is rendered by hand into the small set of constructs a
// doc comment has: paragraphs, "# " headings, indented lists, tab-indented
// code blocks and "[text]: url" link definitions. Everything else is reduced
// to its text. As a last step the result is passed through the standard
// library's doc comment parser and printer, the same code gofmt uses, so the
// text is already in the form gofmt would give it and regenerating never
// produces a formatting diff.
package godoc
