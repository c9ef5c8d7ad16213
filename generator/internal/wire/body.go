package wire

import (
	"cmp"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// wantBody fills what the generated test expects the body to be.
func wantBody(tc *model.TestCase, body *model.Body) {
	switch body.Kind {
	case model.BodyURLEncoded:
		tc.WantBody = wantForm(body.Form)
		tc.WantBodyDynamic = formDynamic(body.Form)
	case model.BodyMultipart:
		tc.WantBody = wantParts(body.Form)
		tc.WantBodyDynamic = formDynamic(body.Form)
	case model.BodyGraphQL:
		tc.WantBody = wantGraphQL(body)
		tc.WantBodyJSON = true
	default:
		tc.WantBody = body.Example
		tc.WantBodyJSON = body.Kind == model.BodyJSON
	}
	if len(body.Dynamics) > 0 {
		tc.WantBodyDynamic = true
	}
	if body.ContentType != "" && !hasHeader(tc.WantHeaders, "Content-Type") {
		tc.WantHeaders = append(tc.WantHeaders, model.KeyValue{Key: "Content-Type", Value: body.ContentType})
	}
}

// formDynamic reports whether the test leaves a form field to a default
// that holds a dynamic variable.
func formDynamic(form *model.Form) bool {
	for _, f := range form.Fields {
		if f.TestValues == nil && f.Enabled && !f.File {
			for _, t := range f.Defaults {
				if HasDynamic(t) {
					return true
				}
			}
		}
	}
	return false
}

// formValues are the values a field sends in the generated test.
func formValues(f *model.FormField) []string {
	switch {
	case f.TestValues != nil:
		return f.TestValues
	case !f.Enabled || f.File:
		return nil
	}
	// A dynamic value is written as the collection spells it ({{$guid}}):
	// the test compares what was sent with it by form.
	out := make([]string, len(f.Defaults))
	for i, t := range f.Defaults {
		out[i] = TestText(t)
	}
	return out
}

// wantForm is the urlencoded body the generated test expects, encoded as
// the generated client encodes it.
func wantForm(form *model.Form) string {
	var b strings.Builder
	for _, f := range form.Fields {
		for _, v := range formValues(f) {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(formEscape(f.Key) + "=" + formEscape(v))
		}
	}
	return b.String()
}

// formEscape percent-encodes everything but RFC 3986's unreserved
// characters, spaces as %20: what Postman's request library sends for a
// urlencoded body (querystring.stringify followed by its rfc3986 pass).
func formEscape(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}

// wantParts is the multipart body the generated test expects, in the
// canonical text that the generated test helper writes for the parts it
// received: the boundary is random, so the raw bytes cannot be compared.
func wantParts(form *model.Form) string {
	var b strings.Builder
	for _, f := range form.Fields {
		if f.EmptyPart && len(f.TestValues) == 0 {
			// The helper writes no filename="" and no content type.
			b.WriteString(partText(f.Key, "", "", ""))
			continue
		}
		for _, v := range formValues(f) {
			if f.File {
				b.WriteString(partText(f.Key, v, cmp.Or(f.ContentType, "application/octet-stream"), v))
				continue
			}
			b.WriteString(partText(f.Key, "", f.ContentType, v))
		}
	}
	return b.String()
}

// partText is one part in the canonical text; the generated helper
// multipartText writes the same.
func partText(name, fileName, contentType, content string) string {
	s := "--- " + strconv.Quote(name)
	if fileName != "" {
		s += " filename=" + strconv.Quote(fileName)
	}
	if contentType != "" {
		s += " content-type=" + strconv.Quote(contentType)
	}
	return s + "\n" + content + "\n"
}

// wantGraphQL is the JSON document the generated test expects.
func wantGraphQL(body *model.Body) string {
	doc := map[string]any{"query": body.Query}
	if body.Type != nil {
		doc["variables"] = json.RawMessage(body.Example)
	}
	if body.NullVariables {
		doc["variables"] = nil
	}
	data, err := json.Marshal(doc)
	if err != nil {
		// Example is valid JSON by construction; fall back to the query alone.
		data, _ = json.Marshal(map[string]string{"query": body.Query})
	}
	return string(data)
}

// hasHeader reports whether kvs holds key, in any case.
func hasHeader(kvs []model.KeyValue, key string) bool {
	for _, kv := range kvs {
		if strings.EqualFold(kv.Key, key) {
			return true
		}
	}
	return false
}
