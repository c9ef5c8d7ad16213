package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// serviceInterface emits the interface of a service's methods, for callers
// who mock the client in their tests, and the assertion that the service
// satisfies it:
//
//	type SessionsAPI interface {
//		// Refresh refreshes the session.
//		Refresh(ctx context.Context, params *RefreshParams, opts ...Option) (*Response, error)
//		// and, for a paginated request, its ListPages and ListAll iterators
//	}
//	var _ SessionsAPI = (*SessionsService)(nil)
//
// impl is the concrete type: the service type, or Client for the requests
// at the collection root. Sub-services are fields, which an interface cannot
// hold; each has its own interface.
func serviceInterface(f *genFile, svc *model.Service, impl string) {
	if svc.Interface == "" || len(svc.Ops) == 0 {
		return
	}
	f.Add(f.doc(svc.InterfaceDoc))
	f.Type().Id(svc.Interface).InterfaceFunc(func(g *jen.Group) {
		for _, op := range svc.Ops {
			g.Add(f.doc(op.InterfaceDoc))
			g.Id(op.Method).Params(signature(op)...).Params(results(op)...)
			if pg := op.Pages; pg != nil {
				// The page iterators take what the method takes: a paginated
				// request has no body.
				g.Add(f.doc(pg.PagesLine))
				g.Id(pg.PagesMethod).Params(signature(op)...).Qual("iter", "Seq2").Types(resultType(op), jen.Error())
				g.Add(f.doc(pg.AllLine))
				g.Id(pg.AllMethod).Params(signature(op)...).Qual("iter", "Seq2").Types(goType(pg.Item), jen.Error())
			}
		}
	})
	// var _ SessionsAPI = (*SessionsService)(nil)
	f.Var().Id("_").Id(svc.Interface).Op("=").Parens(jen.Op("*").Id(impl)).Call(jen.Nil())
}
