package load

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// decode turns the file's bytes into a tree, or explains in one sentence
// why it cannot: empty, not UTF-8, or not valid JSON (with line and column).
// The returned reporter works on the bytes after the BOM, so that every
// offset in the tree maps to the right line and column.
func decode(file string, data []byte) (*ordjson.Value, *reporter, model.Diagnostics) {
	// Windows tools and some exports prefix a UTF-8 BOM; Postman ignores it.
	data = bytes.TrimPrefix(data, utf8BOM)
	r := newReporter(file, data)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, r, fileError(file, codeEmptyFile,
			"the file is empty: export the collection from Postman (Export → Collection v2.1) and pass that file")
	}
	if bytes.HasPrefix(data, utf16LEBOM) || bytes.HasPrefix(data, utf16BEBOM) {
		return nil, r, fileError(file, codeInvalidJSON,
			"the file is UTF-16 text, not UTF-8 JSON: save it again as UTF-8 (or re-export it from Postman)")
	}
	// One pass reads and validates: the tree's strings are substrings of
	// this one copy of the input, and a syntax error carries its offset.
	root, _, err := ordjson.Parse(string(data), ordjson.Options{ReplaceInvalidUTF8: true})
	if err != nil {
		return nil, r, syntaxError(r, err)
	}
	return root, r, nil
}

// syntaxError reports a JSON syntax error at its line and column.
func syntaxError(r *reporter, err error) model.Diagnostics {
	var se *ordjson.SyntaxError
	if !errors.As(err, &se) {
		return fileError(r.file, codeInvalidJSON, "the file is not valid JSON: "+err.Error())
	}
	// Point at the offending byte, or just past the last byte for a
	// truncated file.
	off, msg := se.Offset, se.Msg
	if strings.Contains(msg, "unexpected end of JSON input") {
		off = r.size
		msg = "unexpected end of file (is it truncated?)"
	}
	line, col := r.position(off)
	return model.Diagnostics{{
		Pos:      model.Pos{File: r.file, Line: line, Col: col},
		Severity: model.Error,
		Code:     codeInvalidJSON,
		Message:  "the file is not valid JSON: " + msg,
	}}
}

// classify decides what kind of document the root is. It returns the
// collection object (unwrapped from the Postman API's {"collection": ...}
// envelope) or a one-sentence diagnostic that says what the file is and what
// to do instead.
func classify(file string, root *ordjson.Value) (*ordjson.Value, model.Diagnostics) {
	if root.Kind != ordjson.Object {
		return nil, fileError(file, codeNotCollection, fmt.Sprintf(
			"the file holds a JSON %s, not a Postman collection: pass a collection exported from Postman as Collection v2.1", root.Kind))
	}
	// The Postman API (GET /collections/{id}) wraps the collection.
	if w := root.Get("collection"); w != nil && w.Kind == ordjson.Object && !hasItems(root) {
		root = w
	}
	if hasItems(root) {
		return root, nil
	}
	if v := root.Get("openapi"); v != nil {
		return nil, fileError(file, codeOpenAPI, fmt.Sprintf(
			"this is an OpenAPI %s document, not a Postman collection: import it into Postman and export the result as Collection v2.1, then pass that file",
			ordjson.Text(v)))
	}
	if v := root.Get("swagger"); v != nil {
		return nil, fileError(file, codeOpenAPI, fmt.Sprintf(
			"this is a Swagger %s (OpenAPI) document, not a Postman collection: import it into Postman and export the result as Collection v2.1, then pass that file",
			ordjson.Text(v)))
	}
	if isEnvironment(root) {
		return nil, fileError(file, codeEnvironment,
			"this is a Postman environment file, not a collection: pass it with -env and pass the collection itself with -in")
	}
	if root.Get("requests") != nil || root.Get("order") != nil || root.Get("folders") != nil {
		return nil, fileError(file, codeV1Collection,
			"this is a Postman v1 collection, which pmgen does not read: re-export it as v2.1 (in Postman: Export → Collection v2.1) "+
				"or convert it with postman-collection-transformer (postman-collection-transformer convert -i in.json -o out.json -j 1.0.0 -p 2.1.0)")
	}
	return nil, fileError(file, codeNotCollection,
		`the file is a JSON object without an "item" list, so it is not a Postman collection: pass a collection exported from Postman as Collection v2.1`)
}

// hasItems reports whether an object has the collection's item list, under
// its standard name or the "items" that some exporters write.
func hasItems(n *ordjson.Value) bool {
	return n.Get("item") != nil || n.Get("items") != nil
}

// isEnvironment recognises a Postman environment (or globals) export, bare
// or wrapped by the Postman API as {"environment": ...}.
func isEnvironment(n *ordjson.Value) bool {
	if w := n.Get("environment"); w != nil && w.Kind == ordjson.Object {
		n = w
	}
	if s := n.Get("_postman_variable_scope"); s != nil && s.Kind == ordjson.String {
		return s.Text == "environment" || s.Text == "globals"
	}
	v := n.Get("values")
	return v != nil && v.Kind == ordjson.Array && n.Get("name") != nil
}
