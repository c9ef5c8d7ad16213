package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// attemptFuncs emits the part of transport.go below send: do, which
// repeats attempts as the retry policy allows, attempt, which builds and
// sends one request and reads its response, and edit, which runs the
// request editors.
func attemptFuncs(f *jen.File, api *model.API) {
	id := jen.Id
	r := func(name string) *jen.Statement { return id("r").Dot(name) }
	ctxParam := id("ctx").Qual("context", "Context")
	triple := []jen.Code{jen.Op("*").Qual(httpPkg, "Response"), jen.Index().Byte(), jen.Error()}

	// func (c *config) do(ctx context.Context, r *request, target string) (*http.Response, []byte, error)
	f.Add(comment("do sends r until an attempt succeeds, fails for good, or the retry policy\n" +
		"is spent, and returns the last response with its body read and closed.\n" +
		"A response discarded for a retry is read and closed too, so that its\n" +
		"connection goes back to the pool."))
	f.Func().Params(id("c").Op("*").Id("config")).Id("do").Params(ctxParam.Clone(), id("r").Op("*").Id("request"), id("target").String()).Params(triple...).Block(
		id("attempts").Op(":=").Id("c").Dot("retry").Dot("attempts").Call(r("method")),
		jen.For(id("n").Op(":=").Lit(1), jen.Empty(), id("n").Op("++")).Block(
			jen.List(id("resp"), id("data"), jen.Err()).Op(":=").Id("c").Dot("attempt").Call(id("ctx"), id("r"), id("target")),
			jen.If(id("n").Op(">=").Id("attempts").Op("||").Id("ctx").Dot("Err").Call().Op("!=").Nil().Op("||").Op("!").Id("retryable").Call(id("resp"), jen.Err())).Block(
				jen.Return(id("resp"), id("data"), jen.Err()),
			),
			jen.If(id("werr").Op(":=").Id("retryWait").Call(id("ctx"), id("c").Dot("retry").Dot("backoff").Call(id("n"), id("resp"))), id("werr").Op("!=").Nil()).Block(
				comment("Say what the wait was for beside why it ended."),
				jen.If(jen.Err().Op("==").Nil()).Block(jen.Err().Op("=").Qual("errors", "New").Call(id("resp").Dot("Status"))),
				jen.Return(id("resp"), jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit("%w (waiting to retry after %v)"), id("werr"), jen.Err())),
			),
		),
	)

	// func (c *config) attempt(ctx context.Context, r *request, target string) (*http.Response, []byte, error)
	f.Add(comment("attempt builds the request for r afresh (body, headers, auth, editors),\n" +
		"sends it and reads the response body: all of a 2xx one, and of any other\n" +
		"one at most a byte more than maxErrorBody, so that APIError can tell it\n" +
		"was cut."))
	f.Func().Params(id("c").Op("*").Id("config")).Id("attempt").Params(ctxParam.Clone(), id("r").Op("*").Id("request"), id("target").String()).Params(triple...).BlockFunc(func(g *jen.Group) {
		g.Var().Id("body").Qual("io", "Reader")
		g.If(r("body").Op("!=").Nil()).Block(id("body").Op("=").Qual("bytes", "NewReader").Call(r("body")))
		g.List(id("req"), jen.Err()).Op(":=").Qual(httpPkg, "NewRequestWithContext").Call(id("ctx"), r("method"), id("target"), id("body"))
		g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Nil(), jen.Err()))
		g.Id("keepRawPath").Call(id("req"), id("target"))
		headerValues(g)
		g.If(r("contentType").Op("!=").Lit("")).Block(
			id("req").Dot("Header").Index(jen.Lit("Content-Type")).Op("=").Id("one").Call(r("contentType")),
		)
		requestHeaders(g)
		if api.Auth == nil {
			g.Add(comment("Postman accepts any media type unless the request sets Accept."))
			g.Add(defaultAccept())
			g.If(jen.Err().Op(":=").Id("c").Dot("edit").Call(id("req")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Nil(), jen.Err()))
			g.List(id("resp"), jen.Err()).Op(":=").Id("c").Dot("httpClient").Dot("Do").Call(id("req"))
		} else {
			g.Add(comment("doSigned signs, adds Accept, runs the editors and sends."))
			g.List(id("resp"), jen.Err()).Op(":=").Id("c").Dot("doSigned").Call(id("req"), id("r"))
		}
		g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Nil(), jen.Err()))
		g.Defer().Id("resp").Dot("Body").Dot("Close").Call()
		g.Var().Id("from").Qual("io", "Reader").Op("=").Id("resp").Dot("Body")
		g.If(id("resp").Dot("StatusCode").Op("<").Lit(200).Op("||").Id("resp").Dot("StatusCode").Op(">").Lit(299)).Block(
			id("from").Op("=").Qual("io", "LimitReader").Call(id("resp").Dot("Body"), id("maxErrorBody").Op("+").Lit(1)),
		)
		g.List(id("data"), jen.Err()).Op(":=").Qual("io", "ReadAll").Call(id("from"))
		g.If(jen.Err().Op("!=").Nil()).Block(
			jen.Return(id("resp"), jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit("reading response: %w"), jen.Err())),
		)
		g.Return(id("resp"), id("data"), jen.Nil())
	})

	// func (c *config) edit(req *http.Request) error
	f.Add(comment("edit runs the request editors on req, in order, stopping at the first\nerror."))
	f.Func().Params(id("c").Op("*").Id("config")).Id("edit").Params(id("req").Op("*").Qual(httpPkg, "Request")).Error().Block(
		jen.For(jen.List(id("_"), id("e")).Op(":=").Range().Id("c").Dot("editors")).Block(
			jen.If(jen.Err().Op(":=").Id("e").Call(id("req").Dot("Context").Call(), id("req")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("request editor: %w"), jen.Err())),
			),
		),
		jen.Return(jen.Nil()),
	)
}

