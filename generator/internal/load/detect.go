package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
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
func decode(file string, data []byte) (*node, *reporter, model.Diagnostics) {
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
	// json.Valid is a fast scan; only when it fails do we pay for a second
	// pass that says where, because its error carries the offset.
	if !json.Valid(data) {
		return nil, r, syntaxError(r, json.Unmarshal(data, &struct{}{}))
	}
	return parseTree(data), r, nil
}

// syntaxError reports a JSON syntax error at its line and column.
func syntaxError(r *reporter, err error) model.Diagnostics {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		msg := "the file is not valid JSON"
		if err != nil {
			msg += ": " + err.Error()
		}
		return fileError(r.file, codeInvalidJSON, msg)
	}
	// encoding/json counts the offending byte in Offset, except at the end of
	// input where Offset is the length: point at the byte itself, or just
	// past the last byte for a truncated file.
	off := int(se.Offset) - 1
	msg := se.Error()
	if strings.Contains(msg, "unexpected end of JSON input") {
		off = r.size
		msg = "unexpected end of file (is it truncated?)"
	}
	off = max(off, 0)
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
func classify(file string, root *node) (*node, model.Diagnostics) {
	if root.kind != kObject {
		return nil, fileError(file, codeNotCollection, fmt.Sprintf(
			"the file holds a JSON %s, not a Postman collection: pass a collection exported from Postman as Collection v2.1", root.kind))
	}
	// The Postman API (GET /collections/{id}) wraps the collection.
	if w := root.get("collection"); w != nil && w.kind == kObject && !hasItems(root) {
		root = w
	}
	if hasItems(root) {
		return root, nil
	}
	if v := root.get("openapi"); v != nil {
		return nil, fileError(file, codeOpenAPI, fmt.Sprintf(
			"this is an OpenAPI %s document, not a Postman collection: import it into Postman and export the result as Collection v2.1, then pass that file",
			jsonText(v)))
	}
	if v := root.get("swagger"); v != nil {
		return nil, fileError(file, codeOpenAPI, fmt.Sprintf(
			"this is a Swagger %s (OpenAPI) document, not a Postman collection: import it into Postman and export the result as Collection v2.1, then pass that file",
			jsonText(v)))
	}
	if isEnvironment(root) {
		return nil, fileError(file, codeEnvironment,
			"this is a Postman environment file, not a collection: pass it with -env and pass the collection itself with -in")
	}
	if root.get("requests") != nil || root.get("order") != nil || root.get("folders") != nil {
		return nil, fileError(file, codeV1Collection,
			"this is a Postman v1 collection, which pmgen does not read: re-export it as v2.1 (in Postman: Export → Collection v2.1) "+
				"or convert it with postman-collection-transformer (postman-collection-transformer convert -i in.json -o out.json -j 1.0.0 -p 2.1.0)")
	}
	return nil, fileError(file, codeNotCollection,
		`the file is a JSON object without an "item" list, so it is not a Postman collection: pass a collection exported from Postman as Collection v2.1`)
}

// hasItems reports whether an object has the collection's item list, under
// its standard name or the "items" that some exporters write.
func hasItems(n *node) bool {
	return n.get("item") != nil || n.get("items") != nil
}

// isEnvironment recognises a Postman environment (or globals) export, bare
// or wrapped by the Postman API as {"environment": ...}.
func isEnvironment(n *node) bool {
	if w := n.get("environment"); w != nil && w.kind == kObject {
		n = w
	}
	if s := n.get("_postman_variable_scope"); s != nil && s.kind == kString {
		return s.s == "environment" || s.s == "globals"
	}
	v := n.get("values")
	return v != nil && v.kind == kArray && n.get("name") != nil
}
