package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// authFile emits auth.go: the credential options and where the config
// keeps them. The signers of the schemes are the runtime's (signer_*.go).
func authFile(api *model.API) *genFile {
	f := newFile(api)
	set := api.Auth

	// type authConfig struct { basic *[2]string; ...; now func() time.Time; nonce func() string }
	doc := "authConfig holds the credentials the auth options set; nil or empty means\n" +
		"not given, and requests are then sent without that auth."
	switch {
	case set.Clock && set.Nonce:
		doc += " now and nonce are\nhooks for tests that need a fixed clock and nonce; nil uses the real ones."
	case set.Clock:
		doc += " now is a hook\nfor tests that need a fixed clock; nil uses the real one."
	case set.Nonce:
		doc += " nonce is a hook\nfor tests that need a fixed nonce; nil uses a random one."
	}
	f.Add(f.doc(doc))
	f.Type().Id("authConfig").StructFunc(func(g *jen.Group) {
		for _, s := range set.Schemes {
			switch s {
			case model.AuthBasic:
				g.Id("basic").Op("*").Index(jen.Lit(2)).String().Comment("username, password")
			case model.AuthBearer:
				g.Id("bearer").Op("*").String()
			case model.AuthAPIKey:
				g.Id("apiKey").Op("*").String()
			case model.AuthOAuth2:
				g.Id("oauth2").Func().Params(jen.Qual("context", "Context")).Params(jen.String(), jen.Error())
			case model.AuthDigest:
				g.Id("digest").Op("*").Index(jen.Lit(2)).String().Comment("username, password")
			case model.AuthAWSV4:
				g.Id("aws").Op("*").Index(jen.Lit(3)).String().Comment("access key ID, secret access key, session token")
			case model.AuthOAuth1:
				g.Id("oauth1").Op("*").Index(jen.Lit(4)).String().Comment("consumer key, consumer secret, token, token secret")
			case model.AuthHawk:
				g.Id("hawk").Op("*").Index(jen.Lit(2)).String().Comment("id, key")
			case model.AuthEdgeGrid:
				g.Id("edgeGrid").Op("*").Index(jen.Lit(3)).String().Comment("client token, client secret, access token")
			}
		}
		if set.Clock {
			g.Id("now").Func().Params().Qual("time", "Time")
		}
		if set.Nonce {
			g.Id("nonce").Func().Params().String()
		}
		if set.Grants {
			// oauth2Client, oauth2User *[2]string; oauth2TokenURL string; oauth2Tokens *oauth2Tokens
			g.Line()
			g.Comment("oauth2Client and oauth2User are the credentials of the grants the")
			g.Comment("client runs itself, oauth2TokenURL replaces the collection's token URL,")
			g.Comment("and oauth2Tokens is the client's token cache, which New makes.")
			g.List(jen.Id("oauth2Client"), jen.Id("oauth2User")).Op("*").Index(jen.Lit(2)).String()
			g.Id("oauth2TokenURL").String()
			g.Id("oauth2Tokens").Op("*").Id("oauth2Tokens")
		}
	})

	for _, o := range set.Options {
		authOption(f, o)
	}

	return f
}

// authOption emits one credential option:
//
//	func WithBasicAuth(username, password string) Option {
//		return func(c *config) { c.auth.basic = &[2]string{username, password} }
//	}
func authOption(f *genFile, o *model.AuthOption) {
	var params []jen.Code
	var assign *jen.Statement
	set := func(name string) *jen.Statement { return jen.Id("c").Dot("auth").Dot(name).Op("=") }
	pair := func(n int, names ...string) *jen.Statement {
		var vals []jen.Code
		for _, n := range names {
			vals = append(vals, jen.Id(n))
		}
		return jen.Op("&").Index(jen.Lit(n)).String().Values(vals...)
	}
	strs := func(names ...string) {
		var ids []jen.Code
		for _, n := range names {
			ids = append(ids, jen.Id(n))
		}
		params = []jen.Code{jen.List(ids...).String()}
	}
	switch o.Scheme {
	case model.AuthBasic:
		strs("username", "password")
		assign = set("basic").Add(pair(2, "username", "password"))
	case model.AuthBearer:
		strs("token")
		assign = set("bearer").Op("&").Id("token")
	case model.AuthAPIKey:
		strs("key")
		assign = set("apiKey").Op("&").Id("key")
	case model.AuthOAuth2:
		switch o.Kind {
		case model.OptionTokenSource:
			params = []jen.Code{jen.Id("source").Func().Params(jen.Qual("context", "Context")).Params(jen.String(), jen.Error())}
			assign = set("oauth2").Id("source")
		case model.OptionOAuth2Client:
			strs("clientID", "clientSecret")
			assign = set("oauth2Client").Add(pair(2, "clientID", "clientSecret"))
		case model.OptionOAuth2User:
			strs("username", "password")
			assign = set("oauth2User").Add(pair(2, "username", "password"))
		case model.OptionOAuth2TokenURL:
			strs("tokenURL")
			assign = set("oauth2TokenURL").Id("tokenURL")
		default:
			strs("token")
			assign = set("oauth2").Func().Params(jen.Qual("context", "Context")).Params(jen.String(), jen.Error()).Block(
				jen.Return(jen.Id("token"), jen.Nil()))
		}
	case model.AuthDigest:
		strs("username", "password")
		assign = set("digest").Add(pair(2, "username", "password"))
	case model.AuthAWSV4:
		strs("accessKeyID", "secretAccessKey", "sessionToken")
		assign = set("aws").Add(pair(3, "accessKeyID", "secretAccessKey", "sessionToken"))
	case model.AuthOAuth1:
		strs("consumerKey", "consumerSecret", "token", "tokenSecret")
		assign = set("oauth1").Add(pair(4, "consumerKey", "consumerSecret", "token", "tokenSecret"))
	case model.AuthHawk:
		strs("id", "key")
		assign = set("hawk").Add(pair(2, "id", "key"))
	case model.AuthEdgeGrid:
		strs("clientToken", "clientSecret", "accessToken")
		assign = set("edgeGrid").Add(pair(3, "clientToken", "clientSecret", "accessToken"))
	}
	f.Add(f.doc(o.Doc))
	f.Func().Id(o.Name).Params(params...).Id("Option").Block(
		jen.Return(jen.Func().Params(jen.Id("c").Op("*").Id("config")).Block(assign)),
	)
}

