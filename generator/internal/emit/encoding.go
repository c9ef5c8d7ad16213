package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// encodingFile emits how URLs are written: the query entries and the
// percent-encoding Postman applies, so that a generated client sends the
// bytes Postman sends rather than what net/url would choose.
func encodingFile(api *model.API) *jen.File {
	f := newFile(api)
	r := func(name string) *jen.Statement { return jen.Id("r").Dot(name) }

	// type queryPair struct { key, value string; bare bool }
	f.Add(comment("queryPair is one query entry. A bare entry is a key alone (\"?debug\"),\nwhich is how Postman sends a parameter whose value is null."))
	f.Type().Id("queryPair").Struct(
		jen.List(jen.Id("key"), jen.Id("value")).String(),
		jen.Id("bare").Bool(),
	)
	// func (r *request) addQuery(key, value string) { r.query = append(r.query, queryPair{key: key, value: value}) }
	f.Func().Params(jen.Id("r").Op("*").Id("request")).Id("addQuery").Params(jen.List(jen.Id("key"), jen.Id("value")).String()).Block(
		r("query").Op("=").Append(r("query"), jen.Id("queryPair").Values(jen.Dict{jen.Id("key"): jen.Id("key"), jen.Id("value"): jen.Id("value")})),
	)
	// func (r *request) addQueryKey(key string) { ... bare: true ... }
	f.Func().Params(jen.Id("r").Op("*").Id("request")).Id("addQueryKey").Params(jen.Id("key").String()).Block(
		r("query").Op("=").Append(r("query"), jen.Id("queryPair").Values(jen.Dict{jen.Id("key"): jen.Id("key"), jen.Id("bare"): jen.True()})),
	)

	// func orDefault(values []string, saved ...string) []string
	f.Add(comment("orDefault returns values, or the values saved in the collection when the\ncaller gave none."))
	f.Func().Id("orDefault").Params(jen.Id("values").Index().String(), jen.Id("saved").Op("...").String()).Index().String().Block(
		jen.If(jen.Len(jen.Id("values")).Op(">").Lit(0)).Block(jen.Return(jen.Id("values"))),
		jen.Return(jen.Id("saved")),
	)

	// func encodeQuery(pairs []queryPair) string
	f.Add(comment("encodeQuery writes the entries in order; url.Values would sort the keys\nand turn spaces into '+'."))
	f.Func().Id("encodeQuery").Params(jen.Id("pairs").Index().Id("queryPair")).String().Block(
		jen.Var().Id("b").Qual("strings", "Builder"),
		jen.For(jen.List(jen.Id("i"), jen.Id("p")).Op(":=").Range().Id("pairs")).Block(
			jen.If(jen.Id("i").Op(">").Lit(0)).Block(jen.Id("b").Dot("WriteByte").Call(jen.LitRune('&'))),
			jen.Id("b").Dot("WriteString").Call(jen.Id("percentEncode").Call(jen.Id("p").Dot("key"), jen.Lit(queryEscapes))),
			jen.If(jen.Op("!").Id("p").Dot("bare")).Block(
				jen.Id("b").Dot("WriteByte").Call(jen.LitRune('=')),
				jen.Id("b").Dot("WriteString").Call(jen.Id("percentEncode").Call(jen.Id("p").Dot("value"), jen.Lit(queryEscapes))),
			),
		),
		jen.Return(jen.Id("b").Dot("String").Call()),
	)

	// func escapePath(p string) string { return percentEncode(p, "...") }
	f.Add(comment("escapePath encodes a path as Postman does: only what cannot stand in a\npath as-is, leaving '/' and existing %XX escapes alone."))
	f.Func().Id("escapePath").Params(jen.Id("p").String()).String().Block(
		jen.Return(jen.Id("percentEncode").Call(jen.Id("p"), jen.Lit(pathEscapes))),
	)

	// func percentEncode(s, set string) string
	f.Add(comment("percentEncode escapes controls, space, non-ASCII bytes and the bytes in\nset. '%' is never escaped: collections save values already encoded, and\nPostman sends them as saved."))
	f.Func().Id("percentEncode").Params(jen.List(jen.Id("s"), jen.Id("set")).String()).String().Block(
		jen.Const().Id("hex").Op("=").Lit("0123456789ABCDEF"),
		jen.Var().Id("b").Qual("strings", "Builder"),
		jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("<").Len(jen.Id("s")), jen.Id("i").Op("++")).Block(
			jen.Id("c").Op(":=").Id("s").Index(jen.Id("i")),
			jen.If(jen.Id("c").Op("<=").LitByte(' ').Op("||").Id("c").Op(">=").Lit(0x7f).Op("||").Qual("strings", "IndexByte").Call(jen.Id("set"), jen.Id("c")).Op(">=").Lit(0)).Block(
				jen.Id("b").Dot("WriteByte").Call(jen.LitRune('%')),
				jen.Id("b").Dot("WriteByte").Call(jen.Id("hex").Index(jen.Id("c").Op(">>").Lit(4))),
				jen.Id("b").Dot("WriteByte").Call(jen.Id("hex").Index(jen.Id("c").Op("&").Lit(15))),
				jen.Continue(),
			),
			jen.Id("b").Dot("WriteByte").Call(jen.Id("c")),
		),
		jen.Return(jen.Id("b").Dot("String").Call()),
	)

	// func keepRawPath(req *http.Request, target string)
	f.Add(comment("keepRawPath makes req send target's path byte for byte. net/url\nre-escapes a path it considers badly encoded (\"|\", \"^\"), where Postman\nsends it as written; an opaque URL is sent as given."))
	f.Func().Id("keepRawPath").Params(jen.Id("req").Op("*").Qual(httpPkg, "Request"), jen.Id("target").String()).Block(
		jen.List(jen.Id("_"), jen.Id("rest"), jen.Id("ok")).Op(":=").Qual("strings", "Cut").Call(jen.Id("target"), jen.Lit("://")),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return()),
		jen.Id("i").Op(":=").Qual("strings", "IndexByte").Call(jen.Id("rest"), jen.LitRune('/')),
		jen.If(jen.Id("i").Op("<").Lit(0)).Block(jen.Return()),
		jen.List(jen.Id("raw"), jen.Id("_"), jen.Id("_")).Op(":=").Qual("strings", "Cut").Call(jen.Id("rest").Index(jen.Id("i"), jen.Empty()), jen.Lit("?")),
		jen.If(jen.Id("req").Dot("URL").Dot("EscapedPath").Call().Op("!=").Id("raw")).Block(
			jen.Id("req").Dot("URL").Dot("Opaque").Op("=").Lit("//").Op("+").Id("req").Dot("URL").Dot("Host").Op("+").Id("raw"),
		),
	)
	return f
}

// queryEscapes and pathEscapes are the ASCII bytes Postman percent-encodes
// in a query component and in a path, besides controls, space and
// non-ASCII (postman-url-encoder; checked against newman's whatwg-url
// integration collection).
const (
	queryEscapes = "\"#&'<=>"
	pathEscapes  = "\"#<>?`{}"
)
