package emit

import (
	"github.com/dave/jennifer/jen"
)

// hawkScheme emits Hawk: a MAC over the normalized request string
// ("hawk.1.header\n" ts, nonce, method, resource, host, port, hash, ext),
// with the optional payload hash, as the Hawk specification defines it.
func hawkScheme(f *jen.File, field string) {
	id, lit := jen.Id, jen.Lit
	b64 := func(c jen.Code) *jen.Statement {
		return jen.Qual("encoding/base64", "StdEncoding").Dot("EncodeToString").Call(c)
	}
	nl := func(s *jen.Statement, c jen.Code) *jen.Statement { return s.Op("+").Add(c).Op("+").Lit("\n") }

	// type hawkAuth struct { algorithm, ext, app, dlg string; payloadHash bool }
	f.Add(comment("hawkAuth signs with Hawk and the WithHawk credentials, with the collection's\nalgorithm and ext, app and dlg attributes."))
	f.Type().Id("hawkAuth").Struct(
		jen.List(id("algorithm"), id("ext"), id("app"), id("dlg")).String(),
		id("payloadHash").Bool(),
	)
	signMethod(f, "hawkAuth", func(g *jen.Group) {
		g.Id("c").Op(":=").Id("cfg").Dot(field).Dot("hawk")
		g.If(id("c").Op("==").Nil()).Block(jen.Return(jen.Nil()))
		g.Id("newHash").Op(":=").Qual("crypto/sha256", "New")
		g.If(id("a").Dot("algorithm").Op("==").Lit("sha1")).Block(id("newHash").Op("=").Qual("crypto/sha1", "New"))
		g.Id("ts").Op(":=").Qual("strconv", "FormatInt").Call(id("cfg").Dot("authNow").Call().Dot("Unix").Call(), lit(10))
		g.Id("nonce").Op(":=").Id("cfg").Dot("authNonce").Call()
		g.Id("port").Op(":=").Id("req").Dot("URL").Dot("Port").Call()
		g.If(id("port").Op("==").Lit("")).Block(
			id("port").Op("=").Lit("80"),
			jen.If(jen.Qual("strings", "EqualFold").Call(id("req").Dot("URL").Dot("Scheme"), lit("https"))).Block(id("port").Op("=").Lit("443")),
		)
		g.Id("payloadHash").Op(":=").Lit("")
		g.If(id("a").Dot("payloadHash")).Block(
			jen.List(id("mediaType"), id("_"), id("_")).Op(":=").Qual("strings", "Cut").Call(id("req").Dot("Header").Dot("Get").Call(lit("Content-Type")), lit(";")),
			id("payload").Op(":=").Lit("hawk.1.payload\n").Op("+").Qual("strings", "ToLower").Call(jen.Qual("strings", "TrimSpace").Call(id("mediaType"))).
				Op("+").Lit("\n").Op("+").String().Call(id("body")).Op("+").Lit("\n"),
			id("payloadHash").Op("=").Add(b64(id("hashSum").Call(id("newHash"), jen.Index().Byte().Parens(id("payload"))))),
		)
		g.Id("norm").Op(":=").Add(nl(nl(nl(nl(nl(nl(nl(nl(lit("hawk.1.header\n"), id("ts")), id("nonce")), id("req").Dot("Method")),
			id("req").Dot("URL").Dot("RequestURI").Call()), jen.Qual("strings", "ToLower").Call(id("req").Dot("URL").Dot("Hostname").Call())),
			id("port")), id("payloadHash")), jen.Qual("strings", "NewReplacer").Call(lit(`\`), lit(`\\`), lit("\n"), lit(`\n`)).Dot("Replace").Call(id("a").Dot("ext"))))
		g.If(id("a").Dot("app").Op("!=").Lit("")).Block(
			id("norm").Op("+=").Id("a").Dot("app").Op("+").Lit("\n").Op("+").Id("a").Dot("dlg").Op("+").Lit("\n"),
		)
		g.Id("quote").Op(":=").Qual("strings", "NewReplacer").Call(lit(`\`), lit(`\\`), lit(`"`), lit(`\"`)).Dot("Replace")
		g.Id("h").Op(":=").Lit(`Hawk id="`).Op("+").Id("quote").Call(id("c").Index(lit(0))).Op("+").Lit(`", ts="`).Op("+").Id("ts").
			Op("+").Lit(`", nonce="`).Op("+").Id("nonce").Op("+").Lit(`"`)
		g.If(id("payloadHash").Op("!=").Lit("")).Block(id("h").Op("+=").Lit(`, hash="`).Op("+").Id("payloadHash").Op("+").Lit(`"`))
		g.If(id("a").Dot("ext").Op("!=").Lit("")).Block(id("h").Op("+=").Lit(`, ext="`).Op("+").Id("quote").Call(id("a").Dot("ext")).Op("+").Lit(`"`))
		g.Id("h").Op("+=").Lit(`, mac="`).Op("+").Add(b64(id("hmacSum").Call(id("newHash"), jen.Index().Byte().Parens(id("c").Index(lit(1))), id("norm")))).Op("+").Lit(`"`)
		g.If(id("a").Dot("app").Op("!=").Lit("")).Block(
			id("h").Op("+=").Lit(`, app="`).Op("+").Id("quote").Call(id("a").Dot("app")).Op("+").Lit(`"`),
			jen.If(id("a").Dot("dlg").Op("!=").Lit("")).Block(id("h").Op("+=").Lit(`, dlg="`).Op("+").Id("quote").Call(id("a").Dot("dlg")).Op("+").Lit(`"`)),
		)
		g.Id("setHeader").Call(id("req").Dot("Header"), lit("Authorization"), id("h"))
		g.Return(jen.Nil())
	})
}

// edgeGridScheme emits Akamai EdgeGrid (EG1-HMAC-SHA256): the signing key
// is the HMAC of the timestamp under the client secret; the data signed is
// the tab-joined method, scheme, host, path and query, the chosen headers,
// the hash of a POST body (at most maxBody bytes) and the header so far.
func edgeGridScheme(f *jen.File, field string) {
	id, lit := jen.Id, jen.Lit
	sha := jen.Qual("crypto/sha256", "New")
	b64 := func(c jen.Code) *jen.Statement {
		return jen.Qual("encoding/base64", "StdEncoding").Dot("EncodeToString").Call(c)
	}

	// type edgeGridAuth struct { headers []string; maxBody int }
	f.Add(comment("edgeGridAuth signs with Akamai EdgeGrid and the WithEdgeGrid credentials,\nincluding the headers the collection lists in the signature."))
	f.Type().Id("edgeGridAuth").Struct(
		id("headers").Index().String(),
		id("maxBody").Int(),
	)
	signMethod(f, "edgeGridAuth", func(g *jen.Group) {
		g.Id("c").Op(":=").Id("cfg").Dot(field).Dot("edgeGrid")
		g.If(id("c").Op("==").Nil()).Block(jen.Return(jen.Nil()))
		g.Id("ts").Op(":=").Id("cfg").Dot("authNow").Call().Dot("UTC").Call().Dot("Format").Call(lit("20060102T15:04:05+0000"))
		g.Id("auth").Op(":=").Lit("EG1-HMAC-SHA256 client_token=").Op("+").Id("c").Index(lit(0)).Op("+").Lit(";access_token=").Op("+").Id("c").Index(lit(2)).
			Op("+").Lit(";timestamp=").Op("+").Id("ts").Op("+").Lit(";nonce=").Op("+").Id("cfg").Dot("authNonce").Call().Op("+").Lit(";")
		g.Var().Id("canon").Index().String()
		g.For(jen.List(id("_"), id("name")).Op(":=").Range().Id("a").Dot("headers")).Block(
			jen.If(id("v").Op(":=").Qual("strings", "Join").Call(jen.Qual("strings", "Fields").Call(id("req").Dot("Header").Dot("Get").Call(id("name"))), lit(" ")), id("v").Op("!=").Lit("")).Block(
				id("canon").Op("=").Append(id("canon"), jen.Qual("strings", "ToLower").Call(id("name")).Op("+").Lit(":").Op("+").Id("v")),
			),
		)
		g.Id("payloadHash").Op(":=").Lit("")
		g.If(id("req").Dot("Method").Op("==").Qual(httpPkg, "MethodPost").Op("&&").Len(id("body")).Op(">").Lit(0)).Block(
			id("b").Op(":=").Id("body"),
			jen.If(jen.Len(id("b")).Op(">").Id("a").Dot("maxBody")).Block(id("b").Op("=").Id("b").Index(jen.Empty(), id("a").Dot("maxBody"))),
			id("payloadHash").Op("=").Add(b64(id("hashSum").Call(sha, id("b")))),
		)
		g.Id("data").Op(":=").Qual("strings", "Join").Call(jen.Index().String().Values(
			id("req").Dot("Method"), id("req").Dot("URL").Dot("Scheme"), id("req").Dot("URL").Dot("Host"), id("req").Dot("URL").Dot("RequestURI").Call(),
			jen.Qual("strings", "Join").Call(id("canon"), lit("\t")), id("payloadHash"), id("auth"),
		), lit("\t"))
		g.Id("key").Op(":=").Add(b64(id("hmacSum").Call(sha, jen.Index().Byte().Parens(id("c").Index(lit(1))), id("ts"))))
		g.Id("setHeader").Call(id("req").Dot("Header"), lit("Authorization"),
			id("auth").Op("+").Lit("signature=").Op("+").Add(b64(id("hmacSum").Call(sha, jen.Index().Byte().Parens(id("key")), id("data")))))
		g.Return(jen.Nil())
	})
}
