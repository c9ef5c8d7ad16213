package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// bodyHelpers emits, into transport.go, the encoders the API's bodies
// need: forms, multipart with files, GraphQL documents.
func bodyHelpers(f *jen.File, api *model.API) {
	used := usedBodyKinds(api.Root, nil)
	if used[model.BodyURLEncoded] || used[model.BodyMultipart] {
		// func orDefaults(values []string, defaults ...string) []string
		f.Add(comment("orDefaults is values, or defaults when values is empty: the saved values\nof a repeated form field stand in for an unset one."))
		f.Func().Id("orDefaults").Params(jen.Id("values").Index().String(), jen.Id("defaults").Op("...").String()).Index().String().Block(
			jen.If(jen.Len(jen.Id("values")).Op("==").Lit(0)).Block(jen.Return(jen.Id("defaults"))),
			jen.Return(jen.Id("values")),
		)
	}
	if used[model.BodyURLEncoded] {
		// func appendSet(out [][2]string, key, value string) [][2]string
		f.Add(comment("appendSet appends the pair key=value when value is set: a form field\nthat is disabled in the collection is sent only then."))
		f.Func().Id("appendSet").Params(jen.Id("out").Index().Index(jen.Lit(2)).String(), jen.List(jen.Id("key"), jen.Id("value")).String()).Index().Index(jen.Lit(2)).String().Block(
			jen.If(jen.Id("value").Op("!=").Lit("")).Block(
				jen.Id("out").Op("=").Append(jen.Id("out"), jen.Index(jen.Lit(2)).String().Values(jen.Id("key"), jen.Id("value"))),
			),
			jen.Return(jen.Id("out")),
		)
		formEncoder(f)
	}
	if used[model.BodyMultipart] {
		multipartEncoder(f, api.FileType)
	}
	if used[model.BodyGraphQL] {
		// type graphQLRequest struct { Query string `json:"query"`; Variables any `json:"variables,omitempty"` }
		f.Add(comment("graphQLRequest is the JSON document of a GraphQL call."))
		f.Type().Id("graphQLRequest").Struct(
			jen.Id("Query").String().Tag(map[string]string{"json": "query"}),
			jen.Id("Variables").Any().Tag(map[string]string{"json": "variables,omitempty"}),
		)
	}
}

// formEncoder emits
//
//	func encodeForm(pairs [][2]string) []byte
func formEncoder(f *jen.File) {
	f.Add(comment("encodeForm writes an application/x-www-form-urlencoded body in the\n" +
		"fields' order. As in Postman, everything but letters, digits and \"-._~\" is\n" +
		"percent-encoded, spaces as %20."))
	esc := func(e jen.Code) jen.Code {
		return jen.Qual("strings", "ReplaceAll").Call(jen.Qual(urlPkg, "QueryEscape").Call(e), jen.Lit("+"), jen.Lit("%20"))
	}
	f.Func().Id("encodeForm").Params(jen.Id("pairs").Index().Index(jen.Lit(2)).String()).Index().Byte().Block(
		jen.Var().Id("b").Qual("strings", "Builder"),
		jen.For(jen.List(jen.Id("i"), jen.Id("p")).Op(":=").Range().Id("pairs")).Block(
			jen.If(jen.Id("i").Op(">").Lit(0)).Block(jen.Id("b").Dot("WriteByte").Call(jen.LitByte('&'))),
			jen.Id("b").Dot("WriteString").Call(esc(jen.Id("p").Index(jen.Lit(0)))),
			jen.Id("b").Dot("WriteByte").Call(jen.LitByte('=')),
			jen.Id("b").Dot("WriteString").Call(esc(jen.Id("p").Index(jen.Lit(1)))),
		),
		jen.Return(jen.Index().Byte().Parens(jen.Id("b").Dot("String").Call())),
	)
}

