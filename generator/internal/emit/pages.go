package emit

import (
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// This file emits page iterators: <Method>Pages and <Method>All for each
// operation build found paginated (model.Pagination); the runtime they
// share is templates/runtime/pages.go. Iterators call the operation's own
// method for each page, so that retries, auth and options behave exactly
// as on one call;
// only the next-link styles need a hook in the method (pageURLOverride).

// followsLinks reports whether an operation of svc or below is paginated
// by next links, whose iterators set pageURL.
func followsLinks(svc *model.Service) bool {
	for _, op := range svc.Ops {
		if followsLink(op) {
			return true
		}
	}
	return slices.ContainsFunc(svc.Services, followsLinks)
}

// followsLink reports whether op's iterators follow next links.
func followsLink(op *model.Operation) bool {
	return op.Pages != nil && (op.Pages.Style == model.PageLink || op.Pages.Style == model.PageLinkHeader)
}

// pageConfigFields adds the config field the next-link iterators set.
//
//	pageURL string
func pageConfigFields(g *jen.Group, api *model.API) {
	if followsLinks(api.Root) {
		g.Comment("pageURL replaces a call's URL and query with the next page's link; set by page iterators only.")
		g.Id("pageURL").String()
	}
}

// pageURLOverride makes a next-link operation send the link it is given:
//
//	if cfg.pageURL != "" { r.url, r.query = resolvePageURL(r.url, cfg.pageURL), nil }
func pageURLOverride(g *jen.Group, op *model.Operation) {
	if !followsLink(op) {
		return
	}
	g.If(jen.Id("cfg").Dot("pageURL").Op("!=").Lit("")).Block(
		comment("A page iterator asks for the page the previous one links to."),
		jen.List(jen.Id("r").Dot("url"), jen.Id("r").Dot("query")).Op("=").Id("resolvePageURL").Call(jen.Id("r").Dot("url"), jen.Id("cfg").Dot("pageURL")).Op(",").Nil(),
	)
}

// pageMethods emits the two iterators of a paginated operation.
func pageMethods(f *genFile, recv jen.Code, onService bool, op *model.Operation) {
	pg := op.Pages
	// The iterators are methods beside the operation's: s.X on a service, c.X on Client.
	self := jen.Id("c")
	if onService {
		self = jen.Id("s")
	}
	page := resultType(op)
	pageSeq := jen.Qual("iter", "Seq2").Types(page.Clone(), jen.Error())
	// Arguments: ctx, path arguments, params, opts — as the method takes them.
	var params, callArgs []jen.Code
	params = append(params, jen.Id("ctx").Qual("context", "Context"))
	callArgs = append(callArgs, jen.Id("ctx"))
	for _, p := range op.PathArgs {
		params = append(params, jen.Id(p.Name).String())
		callArgs = append(callArgs, jen.Id(p.Name))
	}
	params = append(params, jen.Id("params").Op("*").Id(op.Params.TypeName), jen.Id("opts").Op("...").Id("Option"))
	call := func(paramsArg jen.Code, opts jen.Code) *jen.Statement {
		args := append(append([]jen.Code(nil), callArgs...), paramsArg, opts)
		return self.Clone().Dot(op.Method).Call(args...)
	}

	// func (s *S) XPages(ctx context.Context, params *XParams, opts ...Option) iter.Seq2[*XResponse, error] { ... }
	f.Add(f.doc(pg.PagesDoc))
	f.Func().Params(recv).Id(pg.PagesMethod).Params(params...).Add(pageSeq).BlockFunc(func(g *jen.Group) {
		g.Comment("The walk works on a copy: the caller's params are never changed.")
		g.Var().Id("p").Id(op.Params.TypeName)
		g.If(jen.Id("params").Op("!=").Nil()).Block(jen.Id("p").Op("=").Op("*").Id("params"))
		style := "pageByCursor"
		switch pg.Style {
		case model.PageNumber:
			style = "pageByNumber"
		case model.PageOffset:
			style = "pageByOffset"
		case model.PageLink, model.PageLinkHeader:
			style = "pageByLink"
		}
		g.Id("start").Op(":=").Id("pageState").Values(jen.Dict{jen.Id("first"): jen.True(), jen.Id("number"): jen.Lit(int(pg.Start))})
		if style == "pageByNumber" || style == "pageByOffset" {
			field := jen.Id("p").Dot(pg.Param.Name)
			g.If(jen.List(jen.Id("n"), jen.Err()).Op(":=").Qual("strconv", "ParseInt").Call(field, jen.Lit(10), jen.Lit(64)), jen.Err().Op("==").Nil()).Block(
				jen.Id("start").Dot("number").Op("=").Id("n"),
			)
		}
		g.Id("fetch").Op(":=").Func().Params(jen.Id("st").Id("pageState")).Params(page.Clone(), jen.Op("*").Id("Response"), jen.Error()).BlockFunc(func(g *jen.Group) {
			if style == "pageByLink" {
				g.If(jen.Id("st").Dot("first")).Block(jen.Return(call(jen.Op("&").Id("p"), jen.Id("opts").Op("..."))))
				g.Comment("A full slice expression, so that appending never writes into the caller's array.")
				g.Return(call(jen.Op("&").Id("p"), jen.Append(jen.Id("opts").Index(jen.Empty(), jen.Len(jen.Id("opts")), jen.Len(jen.Id("opts"))), jen.Id("withPageURL").Call(jen.Id("st").Dot("cursor"))).Op("...")))
				return
			}
			g.Id("q").Op(":=").Id("p")
			var set jen.Code = jen.Id("st").Dot("cursor")
			if style != "pageByCursor" {
				set = jen.Qual("strconv", "FormatInt").Call(jen.Id("st").Dot("number"), jen.Lit(10))
			}
			g.If(jen.Op("!").Id("st").Dot("first")).Block(jen.Id("q").Dot(pg.Param.Name).Op("=").Add(set))
			g.Return(call(jen.Op("&").Id("q"), jen.Id("opts").Op("...")))
		})
		respName := "_"
		if pg.Style == model.PageLinkHeader {
			respName = "resp"
		}
		g.Id("inspect").Op(":=").Func().Params(jen.Id("page").Add(page.Clone()), jen.Id(respName).Op("*").Id("Response")).Id("pageInfo").BlockFunc(func(g *jen.Group) {
			inspectPage(g, pg)
		})
		g.Return(jen.Id("walkPages").Call(jen.Lit(pg.PagesMethod), jen.Id(style), jen.Id("start"), jen.Lit(int(pg.First)), jen.Id("fetch"), jen.Id("inspect")))
	})

	// func (s *S) XAll(ctx context.Context, params *XParams, opts ...Option) iter.Seq2[Item, error] { return pageItems(s.XPages(...), ...) }
	item := goType(pg.Item)
	f.Add(f.doc(pg.AllDoc))
	pagesArgs := append(append([]jen.Code(nil), callArgs...), jen.Id("params"), jen.Id("opts").Op("..."))
	f.Func().Params(recv).Id(pg.AllMethod).Params(params...).Qual("iter", "Seq2").Types(item.Clone(), jen.Error()).Block(
		jen.Return(jen.Id("pageItems").Call(
			self.Clone().Dot(pg.PagesMethod).Call(pagesArgs...),
			jen.Func().Params(jen.Id("page").Add(page.Clone())).Index().Add(item.Clone()).Block(jen.Return(jen.Id("page").Dot(pg.Items.Name))),
		)),
	)
}

// inspectPage reads what a page says about the next into info:
//
//	info := pageInfo{items: len(page.Data)}
//	if page.Meta != nil { info.next = pageText(page.Meta.NextToken) }
//	return info
func inspectPage(g *jen.Group, pg *model.Pagination) {
	items := jen.Id("page").Dot(pg.Items.Name)
	g.Id("info").Op(":=").Id("pageInfo").Values(jen.Dict{jen.Id("items"): jen.Len(items.Clone())})
	info := func(name string) *jen.Statement { return jen.Id("info").Dot(name) }
	switch pg.Style {
	case model.PageCursor, model.PageLink:
		g.Add(readPath(pg.Next, func(v jen.Code) jen.Code { return info("next").Op("=").Id("pageText").Call(v) }))
	case model.PageLinkHeader:
		g.Add(info("next").Op("=").Id("pageLinkNext").Call(jen.Id("resp").Dot("Header")))
	case model.PageAfter:
		last := items.Clone().Index(jen.Id("n").Op("-").Lit(1))
		cond := jen.Id("n").Op(">").Lit(0)
		if pg.Item.Nullable {
			cond = cond.Op("&&").Add(last.Clone()).Op("!=").Nil()
		}
		g.If(jen.Id("n").Op(":=").Len(items.Clone()), cond).Block(
			info("next").Op("=").Id("pageText").Call(last.Clone().Dot(pg.ItemID.Name)),
		)
	}
	if pg.HasMore != nil {
		g.Add(readPath(pg.HasMore, func(v jen.Code) jen.Code {
			return jen.List(info("more"), info("knowMore")).Op("=").Id("pageFlag").Call(v)
		}))
	}
	if pg.Remaining != nil {
		g.Add(readPath(pg.Remaining, func(v jen.Code) jen.Code {
			return jen.If(jen.List(jen.Id("n"), jen.Id("ok")).Op(":=").Id("pageNumber").Call(v), jen.Id("ok")).Block(
				jen.List(info("more"), info("knowMore")).Op("=").Id("n").Op(">").Lit(0).Op(",").True(),
			)
		}))
	}
	if pg.Style == model.PageNumber || pg.Style == model.PageOffset {
		if pg.TotalPages != nil {
			g.Add(readPath(pg.TotalPages, func(v jen.Code) jen.Code {
				return jen.List(info("totalPages"), info("knowPages")).Op("=").Id("pageNumber").Call(v)
			}))
		}
		if pg.TotalItems != nil {
			g.Add(readPath(pg.TotalItems, func(v jen.Code) jen.Code {
				return jen.List(info("totalItems"), info("knowItems")).Op("=").Id("pageNumber").Call(v)
			}))
		}
	}
	g.Return(jen.Id("info"))
}

// readPath reads the value at path from page, guarding every pointer on
// the way:
//
//	if page.Meta != nil { <use page.Meta.NextToken> }
func readPath(path model.FieldPath, use func(v jen.Code) jen.Code) jen.Code {
	expr := func(n int) *jen.Statement {
		s := jen.Id("page")
		for _, f := range path[:n] {
			s = s.Dot(f.Name)
		}
		return s
	}
	var cond *jen.Statement
	for i, f := range path[:len(path)-1] {
		if !f.IsPointer() {
			continue
		}
		c := expr(i + 1).Op("!=").Nil()
		if cond == nil {
			cond = c
		} else {
			cond = cond.Op("&&").Add(c)
		}
	}
	stmt := use(expr(len(path)))
	if cond == nil {
		return stmt
	}
	return jen.If(cond).Block(stmt)
}