// authValue is the auth of one call, set by the method before send:
//
//	r.auth = apiKeyAuth{name: "X-API-Key", inQuery: false}
func authValue(a *model.Auth) jen.Code {
	// Fields the model leaves zero (a false flag, an empty template) are
	// left out of the literal.
	type field struct {
		name  string
		value jen.Code
		set   bool
	}
	valuesOf := func(typ string, fs ...field) jen.Code {
		d := jen.Dict{}
		for _, f := range fs {
			if f.set {
				d[jen.Id(f.name)] = f.value
			}
		}
		return jen.Id(typ).Values(d)
	}
	// around: textAround{{"Api-Token ", ""}}
	var arounds []jen.Code
	for _, t := range a.Around {
		arounds = append(arounds, jen.Values(jen.Lit(t.Before), jen.Lit(t.After)))
	}
	around := field{"around", jen.Id("textAround").Values(arounds...), len(arounds) > 0}
	values := func(typ string, fs ...field) jen.Code {
		return valuesOf(typ, append(fs, around)...)
	}
	tmpl := func(name string, t model.Template) field { return field{name, templateExpr(t), t.String() != ""} }
	flag := func(name string, v bool) field { return field{name, jen.Lit(v), v} }
	text := func(name, v string) field { return field{name, jen.Lit(v), v != ""} }
	emptyDefault := flag("emptyDefault", a.EmptyDefault)
	switch a.Scheme {
	case model.AuthBasic:
		return values("basicAuth", emptyDefault)
	case model.AuthBearer:
		return values("bearerAuth", emptyDefault)
	case model.AuthAPIKey:
		return values("apiKeyAuth", tmpl("name", a.Name), flag("inQuery", a.InQuery), emptyDefault)
	case model.AuthOAuth2:
		token := values("oauth2Auth", tmpl("prefix", a.Prefix), flag("inQuery", a.InQuery), emptyDefault)
		if g := a.Grant; g != nil {
			// oauth2FlowAuth{oauth2Auth: oauth2Auth{...}, grant: oauth2Grant{grantType: "client_credentials", tokenURL: ...}}
			return jen.Id("oauth2FlowAuth").Values(jen.Dict{
				jen.Id("oauth2Auth"): token,
				jen.Id("grant"): valuesOf("oauth2Grant", text("grantType", g.Type), tmpl("tokenURL", g.TokenURL),
					tmpl("scope", g.Scope), tmpl("audience", g.Audience), tmpl("resource", g.Resource),
					flag("clientInBody", g.ClientInBody), field{"params", grantParams(g.Params), len(g.Params) > 0}),
			})
		}
		return token
	case model.AuthDigest:
		return values("digestAuth", tmpl("realm", a.Realm), tmpl("nonce", a.Nonce), tmpl("opaque", a.Opaque),
			text("algorithm", a.Method), text("qop", a.Qop), text("nc", a.NonceCount))
	case model.AuthAWSV4:
		return values("awsV4Auth", tmpl("region", a.Region), tmpl("service", a.Service))
	case model.AuthOAuth1:
		return values("oauth1Auth", text("method", a.Method), flag("inQuery", a.Placement == model.OAuth1Query),
			tmpl("realm", a.Realm), text("version", a.Version), flag("bodyHash", a.BodyHash), flag("emptyParams", a.EmptyParams))
	case model.AuthHawk:
		return values("hawkAuth", text("algorithm", a.Method), tmpl("ext", a.Ext), tmpl("app", a.App),
			tmpl("dlg", a.Dlg), flag("payloadHash", a.BodyHash))
	case model.AuthEdgeGrid:
		var hs []jen.Code
		for _, h := range a.HeadersToSign {
			hs = append(hs, jen.Lit(h))
		}
		return values("edgeGridAuth", field{"maxBody", jen.Lit(a.MaxBody), true},
			field{"headers", jen.Index().String().Values(hs...), len(hs) > 0}, tmpl("baseURL", a.BaseURL))
	}
	return jen.Nil()
}

// grantParams spells a token request's extra parameters:
//
//	[][3]string{{"body", "audience", "api"}, {"header", "X-Tenant", cfg.tenant}}
func grantParams(ps []model.GrantParam) jen.Code {
	return jen.Index().Index(jen.Lit(3)).String().ValuesFunc(func(g *jen.Group) {
		for _, p := range ps {
			g.Values(jen.Lit(p.In), jen.Lit(p.Key), templateExpr(p.Value))
		}
	})
}
