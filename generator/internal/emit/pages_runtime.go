package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// pagesFile emits pages.go: what every page iterator shares. It is the
// same for every API apart from the package name in messages.
func pagesFile(api *model.API) *jen.File {
	f := newFile(api)
	id := jen.Id
	info := func(name string) *jen.Statement { return id("info").Dot(name) }
	st := func(name string) *jen.Statement { return id("st").Dot(name) }

	// type pageStyle int; const ( pageByCursor pageStyle = iota; ... )
	f.Add(comment("pageStyle is how a walk asks for the next page."))
	f.Type().Id("pageStyle").Int()
	f.Const().Defs(
		id("pageByCursor").Id("pageStyle").Op("=").Iota().Comment("the next cursor goes in a query parameter"),
		id("pageByNumber").Comment("the page number goes up by one"),
		id("pageByOffset").Comment("the offset moves on by the items received"),
		id("pageByLink").Comment("the next request goes to the URL the page names"),
	)

	// type pageState struct { first bool; cursor string; number int64 }
	f.Add(comment("pageState is what the next request of a walk asks for."))
	f.Type().Id("pageState").Struct(
		id("first").Bool().Comment("send the caller's params as they are"),
		id("cursor").String().Comment("the cursor, or the URL of the next page"),
		id("number").Int64().Comment("the page number or the offset"),
	)

	// type pageInfo struct { items int; next string; ... }
	f.Add(comment("pageInfo is what a page says about the next one. The know* fields say\n" +
		"whether the page carried the value beside them."))
	f.Type().Id("pageInfo").Struct(
		id("items").Int(),
		id("next").String(),
		id("more").Bool(),
		id("knowMore").Bool(),
		id("totalPages").Int64(),
		id("knowPages").Bool(),
		id("totalItems").Int64(),
		id("knowItems").Bool(),
	)

	// func walkPages[T any](name string, style pageStyle, start pageState, firstPage int64, fetch ..., inspect ...) iter.Seq2[*T, error]
	f.Add(comment("walkPages fetches pages from start on and yields each, until a page is\n" +
		"empty, says there is no more, or leaves nothing to ask for. A cursor or\n" +
		"link seen before ends the walk with an error: a server that repeats\n" +
		"itself would otherwise keep the loop going for ever. firstPage is the\n" +
		"number of the first page, for counting pages against a total."))
	tp := jen.Op("*").Id("T")
	f.Func().Id("walkPages").Types(id("T").Any()).Params(
		id("name").String(),
		id("style").Id("pageStyle"),
		id("start").Id("pageState"),
		id("firstPage").Int64(),
		id("fetch").Func().Params(id("pageState")).Params(tp.Clone(), jen.Op("*").Id("Response"), jen.Error()),
		id("inspect").Func().Params(tp.Clone(), jen.Op("*").Id("Response")).Id("pageInfo"),
	).Qual("iter", "Seq2").Types(tp.Clone(), jen.Error()).Block(
		jen.Return(jen.Func().Params(id("yield").Func().Params(tp.Clone(), jen.Error()).Bool()).Block(
			id("st").Op(":=").Id("start"),
			id("seen").Op(":=").Map(jen.String()).Bool().Values(),
			jen.Var().Id("received").Int64(),
			jen.For().Block(
				jen.List(id("page"), id("resp"), jen.Err()).Op(":=").Id("fetch").Call(id("st")),
				jen.If(jen.Err().Op("!=").Nil()).Block(id("yield").Call(jen.Nil(), jen.Err()), jen.Return()),
				jen.Var().Id("info").Id("pageInfo"),
				jen.If(id("page").Op("!=").Nil()).Block(id("info").Op("=").Id("inspect").Call(id("page"), id("resp"))),
				jen.If(jen.Op("!").Id("yield").Call(id("page"), jen.Nil())).Block(jen.Return()),
				id("received").Op("+=").Int64().Call(info("items")),
				jen.If(info("items").Op("==").Lit(0).Op("||").Add(info("knowMore")).Op("&&").Op("!").Add(info("more"))).Block(jen.Return()),
				st("first").Op("=").False(),
				jen.Switch(id("style")).Block(
					jen.Case(id("pageByCursor"), id("pageByLink")).Block(
						jen.If(info("next").Op("==").Lit("")).Block(jen.Return()),
						jen.If(id("seen").Index(info("next")).Op("||").Add(info("next")).Op("==").Add(st("cursor"))).Block(
							id("yield").Call(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit(api.Package+": %s: the server gave the cursor %q a second time; stopping rather than looping"), id("name"), info("next"))),
							jen.Return(),
						),
						id("seen").Index(info("next")).Op("=").True(),
						st("cursor").Op("=").Add(info("next")),
					),
					jen.Case(id("pageByNumber")).Block(
						jen.If(info("knowPages").Op("&&").Add(st("number")).Op("-").Id("firstPage").Op("+").Lit(1).Op(">=").Add(info("totalPages")).Op("||").
							Add(info("knowItems")).Op("&&").Id("received").Op(">=").Add(info("totalItems"))).Block(jen.Return()),
						st("number").Op("++"),
					),
					jen.Case(id("pageByOffset")).Block(
						st("number").Op("+=").Int64().Call(info("items")),
						jen.If(info("knowItems").Op("&&").Add(st("number")).Op(">=").Add(info("totalItems"))).Block(jen.Return()),
					),
				),
			),
		)),
	)

	// func pageItems[T, I any](pages iter.Seq2[*T, error], items func(*T) []I) iter.Seq2[I, error]
	f.Add(comment("pageItems yields the items of every page of pages. Returning when yield\n" +
		"says stop ends the range over pages, and with it the walk."))
	f.Func().Id("pageItems").Types(id("T").Op(",").Id("I").Any()).Params(
		id("pages").Qual("iter", "Seq2").Types(tp.Clone(), jen.Error()),
		id("items").Func().Params(tp.Clone()).Index().Id("I"),
	).Qual("iter", "Seq2").Types(id("I"), jen.Error()).Block(
		jen.Return(jen.Func().Params(id("yield").Func().Params(id("I"), jen.Error()).Bool()).Block(
			jen.For(jen.List(id("page"), jen.Err()).Op(":=").Range().Id("pages")).Block(
				jen.If(jen.Err().Op("!=").Nil()).Block(
					jen.Var().Id("zero").Id("I"),
					id("yield").Call(id("zero"), jen.Err()),
					jen.Return(),
				),
				jen.If(id("page").Op("==").Nil()).Block(jen.Continue()),
				jen.For(jen.List(jen.Id("_"), id("item")).Op(":=").Range().Id("items").Call(id("page"))).Block(
					jen.If(jen.Op("!").Id("yield").Call(id("item"), jen.Nil())).Block(jen.Return()),
				),
			),
		)),
	)

	// func pageText(v any) string: a cursor or link from a string, number or raw JSON field.
	f.Add(comment("pageText reads a cursor, link or id from a response field: a string, a\n" +
		"number, or raw JSON (a field the examples only ever showed as null)."))
	f.Func().Id("pageText").Params(id("v").Any()).String().Block(
		jen.Switch(id("v").Op(":=").Id("v").Assert(jen.Type())).Block(
			jen.Case(jen.String()).Block(jen.Return(id("v"))),
			jen.Case(jen.Op("*").String()).Block(jen.If(id("v").Op("!=").Nil()).Block(jen.Return(jen.Op("*").Id("v")))),
			jen.Case(jen.Int64()).Block(jen.Return(jen.Qual("strconv", "FormatInt").Call(id("v"), jen.Lit(10)))),
			jen.Case(jen.Op("*").Int64()).Block(jen.If(id("v").Op("!=").Nil()).Block(jen.Return(jen.Qual("strconv", "FormatInt").Call(jen.Op("*").Id("v"), jen.Lit(10))))),
			jen.Case(jen.Qual("encoding/json", "RawMessage")).Block(
				jen.Var().Id("s").String(),
				jen.If(jen.Qual("encoding/json", "Unmarshal").Call(id("v"), jen.Op("&").Id("s")).Op("==").Nil()).Block(jen.Return(id("s"))),
			),
		),
		jen.Return(jen.Lit("")),
	)

	// func pageNumber(v any) (int64, bool): a count from a number or a string holding one.
	f.Add(comment("pageNumber reads a count from a response field: a number, or a string\n" +
		"holding one (collections often save \"<integer>\" placeholders)."))
	f.Func().Id("pageNumber").Params(id("v").Any()).Params(jen.Int64(), jen.Bool()).Block(
		jen.Switch(id("n").Op(":=").Id("v").Assert(jen.Type())).Block(
			jen.Case(jen.Int64()).Block(jen.Return(id("n"), jen.True())),
			jen.Case(jen.Op("*").Int64()).Block(jen.If(id("n").Op("!=").Nil()).Block(jen.Return(jen.Op("*").Id("n"), jen.True()))),
			jen.Case(jen.Float64()).Block(jen.Return(jen.Int64().Call(id("n")), jen.True())),
			jen.Case(jen.Op("*").Float64()).Block(jen.If(id("n").Op("!=").Nil()).Block(jen.Return(jen.Int64().Call(jen.Op("*").Id("n")), jen.True()))),
			jen.Case(jen.String(), jen.Op("*").String()).Block(
				jen.List(id("i"), jen.Err()).Op(":=").Qual("strconv", "ParseInt").Call(jen.Id("pageText").Call(id("v")), jen.Lit(10), jen.Lit(64)),
				jen.Return(id("i"), jen.Err().Op("==").Nil()),
			),
		),
		jen.Return(jen.Lit(0), jen.False()),
	)

	// func pageFlag(v any) (bool, bool)
	f.Add(comment("pageFlag reads a has_more flag from a response field."))
	f.Func().Id("pageFlag").Params(id("v").Any()).Params(jen.Bool(), jen.Bool()).Block(
		jen.Switch(id("b").Op(":=").Id("v").Assert(jen.Type())).Block(
			jen.Case(jen.Bool()).Block(jen.Return(id("b"), jen.True())),
			jen.Case(jen.Op("*").Bool()).Block(jen.If(id("b").Op("!=").Nil()).Block(jen.Return(jen.Op("*").Id("b"), jen.True()))),
		),
		jen.Return(jen.False(), jen.False()),
	)

	// func pageLinkNext(h http.Header) string: the rel="next" target of the Link header.
	f.Add(comment("pageLinkNext is the target of the Link header entry (RFC 8288) whose rel\n" +
		"includes \"next\"; empty when there is none."))
	f.Func().Id("pageLinkNext").Params(id("h").Qual(httpPkg, "Header")).String().Block(
		jen.For(jen.List(jen.Id("_"), id("v")).Op(":=").Range().Id("h").Dot("Values").Call(jen.Lit("Link"))).Block(
			jen.For(jen.List(jen.Id("_"), id("link")).Op(":=").Range().Qual("strings", "Split").Call(id("v"), jen.Lit(","))).Block(
				jen.List(id("target"), id("params"), jen.Id("_")).Op(":=").Qual("strings", "Cut").Call(id("link"), jen.Lit(";")),
				id("target").Op("=").Qual("strings", "TrimSpace").Call(id("target")),
				jen.If(jen.Len(id("target")).Op("<").Lit(2).Op("||").Id("target").Index(jen.Lit(0)).Op("!=").LitRune('<').Op("||").Id("target").Index(jen.Len(id("target")).Op("-").Lit(1)).Op("!=").LitRune('>')).Block(jen.Continue()),
				jen.For(jen.List(jen.Id("_"), id("p")).Op(":=").Range().Qual("strings", "Split").Call(id("params"), jen.Lit(";"))).Block(
					jen.List(id("key"), id("value"), jen.Id("_")).Op(":=").Qual("strings", "Cut").Call(id("p"), jen.Lit("=")),
					jen.If(jen.Op("!").Qual("strings", "EqualFold").Call(jen.Qual("strings", "TrimSpace").Call(id("key")), jen.Lit("rel"))).Block(jen.Continue()),
					jen.For(jen.List(jen.Id("_"), id("rel")).Op(":=").Range().Qual("strings", "Fields").Call(jen.Qual("strings", "Trim").Call(jen.Qual("strings", "TrimSpace").Call(id("value")), jen.Lit(`"`)))).Block(
						jen.If(jen.Qual("strings", "EqualFold").Call(id("rel"), jen.Lit("next"))).Block(
							jen.Return(id("target").Index(jen.Lit(1), jen.Len(id("target")).Op("-").Lit(1))),
						),
					),
				),
			),
		),
		jen.Return(jen.Lit("")),
	)

	// func withPageURL(u string) Option { return func(c *config) { c.pageURL = u } }
	f.Add(comment("withPageURL sends a call to the link a previous page gave, in place of\nthe method's own URL and query."))
	f.Func().Id("withPageURL").Params(id("u").String()).Id("Option").Block(
		jen.Return(jen.Func().Params(id("c").Op("*").Id("config")).Block(id("c").Dot("pageURL").Op("=").Id("u"))),
	)

	// func resolvePageURL(base, ref string) string
	f.Add(comment("resolvePageURL resolves a link, which may be relative (\"/items?page=2\"),\nagainst the URL of the request that returned it."))
	f.Func().Id("resolvePageURL").Params(jen.List(id("base"), id("ref")).String()).String().Block(
		jen.List(id("b"), jen.Err()).Op(":=").Qual(urlPkg, "Parse").Call(id("base")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(id("ref"))),
		jen.List(id("r"), jen.Err()).Op(":=").Qual(urlPkg, "Parse").Call(id("ref")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(id("ref"))),
		jen.Return(id("b").Dot("ResolveReference").Call(id("r")).Dot("String").Call()),
	)
	return f
}
