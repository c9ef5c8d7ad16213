package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// serviceInterface emits the interface of a service's methods, for callers
// who mock the client in their tests, and the assertion that the service
// satisfies it:
//
//	type SessionsAPI interface {
//		// Refresh sends the request "Refresh".
//		Refresh(ctx context.Context, params *RefreshParams, opts ...Option) (*Response, error)
//		// and, for a paginated request, its ListPages and ListAll iterators
//	}
//	var _ SessionsAPI = (*SessionsService)(nil)
//
// impl is the concrete type: the service type, or Client for the requests
// at the collection root. Sub-services are fields, which an interface cannot
// hold; each has its own interface.
func serviceInterface(f *jen.File, svc *model.Service, impl, what string) {
	if svc.Interface == "" || len(svc.Ops) == 0 {
		return
	}
	f.Add(comment(fmt.Sprintf("%s is %s, as the methods of *%s.\n"+
		"Depend on it rather than on *%s to swap in a fake in tests.",
		svc.Interface, what, impl, impl)))
	f.Type().Id(svc.Interface).InterfaceFunc(func(g *jen.Group) {
		for _, op := range svc.Ops {
			g.Add(comment(fmt.Sprintf("%s sends the request %q.", op.Method, op.Name)))
			g.Id(op.Method).Params(signature(op)...).Params(results(op)...)
			if pg := op.Pages; pg != nil {
				// The page iterators take what the method takes: a paginated
				// request has no body.
				g.Add(comment(fmt.Sprintf("%s walks the pages of %s.", pg.PagesMethod, op.Method)))
				g.Id(pg.PagesMethod).Params(signature(op)...).Qual("iter", "Seq2").Types(resultType(op), jen.Error())
				g.Add(comment(fmt.Sprintf("%s walks the items of every page of %s.", pg.AllMethod, op.Method)))
				g.Id(pg.AllMethod).Params(signature(op)...).Qual("iter", "Seq2").Types(goType(pg.Item), jen.Error())
			}
		}
	})
	// var _ SessionsAPI = (*SessionsService)(nil)
	f.Var().Id("_").Id(svc.Interface).Op("=").Parens(jen.Op("*").Id(impl)).Call(jen.Nil())
}