// multipartEncoder emits the File type (when a field is a file), formPart
// and encodeMultipart.
func multipartEncoder(f *jen.File, fileType string) {
	if fileType != "" {
		// type File struct { Name string; Content io.Reader; ContentType string }
		f.Add(comment(fileType + " is a file sent as a part of a multipart/form-data body."))
		f.Type().Id(fileType).Struct(
			jen.Comment("Name is the file name the part carries."),
			jen.Id("Name").String(),
			comment("Content is read to the end when the call is made, so that the\nrequest can be sent again (after a redirect or an auth challenge)."),
			jen.Id("Content").Qual("io", "Reader"),
			comment("ContentType is the part's media type; when empty, the one saved in\nthe collection, or application/octet-stream."),
			jen.Id("ContentType").String(),
		)
	}
	// type formPart struct { name, value, contentType string; file *File; noFile bool }
	f.Add(comment("formPart is one part of a multipart body: a value, or a file."))
	f.Type().Id("formPart").StructFunc(func(g *jen.Group) {
		g.List(jen.Id("name"), jen.Id("value"), jen.Id("contentType")).String()
		if fileType != "" {
			g.Id("file").Op("*").Id(fileType)
			g.Add(comment("noFile is a file field for which the collection chose no file: Postman\nsends it with an empty filename and nothing else."))
			g.Id("noFile").Bool()
		}
	})

	// func encodeMultipart(parts []formPart) ([]byte, string, error)
	f.Add(comment("encodeMultipart writes parts as a multipart/form-data body with a random\nboundary, and returns it with its Content-Type."))
	fail := func(format string, args ...jen.Code) jen.Code {
		return jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Lit(""), jen.Qual("fmt", "Errorf").Call(append([]jen.Code{jen.Lit(format)}, args...)...)))
	}
	f.Func().Id("encodeMultipart").Params(jen.Id("parts").Index().Id("formPart")).Params(jen.Index().Byte(), jen.String(), jen.Error()).BlockFunc(func(g *jen.Group) {
		// if len(parts) == 0 { return nil, "", nil }: with every field unset
		// (all disabled in the collection), Postman sends no body at all.
		g.If(jen.Len(jen.Id("parts")).Op("==").Lit(0)).Block(jen.Return(jen.Nil(), jen.Lit(""), jen.Nil()))
		g.Var().Id("buf").Qual("bytes", "Buffer")
		g.Id("w").Op(":=").Qual("mime/multipart", "NewWriter").Call(jen.Op("&").Id("buf"))
		g.Id("quote").Op(":=").Qual("strings", "NewReplacer").Call(jen.Lit(`\`), jen.Lit(`\\`), jen.Lit(`"`), jen.Lit(`\"`))
		g.For(jen.List(jen.Id("_"), jen.Id("p")).Op(":=").Range().Id("parts")).BlockFunc(func(g *jen.Group) {
			g.Id("disposition").Op(":=").Lit(`form-data; name="`).Op("+").Id("quote").Dot("Replace").Call(jen.Id("p").Dot("name")).Op("+").Lit(`"`)
			g.List(jen.Id("contentType"), jen.Id("content")).Op(":=").List(jen.Id("p").Dot("contentType"), jen.Index().Byte().Parens(jen.Id("p").Dot("value")))
			if fileType != "" {
				// if p.noFile { disposition += `; filename=""` }
				g.If(jen.Id("p").Dot("noFile")).Block(
					jen.Id("disposition").Op("+=").Lit(`; filename=""`),
				)
				g.If(jen.Id("p").Dot("file").Op("!=").Nil()).Block(
					jen.Id("disposition").Op("+=").Lit(`; filename="`).Op("+").Id("quote").Dot("Replace").Call(jen.Id("p").Dot("file").Dot("Name")).Op("+").Lit(`"`),
					jen.Id("contentType").Op("=").Qual("cmp", "Or").Call(jen.Id("p").Dot("file").Dot("ContentType"), jen.Id("contentType"), jen.Lit("application/octet-stream")),
					jen.Id("content").Op("=").Nil(),
					jen.If(jen.Id("p").Dot("file").Dot("Content").Op("!=").Nil()).Block(
						jen.Var().Err().Error(),
						jen.List(jen.Id("content"), jen.Err()).Op("=").Qual("io", "ReadAll").Call(jen.Id("p").Dot("file").Dot("Content")),
						fail("reading file %q of %q: %w", jen.Id("p").Dot("file").Dot("Name"), jen.Id("p").Dot("name"), jen.Err()),
					),
				)
			}
			g.Id("header").Op(":=").Qual("net/textproto", "MIMEHeader").Values(jen.Dict{
				jen.Lit("Content-Disposition"): jen.Index().String().Values(jen.Id("disposition")),
			})
			g.If(jen.Id("contentType").Op("!=").Lit("")).Block(
				jen.Id("header").Dot("Set").Call(jen.Lit("Content-Type"), jen.Id("contentType")),
			)
			g.List(jen.Id("pw"), jen.Err()).Op(":=").Id("w").Dot("CreatePart").Call(jen.Id("header"))
			g.Add(fail("part %q: %w", jen.Id("p").Dot("name"), jen.Err()))
			g.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("pw").Dot("Write").Call(jen.Id("content")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), jen.Lit(""), jen.Qual("fmt", "Errorf").Call(jen.Lit("part %q: %w"), jen.Id("p").Dot("name"), jen.Err())),
			)
		})
		g.If(jen.Err().Op(":=").Id("w").Dot("Close").Call(), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Lit(""), jen.Err()),
		)
		g.Return(jen.Id("buf").Dot("Bytes").Call(), jen.Id("w").Dot("FormDataContentType").Call(), jen.Nil())
	})
}

