package emit

import (
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

const (
	httpPkg = "net/http"
	urlPkg  = "net/url"
)

// clientFile emits the Client, its config, New and every Option.
func clientFile(api *model.API) *genFile {
	f := newFile(api)

	// const packageName = "name"; const userAgent = "pmgen (Name/1.0)"
	f.Add(f.doc("packageName starts the error messages of this package, as the standard\n" +
		"library's start with theirs."))
	f.Const().Id("packageName").Op("=").Lit(api.Package)
	if hasOps(api.Root) {
		f.Add(f.doc("userAgent is sent unless the collection's request or WithHeader sets\nUser-Agent."))
		f.Const().Id("userAgent").Op("=").Lit(api.UserAgent)
	}

	// type Client struct { cfg config; Sessions *SessionsService; ... }
	f.Add(f.doc(api.ClientDoc))
	f.Type().Id("Client").StructFunc(func(g *jen.Group) {
		g.Id("cfg").Id("config")
		serviceFields(f, g, api.Root)
	})

	// type config struct { httpClient *http.Client; baseURL string; ... }
	f.Add(f.doc("config is everything an Option sets. A Client keeps one; every call works\n" +
		"on a copy with the call's own options applied, so per-call options never leak."))
	f.Type().Id("config").StructFunc(func(g *jen.Group) {
		g.Id("httpClient").Op("*").Qual(httpPkg, "Client")
		g.Id("header").Qual(httpPkg, "Header")
		g.Id("timeout").Qual("time", "Duration")
		g.Id("retry").Id("RetryPolicy")
		g.Id("editors").Index().Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("req").Op("*").Qual(httpPkg, "Request")).Error()
		g.Id("responseInto").Op("**").Qual(httpPkg, "Response")
		g.Id("maxBodySize").Int64()
		if api.Auth != nil {
			g.Id(api.Auth.Field).Id("authConfig")
		}
		for _, s := range api.Settings {
			g.Id(s.Field).String()
		}
		pageConfigFields(g, api)
		if api.ScriptClock {
			// scriptNow func() time.Time
			g.Line()
			g.Comment("scriptNow is the clock of the values pre-request scripts compute")
			g.Comment("(Date.now()); a hook for tests, nil uses the real one.")
			g.Id("scriptNow").Func().Params().Qual("time", "Time")
		}
	})

	// func WithRealm(realm string) Option { return func(c *config) { c.realm = realm } }
	for _, s := range api.Settings {
		f.Add(f.doc(s.Doc))
		f.Func().Id(s.Option).Params(jen.Id("value").String()).Id("Option").Block(
			jen.Return(jen.Func().Params(jen.Id("c").Op("*").Id("config")).Block(
				jen.Id("c").Dot(s.Field).Op("=").Id("value"),
			)),
		)
	}

	// func New(opts ...Option) (*Client, error) { cfg := config{...}; ...; return c, nil }
	f.Add(f.doc("New returns a client. Options given here apply to every call."))
	f.Func().Id("New").Params(jen.Id("opts").Op("...").Id("Option")).Params(jen.Op("*").Id("Client"), jen.Error()).BlockFunc(func(g *jen.Group) {
		g.Id("cfg").Op(":=").Id("config").Values(jen.DictFunc(func(d jen.Dict) {
			d[jen.Id("httpClient")] = jen.Qual(httpPkg, "DefaultClient")
			if api.Auth != nil && api.Auth.Grants {
				// The calls of a client share the tokens its grants fetch.
				d[jen.Id(api.Auth.Field)] = jen.Id("authConfig").Values(jen.Dict{
					jen.Id("oauth2Tokens"): jen.Op("&").Id("oauth2Tokens").Values(),
				})
			}
			for _, s := range api.Settings {
				if s.HasDefault {
					d[jen.Id(s.Field)] = jen.Lit(s.Default)
				}
			}
		}))
		g.For(jen.List(jen.Id("_"), jen.Id("opt")).Op(":=").Range().Id("opts")).Block(jen.Id("opt").Call(jen.Op("&").Id("cfg")))
		g.If(jen.Err().Op(":=").Id("cfg").Dot("validate").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err()))
		g.Id("c").Op(":=").Op("&").Id("Client").Values(jen.Dict{jen.Id("cfg"): jen.Id("cfg")})
		serviceInits(g, jen.Id("c"), api.Root)
		g.Return(jen.Id("c"), jen.Nil())
	})

	// func (c *config) validate() error: only what every request needs. URL
	// settings are checked by the methods that send to them (checkOrigin),
	// so one that a few requests use does not stop the rest.
	f.Add(f.doc("validate rejects a configuration no request could be sent with, so that\nmistakes surface in New rather than on the first call."))
	f.Func().Params(jen.Id("c").Op("*").Id("config")).Id("validate").Params().Error().BlockFunc(func(g *jen.Group) {
		g.If(jen.Id("c").Dot("httpClient").Op("==").Nil()).Block(
			jen.Return(jen.Qual("errors", "New").Call(jen.Id("packageName").Op("+").Lit(": WithHTTPClient was given a nil client"))),
		)
		g.Return(jen.Nil())
	})

	return f
}

// hasOps reports whether svc or a service below it has an operation: a
// collection of folders without requests sends nothing.
func hasOps(svc *model.Service) bool {
	return len(svc.Ops) > 0 || slices.ContainsFunc(svc.Services, hasOps)
}

// serviceFields declares one field per sub-folder: Sessions *SessionsService.
func serviceFields(f *genFile, g *jen.Group, svc *model.Service) {
	for _, sub := range svc.Services {
		g.Add(f.doc(sub.FieldDoc))
		g.Id(sub.Field).Op("*").Id(sub.TypeName)
	}
}

// serviceInits wires every service to the client, depth first:
//
//	c.Sessions = &SessionsService{client: c}
func serviceInits(g *jen.Group, parent *jen.Statement, svc *model.Service) {
	for _, sub := range svc.Services {
		target := jen.Add(parent).Dot(sub.Field)
		g.Add(target).Op("=").Op("&").Id(sub.TypeName).Values(jen.Dict{jen.Id("client"): jen.Id("c")})
		serviceInits(g, jen.Add(parent).Dot(sub.Field), sub)
	}
}
