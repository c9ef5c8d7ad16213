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

	// type queryPair struct { key, value string; bare, strict bool }
	f.Add(comment("queryPair is one query entry. A bare entry is a key alone (\"?debug\"),\n" +
		"which is how Postman sends a parameter whose value is null. A strict\n" +
		"entry's value came from the caller: it is escaped fully, because unlike a\n" +
		"value saved in the collection it is never already percent-encoded."))
	f.Type().Id("queryPair").Struct(
		jen.List(jen.Id("key"), jen.Id("value")).String(),
		jen.List(jen.Id("bare"), jen.Id("strict")).Bool(),
	)
	// func (r *request) pushQuery(p queryPair) { if r.query == nil { r.query = r.queryBuf[:0] }; r.query = append(r.query, p) }
	f.Add(comment("pushQuery appends p, starting in the request's own array, so that a call\nwith a few query entries allocates none for them."))
	f.Func().Params(jen.Id("r").Op("*").Id("request")).Id("pushQuery").Params(jen.Id("p").Id("queryPair")).Block(
		jen.If(r("query").Op("==").Nil()).Block(r("query").Op("=").Add(r("queryBuf")).Index(jen.Empty(), jen.Lit(0))),
		r("query").Op("=").Append(r("query"), jen.Id("p")),
	)
	// func (r *request) addQuery(key, value string) { r.pushQuery(queryPair{key: key, value: value}) }
	f.Func().Params(jen.Id("r").Op("*").Id("request")).Id("addQuery").Params(jen.List(jen.Id("key"), jen.Id("value")).String()).Block(
		jen.Id("r").Dot("pushQuery").Call(jen.Id("queryPair").Values(jen.Dict{jen.Id("key"): jen.Id("key"), jen.Id("value"): jen.Id("value")})),
	)
	// func (r *request) addQueryKey(key string) { ... bare: true ... }
	f.Func().Params(jen.Id("r").Op("*").Id("request")).Id("addQueryKey").Params(jen.Id("key").String()).Block(
		jen.Id("r").Dot("pushQuery").Call(jen.Id("queryPair").Values(jen.Dict{jen.Id("key"): jen.Id("key"), jen.Id("bare"): jen.True()})),
	)

	// func (r *request) addQueryParam(key, value, saved string): the caller's value, else the saved one.
	f.Add(comment("addQueryParam adds the caller's value, or the collection's saved value\nwhen the caller left it empty."))
	f.Func().Params(jen.Id("r").Op("*").Id("request")).Id("addQueryParam").Params(jen.List(jen.Id("key"), jen.Id("value"), jen.Id("saved")).String()).Block(
		jen.If(jen.Id("value").Op("==").Lit("")).Block(
			jen.Id("r").Dot("addQuery").Call(jen.Id("key"), jen.Id("saved")),
			jen.Return(),
		),
		jen.Id("r").Dot("pushQuery").Call(jen.Id("queryPair").Values(jen.Dict{jen.Id("key"): jen.Id("key"), jen.Id("value"): jen.Id("value"), jen.Id("strict"): jen.True()})),
	)
	// func (r *request) addQueryList(key string, values []string, saved ...string)
	f.Add(comment("addQueryList adds one entry per value of a repeated key: the caller's\nvalues, or the saved ones when the caller gave none."))
	f.Func().Params(jen.Id("r").Op("*").Id("request")).Id("addQueryList").Params(jen.Id("key").String(), jen.Id("values").Index().String(), jen.Id("saved").Op("...").String()).Block(
		jen.If(jen.Len(jen.Id("values")).Op("==").Lit(0)).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Id("saved")).Block(jen.Id("r").Dot("addQuery").Call(jen.Id("key"), jen.Id("v"))),
			jen.Return(),
		),
		jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Id("values")).Block(
			jen.Id("r").Dot("addQueryParam").Call(jen.Id("key"), jen.Id("v"), jen.Lit("")),
		),
	)

	// func encodeQuery(base string, pairs []queryPair) string {
	//	if len(pairs) == 0 { return base }
	//	n := len(base); for _, p := range pairs { n += len(p.key) + len(p.value) + 2 }
	//	var b strings.Builder; b.Grow(n); b.WriteString(base); b.WriteByte('?'); for ... { ... }
	//	return b.String()
	// }
	f.Add(comment("encodeQuery returns base with the entries appended in order; url.Values\n" +
		"would sort the keys and turn spaces into '+'. The URL is built in one\n" +
		"buffer sized for the unescaped entries, which is what almost every\n" +
		"call needs: one allocation for the whole target."))
	f.Func().Id("encodeQuery").Params(jen.Id("base").String(), jen.Id("pairs").Index().Id("queryPair")).String().Block(
		jen.If(jen.Len(jen.Id("pairs")).Op("==").Lit(0)).Block(jen.Return(jen.Id("base"))),
		jen.Id("n").Op(":=").Len(jen.Id("base")),
		jen.For(jen.List(jen.Id("_"), jen.Id("p")).Op(":=").Range().Id("pairs")).Block(
			jen.Id("n").Op("+=").Len(jen.Id("p").Dot("key")).Op("+").Len(jen.Id("p").Dot("value")).Op("+").Lit(2),
		),
		jen.Var().Id("b").Qual("strings", "Builder"),
		jen.Id("b").Dot("Grow").Call(jen.Id("n")),
		jen.Id("b").Dot("WriteString").Call(jen.Id("base")),
		jen.For(jen.List(jen.Id("i"), jen.Id("p")).Op(":=").Range().Id("pairs")).Block(
			jen.If(jen.Id("i").Op(">").Lit(0)).Block(jen.Id("b").Dot("WriteByte").Call(jen.LitRune('&'))).Else().Block(jen.Id("b").Dot("WriteByte").Call(jen.LitRune('?'))),
			jen.Id("b").Dot("WriteString").Call(jen.Id("percentEncode").Call(jen.Id("p").Dot("key"), jen.Lit(queryEscapes))),
			jen.Switch().Block(
				jen.Case(jen.Id("p").Dot("bare")).Block(),
				jen.Case(jen.Id("p").Dot("strict")).Block(
					jen.Id("b").Dot("WriteByte").Call(jen.LitRune('=')),
					jen.Id("b").Dot("WriteString").Call(jen.Id("percentEncode").Call(jen.Id("p").Dot("value"), jen.Lit(queryEscapes+"%+"))),
				),
				jen.Default().Block(
					jen.Id("b").Dot("WriteByte").Call(jen.LitRune('=')),
					jen.Id("b").Dot("WriteString").Call(jen.Id("percentEncode").Call(jen.Id("p").Dot("value"), jen.Lit(queryEscapes))),
				),
			),
		),
		jen.Return(jen.Id("b").Dot("String").Call()),
	)

	// func escapePath(p string) string { return percentEncode(p, "...") }
	f.Add(comment("escapePath encodes a path as Postman does: only what cannot stand in a\npath as-is, leaving '/' and existing %XX escapes alone."))
	f.Func().Id("escapePath").Params(jen.Id("p").String()).String().Block(
		jen.Return(jen.Id("percentEncode").Call(jen.Id("p"), jen.Lit(pathEscapes))),
	)

	// func percentEncode(s, set string) string {
	//	i := 0; for i < len(s) && !mustEscape(s[i], set) { i++ }; if i == len(s) { return s }
	//	var b strings.Builder; b.Grow(len(s) + 16); b.WriteString(s[:i]); for ; i < len(s); i++ { ... }
	// }
	f.Add(comment("percentEncode escapes controls, space, non-ASCII bytes and the bytes in\nset. Saved values leave '%' out of set: collections save values already\nencoded, and Postman sends them as saved. Most values need no escaping;\nthey are returned as they are, so that a call does not copy them."))
	f.Func().Id("percentEncode").Params(jen.List(jen.Id("s"), jen.Id("set")).String()).String().Block(
		jen.Id("i").Op(":=").Lit(0),
		jen.For(jen.Id("i").Op("<").Len(jen.Id("s")).Op("&&").Op("!").Id("mustEscape").Call(jen.Id("s").Index(jen.Id("i")), jen.Id("set"))).Block(
			jen.Id("i").Op("++"),
		),
		jen.If(jen.Id("i").Op("==").Len(jen.Id("s"))).Block(jen.Return(jen.Id("s"))),
		jen.Const().Id("hex").Op("=").Lit("0123456789ABCDEF"),
		jen.Var().Id("b").Qual("strings", "Builder"),
		jen.Id("b").Dot("Grow").Call(jen.Len(jen.Id("s")).Op("+").Lit(16)),
		jen.Id("b").Dot("WriteString").Call(jen.Id("s").Index(jen.Empty(), jen.Id("i"))),
		jen.For(jen.Op(";").Id("i").Op("<").Len(jen.Id("s")), jen.Id("i").Op("++")).Block(
			jen.Id("c").Op(":=").Id("s").Index(jen.Id("i")),
			jen.If(jen.Id("mustEscape").Call(jen.Id("c"), jen.Id("set"))).Block(
				jen.Id("b").Dot("WriteByte").Call(jen.LitRune('%')),
				jen.Id("b").Dot("WriteByte").Call(jen.Id("hex").Index(jen.Id("c").Op(">>").Lit(4))),
				jen.Id("b").Dot("WriteByte").Call(jen.Id("hex").Index(jen.Id("c").Op("&").Lit(15))),
				jen.Continue(),
			),
			jen.Id("b").Dot("WriteByte").Call(jen.Id("c")),
		),
		jen.Return(jen.Id("b").Dot("String").Call()),
	)

	// func mustEscape(c byte, set string) bool { return c <= ' ' || c >= 0x7f || strings.IndexByte(set, c) >= 0 }
	f.Add(comment("mustEscape says whether percentEncode escapes c."))
	f.Func().Id("mustEscape").Params(jen.Id("c").Byte(), jen.Id("set").String()).Bool().Block(
		jen.Return(jen.Id("c").Op("<=").LitByte(' ').Op("||").Id("c").Op(">=").Lit(0x7f).Op("||").Qual("strings", "IndexByte").Call(jen.Id("set"), jen.Id("c")).Op(">=").Lit(0)),
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