// bodyTestHelpers emits, into helpers_test.go, what the tests of
// multipart bodies need:
//
//	func multipartText(t *testing.T, rec *recorded)
func bodyTestHelpers(f *jen.File, api *model.API) {
	if !usedBodyKinds(api.Root, nil)[model.BodyMultipart] {
		return
	}
	errorf := func(format string, args ...jen.Code) *jen.Statement {
		return jen.Id("t").Dot("Errorf").Call(append([]jen.Code{jen.Lit(format)}, args...)...)
	}
	f.Add(comment("multipartText replaces a recorded multipart/form-data body with one line\n" +
		"per part (--- \"name\" filename=\"f\" content-type=\"t\") followed by its\n" +
		"content, so that it compares with the expected parts whatever the random\nboundary."))
	f.Func().Id("multipartText").Params(jen.Id("t").Op("*").Qual("testing", "T"), jen.Id("rec").Op("*").Id("recorded")).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Id("rec").Dot("mu").Dot("Lock").Call(),
		jen.Defer().Id("rec").Dot("mu").Dot("Unlock").Call(),
		comment("No parts, no body: checkRequest then compares it with an empty want."),
		jen.If(jen.Len(jen.Id("rec").Dot("body")).Op("==").Lit(0)).Block(jen.Return()),
		jen.List(jen.Id("mediaType"), jen.Id("params"), jen.Err()).Op(":=").Qual("mime", "ParseMediaType").Call(jen.Id("rec").Dot("header").Dot("Get").Call(jen.Lit("Content-Type"))),
		jen.If(jen.Err().Op("!=").Nil().Op("||").Id("mediaType").Op("!=").Lit("multipart/form-data")).Block(
			errorf("Content-Type = %q, want multipart/form-data", jen.Id("rec").Dot("header").Dot("Get").Call(jen.Lit("Content-Type"))),
			jen.Return(),
		),
		jen.Var().Id("b").Qual("strings", "Builder"),
		jen.Id("r").Op(":=").Qual("mime/multipart", "NewReader").Call(jen.Qual("bytes", "NewReader").Call(jen.Id("rec").Dot("body")), jen.Id("params").Index(jen.Lit("boundary"))),
		jen.For().Block(
			jen.List(jen.Id("p"), jen.Err()).Op(":=").Id("r").Dot("NextPart").Call(),
			jen.If(jen.Err().Op("==").Qual("io", "EOF")).Block(jen.Break()),
			jen.If(jen.Err().Op("!=").Nil()).Block(errorf("reading the multipart body: %v", jen.Err()), jen.Return()),
			jen.List(jen.Id("content"), jen.Err()).Op(":=").Qual("io", "ReadAll").Call(jen.Id("p")),
			jen.If(jen.Err().Op("!=").Nil()).Block(errorf("reading part %q: %v", jen.Id("p").Dot("FormName").Call(), jen.Err()), jen.Return()),
			jen.Qual("fmt", "Fprintf").Call(jen.Op("&").Id("b"), jen.Lit("--- %q"), jen.Id("p").Dot("FormName").Call()),
			jen.If(jen.Id("name").Op(":=").Id("p").Dot("FileName").Call(), jen.Id("name").Op("!=").Lit("")).Block(
				jen.Qual("fmt", "Fprintf").Call(jen.Op("&").Id("b"), jen.Lit(" filename=%q"), jen.Id("name")),
			),
			jen.If(jen.Id("ct").Op(":=").Id("p").Dot("Header").Dot("Get").Call(jen.Lit("Content-Type")), jen.Id("ct").Op("!=").Lit("")).Block(
				jen.Qual("fmt", "Fprintf").Call(jen.Op("&").Id("b"), jen.Lit(" content-type=%q"), jen.Id("ct")),
			),
			jen.Qual("fmt", "Fprintf").Call(jen.Op("&").Id("b"), jen.Lit("\n%s\n"), jen.Id("content")),
		),
		jen.Id("rec").Dot("body").Op("=").Index().Byte().Parens(jen.Id("b").Dot("String").Call()),
	)
}