// requestHeaders sets the headers of one attempt: the method's, in the
// collection's order and spelling, then WithHeader's, then the default
// User-Agent when neither set one.
func requestHeaders(g *jen.Group) {
	id := jen.Id
	h := func(i int) *jen.Statement { return id("h").Index(jen.Lit(i)) }
	hdr := func(key jen.Code) *jen.Statement { return id("req").Dot("Header").Index(key) }
	g.Add(comment("Names are set as written, not canonicalised: the collection's spelling\n" +
		"is what Postman sends. A name's first entry replaces what is there (the\n" +
		"body's Content-Type); later entries of the same name are sent as well.\n" +
		"A request has a handful of headers, so looking back over them costs\n" +
		"less than a set of lower-cased names, which would allocate per call."))
	g.For(jen.List(id("i"), id("h")).Op(":=").Range().Id("r").Dot("header")).Block(
		id("key").Op(":=").Add(h(0)),
		jen.If(jen.Qual("strings", "EqualFold").Call(id("key"), jen.Lit("User-Agent"))).Block(
			comment("Go's transport adds its own User-Agent unless it finds this spelling."),
			id("key").Op("=").Lit("User-Agent"),
		),
		jen.If(id("repeated").Call(id("r").Dot("header").Index(jen.Empty(), id("i")), id("key"))).Block(
			hdr(id("key")).Op("=").Append(hdr(id("key")), h(1)),
			jen.Continue(),
		),
		id("deleteHeader").Call(id("req").Dot("Header"), id("key")),
		hdr(id("key")).Op("=").Id("one").Call(h(1)),
	)
	g.Add(comment("A copy of WithHeader's values: an editor may change the request's."))
	g.For(jen.List(id("k"), id("vs")).Op(":=").Range().Id("c").Dot("header")).Block(
		id("deleteHeader").Call(id("req").Dot("Header"), id("k")),
		hdr(id("k")).Op("=").Append(jen.Index().String().Parens(jen.Nil()), id("vs").Op("...")),
	)
	g.If(hdr(jen.Lit("User-Agent")).Op("==").Nil()).Block(
		hdr(jen.Lit("User-Agent")).Op("=").Id("one").Call(id("userAgent")),
	)
}

// headerValues declares the backing array of the header values an attempt
// sets, and one, which hands out a value from it:
//
//	vals := make([]string, 0, len(r.header)+2)
//	one := func(v string) []string { vals = append(vals, v); n := len(vals); return vals[n-1 : n : n] }
//
// One allocation for all of a request's headers instead of one each, as
// http.Header.Set would make. Each value's capacity is capped at one, so a
// later append (a repeated name, an editor's Add) copies it rather than
// writing into the next value.
func headerValues(g *jen.Group) {
	id := jen.Id
	g.Add(comment("vals backs the values of the headers set below: one allocation rather\nthan one per header. Each value's capacity is capped, so that appending to\nit (a repeated name, an editor's Add) copies it instead of overwriting\nthe next."))
	g.Id("vals").Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Len(id("r").Dot("header")).Op("+").Lit(2))
	g.Id("one").Op(":=").Func().Params(id("v").String()).Index().String().Block(
		id("vals").Op("=").Append(id("vals"), id("v")),
		id("n").Op(":=").Len(id("vals")),
		jen.Return(id("vals").Index(id("n").Op("-").Lit(1), id("n"), id("n"))),
	)
}
