package build

import (
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// download reports whether a request's success body is a download, which
// the method streams rather than reads into memory: a file, a PDF, an
// export. The rule, which the README states for users:
//
//   - a 2xx example is saved with a Content-Type that is not text (JSON,
//     XML, YAML, text/* but CSV, JavaScript, a form), or with
//     Content-Disposition: attachment and no Content-Type or JSON body to
//     say it is text, or with a body that is not UTF-8; or
//   - the request's Accept header names only such types.
//
// What a request says it accepts is the best hint when, as in most
// collections, it saves no example.
func download(it *load.Item, examples []example) bool {
	if it.Request.Method == "HEAD" {
		return false
	}
	for _, ex := range examples {
		if ex.status != 0 && !success(ex.status) {
			continue
		}
		typed, attachment := false, false
		for _, h := range ex.resp.Header {
			switch strings.ToLower(h.Key) {
			case "content-type":
				if binaryMediaType(h.Value) {
					return true
				}
				typed = true
			case "content-disposition":
				attachment = strings.HasPrefix(strings.ToLower(strings.TrimSpace(h.Value)), "attachment")
			}
		}
		// An attachment says "a file" only when no Content-Type says what
		// it holds: APIs send JSON as "attachment; filename=json.json".
		if attachment && !typed && !ex.isJSON {
			return true
		}
		if !ex.empty && !utf8.ValidString(ex.resp.Body) {
			return true
		}
	}
	for _, h := range it.Request.Header {
		if h.Disabled || !strings.EqualFold(h.Key, "Accept") || strings.Contains(h.Value, "{{") {
			continue
		}
		all := strings.Split(h.Value, ",")
		binary := 0
		for _, v := range all {
			if binaryMediaType(v) {
				binary++
			}
		}
		return binary == len(all)
	}
	return false
}

// binaryMediaType reports whether a media type names content that is not
// text: anything but JSON, XML, text/*, JavaScript, forms and wildcards.
// A value that does not parse is taken as text, so that a typo never turns
// a JSON API into a stream.
func binaryMediaType(value string) bool {
	mt, _, err := mime.ParseMediaType(value)
	if err != nil {
		return false
	}
	typ, sub, _ := strings.Cut(mt, "/")
	switch {
	case mt == "text/csv":
		// An export, however textual: it grows with the data.
		return true
	case strings.Contains(sub, "yaml"):
		return false
	case typ == "text", typ == "multipart", typ == "*", sub == "*":
		return false
	case sub == "json", sub == "xml", sub == "javascript", sub == "x-www-form-urlencoded", sub == "graphql",
		strings.HasSuffix(sub, "+json"), strings.HasSuffix(sub, "+xml"), strings.HasSuffix(sub, "-json"):
		return false
	case typ == "application", typ == "image", typ == "audio", typ == "video", typ == "font", typ == "model":
		return true
	}
	return false
}

// resultNote tells a method's reader where the 2xx body is when the method
// does not decode it: a stream to close, or Response.Body to decode.
func resultNote(op *model.Operation) string {
	switch {
	case op.ResultStream:
		return "The response is a download: its body is returned unread, for the caller\nto read and close."
	case op.Result == nil && !op.ResultRaw && !op.EmptyResultOK && op.HTTPMethod != "HEAD":
		return "The collection saves no typed example of the response: its body is in\nResponse.Body, to decode with Response.Decode."
	}
	return ""
}
