package emit

import (
	"github.com/dave/jennifer/jen"
)

// digestScheme emits HTTP Digest auth (RFC 7616, RFC 2617): the first
// attempt goes out without credentials, because the realm and nonce come
// from the server's challenge; a 401 with a Digest challenge is answered
// once. The body is a []byte, so the retry can send it again.
func digestScheme(f *jen.File, field string) {
	id, lit := jen.Id, jen.Lit
	req := func(n string) *jen.Statement { return jen.Id("req").Dot(n) }

	// type digestAuth struct { realm, nonce, opaque, algorithm, qop, nc string }
	f.Add(comment("digestAuth signs with HTTP Digest auth and the WithDigestAuth credentials.\n" +
		"With the realm and nonce the collection saved, it signs the first attempt\n" +
		"as Postman does; without them the first attempt carries no credentials,\n" +
		"and answer responds to the server's challenge."))
	f.Type().Id("digestAuth").Struct(
		jen.List(id("realm"), id("nonce"), id("opaque"), id("algorithm"), id("qop"), id("nc")).String(),
	)
	// func (a digestAuth) sign(...) error {
	//	c := cfg.auth.digest
	//	if c == nil || c[0] == "" || a.realm == "" || a.nonce == "" { return nil }
	//	h, err := digestAuthorization(c[0], c[1], req.Method, req.URL.RequestURI(), body, map[string]string{...}, cfg.authNonce(), a.nc)
	//	...; setHeader(req.Header, "Authorization", h); return nil
	// }
	signMethod(f, "digestAuth", func(g *jen.Group) {
		g.Id("c").Op(":=").Id("cfg").Dot(field).Dot("digest")
		g.If(id("c").Op("==").Nil().Op("||").Id("c").Index(lit(0)).Op("==").Lit("").Op("||").Id("a").Dot("realm").Op("==").Lit("").Op("||").Id("a").Dot("nonce").Op("==").Lit("")).Block(jen.Return(jen.Nil()))
		g.Add(comment("Postman names MD5 in the header when the collection names no algorithm."))
		g.Id("ch").Op(":=").Map(jen.String()).String().Values(jen.Dict{
			lit("realm"):     id("a").Dot("realm"),
			lit("nonce"):     id("a").Dot("nonce"),
			lit("opaque"):    id("a").Dot("opaque"),
			lit("qop"):       id("a").Dot("qop"),
			lit("algorithm"): jen.Qual("cmp", "Or").Call(id("a").Dot("algorithm"), lit("MD5")),
		})
		g.List(id("h"), jen.Err()).Op(":=").Id("digestAuthorization").Call(
			id("c").Index(lit(0)), id("c").Index(lit(1)), req("Method"), req("URL").Dot("RequestURI").Call(), id("body"), id("ch"), id("cfg").Dot("authNonce").Call(), id("a").Dot("nc"))
		g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
		g.Id("setHeader").Call(req("Header"), lit("Authorization"), id("h"))
		g.Return(jen.Nil())
	})

	// func (a digestAuth) answer(cfg *config, req *http.Request, body []byte, resp *http.Response) (*http.Response, error)
	f.Add(comment("answer retries req once with an Authorization header when resp is a 401\nwith a Digest challenge and credentials were given; otherwise it returns resp."))
	f.Func().Params(id("a").Id("digestAuth")).Id("answer").Params(
		id("cfg").Op("*").Id("config"), id("req").Op("*").Qual(httpPkg, "Request"), id("body").Index().Byte(), id("resp").Op("*").Qual(httpPkg, "Response"),
	).Params(jen.Op("*").Qual(httpPkg, "Response"), jen.Error()).Block(
		id("c").Op(":=").Id("cfg").Dot(field).Dot("digest"),
		jen.If(id("c").Op("==").Nil().Op("||").Id("resp").Dot("StatusCode").Op("!=").Qual(httpPkg, "StatusUnauthorized")).Block(jen.Return(id("resp"), jen.Nil())),
		id("challenge").Op(":=").Id("digestChallenge").Call(id("resp").Dot("Header").Dot("Values").Call(lit("Www-Authenticate"))),
		jen.If(id("challenge").Op("==").Nil()).Block(jen.Return(id("resp"), jen.Nil())),
		jen.Qual("io", "Copy").Call(jen.Qual("io", "Discard"), id("resp").Dot("Body")),
		id("resp").Dot("Body").Dot("Close").Call(),
		jen.List(id("h"), jen.Err()).Op(":=").Id("digestAuthorization").Call(
			id("c").Index(lit(0)), id("c").Index(lit(1)), req("Method"), req("URL").Dot("RequestURI").Call(), id("body"), id("challenge"), id("cfg").Dot("authNonce").Call(), lit("00000001")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		id("retry").Op(":=").Id("req").Dot("Clone").Call(req("Context").Call()),
		jen.If(id("body").Op("!=").Nil()).Block(
			id("retry").Dot("Body").Op("=").Qual("io", "NopCloser").Call(jen.Qual("bytes", "NewReader").Call(id("body"))),
		),
		id("setHeader").Call(id("retry").Dot("Header"), lit("Authorization"), id("h")),
		jen.Return(id("cfg").Dot("httpClient").Dot("Do").Call(id("retry"))),
	)

	// func digestChallenge(values []string) map[string]string: the first Digest challenge's parameters.
	f.Add(comment("digestChallenge parses the parameters of the first Digest challenge among\nWWW-Authenticate values, with quoted strings unescaped; nil when there is none."))
	f.Func().Id("digestChallenge").Params(id("values").Index().String()).Map(jen.String()).String().Block(
		jen.For(jen.List(id("_"), id("v")).Op(":=").Range().Id("values")).Block(
			jen.List(id("scheme"), id("rest"), id("_")).Op(":=").Qual("strings", "Cut").Call(jen.Qual("strings", "TrimSpace").Call(id("v")), lit(" ")),
			jen.If(jen.Op("!").Qual("strings", "EqualFold").Call(id("scheme"), lit("Digest"))).Block(jen.Continue()),
			id("params").Op(":=").Map(jen.String()).String().Values(),
			jen.For(id("rest").Op("!=").Lit("")).Block(
				id("rest").Op("=").Qual("strings", "TrimLeft").Call(id("rest"), lit(" \t,")),
				jen.List(id("key"), id("after"), id("ok")).Op(":=").Qual("strings", "Cut").Call(id("rest"), lit("=")),
				jen.If(jen.Op("!").Id("ok")).Block(jen.Break()),
				id("key").Op("=").Qual("strings", "ToLower").Call(jen.Qual("strings", "TrimSpace").Call(id("key"))),
				jen.If(jen.Op("!").Qual("strings", "HasPrefix").Call(id("after"), lit(`"`))).Block(
					jen.Var().Id("value").String(),
					jen.List(id("value"), id("rest"), id("_")).Op("=").Qual("strings", "Cut").Call(id("after"), lit(",")),
					id("params").Index(id("key")).Op("=").Qual("strings", "TrimSpace").Call(id("value")),
					jen.Continue(),
				),
				jen.Var().Id("b").Qual("strings", "Builder"),
				id("i").Op(":=").Lit(1),
				jen.For(id("i").Op("<").Len(id("after")).Op("&&").Id("after").Index(id("i")).Op("!=").LitByte('"')).Block(
					jen.If(id("after").Index(id("i")).Op("==").LitByte('\\').Op("&&").Id("i").Op("+").Lit(1).Op("<").Len(id("after"))).Block(id("i").Op("++")),
					id("b").Dot("WriteByte").Call(id("after").Index(id("i"))),
					id("i").Op("++"),
				),
				id("params").Index(id("key")).Op("=").Id("b").Dot("String").Call(),
				id("rest").Op("=").Id("after").Index(jen.Min(id("i").Op("+").Lit(1), jen.Len(id("after"))), jen.Empty()),
			),
			jen.Return(id("params")),
		),
		jen.Return(jen.Nil()),
	)

	// func digestAuthorization(user, pass, method, uri string, body []byte, ch map[string]string, cnonce, nc string) (string, error)
	f.Add(comment("digestAuthorization computes the Authorization header that answers challenge\nch (RFC 7616 §3.4), preferring qop \"auth\", with nonce count nc (left out of\nthe header when empty, as Postman leaves it out when none was saved)."))
	H := func(parts ...jen.Code) *jen.Statement {
		var s *jen.Statement
		for i, p := range parts {
			if i == 0 {
				s = jen.Add(p)
				continue
			}
			s = s.Op("+").Lit(":").Op("+").Add(p)
		}
		return id("hexHash").Call(s)
	}
	ch := func(k string) *jen.Statement { return id("ch").Index(lit(k)) }
	f.Func().Id("digestAuthorization").Params(
		jen.List(id("user"), id("pass"), id("method"), id("uri")).String(), id("body").Index().Byte(), id("ch").Map(jen.String()).String(), jen.List(id("cnonce"), id("nc")).String(),
	).Params(jen.String(), jen.Error()).Block(
		id("algorithm").Op(":=").Qual("strings", "ToUpper").Call(jen.Qual("cmp", "Or").Call(ch("algorithm"), lit("MD5"))),
		jen.Var().Id("newHash").Func().Params().Qual("hash", "Hash"),
		jen.Switch(jen.Qual("strings", "TrimSuffix").Call(id("algorithm"), lit("-SESS"))).Block(
			jen.Case(lit("MD5")).Block(id("newHash").Op("=").Qual("crypto/md5", "New")),
			jen.Case(lit("SHA-256")).Block(id("newHash").Op("=").Qual("crypto/sha256", "New")),
			jen.Case(lit("SHA-512-256")).Block(id("newHash").Op("=").Qual("crypto/sha512", "New512_256")),
			jen.Default().Block(jen.Return(lit(""), jen.Qual("fmt", "Errorf").Call(lit("digest auth: the server asks for algorithm %q"), ch("algorithm")))),
		),
		id("hexHash").Op(":=").Func().Params(id("s").String()).String().Block(
			jen.Return(jen.Qual("encoding/hex", "EncodeToString").Call(id("hashSum").Call(id("newHash"), jen.Index().Byte().Parens(id("s"))))),
		),
		id("ha1").Op(":=").Add(H(id("user"), ch("realm"), id("pass"))),
		jen.If(jen.Qual("strings", "HasSuffix").Call(id("algorithm"), lit("-SESS"))).Block(
			id("ha1").Op("=").Add(H(id("ha1"), ch("nonce"), id("cnonce"))),
		),
		id("qop").Op(":=").Lit(""),
		jen.For(jen.List(id("_"), id("q")).Op(":=").Range().Qual("strings", "Split").Call(ch("qop"), lit(","))).Block(
			jen.Switch(jen.Qual("strings", "TrimSpace").Call(id("q"))).Block(
				jen.Case(lit("auth")).Block(id("qop").Op("=").Lit("auth")),
				jen.Case(lit("auth-int")).Block(jen.If(id("qop").Op("==").Lit("")).Block(id("qop").Op("=").Lit("auth-int"))),
			),
		),
		id("ha2").Op(":=").Add(H(id("method"), id("uri"))),
		jen.If(id("qop").Op("==").Lit("auth-int")).Block(
			id("ha2").Op("=").Add(H(id("method"), id("uri"), jen.Qual("encoding/hex", "EncodeToString").Call(id("hashSum").Call(id("newHash"), id("body"))))),
		),
		id("response").Op(":=").Add(H(id("ha1"), ch("nonce"), id("ha2"))),
		jen.If(id("qop").Op("!=").Lit("")).Block(
			id("response").Op("=").Add(H(id("ha1"), ch("nonce"), id("nc"), id("cnonce"), id("qop"), id("ha2"))),
		),
		id("quote").Op(":=").Func().Params(id("s").String()).String().Block(
			jen.Return(lit(`"`).Op("+").Qual("strings", "NewReplacer").Call(lit(`\`), lit(`\\`), lit(`"`), lit(`\"`)).Dot("Replace").Call(id("s")).Op("+").Lit(`"`)),
		),
		id("h").Op(":=").Lit("Digest username=").Op("+").Id("quote").Call(id("user")).Op("+").Lit(", realm=").Op("+").Id("quote").Call(ch("realm")).
			Op("+").Lit(", nonce=").Op("+").Id("quote").Call(ch("nonce")).Op("+").Lit(", uri=").Op("+").Id("quote").Call(id("uri")),
		jen.If(ch("algorithm").Op("!=").Lit("")).Block(id("h").Op("+=").Lit(", algorithm=").Op("+").Add(ch("algorithm"))),
		jen.If(id("qop").Op("!=").Lit("")).Block(
			id("h").Op("+=").Lit(", qop=").Op("+").Id("qop"),
			jen.If(id("nc").Op("!=").Lit("")).Block(id("h").Op("+=").Lit(", nc=").Op("+").Id("nc")),
			id("h").Op("+=").Lit(", cnonce=").Op("+").Id("quote").Call(id("cnonce")),
		),
		id("h").Op("+=").Lit(", response=").Op("+").Id("quote").Call(id("response")),
		jen.If(ch("opaque").Op("!=").Lit("")).Block(id("h").Op("+=").Lit(", opaque=").Op("+").Id("quote").Call(ch("opaque"))),
		jen.Return(id("h"), jen.Nil()),
	)
}
