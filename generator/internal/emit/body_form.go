package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// formStruct emits the typed body of a urlencoded or form-data request and
// the method that lists its pairs or parts:
//
//	type CreateChargeForm struct { Amount string; Expand []string; Doc *File }
//	func (f *CreateChargeForm) pairs(cfg config) [][2]string { ... }
func formStruct(f *genFile, op *model.Operation) {
	form := op.Body.Form
	multipart := op.Body.Kind == model.BodyMultipart
	f.Add(f.doc(form.Doc))
	f.Type().Id(form.TypeName).StructFunc(func(g *jen.Group) {
		for _, fd := range form.Fields {
			g.Add(f.doc(fd.Doc))
			g.Id(fd.Name).Add(typeCode(fd.GoType(form.FileType)))
		}
	})

	method, elem := "pairs", jen.Index(jen.Lit(2)).String()
	if multipart {
		method, elem = "parts", jen.Id("formPart")
	}
	f.Add(f.doc(form.ListDoc))
	f.Func().Params(jen.Id("f").Op("*").Id(form.TypeName)).Id(method).Params(jen.Id("cfg").Id("config")).Index().Add(elem).BlockFunc(func(g *jen.Group) {
		g.Var().Id("out").Index().Add(elem.Clone())
		for _, fd := range form.Fields {
			formFieldAppend(g, fd, multipart)
		}
		g.Return(jen.Id("out"))
	})
}

// formFieldAppend appends one field to out:
//
//	out = append(out, [2]string{"amount", cmp.Or(f.Amount, "2000")})     // enabled
//	out = appendSet(out, "note", f.Note)                                 // disabled
//	if f.Note != "" { out = append(out, formPart{name: "note", ...}) }   // disabled, multipart
//	for _, v := range orDefaults(f.Expand, "data") { out = append(...) } // repeated
//	if f.Doc != nil { out = append(out, formPart{name: "doc", file: f.Doc}) }
//	... else { out = append(out, formPart{name: "doc", noFile: true}) }  // no file saved
func formFieldAppend(g *jen.Group, fd *model.FormField, multipart bool) {
	field := jen.Id("f").Dot(fd.Name)
	item := func(value jen.Code) jen.Code {
		if !multipart {
			return jen.Index(jen.Lit(2)).String().Values(jen.Lit(fd.Key), value)
		}
		// formPart{name: "doc", file: f.Doc, contentType: "application/pdf"}, on one line.
		kv := func(k string, v jen.Code) jen.Code { return jen.Id(k).Op(":").Add(v) }
		items := []jen.Code{kv("name", jen.Lit(fd.Key))}
		if fd.File {
			items = append(items, kv("file", value))
		} else {
			items = append(items, kv("value", value))
		}
		if fd.ContentType != "" {
			items = append(items, kv("contentType", jen.Lit(fd.ContentType)))
		}
		return jen.Id("formPart").Values(items...)
	}
	add := func(value jen.Code) jen.Code {
		return jen.Id("out").Op("=").Append(jen.Id("out"), item(value))
	}
	switch {
	case fd.File && fd.Repeated:
		g.For(jen.List(jen.Id("_"), jen.Id("file")).Op(":=").Range().Add(field)).Block(
			jen.If(jen.Id("file").Op("!=").Nil()).Block(add(jen.Id("file"))),
		)
	case fd.File && fd.EmptyPart:
		// if f.Doc != nil { out = append(out, formPart{name: "doc", file: f.Doc}) } else { out = append(out, formPart{name: "doc", noFile: true}) }
		g.If(field.Clone().Op("!=").Nil()).Block(add(field.Clone())).Else().Block(
			jen.Id("out").Op("=").Append(jen.Id("out"), jen.Id("formPart").Values(jen.Id("name").Op(":").Lit(fd.Key), jen.Id("noFile").Op(":").True())),
		)
	case fd.File:
		g.If(field.Clone().Op("!=").Nil()).Block(add(field.Clone()))
	case fd.Repeated:
		values := field.Clone()
		if len(fd.Defaults) > 0 {
			values = jen.Id("orDefaults").CallFunc(func(g *jen.Group) {
				g.Add(field.Clone())
				for _, d := range fd.Defaults {
					g.Add(templateExpr(d))
				}
			})
		}
		g.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Add(values)).Block(add(jen.Id("v")))
	case !fd.Enabled && !multipart:
		// out = appendSet(out, "note", f.Note): one line for what is most
		// of a large form (Stripe has 5,090 such fields).
		g.Id("out").Op("=").Id("appendSet").Call(jen.Id("out"), jen.Lit(fd.Key), field.Clone())
	case !fd.Enabled:
		g.If(field.Clone().Op("!=").Lit("")).Block(add(field.Clone()))
	case len(fd.Defaults) == 0 || len(fd.Defaults[0]) == 0:
		g.Add(add(field.Clone()))
	default:
		g.Add(add(jen.Qual("cmp", "Or").Call(field.Clone(), templateExpr(fd.Defaults[0]))))
	}
}

// formInput is the form the generated test sends: the saved values, and a
// small file whose content is its name.
//
//	Amount: "2000", Expand: []string{"data"}, Doc: &File{Name: "a.pdf", Content: strings.NewReader("a.pdf")}
func formInput(form *model.Form) jen.Dict {
	d := jen.Dict{}
	for _, fd := range form.Fields {
		if len(fd.TestValues) == 0 {
			continue
		}
		var values []jen.Code
		for _, v := range fd.TestValues {
			if fd.File {
				file := jen.Values(jen.Dict{
					jen.Id("Name"):    jen.Lit(v),
					jen.Id("Content"): jen.Qual("strings", "NewReader").Call(jen.Lit(v)),
				})
				if !fd.Repeated {
					// The element type of a []*File literal is implied.
					file = jen.Op("&").Id(form.FileType).Add(file)
				}
				values = append(values, file)
				continue
			}
			values = append(values, jen.Lit(v))
		}
		if fd.Repeated {
			d[jen.Id(fd.Name)] = typeCode(fd.GoType(form.FileType)).Values(values...)
		} else {
			d[jen.Id(fd.Name)] = values[0]
		}
	}
	return d
}
