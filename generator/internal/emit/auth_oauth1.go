package emit

import (
	"github.com/dave/jennifer/jen"
)

// oauth1Scheme emits OAuth 1.0a signing (RFC 5849 §3.4): the signature base
// string covers the query and, for urlencoded bodies, the form parameters.
// Parameters go in the Authorization header (addParamsToHeader true), or
// in a POST/PUT form body or else the query, as Postman places them.
func oauth1Scheme(f *jen.File, field string) {
	id, lit := jen.Id, jen.Lit
	enc := func(c jen.Code) *jen.Statement { return id("escapeRFC3986").Call(c, jen.False()) }
	b64 := func(c jen.Code) *jen.Statement {
		return jen.Qual("encoding/base64", "StdEncoding").Dot("EncodeToString").Call(c)
	}
	pair := func(k string, v jen.Code) jen.Code { return jen.Values(lit(k), v) }

	// type oauth1Auth struct { method string; inQuery bool; realm, version string; bodyHash, emptyParams bool }
	f.Add(comment("oauth1Auth signs with OAuth 1.0a and the WithOAuth1 credentials, with the\nsignature method and parameter placement the collection chose."))
	f.Type().Id("oauth1Auth").Struct(
		id("method").String(),
		id("inQuery").Bool(),
		jen.List(id("realm"), id("version")).String(),
		jen.List(id("bodyHash"), id("emptyParams")).Bool(),
	)
	signMethod(f, "oauth1Auth", func(g *jen.Group) {
		g.Id("c").Op(":=").Id("cfg").Dot(field).Dot("oauth1")
		g.If(id("c").Op("==").Nil()).Block(jen.Return(jen.Nil()))
		g.Id("form").Op(":=").Qual("strings", "HasPrefix").Call(
			jen.Qual("strings", "ToLower").Call(id("req").Dot("Header").Dot("Get").Call(lit("Content-Type"))), lit("application/x-www-form-urlencoded"))
		g.Var().Id("newHash").Func().Params().Qual("hash", "Hash")
		g.Switch(id("a").Dot("method")).Block(
			jen.Case(lit("HMAC-SHA1"), lit("PLAINTEXT")).Block(id("newHash").Op("=").Qual("crypto/sha1", "New")),
			jen.Case(lit("HMAC-SHA256")).Block(id("newHash").Op("=").Qual("crypto/sha256", "New")),
			jen.Case(lit("HMAC-SHA512")).Block(id("newHash").Op("=").Qual("crypto/sha512", "New")),
			jen.Default().Block(jen.Return(jen.Qual("fmt", "Errorf").Call(lit("OAuth 1.0a: cannot sign with %q"), id("a").Dot("method")))),
		)
		g.Id("params").Op(":=").Index().Index(lit(2)).String().Values(
			pair("oauth_consumer_key", id("c").Index(lit(0))),
			pair("oauth_token", id("c").Index(lit(2))),
			pair("oauth_signature_method", id("a").Dot("method")),
			pair("oauth_timestamp", jen.Qual("strconv", "FormatInt").Call(id("cfg").Dot("authNow").Call().Dot("Unix").Call(), lit(10))),
			pair("oauth_nonce", id("cfg").Dot("authNonce").Call()),
			pair("oauth_version", id("a").Dot("version")),
		)
		g.Comment("The body hash extension covers bodies that are not form parameters.")
		g.If(id("a").Dot("bodyHash").Op("&&").Op("!").Id("form")).Block(
			id("params").Op("=").Append(id("params"), jen.Index(lit(2)).String().Values(lit("oauth_body_hash"), b64(id("hashSum").Call(id("newHash"), id("body"))))),
		)
		g.If(jen.Op("!").Id("a").Dot("emptyParams")).Block(
			id("params").Op("=").Qual("slices", "DeleteFunc").Call(id("params"), jen.Func().Params(id("p").Index(lit(2)).String()).Bool().Block(
				jen.Return(id("p").Index(lit(1)).Op("==").Lit("")))),
		)
		g.Id("all").Op(":=").Id("signedPairs").Call(id("req").Dot("URL").Dot("RawQuery"))
		g.If(id("form")).Block(id("all").Op("=").Append(id("all"), id("signedPairs").Call(jen.String().Call(id("body"))).Op("...")))
		g.For(jen.List(id("_"), id("p")).Op(":=").Range().Id("params")).Block(
			id("all").Op("=").Append(id("all"), jen.Index(lit(2)).String().Values(enc(id("p").Index(lit(0))), enc(id("p").Index(lit(1))))),
		)
		g.Id("base").Op(":=").Id("req").Dot("Method").Op("+").Lit("&").Op("+").Add(enc(id("oauth1BaseURL").Call(id("req").Dot("URL")))).
			Op("+").Lit("&").Op("+").Add(enc(id("joinPairs").Call(id("all"))))
		g.Id("key").Op(":=").Add(enc(id("c").Index(lit(1)))).Op("+").Lit("&").Op("+").Add(enc(id("c").Index(lit(3))))
		g.Id("signature").Op(":=").Id("key")
		g.If(id("a").Dot("method").Op("!=").Lit("PLAINTEXT")).Block(
			id("signature").Op("=").Add(b64(id("hmacSum").Call(id("newHash"), jen.Index().Byte().Parens(id("key")), id("base")))),
		)
		g.Id("params").Op("=").Append(id("params"), jen.Index(lit(2)).String().Values(lit("oauth_signature"), id("signature")))
		g.Var().Id("encoded").Index().String()
		g.For(jen.List(id("_"), id("p")).Op(":=").Range().Id("params")).Block(
			id("encoded").Op("=").Append(id("encoded"), enc(id("p").Index(lit(0))).Op("+").Lit("=").Op("+").Add(enc(id("p").Index(lit(1))))),
		)
		g.Switch().Block(
			// Authorization: OAuth realm="...", oauth_consumer_key="...", ...
			jen.Case(jen.Op("!").Id("a").Dot("inQuery")).Block(
				id("h").Op(":=").Lit("OAuth "),
				jen.If(id("a").Dot("realm").Op("!=").Lit("")).Block(id("h").Op("+=").Lit(`realm="`).Op("+").Add(enc(id("a").Dot("realm"))).Op("+").Lit(`", `)),
				jen.For(jen.List(id("i"), id("e")).Op(":=").Range().Id("encoded")).Block(
					jen.List(id("k"), id("v"), id("_")).Op(":=").Qual("strings", "Cut").Call(id("e"), lit("=")),
					jen.If(id("i").Op(">").Lit(0)).Block(id("h").Op("+=").Lit(", ")),
					id("h").Op("+=").Id("k").Op("+").Lit(`="`).Op("+").Id("v").Op("+").Lit(`"`),
				),
				id("setHeader").Call(id("req").Dot("Header"), lit("Authorization"), id("h")),
			),
			jen.Case(id("form").Op("&&").Parens(id("req").Dot("Method").Op("==").Lit("POST").Op("||").Id("req").Dot("Method").Op("==").Lit("PUT"))).Block(
				id("data").Op(":=").String().Call(id("body")),
				jen.If(id("data").Op("!=").Lit("")).Block(id("data").Op("+=").Lit("&")),
				id("full").Op(":=").Index().Byte().Parens(id("data").Op("+").Qual("strings", "Join").Call(id("encoded"), lit("&"))),
				id("req").Dot("Body").Op("=").Qual("io", "NopCloser").Call(jen.Qual("bytes", "NewReader").Call(id("full"))),
				id("req").Dot("ContentLength").Op("=").Int64().Call(jen.Len(id("full"))),
				id("req").Dot("GetBody").Op("=").Func().Params().Params(jen.Qual("io", "ReadCloser"), jen.Error()).Block(
					jen.Return(jen.Qual("io", "NopCloser").Call(jen.Qual("bytes", "NewReader").Call(id("full"))), jen.Nil()),
				),
			),
			jen.Default().Block(
				jen.If(id("req").Dot("URL").Dot("RawQuery").Op("!=").Lit("")).Block(id("req").Dot("URL").Dot("RawQuery").Op("+=").Lit("&")),
				id("req").Dot("URL").Dot("RawQuery").Op("+=").Qual("strings", "Join").Call(id("encoded"), lit("&")),
			),
		)
		g.Return(jen.Nil())
	})

	// func oauth1BaseURL(u *url.URL) string: scheme and host lower case, default port dropped, no query.
	f.Add(comment("oauth1BaseURL is the base string URI of RFC 5849 §3.4.1.2: lower-case scheme\nand host, the port only when it is not the scheme's default, and the path."))
	f.Func().Id("oauth1BaseURL").Params(id("u").Op("*").Qual(urlPkg, "URL")).String().Block(
		id("scheme").Op(":=").Qual("strings", "ToLower").Call(id("u").Dot("Scheme")),
		id("host").Op(":=").Qual("strings", "ToLower").Call(id("u").Dot("Hostname").Call()),
		jen.If(id("p").Op(":=").Id("u").Dot("Port").Call(), id("p").Op("!=").Lit("").Op("&&").
			Op("!").Parens(id("scheme").Op("==").Lit("http").Op("&&").Id("p").Op("==").Lit("80")).Op("&&").
			Op("!").Parens(id("scheme").Op("==").Lit("https").Op("&&").Id("p").Op("==").Lit("443"))).Block(
			id("host").Op("+=").Lit(":").Op("+").Id("p"),
		),
		jen.Return(id("scheme").Op("+").Lit("://").Op("+").Id("host").Op("+").Qual("cmp", "Or").Call(id("u").Dot("EscapedPath").Call(), lit("/"))),
	)
}
