package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

const (
	httpPkg = "net/http"
	urlPkg  = "net/url"
)

// clientFile emits the Client, its config, New and every Option.
func clientFile(api *model.API) *jen.File {
	f := newFile(api)

	// type Client struct { cfg config; Sessions *SessionsService; ... }
	f.Add(comment(api.ClientDoc))
	f.Type().Id("Client").StructFunc(func(g *jen.Group) {
		g.Id("cfg").Id("config")
		serviceFields(g, api.Root)
	})

	// type config struct { httpClient *http.Client; baseURL string; ... }
	f.Add(comment("config is everything an Option sets. A Client keeps one; every call works\n" +
		"on a copy with the call's own options applied, so per-call options never leak."))
	f.Type().Id("config").StructFunc(func(g *jen.Group) {
		g.Id("httpClient").Op("*").Qual(httpPkg, "Client")
		g.Id("header").Qual(httpPkg, "Header")
		g.Id("timeout").Qual("time", "Duration")
		g.Id("retry").Id("RetryPolicy")
		g.Id("editors").Index().Add(editorType())
		g.Id("responseInto").Op("**").Qual(httpPkg, "Response")
		if api.Auth != nil {
			g.Id(api.Auth.Field).Id("authConfig")
		}
		for _, s := range api.Settings {
			g.Id(s.Field).String()
		}
		pageConfigFields(g, api)
	})

	// type Option func(*config)
	f.Add(comment("Option configures the client when passed to New, and a single call when\n" +
		"passed to a method, where it overrides the client's setting for that call."))
	f.Type().Id("Option").Func().Params(jen.Op("*").Id("config"))

	// func WithHTTPClient(hc *http.Client) Option { return func(c *config) { c.httpClient = hc } }
	f.Add(comment("WithHTTPClient sets the HTTP client that sends requests. The default is\nhttp.DefaultClient."))
	f.Func().Id("WithHTTPClient").Params(jen.Id("hc").Op("*").Qual(httpPkg, "Client")).Id("Option").Block(
		jen.Return(jen.Func().Params(jen.Id("c").Op("*").Id("config")).Block(
			jen.Id("c").Dot("httpClient").Op("=").Id("hc"),
		)),
	)

	// func WithHeader(key, value string) Option: clones, then adds.
	f.Add(comment(api.HeaderOptionDoc))
	f.Func().Id("WithHeader").Params(jen.List(jen.Id("key"), jen.Id("value")).String()).Id("Option").Block(
		jen.Return(jen.Func().Params(jen.Id("c").Op("*").Id("config")).Block(
			comment("Clone first: the map may be shared with the client a call was made from."),
			jen.Id("c").Dot("header").Op("=").Id("c").Dot("header").Dot("Clone").Call(),
			jen.If(jen.Id("c").Dot("header").Op("==").Nil()).Block(
				jen.Id("c").Dot("header").Op("=").Qual(httpPkg, "Header").Values(),
			),
			jen.Id("c").Dot("header").Dot("Add").Call(jen.Id("key"), jen.Id("value")),
		)),
	)

	// func WithTimeout(d time.Duration) Option
	f.Add(comment("WithTimeout bounds each call as a whole: every attempt, the waits between\n" +
		"retries and reading the response body. Zero, the default, means no limit\n" +
		"beyond the context's."))
	f.Func().Id("WithTimeout").Params(jen.Id("d").Qual("time", "Duration")).Id("Option").Block(
		jen.Return(jen.Func().Params(jen.Id("c").Op("*").Id("config")).Block(
			jen.Id("c").Dot("timeout").Op("=").Id("d"),
		)),
	)

	hookOptions(f)

	// func WithRealm(realm string) Option { return func(c *config) { c.realm = realm } }
	for _, s := range api.Settings {
		f.Add(comment(s.Doc))
		f.Func().Id(s.Option).Params(jen.Id("value").String()).Id("Option").Block(
			jen.Return(jen.Func().Params(jen.Id("c").Op("*").Id("config")).Block(
				jen.Id("c").Dot(s.Field).Op("=").Id("value"),
			)),
		)
	}

	// func New(opts ...Option) (*Client, error) { cfg := config{...}; ...; return c, nil }
	f.Add(comment("New returns a client. Options given here apply to every call."))
	f.Func().Id("New").Params(jen.Id("opts").Op("...").Id("Option")).Params(jen.Op("*").Id("Client"), jen.Error()).BlockFunc(func(g *jen.Group) {
		g.Id("cfg").Op(":=").Id("config").Values(jen.DictFunc(func(d jen.Dict) {
			d[jen.Id("httpClient")] = jen.Qual(httpPkg, "DefaultClient")
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

	// func (c *config) validate() error: the base URL must be absolute.
	f.Add(comment("validate rejects a configuration no request could be sent with, so that\nmistakes surface in New rather than on the first call."))
	f.Func().Params(jen.Id("c").Op("*").Id("config")).Id("validate").Params().Error().BlockFunc(func(g *jen.Group) {
		g.If(jen.Id("c").Dot("httpClient").Op("==").Nil()).Block(
			jen.Return(jen.Qual("errors", "New").Call(jen.Lit(api.Package + ": WithHTTPClient was given a nil client"))),
		)
		for _, b := range api.Settings {
			if !b.URL || b.Nested != nil {
				// A URL resolved from other settings is checked when used.
				continue
			}
			g.If(jen.Id("c").Dot(b.Field).Op("==").Lit("")).Block(
				jen.Return(jen.Qual("errors", "New").Call(jen.Lit(api.Package + ": no URL for " + b.Key + ": pass " + b.Option))),
			)
			g.If(jen.List(jen.Id("u"), jen.Err()).Op(":=").Qual(urlPkg, "Parse").Call(jen.Id("c").Dot(b.Field)), jen.Err().Op("!=").Nil().Op("||").Id("u").Dot("Scheme").Op("==").Lit("").Op("||").Id("u").Dot("Host").Op("==").Lit("")).Block(
				jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit(api.Package+": "+b.Option+": %q is not an absolute URL"), jen.Id("c").Dot(b.Field))),
			)
		}
		g.Return(jen.Nil())
	})

	// func (c config) with(opts []Option) (config, error)
	f.Add(comment("with returns a copy of c with opts applied: the configuration of one call.\n" +
		"Per-call options are checked as New checks the client's, so that a bad\n" +
		"one fails the call with a clear error rather than deep in the transport."))
	f.Func().Params(jen.Id("c").Id("config")).Id("with").Params(jen.Id("opts").Index().Id("Option")).Params(jen.Id("config"), jen.Error()).Block(
		jen.If(jen.Len(jen.Id("opts")).Op("==").Lit(0)).Block(jen.Return(jen.Id("c"), jen.Nil())),
		comment("A copy declared past the early return: options take its address, which\nmoves it to the heap, and a call without options should not pay for that."),
		jen.Id("n").Op(":=").Id("c"),
		jen.For(jen.List(jen.Id("_"), jen.Id("opt")).Op(":=").Range().Id("opts")).Block(jen.Id("opt").Call(jen.Op("&").Id("n"))),
		jen.Return(jen.Id("n"), jen.Id("n").Dot("validate").Call()),
	)
	return f
}

// serviceFields declares one field per sub-folder: Sessions *SessionsService.
func serviceFields(g *jen.Group, svc *model.Service) {
	for _, sub := range svc.Services {
		g.Add(comment(sub.FieldDoc))
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

// editorType is the type of a request editor:
//
//	func(ctx context.Context, req *http.Request) error
func editorType() *jen.Statement {
	return jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("req").Op("*").Qual(httpPkg, "Request")).Error()
}

// hookOptions emits the options that reach into a call: WithRequestEditor
// and WithResponseInto.
func hookOptions(f *jen.File) {
	// func WithRequestEditor(edit func(ctx context.Context, req *http.Request) error) Option
	f.Add(comment("WithRequestEditor adds a function that may change each request just before\n" +
		"it is sent: after its headers and auth are set, on every attempt. Editors\n" +
		"given to New run before those given to a call, and each group in the\n" +
		"order given. An editor's error fails the call without sending. An editor\n" +
		"that changes a signed request (AWS, OAuth 1, Hawk, EdgeGrid) invalidates\n" +
		"the signature; add such headers with WithHeader instead."))
	f.Func().Id("WithRequestEditor").Params(jen.Id("edit").Add(editorType())).Id("Option").Block(
		jen.Return(jen.Func().Params(jen.Id("c").Op("*").Id("config")).Block(
			comment("A full slice expression, so that appending for one call copies rather\nthan writing into the array the client's editors share."),
			jen.Id("c").Dot("editors").Op("=").Append(
				jen.Id("c").Dot("editors").Index(jen.Empty(), jen.Len(jen.Id("c").Dot("editors")), jen.Len(jen.Id("c").Dot("editors"))),
				jen.Id("edit"),
			),
		)),
	)

	// func WithResponseInto(dst **http.Response) Option
	f.Add(comment("WithResponseInto stores the raw HTTP response of a call in *dst, whenever\n" +
		"one arrives: with a 2xx status, with an error status (beside the\n" +
		"*APIError) and when the body could not be read or decoded. After retries\n" +
		"it is the last response. Its Body has already been read and closed; use\n" +
		"the method's results for the content. Pass it to a single call: given to\n" +
		"New, concurrent calls would all write to *dst."))
	f.Func().Id("WithResponseInto").Params(jen.Id("dst").Op("**").Qual(httpPkg, "Response")).Id("Option").Block(
		jen.Return(jen.Func().Params(jen.Id("c").Op("*").Id("config")).Block(
			jen.Id("c").Dot("responseInto").Op("=").Id("dst"),
		)),
	)
}
