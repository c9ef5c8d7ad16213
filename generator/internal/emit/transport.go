package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// transportFile emits what every method shares: the request being built,
// send, Response and APIError. It is the same for every API apart from the
// package name in messages.
func transportFile(api *model.API) *jen.File {
	f := newFile(api)
	pkg := api.Package
	r := func(name string) *jen.Statement { return jen.Id("r").Dot(name) }

	// type Response struct { StatusCode int; Header http.Header }
	f.Add(comment("Response is the status and headers of the response to a call. Methods\n" +
		"return it beside the decoded body, alone when the body is empty, and\n" +
		"beside the error whenever a response arrived (an *APIError, a body that\n" +
		"did not decode)."))
	f.Type().Id("Response").Struct(
		jen.Id("StatusCode").Int(),
		jen.Id("Header").Qual(httpPkg, "Header"),
	)

	// type APIError struct { Method, URL string; StatusCode int; Header; Body []byte; Truncated bool; Value any }
	f.Add(comment("APIError is returned for a response whose status is not 2xx. Use\nerrors.As to reach it. It keeps at most 1 MiB of the body (see Body)."))
	f.Type().Id("APIError").Struct(
		jen.Comment("Method and URL identify the request that failed."),
		jen.Id("Method").String(),
		jen.Id("URL").String(),
		jen.Id("StatusCode").Int(),
		jen.Id("Header").Qual(httpPkg, "Header"),
		comment("Body is the raw response body, at most its first maxErrorBody bytes\n(1 MiB): an error body is for diagnosis, and one without end must not\nexhaust memory."),
		jen.Id("Body").Index().Byte(),
		comment("Truncated is set when the body was longer than maxErrorBody and Body\nholds only its start."),
		jen.Id("Truncated").Bool(),
		comment("Value is Body decoded into the type inferred from the collection's\n"+
			"examples for this status, as a pointer (for example *LoginUnauthorizedError);\n"+
			"nil when the status has no example or the body did not decode."),
		jen.Id("Value").Any(),
	)

	// const maxErrorBody = 1 << 20
	f.Add(comment("maxErrorBody caps how much of a non-2xx response body APIError keeps."))
	f.Const().Id("maxErrorBody").Op("=").Lit(1).Op("<<").Lit(20)

	// const userAgent = "pmgen (Name/1.0)"
	f.Add(comment("userAgent is sent unless the collection's request or WithHeader sets\nUser-Agent."))
	f.Const().Id("userAgent").Op("=").Lit(api.UserAgent)

	// func (e *APIError) Error() string { ... }
	f.Add(comment("Error reports the method, URL, status and the start of the body."))
	f.Func().Params(jen.Id("e").Op("*").Id("APIError")).Id("Error").Params().String().Block(
		jen.Id("body").Op(":=").String().Call(jen.Id("e").Dot("Body")),
		jen.If(jen.Len(jen.Id("body")).Op(">").Lit(200)).Block(
			comment("Cut at a character boundary, so the message stays valid UTF-8."),
			jen.Id("n").Op(":=").Lit(200),
			jen.For(jen.Id("n").Op(">").Lit(0).Op("&&").Op("!").Qual("unicode/utf8", "RuneStart").Call(jen.Id("body").Index(jen.Id("n")))).Block(jen.Id("n").Op("--")),
			jen.Id("body").Op("=").Id("body").Index(jen.Empty(), jen.Id("n")).Op("+").Lit("…"),
		),
		jen.Return(jen.Qual("fmt", "Sprintf").Call(jen.Lit(pkg+": %s %s: %d %s: %s"),
			jen.Id("e").Dot("Method"), jen.Id("e").Dot("URL"), jen.Id("e").Dot("StatusCode"),
			jen.Qual(httpPkg, "StatusText").Call(jen.Id("e").Dot("StatusCode")), jen.Id("body"))),
	)

	// type request struct { method, path string; query, header [][2]string; body []byte; contentType string }
	f.Add(comment("request is one call being assembled by a method. Query and header\n" +
		"entries are ordered pairs, so that they go out in the collection's order\n" +
		"and with the header names spelled as the collection spells them."))
	f.Type().Id("request").Struct(
		jen.Id("method").String(),
		jen.Id("url").String(),
		jen.Id("query").Index().Id("queryPair"),
		jen.Id("header").Index().Index(jen.Lit(2)).String(),
		jen.Id("body").Index().Byte(),
		jen.Id("contentType").String(),
		comment("emptyOK accepts an empty 2xx body where a typed one is expected:\nthe collection has an example of the API answering so."),
		jen.Id("emptyOK").Bool(),
		authRequestField(api),
		comment("Most requests have a few query entries and headers: these arrays back\n"+
			"query and header until they outgrow them, so that the entries come in\n"+
			"the request's one allocation rather than in a slice grown per append."),
		jen.Id("queryBuf").Index(jen.Lit(4)).Id("queryPair"),
		jen.Id("headerBuf").Index(jen.Lit(4)).Index(jen.Lit(2)).String(),
	)

	// func (r *request) addHeader(key, value string) { if r.header == nil { r.header = r.headerBuf[:0] }; r.header = append(...) }
	f.Func().Params(jen.Id("r").Op("*").Id("request")).Id("addHeader").Params(jen.List(jen.Id("key"), jen.Id("value")).String()).Block(
		jen.If(r("header").Op("==").Nil()).Block(r("header").Op("=").Add(r("headerBuf")).Index(jen.Empty(), jen.Lit(0))),
		r("header").Op("=").Append(r("header"), jen.Index(jen.Lit(2)).String().Values(jen.Id("key"), jen.Id("value"))),
	)

	// func (c *Client) send(ctx, cfg config, r *request, out any, errValue func(int) any) (*Response, error)
	f.Add(comment("send performs r with cfg. A 2xx body is decoded into out: JSON into a\n" +
		"pointer, or copied into a *[]byte; out may be nil. Any other status gives\n" +
		"an *APIError whose Value is the typed body errValue returns for it;\n" +
		"errValue is nil for a request without typed error bodies."))
	fail := func(format string, args ...jen.Code) *jen.Statement {
		return jen.Qual("fmt", "Errorf").Call(append([]jen.Code{jen.Lit(pkg + ": %s %s: " + format), r("method"), jen.Id("target")}, args...)...)
	}
	status := jen.Id("resp").Dot("StatusCode")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("send").Params(
		jen.Id("ctx").Qual("context", "Context"),
		jen.Id("cfg").Id("config"),
		jen.Id("r").Op("*").Id("request"),
		jen.Id("out").Any(),
		jen.Id("errValue").Func().Params(jen.Int()).Any(),
	).Params(jen.Op("*").Id("Response"), jen.Error()).Block(
		jen.Id("target").Op(":=").Id("encodeQuery").Call(r("url"), r("query")),
		jen.If(jen.Id("cfg").Dot("timeout").Op(">").Lit(0)).Block(
			jen.Var().Id("cancel").Qual("context", "CancelFunc"),
			jen.List(jen.Id("ctx"), jen.Id("cancel")).Op("=").Qual("context", "WithTimeout").Call(jen.Id("ctx"), jen.Id("cfg").Dot("timeout")),
			jen.Defer().Id("cancel").Call(),
		),
		jen.List(jen.Id("resp"), jen.Id("data"), jen.Err()).Op(":=").Id("cfg").Dot("do").Call(jen.Id("ctx"), jen.Id("r"), jen.Id("target")),
		jen.If(jen.Id("resp").Op("==").Nil()).Block(jen.Return(jen.Nil(), fail("%w", jen.Err()))),
		jen.If(jen.Id("cfg").Dot("responseInto").Op("!=").Nil()).Block(
			jen.Op("*").Id("cfg").Dot("responseInto").Op("=").Id("resp"),
		),
		jen.Id("meta").Op(":=").Op("&").Id("Response").Values(jen.Dict{
			jen.Id("StatusCode"): status.Clone(),
			jen.Id("Header"):     jen.Id("resp").Dot("Header"),
		}),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("meta"), fail("%w", jen.Err()))),
		jen.If(status.Clone().Op("<").Lit(200).Op("||").Add(status.Clone()).Op(">").Lit(299)).Block(
			jen.Id("apiErr").Op(":=").Op("&").Id("APIError").Values(jen.Dict{
				jen.Id("Method"):     r("method"),
				jen.Id("URL"):        jen.Id("target"),
				jen.Id("StatusCode"): status.Clone(),
				jen.Id("Header"):     jen.Id("resp").Dot("Header"),
				jen.Id("Body"):       jen.Id("data"),
			}),
			jen.If(jen.Len(jen.Id("data")).Op(">").Id("maxErrorBody")).Block(
				jen.List(jen.Id("apiErr").Dot("Body"), jen.Id("apiErr").Dot("Truncated")).Op("=").List(jen.Id("data").Index(jen.Empty(), jen.Id("maxErrorBody")), jen.True()),
			),
			comment("A cut body would not decode; Value stays nil rather than half-filled."),
			jen.If(jen.Id("errValue").Op("!=").Nil().Op("&&").Op("!").Id("apiErr").Dot("Truncated")).Block(
				jen.If(jen.Id("v").Op(":=").Id("errValue").Call(status.Clone()), jen.Id("v").Op("!=").Nil().Op("&&").Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Id("v")).Op("==").Nil()).Block(
					jen.Id("apiErr").Dot("Value").Op("=").Id("v"),
				),
			),
			jen.Return(jen.Id("meta"), jen.Id("apiErr")),
		),
		jen.Switch(jen.Id("dst").Op(":=").Id("out").Assert(jen.Type())).Block(
			jen.Case(jen.Nil()).Block(),
			jen.Case(jen.Op("*").Index().Byte()).Block(jen.Op("*").Id("dst").Op("=").Id("data")),
			jen.Default().Block(
				jen.If(jen.Len(jen.Qual("bytes", "TrimSpace").Call(jen.Id("data"))).Op("==").Lit(0)).Block(
					comment("No content is an answer where HTTP says there is none, or the\ncollection shows the API giving it."),
					jen.If(r("emptyOK").Op("||").Add(status.Clone()).Op("==").Qual(httpPkg, "StatusNoContent").Op("||").Add(status.Clone()).Op("==").Qual(httpPkg, "StatusResetContent").Op("||").Add(r("method")).Op("==").Qual(httpPkg, "MethodHead")).Block(jen.Break()),
					jen.Return(jen.Id("meta"), fail("%d response has an empty body, where one was expected", status.Clone())),
				),
				jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Id("dst")), jen.Err().Op("!=").Nil()).Block(
					jen.Return(jen.Id("meta"), fail("decoding %d response (Content-Type %q): %w", status.Clone(), jen.Id("resp").Dot("Header").Dot("Get").Call(jen.Lit("Content-Type")), jen.Err())),
				),
			),
		),
		jen.Return(jen.Id("meta"), jen.Nil()),
	)

	attemptFuncs(f, api)

	// func setHeader(h http.Header, key, value string): replaces any spelling of key.
	f.Add(comment("setHeader replaces key in h whatever its case, keeping key's spelling."))
	f.Func().Id("setHeader").Params(jen.Id("h").Qual(httpPkg, "Header"), jen.List(jen.Id("key"), jen.Id("value")).String()).Block(
		jen.Id("deleteHeader").Call(jen.Id("h"), jen.Id("key")),
		jen.Id("h").Index(jen.Id("key")).Op("=").Index().String().Values(jen.Id("value")),
	)
	// func repeated(earlier [][2]string, name string) bool { for _, h := range earlier { if strings.EqualFold(h[0], name) { return true } }; return false }
	f.Add(comment("repeated says whether name is among the earlier headers, in any spelling."))
	f.Func().Id("repeated").Params(jen.Id("earlier").Index().Index(jen.Lit(2)).String(), jen.Id("name").String()).Bool().Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("h")).Op(":=").Range().Id("earlier")).Block(
			jen.If(jen.Qual("strings", "EqualFold").Call(jen.Id("h").Index(jen.Lit(0)), jen.Id("name"))).Block(jen.Return(jen.True())),
		),
		jen.Return(jen.False()),
	)
	f.Add(comment("deleteHeader removes key from h in every spelling."))
	f.Func().Id("deleteHeader").Params(jen.Id("h").Qual(httpPkg, "Header"), jen.Id("key").String()).Block(
		jen.For(jen.Id("k").Op(":=").Range().Id("h")).Block(
			jen.If(jen.Qual("strings", "EqualFold").Call(jen.Id("k"), jen.Id("key"))).Block(
				jen.Delete(jen.Id("h"), jen.Id("k")),
			),
		),
	)
	bodyHelpers(f, api)

	return f
}
