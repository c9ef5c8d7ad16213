package emit

import (
	"github.com/dave/jennifer/jen"
)

// awsScheme emits AWS Signature Version 4: the canonical request, the
// string to sign and the derived signing key, as AWS documents them.
// Every header on the request is signed (except those proxies and the
// transport may change), so that what the method sets cannot be altered.
func awsScheme(f *jen.File, field string) {
	id, lit := jen.Id, jen.Lit
	sha := jen.Qual("crypto/sha256", "New")
	hexOf := func(c jen.Code) *jen.Statement { return jen.Qual("encoding/hex", "EncodeToString").Call(c) }
	set := func(name string, value jen.Code) *jen.Statement {
		return id("setHeader").Call(id("req").Dot("Header"), lit(name), value)
	}

	// type awsV4Auth struct { region, service string }
	f.Add(comment("awsV4Auth signs with AWS Signature Version 4 and the WithAWSCredentials\ncredentials, for the collection's region and service."))
	f.Type().Id("awsV4Auth").Struct(jen.List(id("region"), id("service")).String())
	signMethod(f, "awsV4Auth", func(g *jen.Group) {
		g.Id("c").Op(":=").Id("cfg").Dot(field).Dot("aws")
		g.If(id("c").Op("==").Nil()).Block(jen.Return(jen.Nil()))
		g.Id("stamp").Op(":=").Id("cfg").Dot("authNow").Call().Dot("UTC").Call().Dot("Format").Call(lit("20060102T150405Z"))
		g.Id("day").Op(":=").Id("stamp").Index(jen.Empty(), lit(8))
		g.Id("payload").Op(":=").Add(hexOf(id("hashSum").Call(sha, id("body"))))
		g.Id("deleteHeader").Call(id("req").Dot("Header"), lit("Authorization"))
		g.Add(set("X-Amz-Date", id("stamp")))
		g.Comment("S3 requires the payload hash as a header; other services take it from the signature.")
		g.If(id("a").Dot("service").Op("==").Lit("s3")).Block(set("X-Amz-Content-Sha256", id("payload")))
		g.If(id("c").Index(lit(2)).Op("!=").Lit("")).Block(set("X-Amz-Security-Token", id("c").Index(lit(2))))
		g.Id("host").Op(":=").Qual("cmp", "Or").Call(id("req").Dot("Host"), id("req").Dot("URL").Dot("Host"))
		g.Id("headers").Op(":=").Map(jen.String()).String().Values(jen.Dict{lit("host"): id("host")})
		g.For(jen.List(id("k"), id("vs")).Op(":=").Range().Id("req").Dot("Header")).Block(
			id("k").Op("=").Qual("strings", "ToLower").Call(id("k")),
			jen.Switch(id("k")).Block(jen.Case(lit("user-agent"), lit("expect"), lit("connection"), lit("x-amzn-trace-id")).Block(jen.Continue())),
			id("values").Op(":=").Make(jen.Index().String(), jen.Len(id("vs"))),
			jen.For(jen.List(id("i"), id("v")).Op(":=").Range().Id("vs")).Block(
				id("values").Index(id("i")).Op("=").Qual("strings", "Join").Call(jen.Qual("strings", "Fields").Call(id("v")), lit(" ")),
			),
			id("headers").Index(id("k")).Op("=").Qual("strings", "Join").Call(id("values"), lit(",")),
		)
		g.Id("names").Op(":=").Qual("slices", "Sorted").Call(jen.Qual("maps", "Keys").Call(id("headers")))
		g.Var().Id("canon").Qual("strings", "Builder")
		g.For(jen.List(id("_"), id("n")).Op(":=").Range().Id("names")).Block(
			id("canon").Dot("WriteString").Call(id("n").Op("+").Lit(":").Op("+").Id("headers").Index(id("n")).Op("+").Lit("\n")),
		)
		g.Id("signed").Op(":=").Qual("strings", "Join").Call(id("names"), lit(";"))
		g.Id("path").Op(":=").Qual("cmp", "Or").Call(id("req").Dot("URL").Dot("EscapedPath").Call(), lit("/"))
		g.Comment("Every service but S3 wants the path encoded a second time.")
		g.If(id("a").Dot("service").Op("!=").Lit("s3")).Block(id("path").Op("=").Id("escapeRFC3986").Call(id("path"), jen.True()))
		g.Id("creq").Op(":=").Qual("strings", "Join").Call(jen.Index().String().Values(
			id("req").Dot("Method"), id("path"), id("canonicalQuery").Call(id("req").Dot("URL").Dot("RawQuery")), id("canon").Dot("String").Call(), id("signed"), id("payload"),
		), lit("\n"))
		g.Id("scope").Op(":=").Id("day").Op("+").Lit("/").Op("+").Id("a").Dot("region").Op("+").Lit("/").Op("+").Id("a").Dot("service").Op("+").Lit("/aws4_request")
		g.Id("toSign").Op(":=").Lit("AWS4-HMAC-SHA256\n").Op("+").Id("stamp").Op("+").Lit("\n").Op("+").Id("scope").Op("+").Lit("\n").Op("+").
			Add(hexOf(id("hashSum").Call(sha, jen.Index().Byte().Parens(id("creq")))))
		g.Id("key").Op(":=").Id("hmacSum").Call(sha, jen.Index().Byte().Parens(lit("AWS4").Op("+").Id("c").Index(lit(1))), id("day"))
		g.For(jen.List(id("_"), id("s")).Op(":=").Range().Index().String().Values(id("a").Dot("region"), id("a").Dot("service"), lit("aws4_request"))).Block(
			id("key").Op("=").Id("hmacSum").Call(sha, id("key"), id("s")),
		)
		g.Add(set("Authorization", lit("AWS4-HMAC-SHA256 Credential=").Op("+").Id("c").Index(lit(0)).Op("+").Lit("/").Op("+").Id("scope").
			Op("+").Lit(", SignedHeaders=").Op("+").Id("signed").Op("+").Lit(", Signature=").Op("+").
			Add(hexOf(id("hmacSum").Call(sha, id("key"), id("toSign"))))))
		g.Return(jen.Nil())
	})
}

