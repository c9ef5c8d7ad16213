package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// authFile emits auth.go: the credential options, where the config keeps
// them, the hook send calls, and the signing code of the schemes the API
// uses (auth_*.go in this package emit one scheme family each).
func authFile(api *model.API) *jen.File {
	f := newFile(api)
	set := api.Auth
	field := set.Field

	// type authConfig struct { basic *[2]string; ...; now func() time.Time; nonce func() string }
	f.Add(comment("authConfig holds the credentials the auth options set; nil or empty means\n" +
		"not given, and requests are then sent without that auth. now and nonce are\n" +
		"hooks for tests that need a fixed clock and nonce; nil uses the real ones."))
	f.Type().Id("authConfig").StructFunc(func(g *jen.Group) {
		for _, s := range set.Schemes {
			switch s {
			case model.AuthBasic:
				g.Id("basic").Op("*").Index(jen.Lit(2)).String().Comment("username, password")
			case model.AuthBearer:
				g.Id("bearer").String()
			case model.AuthAPIKey:
				g.Id("apiKey").String()
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
		g.Id("now").Func().Params().Qual("time", "Time")
		g.Id("nonce").Func().Params().String()
	})

	for _, o := range set.Options {
		authOption(f, field, o)
	}

	// type authScheme interface { sign(cfg *config, req *http.Request, body []byte) error }
	f.Add(comment("authScheme signs a request for one scheme, with the scheme's settings from\n" +
		"the collection in its fields and the credentials from the config. body is\n" +
		"the request body (also readable from req)."))
	f.Type().Id("authScheme").Interface(
		jen.Id("sign").Params(signParams()...).Error(),
	)

	// func (c *config) doSigned(req *http.Request, r *request) (*http.Response, error)
	f.Add(comment("doSigned signs req for r.auth, runs the request editors and sends it. A\n" +
		"digest request whose first attempt is challenged is answered and sent\n" +
		"once more."))
	f.Func().Params(jen.Id("c").Op("*").Id("config")).Id("doSigned").Params(
		jen.Id("req").Op("*").Qual(httpPkg, "Request"), jen.Id("r").Op("*").Id("request"),
	).Params(jen.Op("*").Qual(httpPkg, "Response"), jen.Error()).BlockFunc(func(g *jen.Group) {
		g.If(jen.Id("r").Dot("auth").Op("!=").Nil()).Block(
			jen.If(jen.Err().Op(":=").Id("r").Dot("auth").Dot("sign").Call(jen.Id("c"), jen.Id("req"), jen.Id("r").Dot("body")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), jen.Err()),
			),
		)
		// if req.Header.Get("Accept") == "" { req.Header.Set("Accept", "*/*") }
		g.Add(comment("Postman accepts any media type unless the request sets Accept, and adds\nthe header after signing: an AWS signature does not cover it."))
		g.Add(defaultAccept())
		// if err := c.edit(req); err != nil { return nil, err }
		g.Add(comment("Editors run after auth, so that they see the request as it will be sent."))
		g.If(jen.Err().Op(":=").Id("c").Dot("edit").Call(jen.Id("req")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err()))
		g.List(jen.Id("resp"), jen.Err()).Op(":=").Id("c").Dot("httpClient").Dot("Do").Call(jen.Id("req"))
		if set.Uses(model.AuthDigest) {
			g.If(jen.List(jen.Id("d"), jen.Id("ok")).Op(":=").Id("r").Dot("auth").Assert(jen.Id("digestAuth")), jen.Id("ok").Op("&&").Err().Op("==").Nil()).Block(
				jen.Return(jen.Id("d").Dot("answer").Call(jen.Id("c"), jen.Id("req"), jen.Id("r").Dot("body"), jen.Id("resp"))),
			)
		}
		g.Return(jen.Id("resp"), jen.Err())
	})

	// func (c *config) authNow() time.Time / authNonce() string: the hooks or the real thing.
	f.Func().Params(jen.Id("c").Op("*").Id("config")).Id("authNow").Params().Qual("time", "Time").Block(
		jen.If(jen.Id("c").Dot(field).Dot("now").Op("!=").Nil()).Block(jen.Return(jen.Id("c").Dot(field).Dot("now").Call())),
		jen.Return(jen.Qual("time", "Now").Call()),
	)
	f.Add(comment("authNonce returns 16 random bytes in hex: unique per request, as replay\nprotection requires."))
	f.Func().Params(jen.Id("c").Op("*").Id("config")).Id("authNonce").Params().String().Block(
		jen.If(jen.Id("c").Dot(field).Dot("nonce").Op("!=").Nil()).Block(jen.Return(jen.Id("c").Dot(field).Dot("nonce").Call())),
		jen.Var().Id("b").Index(jen.Lit(16)).Byte(),
		jen.Qual("crypto/rand", "Read").Call(jen.Id("b").Index(jen.Empty(), jen.Empty())),
		jen.Return(jen.Qual("encoding/hex", "EncodeToString").Call(jen.Id("b").Index(jen.Empty(), jen.Empty()))),
	)

	// func addQueryParam(req *http.Request, key, value string): appends to the
	// raw query, encoding everything: credentials are never pre-encoded.
	f.Func().Id("addQueryParam").Params(jen.Id("req").Op("*").Qual(httpPkg, "Request"), jen.List(jen.Id("key"), jen.Id("value")).String()).Block(
		jen.If(jen.Id("req").Dot("URL").Dot("RawQuery").Op("!=").Lit("")).Block(jen.Id("req").Dot("URL").Dot("RawQuery").Op("+=").Lit("&")),
		jen.Id("req").Dot("URL").Dot("RawQuery").Op("+=").Id("escapeRFC3986").Call(jen.Id("key"), jen.False()).Op("+").Lit("=").Op("+").Id("escapeRFC3986").Call(jen.Id("value"), jen.False()),
	)

	// func hmacSum(h func() hash.Hash, key []byte, data string) []byte
	f.Func().Id("hmacSum").Params(jen.Id("h").Func().Params().Qual("hash", "Hash"), jen.Id("key").Index().Byte(), jen.Id("data").String()).Index().Byte().Block(
		jen.Id("m").Op(":=").Qual("crypto/hmac", "New").Call(jen.Id("h"), jen.Id("key")),
		jen.Id("m").Dot("Write").Call(jen.Index().Byte().Parens(jen.Id("data"))),
		jen.Return(jen.Id("m").Dot("Sum").Call(jen.Nil())),
	)
	// func hashSum(h func() hash.Hash, data []byte) []byte
	f.Func().Id("hashSum").Params(jen.Id("h").Func().Params().Qual("hash", "Hash"), jen.Id("data").Index().Byte()).Index().Byte().Block(
		jen.Id("d").Op(":=").Id("h").Call(),
		jen.Id("d").Dot("Write").Call(jen.Id("data")),
		jen.Return(jen.Id("d").Dot("Sum").Call(jen.Nil())),
	)

	rfc3986Funcs(f)
	for _, s := range set.Schemes {
		switch s {
		case model.AuthBasic, model.AuthBearer, model.AuthAPIKey, model.AuthOAuth2:
			tokenScheme(f, field, s)
		case model.AuthDigest:
			digestScheme(f, field)
		case model.AuthAWSV4:
			awsScheme(f, field)
		case model.AuthOAuth1:
			oauth1Scheme(f, field)
		case model.AuthHawk:
			hawkScheme(f, field)
		case model.AuthEdgeGrid:
			edgeGridScheme(f, field)
		}
	}
	return f
}

// signParams are the parameters of every sign method:
// (cfg *config, req *http.Request, body []byte).
func signParams() []jen.Code {
	return []jen.Code{
		jen.Id("cfg").Op("*").Id("config"),
		jen.Id("req").Op("*").Qual(httpPkg, "Request"),
		jen.Id("body").Index().Byte(),
	}
}

// signMethod emits func (a T) sign(cfg *config, req *http.Request, body []byte) error { ... }.
func signMethod(f *jen.File, typ string, body func(g *jen.Group)) {
	f.Func().Params(jen.Id("a").Id(typ)).Id("sign").Params(signParams()...).Error().BlockFunc(body)
}

// authOption emits one credential option:
//
//	func WithBasicAuth(username, password string) Option {
//		return func(c *config) { c.auth.basic = &[2]string{username, password} }
//	}
func authOption(f *jen.File, field string, o *model.AuthOption) {
	var params []jen.Code
	var assign *jen.Statement
	set := func(name string) *jen.Statement { return jen.Id("c").Dot(field).Dot(name).Op("=") }
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
		assign = set("bearer").Id("token")
	case model.AuthAPIKey:
		strs("key")
		assign = set("apiKey").Id("key")
	case model.AuthOAuth2:
		if o.Source {
			params = []jen.Code{jen.Id("source").Func().Params(jen.Qual("context", "Context")).Params(jen.String(), jen.Error())}
			assign = set("oauth2").Id("source")
		} else {
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
	f.Add(comment(o.Doc))
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
	values := func(typ string, fs ...field) jen.Code {
		d := jen.Dict{}
		for _, f := range fs {
			if f.set {
				d[jen.Id(f.name)] = f.value
			}
		}
		return jen.Id(typ).Values(d)
	}
	tmpl := func(name string, t model.Template) field { return field{name, templateExpr(t), t.String() != ""} }
	flag := func(name string, v bool) field { return field{name, jen.Lit(v), v} }
	text := func(name, v string) field { return field{name, jen.Lit(v), v != ""} }
	switch a.Scheme {
	case model.AuthBasic:
		return jen.Id("basicAuth").Values()
	case model.AuthBearer:
		return jen.Id("bearerAuth").Values()
	case model.AuthAPIKey:
		return values("apiKeyAuth", tmpl("name", a.Name), flag("inQuery", a.InQuery))
	case model.AuthOAuth2:
		return values("oauth2Auth", tmpl("prefix", a.Prefix), flag("inQuery", a.InQuery))
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
		d := jen.Dict{jen.Id("maxBody"): jen.Lit(a.MaxBody)}
		if len(hs) > 0 {
			d[jen.Id("headers")] = jen.Index().String().Values(hs...)
		}
		return jen.Id("edgeGridAuth").Values(d)
	}
	return jen.Nil()
}

// authRequestField is the request's auth, when the API uses any:
//
//	auth authScheme // nil: the request sends no auth
func authRequestField(api *model.API) jen.Code {
	if api.Auth == nil {
		return jen.Null()
	}
	return jen.Id("auth").Id("authScheme").Comment("nil: the request sends no auth")
}

// defaultAccept sends Accept: */*, as Postman does, unless the request
// sets Accept:
//
//	if req.Header.Get("Accept") == "" { req.Header.Set("Accept", "*/*") }
func defaultAccept() *jen.Statement {
	return jen.If(jen.Id("req").Dot("Header").Dot("Get").Call(jen.Lit("Accept")).Op("==").Lit("")).Block(
		jen.Id("req").Dot("Header").Dot("Set").Call(jen.Lit("Accept"), jen.Lit("*/*")),
	)
}
