package build

import (
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
	"github.com/pmgen/pmgen/generator/internal/wire"
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
				f.ContentType = wire.MediaType(p.Src)
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
			f.TestValues = wire.FormTestValues(f.Defaults)
			continue
		}
		if b.api.FileType == "" {
			b.api.FileType = b.pkg.Unique("File")
		}
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
