package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// tokenScheme emits the schemes that send a credential as it is: basic,
// bearer, API key and OAuth 2.
func tokenScheme(f *jen.File, field string, s model.AuthScheme) {
	creds := jen.Id("cfg").Dot(field)
	setAuthz := func(value jen.Code) *jen.Statement {
		return jen.Id("setHeader").Call(jen.Id("req").Dot("Header"), jen.Lit("Authorization"), value)
	}
	switch s {
	case model.AuthBasic:
		// type basicAuth struct{}; sign sets "Authorization: Basic base64(user:pass)".
		f.Add(comment("basicAuth sends the WithBasicAuth credentials as HTTP Basic auth."))
		f.Type().Id("basicAuth").Struct()
		signMethod(f, "basicAuth", func(g *jen.Group) {
			g.If(jen.Id("c").Op(":=").Add(creds.Clone().Dot("basic")), jen.Id("c").Op("!=").Nil()).Block(
				jen.Id("token").Op(":=").Qual("encoding/base64", "StdEncoding").Dot("EncodeToString").Call(
					jen.Index().Byte().Parens(jen.Id("c").Index(jen.Lit(0)).Op("+").Lit(":").Op("+").Id("c").Index(jen.Lit(1)))),
				setAuthz(jen.Lit("Basic ").Op("+").Id("token")),
			)
			g.Return(jen.Nil())
		})
	case model.AuthBearer:
		// type bearerAuth struct{}; sign sets "Authorization: Bearer <token>".
		f.Add(comment("bearerAuth sends the WithBearerToken token."))
		f.Type().Id("bearerAuth").Struct()
		signMethod(f, "bearerAuth", func(g *jen.Group) {
			g.If(creds.Clone().Dot("bearer").Op("!=").Lit("")).Block(
				setAuthz(jen.Lit("Bearer ").Op("+").Add(creds.Clone().Dot("bearer"))),
			)
			g.Return(jen.Nil())
		})
	case model.AuthAPIKey:
		// type apiKeyAuth struct { name string; inQuery bool }
		f.Add(comment("apiKeyAuth sends the WithAPIKey key in the header, or the query parameter,\nthat the collection names."))
		f.Type().Id("apiKeyAuth").Struct(
			jen.Id("name").String(),
			jen.Id("inQuery").Bool(),
		)
		signMethod(f, "apiKeyAuth", func(g *jen.Group) {
			key := creds.Clone().Dot("apiKey")
			g.If(key.Clone().Op("==").Lit("")).Block(jen.Return(jen.Nil()))
			g.If(jen.Id("a").Dot("inQuery")).Block(
				jen.Id("addQueryParam").Call(jen.Id("req"), jen.Id("a").Dot("name"), key.Clone()),
			).Else().Block(
				jen.Id("setHeader").Call(jen.Id("req").Dot("Header"), jen.Id("a").Dot("name"), key.Clone()),
			)
			g.Return(jen.Nil())
		})
	case model.AuthOAuth2:
		// type oauth2Auth struct { prefix string; inQuery bool }
		f.Add(comment("oauth2Auth sends the token WithOAuth2Token or WithOAuth2TokenSource\ngives, after the collection's header prefix or as access_token in the query."))
		f.Type().Id("oauth2Auth").Struct(
			jen.Id("prefix").String(),
			jen.Id("inQuery").Bool(),
		)
		signMethod(f, "oauth2Auth", func(g *jen.Group) {
			src := creds.Clone().Dot("oauth2")
			g.If(src.Clone().Op("==").Nil()).Block(jen.Return(jen.Nil()))
			g.List(jen.Id("token"), jen.Err()).Op(":=").Add(src.Clone()).Call(jen.Id("req").Dot("Context").Call())
			g.If(jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("getting the OAuth 2 token: %w"), jen.Err())),
			)
			g.Switch().Block(
				jen.Case(jen.Id("token").Op("==").Lit("")).Block(),
				jen.Case(jen.Id("a").Dot("inQuery")).Block(
					jen.Id("addQueryParam").Call(jen.Id("req"), jen.Lit("access_token"), jen.Id("token")),
				),
				jen.Default().Block(
					setAuthz(jen.Qual("strings", "TrimSpace").Call(jen.Id("a").Dot("prefix").Op("+").Lit(" ").Op("+").Id("token"))),
				),
			)
			g.Return(jen.Nil())
		})
	}
}
