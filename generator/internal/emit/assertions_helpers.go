package emit

import (
	"github.com/dave/jennifer/jen"
)

// assertionHelpers adds to helpers_test.go what translated pm.test blocks
// need: the assertion and skippedTest row types, checkAssertions and its
// JSON lookups. Packages without pm.test blocks get none of it.
func assertionHelpers(f *jen.File, u exampleUse) {
	asserts, skips := u.asserts, u.skips
	id := jen.Id
	tt := func() jen.Code { return id("t").Op("*").Qual("testing", "T") }
	errorf := func(format string, args ...jen.Code) *jen.Statement {
		return id("t").Dot("Errorf").Call(append([]jen.Code{jen.Lit("pm.test %q: " + format), id("a").Dot("test")}, args...)...)
	}

	if skips {
		// type skippedTest struct { test, message string }
		f.Add(comment("skippedTest is a pm.test block of the collection that a row does not\ncheck, and why: listed as a skipped subtest so that go test -v shows it."))
		f.Type().Id("skippedTest").Struct(id("test").String(), id("message").String())
	}
	if !asserts {
		return
	}

	// type assertion struct { test, kind string; statuses []int; header string; path []string; value string }
	f.Add(comment("assertion is one check of a pm.test block of the collection, translated.\n" +
		"kind says what it checks: \"status\" (one of statuses), \"status-class\" (the\n" +
		"hundreds digit is one of statuses), \"header\" (present), \"header-equals\",\n" +
		"\"header-includes\" (a value of header is or contains value), \"json\" (the body\n" +
		"is JSON), \"json-present\", \"json-absent\", \"json-equals\" (the value at path\n" +
		"is the JSON text value) and \"json-type\" (the value at path has the type\n" +
		"value). A member holding null counts as absent."))
	f.Type().Id("assertion").Struct(
		id("test").String().Comment("the pm.test title"),
		id("kind").String(),
		id("statuses").Index().Int(),
		id("header").String(),
		id("path").Index().String().Comment("keys and array indexes from the body's root"),
		id("value").String(),
	)

	// func checkAssertions(t *testing.T, status int, header http.Header, body []byte, asserts []assertion)
	f.Add(comment("checkAssertions runs a row's pm.test assertions on the status, headers\nand body that the client returned."))
	f.Func().Id("checkAssertions").Params(tt(), id("status").Int(), id("header").Qual(httpPkg, "Header"), id("body").Index().Byte(), id("asserts").Index().Id("assertion")).Block(
		id("t").Dot("Helper").Call(),
		jen.For(jen.List(id("_"), id("a")).Op(":=").Range().Id("asserts")).Block(
			id("values").Op(":=").Id("header").Dot("Values").Call(id("a").Dot("header")),
			jen.List(id("v"), id("found")).Op(":=").Id("lookupJSON").Call(id("body"), id("a").Dot("path")),
			id("where").Op(":=").Lit("the body"),
			jen.If(jen.Len(id("a").Dot("path")).Op(">").Lit(0)).Block(
				id("where").Op("=").Qual("strconv", "Quote").Call(jen.Qual("strings", "Join").Call(id("a").Dot("path"), jen.Lit("."))),
			),
			jen.Switch(id("a").Dot("kind")).Block(
				jen.Case(jen.Lit("status")).Block(
					jen.If(jen.Op("!").Qual("slices", "Contains").Call(id("a").Dot("statuses"), id("status"))).Block(
						errorf("status = %d, want one of %v", id("status"), id("a").Dot("statuses")),
					),
				),
				jen.Case(jen.Lit("status-class")).Block(
					jen.If(jen.Op("!").Qual("slices", "Contains").Call(id("a").Dot("statuses"), id("status").Op("/").Lit(100))).Block(
						errorf("status = %d, want one of the classes %vxx", id("status"), id("a").Dot("statuses")),
					),
				),
				jen.Case(jen.Lit("header")).Block(
					jen.If(jen.Len(id("values")).Op("==").Lit(0)).Block(errorf("header %s is missing", id("a").Dot("header"))),
				),
				jen.Case(jen.Lit("header-equals")).Block(
					jen.If(jen.Op("!").Qual("slices", "Contains").Call(id("values"), id("a").Dot("value"))).Block(
						errorf("header %s = %q, want %q", id("a").Dot("header"), id("values"), id("a").Dot("value")),
					),
				),
				jen.Case(jen.Lit("header-includes")).Block(
					id("includes").Op(":=").Func().Params(id("s").String()).Bool().Block(
						jen.Return(jen.Qual("strings", "Contains").Call(id("s"), id("a").Dot("value"))),
					),
					jen.If(jen.Op("!").Qual("slices", "ContainsFunc").Call(id("values"), id("includes"))).Block(
						errorf("header %s = %q, want it to include %q", id("a").Dot("header"), id("values"), id("a").Dot("value")),
					),
				),
				jen.Case(jen.Lit("json")).Block(
					jen.If(jen.List(id("_"), jen.Err()).Op(":=").Id("decodeJSON").Call(id("body")), jen.Err().Op("!=").Nil()).Block(
						errorf("the body is not JSON: %v", jen.Err()),
					),
				),
				jen.Case(jen.Lit("json-present")).Block(
					jen.If(jen.Op("!").Id("found")).Block(errorf("%s is missing:\n%s", id("where"), id("body"))),
				),
				jen.Case(jen.Lit("json-absent")).Block(
					jen.If(id("found")).Block(errorf("%s is present:\n%s", id("where"), id("body"))),
				),
				jen.Case(jen.Lit("json-equals")).Block(
					jen.List(id("want"), id("ok")).Op(":=").Id("lookupJSON").Call(jen.Index().Byte().Parens(id("a").Dot("value")), jen.Nil()),
					jen.If(jen.Op("!").Id("ok")).Block(
						id("t").Dot("Fatalf").Call(jen.Lit("pm.test %q: the expected value %s is not JSON"), id("a").Dot("test"), id("a").Dot("value")),
					),
					jen.If(jen.Op("!").Id("found")).Block(
						errorf("%s is missing, want %s:\n%s", id("where"), id("a").Dot("value"), id("body")),
					).Else().If(jen.Op("!").Id("sameJSON").Call(id("v"), id("want"))).Block(
						jen.List(id("got"), id("_")).Op(":=").Qual("encoding/json", "Marshal").Call(id("v")),
						errorf("%s = %s, want %s", id("where"), id("got"), id("a").Dot("value")),
					),
				),
				jen.Case(jen.Lit("json-type")).Block(
					jen.If(jen.Op("!").Id("found")).Block(
						errorf("%s is missing, want a value of type %s:\n%s", id("where"), id("a").Dot("value"), id("body")),
					).Else().If(jen.Id("got").Op(":=").Id("jsonType").Call(id("v")), id("got").Op("!=").Id("a").Dot("value")).Block(
						errorf("%s is of type %s, want %s", id("where"), id("got"), id("a").Dot("value")),
					),
				),
				jen.Default().Block(errorf("unknown assertion kind %q", id("a").Dot("kind"))),
			),
		),
	)

	// func lookupJSON(body []byte, path []string) (any, bool)
	f.Add(comment("lookupJSON follows keys and array indexes into a JSON body, as lodash's\n_.get does for pm.test. A member holding null counts as absent, because\noptional fields are omitted when they are unset."))
	f.Func().Id("lookupJSON").Params(id("body").Index().Byte(), id("path").Index().String()).Params(jen.Any(), jen.Bool()).Block(
		id("dec").Op(":=").Qual("encoding/json", "NewDecoder").Call(jen.Qual("bytes", "NewReader").Call(id("body"))),
		id("dec").Dot("UseNumber").Call(),
		jen.Var().Id("v").Any(),
		jen.If(jen.Err().Op(":=").Id("dec").Dot("Decode").Call(jen.Op("&").Id("v")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.False())),
		jen.For(jen.List(id("_"), id("key")).Op(":=").Range().Id("path")).Block(
			jen.Switch(id("x").Op(":=").Id("v").Assert(jen.Type())).Block(
				jen.Case(jen.Map(jen.String()).Any()).Block(
					jen.List(id("e"), id("ok")).Op(":=").Id("x").Index(id("key")),
					jen.If(jen.Op("!").Id("ok").Op("||").Id("e").Op("==").Nil()).Block(jen.Return(jen.Nil(), jen.False())),
					id("v").Op("=").Id("e"),
				),
				jen.Case(jen.Index().Any()).Block(
					jen.List(id("i"), jen.Err()).Op(":=").Qual("strconv", "Atoi").Call(id("key")),
					jen.If(jen.Err().Op("!=").Nil().Op("||").Id("i").Op("<").Lit(0).Op("||").Id("i").Op(">=").Len(id("x")).Op("||").Qual("strconv", "Itoa").Call(id("i")).Op("!=").Id("key")).Block(
						jen.Return(jen.Nil(), jen.False()),
					),
					id("v").Op("=").Id("x").Index(id("i")),
				),
				jen.Default().Block(jen.Return(jen.Nil(), jen.False())),
			),
		),
		jen.Return(id("v"), jen.True()),
	)

	// func sameJSON(a, b any) bool
	f.Add(comment("sameJSON compares decoded JSON values deeply, numbers by value (1 and 1.0\nare equal, as in JavaScript) and members holding null as absent."))
	f.Func().Id("sameJSON").Params(id("a"), id("b").Any()).Bool().Block(
		jen.Switch(id("x").Op(":=").Id("a").Assert(jen.Type())).Block(
			jen.Case(jen.Qual("encoding/json", "Number")).Block(
				jen.List(id("y"), id("ok")).Op(":=").Id("b").Assert(jen.Qual("encoding/json", "Number")),
				jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.False())),
				jen.List(id("fx"), id("errX")).Op(":=").Id("x").Dot("Float64").Call(),
				jen.List(id("fy"), id("errY")).Op(":=").Id("y").Dot("Float64").Call(),
				jen.Return(id("x").Op("==").Id("y").Op("||").Id("errX").Op("==").Nil().Op("&&").Id("errY").Op("==").Nil().Op("&&").Id("fx").Op("==").Id("fy")),
			),
			jen.Case(jen.Map(jen.String()).Any()).Block(
				jen.List(id("y"), id("ok")).Op(":=").Id("b").Assert(jen.Map(jen.String()).Any()),
				jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.False())),
				jen.For(jen.List(id("k"), id("e")).Op(":=").Range().Id("x")).Block(
					jen.If(id("e").Op("!=").Nil().Op("&&").Op("!").Id("sameJSON").Call(id("e"), id("y").Index(id("k")))).Block(jen.Return(jen.False())),
				),
				jen.For(jen.List(id("k"), id("e")).Op(":=").Range().Id("y")).Block(
					jen.If(id("e").Op("!=").Nil().Op("&&").Id("x").Index(id("k")).Op("==").Nil()).Block(jen.Return(jen.False())),
				),
				jen.Return(jen.True()),
			),
			jen.Case(jen.Index().Any()).Block(
				jen.List(id("y"), id("ok")).Op(":=").Id("b").Assert(jen.Index().Any()),
				jen.If(jen.Op("!").Id("ok").Op("||").Len(id("x")).Op("!=").Len(id("y"))).Block(jen.Return(jen.False())),
				jen.For(id("i")).Op(":=").Range().Id("x").Block(
					jen.If(jen.Op("!").Id("sameJSON").Call(id("x").Index(id("i")), id("y").Index(id("i")))).Block(jen.Return(jen.False())),
				),
				jen.Return(jen.True()),
			),
		),
		jen.Return(id("a").Op("==").Id("b")),
	)

	// func jsonType(v any) string
	f.Add(comment("jsonType is chai's name for the type of a decoded JSON value."))
	f.Func().Id("jsonType").Params(id("v").Any()).String().Block(
		jen.Switch(id("v").Assert(jen.Type())).Block(
			jen.Case(jen.Map(jen.String()).Any()).Block(jen.Return(jen.Lit("object"))),
			jen.Case(jen.Index().Any()).Block(jen.Return(jen.Lit("array"))),
			jen.Case(jen.String()).Block(jen.Return(jen.Lit("string"))),
			jen.Case(jen.Qual("encoding/json", "Number")).Block(jen.Return(jen.Lit("number"))),
			jen.Case(jen.Bool()).Block(jen.Return(jen.Lit("boolean"))),
		),
		jen.Return(jen.Lit("null")),
	)

	// func encodeJSON(t *testing.T, v any) []byte
	f.Add(comment("encodeJSON re-encodes a typed result, for assertions on the body."))
	f.Func().Id("encodeJSON").Params(tt(), id("v").Any()).Index().Byte().Block(
		id("t").Dot("Helper").Call(),
		jen.List(id("data"), jen.Err()).Op(":=").Qual("encoding/json", "Marshal").Call(id("v")),
		jen.If(jen.Err().Op("!=").Nil()).Block(id("t").Dot("Fatalf").Call(jen.Lit("encoding the result: %v"), jen.Err())),
		jen.Return(id("data")),
	)
}
