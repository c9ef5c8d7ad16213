package build

import (
	"cmp"
	"net/url"
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
)

// formBody makes the typed struct of a urlencoded or form-data body: one
// field per key, in the order the keys first occur. A key saved several
// times, or ending in "[]" (Stripe's "expand[]"), is a slice sent as one
// pair per element; Postman's runtime groups the values of a repeated
// urlencoded key at its first occurrence in the same way. It returns nil
// when the form has no field, because Postman then sends no body.
func (b *builder) formBody(op *model.Operation, pairs []load.Pair, multipart bool) *model.Body {
	names := naming.NewScope()
	byKey := map[string]*model.FormField{}
	var fields []*model.FormField
	for _, p := range pairs {
		if p.Key == "" && p.Value == "" && p.Src == "" {
			continue
		}
		file := multipart && p.Type == "file"
		f := byKey[p.Key]
		if f == nil {
			f = &model.FormField{Key: p.Key, File: file, ContentType: p.ContentType, Repeated: strings.HasSuffix(p.Key, "[]")}
			if file && f.ContentType == "" {
				// Postman types a file part by its extension.
				f.ContentType = mediaTypeOf(p.Src)
			}
			f.Name = names.Unique(naming.Exported(p.Key, "Field"))
			byKey[p.Key] = f
			fields = append(fields, f)
		} else {
			f.Repeated = true
		}
		if d := b.markdown(p.Description); d != "" && !strings.Contains(f.Doc, d) {
			f.Doc = paragraphs(f.Doc, d)
		}
		if !p.Disabled {
			f.Enabled = true
		}
		switch {
		case f.File:
			if p.Src != "" {
				f.Src = append(f.Src, p.Src)
			}
			if !p.Disabled {
				f.TestValues = append(f.TestValues, fileBase(p.Src))
			}
		case !p.Disabled:
			f.Defaults = append(f.Defaults, b.template(p.Value))
		}
	}
	if len(fields) == 0 {
		return nil
	}
	form := &model.Form{Fields: fields}
	for _, f := range fields {
		if f.File && f.Enabled && !f.Repeated && len(f.Src) == 0 {
			// No file chosen: Postman still sends the part, empty, and the
			// generated test leaves the field unset to see the same.
			f.EmptyPart, f.TestValues = true, nil
		}
		if !f.File {
			f.TestValues = formTestValues(f.Defaults)
			continue
		}
		// File is the runtime's (multipart.go), a name the package's own
		// types avoid.
		b.api.FileType = "File"
		form.FileType = b.api.FileType
	}
	name := op.Method + "Form"
	if b.pkg.Taken(name) {
		name = strings.Join(op.Chain, "") + name
	}
	form.TypeName = b.pkg.Unique(name)
	body := &model.Body{Form: form}
	if multipart {
		// The boundary is part of the Content-Type, so the body sets it: a
		// saved "multipart/form-data" without one would break the request.
		body.Kind = model.BodyMultipart
		dropContentType(op, func(string) bool { return false })
		return body
	}
	body.Kind = model.BodyURLEncoded
	body.ContentType = "application/x-www-form-urlencoded"
	// Postman's request library replaces any other Content-Type for a form.
	dropContentType(op, func(v string) bool {
		return strings.HasPrefix(strings.ToLower(strings.TrimSpace(v)), body.ContentType)
	})
	return body
}

// formTestValues is what the generated test sets a text field to: the
// saved literals, or nothing when they refer to client settings (so that
// the test sees the defaults applied). Dynamic values are set to their
// text, because the value sent would otherwise be unpredictable.
func formTestValues(defaults []model.Template) []string {
	literal, dynamic := true, false
	for _, t := range defaults {
		literal = literal && t.IsLiteral()
		dynamic = dynamic || hasDynamic(t)
	}
	if len(defaults) == 0 || (!literal && !dynamic) {
		return nil
	}
	out := make([]string, len(defaults))
	for i, t := range defaults {
		out[i] = testText(t)
	}
	return out
}

// testText renders a template with the test settings, and dynamic values
// as the collection writes them ("{{$guid}}").
func testText(t model.Template) string {
	var s strings.Builder
	for _, p := range t {
		if p.Kind == model.PartDynamic {
			s.WriteString("{{$" + p.Dynamic + "}}")
			continue
		}
		s.WriteString(render(model.Template{p}))
	}
	return s.String()
}

// fileBase is the file name a saved path ends with, in either separator,
// or a stand-in when the collection saved no path.
func fileBase(src string) string {
	if i := strings.LastIndexAny(src, `/\`); i >= 0 {
		src = src[i+1:]
	}
	if src == "" {
		return "file.txt"
	}
	return src
}

// dropContentType removes the Content-Type headers the body replaces:
// those whose value keep rejects.
func dropContentType(op *model.Operation, keep func(value string) bool) {
	kept := op.FixedHeaders[:0]
	for _, h := range op.FixedHeaders {
		if strings.EqualFold(h.Name.Literal(), "Content-Type") && h.Name.IsLiteral() && !keep(h.Value.Literal()) {
			continue
		}
		kept = append(kept, h)
	}
	op.FixedHeaders = kept
}

// formValues are the values a field sends in the generated test.
func formValues(f *model.FormField) []string {
	switch {
	case f.TestValues != nil:
		return f.TestValues
	case !f.Enabled || f.File:
		return nil
	}
	out := make([]string, len(f.Defaults))
	for i, t := range f.Defaults {
		out[i] = render(t)
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