// rfc3986Funcs emits the RFC 3986 encoding that AWS Signature v4 and
// OAuth 1.0a sign with, and the canonical query built from it:
//
//	func escapeRFC3986(s string, keepSlash bool) string
//	func canonicalQuery(raw string) string
func rfc3986Funcs(f *jen.File) {
	id, lit := jen.Id, jen.Lit
	f.Add(comment("escapeRFC3986 encodes every byte of s but the unreserved characters of\nRFC 3986 (and '/' when keepSlash), as signatures require."))
	f.Func().Id("escapeRFC3986").Params(id("s").String(), id("keepSlash").Bool()).String().Block(
		jen.Const().Id("hex").Op("=").Lit("0123456789ABCDEF"),
		jen.Var().Id("b").Qual("strings", "Builder"),
		jen.For(id("i").Op(":=").Lit(0), id("i").Op("<").Len(id("s")), id("i").Op("++")).Block(
			id("ch").Op(":=").Id("s").Index(id("i")),
			jen.If(jen.Parens(jen.LitByte('A').Op("<=").Id("ch").Op("&&").Id("ch").Op("<=").LitByte('Z')).Op("||").
				Parens(jen.LitByte('a').Op("<=").Id("ch").Op("&&").Id("ch").Op("<=").LitByte('z')).Op("||").
				Parens(jen.LitByte('0').Op("<=").Id("ch").Op("&&").Id("ch").Op("<=").LitByte('9')).Op("||").
				Qual("strings", "IndexByte").Call(lit("-_.~"), id("ch")).Op(">=").Lit(0).Op("||").
				Parens(id("ch").Op("==").LitByte('/').Op("&&").Id("keepSlash"))).Block(
				id("b").Dot("WriteByte").Call(id("ch")),
				jen.Continue(),
			),
			id("b").Dot("WriteByte").Call(jen.LitByte('%')),
			id("b").Dot("WriteByte").Call(id("hex").Index(id("ch").Op(">>").Lit(4))),
			id("b").Dot("WriteByte").Call(id("hex").Index(id("ch").Op("&").Lit(15))),
		),
		jen.Return(id("b").Dot("String").Call()),
	)

	f.Add(comment("signedPairs decodes a query or form body into pairs and re-encodes them\nfor a signature base, sorted by key and then value."))
	f.Func().Id("signedPairs").Params(id("raw").String()).Index().Index(lit(2)).String().Block(
		jen.Var().Id("pairs").Index().Index(lit(2)).String(),
		jen.For(jen.List(id("_"), id("part")).Op(":=").Range().Qual("strings", "Split").Call(id("raw"), lit("&"))).Block(
			jen.If(id("part").Op("==").Lit("")).Block(jen.Continue()),
			jen.List(id("k"), id("v"), id("_")).Op(":=").Qual("strings", "Cut").Call(id("part"), lit("=")),
			jen.If(jen.List(id("dk"), jen.Err()).Op(":=").Qual(urlPkg, "QueryUnescape").Call(id("k")), jen.Err().Op("==").Nil()).Block(id("k").Op("=").Id("dk")),
			jen.If(jen.List(id("dv"), jen.Err()).Op(":=").Qual(urlPkg, "QueryUnescape").Call(id("v")), jen.Err().Op("==").Nil()).Block(id("v").Op("=").Id("dv")),
			id("pairs").Op("=").Append(id("pairs"), jen.Index(lit(2)).String().Values(id("escapeRFC3986").Call(id("k"), jen.False()), id("escapeRFC3986").Call(id("v"), jen.False()))),
		),
		jen.Return(id("pairs")),
	)

	f.Add(comment("joinPairs sorts pairs by key, then value, and joins them as k=v&k=v."))
	f.Func().Id("joinPairs").Params(id("pairs").Index().Index(lit(2)).String()).String().Block(
		jen.Qual("slices", "SortFunc").Call(id("pairs"), jen.Func().Params(jen.List(id("x"), id("y")).Index(lit(2)).String()).Int().Block(
			jen.Return(jen.Qual("cmp", "Or").Call(
				jen.Qual("strings", "Compare").Call(id("x").Index(lit(0)), id("y").Index(lit(0))),
				jen.Qual("strings", "Compare").Call(id("x").Index(lit(1)), id("y").Index(lit(1))),
			)),
		)),
		id("parts").Op(":=").Make(jen.Index().String(), jen.Len(id("pairs"))),
		jen.For(jen.List(id("i"), id("p")).Op(":=").Range().Id("pairs")).Block(
			id("parts").Index(id("i")).Op("=").Id("p").Index(lit(0)).Op("+").Lit("=").Op("+").Id("p").Index(lit(1)),
		),
		jen.Return(jen.Qual("strings", "Join").Call(id("parts"), lit("&"))),
	)

	// func canonicalQuery(raw string) string { return joinPairs(signedPairs(raw)) }
	f.Func().Id("canonicalQuery").Params(id("raw").String()).String().Block(
		jen.Return(id("joinPairs").Call(id("signedPairs").Call(id("raw")))),
	)
}
