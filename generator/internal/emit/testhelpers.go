package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// testHelpersFile emits what every generated test shares: the replay
// server, the test client and the comparisons.
func testHelpersFile(api *model.API) *jen.File {
	f := newFile(api)
	t := func() jen.Code { return jen.Id("t").Op("*").Qual("testing", "T") }
	fatalf := func(format string, args ...jen.Code) *jen.Statement {
		return jen.Id("t").Dot("Fatalf").Call(append([]jen.Code{jen.Lit(format)}, args...)...)
	}
	errorf := func(format string, args ...jen.Code) *jen.Statement {
		return jen.Id("t").Dot("Errorf").Call(append([]jen.Code{jen.Lit(format)}, args...)...)
	}

	// type recorded struct { mu sync.Mutex; method, path, rawQuery string; header http.Header; body []byte }
	f.Add(comment("recorded is the request the replay server received."))
	f.Type().Id("recorded").Struct(
		jen.Id("mu").Qual("sync", "Mutex"),
		jen.Id("method").String(),
		jen.Id("path").String(),
		jen.Id("rawQuery").String(),
		jen.Id("header").Qual(httpPkg, "Header"),
		jen.Id("body").Index().Byte(),
	)

	// func replay(t *testing.T, status int, header [][2]string, body string) (*httptest.Server, *recorded)
	f.Add(comment("replay starts a server that records the request and answers it with a\nsaved example."))
	f.Func().Id("replay").Params(t(), jen.Id("status").Int(), jen.Id("header").Index().Index(jen.Lit(2)).String(), jen.Id("body").String()).
		Params(jen.Op("*").Qual("net/http/httptest", "Server"), jen.Op("*").Id("recorded")).Block(
		jen.Id("rec").Op(":=").Op("&").Id("recorded").Values(),
		jen.Id("srv").Op(":=").Qual("net/http/httptest", "NewServer").Call(jen.Qual(httpPkg, "HandlerFunc").Call(
			jen.Func().Params(jen.Id("w").Qual(httpPkg, "ResponseWriter"), jen.Id("r").Op("*").Qual(httpPkg, "Request")).Block(
				jen.List(jen.Id("data"), jen.Id("_")).Op(":=").Qual("io", "ReadAll").Call(jen.Id("r").Dot("Body")),
				jen.Id("rec").Dot("mu").Dot("Lock").Call(),
				jen.Id("rec").Dot("method").Op(",").Id("rec").Dot("path").Op(",").Id("rec").Dot("rawQuery").Op("=").
					Id("r").Dot("Method").Op(",").Id("requestPath").Call(jen.Id("r").Dot("RequestURI")).Op(",").Id("r").Dot("URL").Dot("RawQuery"),
				jen.Id("rec").Dot("header").Op(",").Id("rec").Dot("body").Op("=").Id("r").Dot("Header").Dot("Clone").Call().Op(",").Id("data"),
				jen.Id("rec").Dot("mu").Dot("Unlock").Call(),
				jen.For(jen.List(jen.Id("_"), jen.Id("h")).Op(":=").Range().Id("header")).Block(
					jen.Id("w").Dot("Header").Call().Dot("Add").Call(jen.Id("h").Index(jen.Lit(0)), jen.Id("h").Index(jen.Lit(1))),
				),
				jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
				jen.Qual("io", "WriteString").Call(jen.Id("w"), jen.Id("body")),
			),
		)),
		jen.Id("t").Dot("Cleanup").Call(jen.Id("srv").Dot("Close")),
		jen.Return(jen.Id("srv"), jen.Id("rec")),
	)

	// func newTestClient(t *testing.T, baseURL string) *Client
	f.Add(comment("newTestClient points a client at the replay server, with every setting\n" +
		"given so that the expectations do not depend on defaults, and without\n" +
		"retries: a replayed 503 or 429 is an answer to check, not to wait on."))
	f.Func().Id("newTestClient").Params(t(), jen.Id("baseURL").String()).Op("*").Id("Client").BlockFunc(func(g *jen.Group) {
		// Redirects are answers to check, not to follow: the replay server
		// would send the client back to itself.
		g.Id("hc").Op(":=").Op("&").Qual(httpPkg, "Client").Values(jen.Dict{
			jen.Id("CheckRedirect"): jen.Func().Params(jen.Op("*").Qual(httpPkg, "Request"), jen.Index().Op("*").Qual(httpPkg, "Request")).Error().Block(
				jen.Return(jen.Qual(httpPkg, "ErrUseLastResponse")),
			),
		})
		g.List(jen.Id("c"), jen.Err()).Op(":=").Id("New").CallFunc(func(g *jen.Group) {
			g.Id("WithHTTPClient").Call(jen.Id("hc"))
			// A replayed 503 or 429 is an answer to check once, not to wait on.
			g.Id("WithRetry").Call(jen.Id("RetryPolicy").Values(jen.Dict{jen.Id("MaxAttempts"): jen.Lit(1)}))
			for _, s := range api.Settings {
				switch {
				case s.URL:
					g.Id(s.Option).Call(jen.Id("baseURL"))
				case s.Nested == nil:
					g.Id(s.Option).Call(jen.Lit(s.TestValue))
				}
				// Settings resolved from others are left to resolve.
			}
		})
		g.If(jen.Err().Op("!=").Nil()).Block(fatalf("New: %v", jen.Err()))
		g.Return(jen.Id("c"))
	})

	// func checkRequest(t, rec, method, path string, query, header [][2]string, body string, bodyJSON bool)
	f.Add(comment("checkRequest compares what the client sent with what the collection\ndescribes. Query pairs must match in order; the wanted headers must be\npresent (the transport adds others of its own)."))
	f.Func().Id("checkRequest").Params(
		t(), jen.Id("rec").Op("*").Id("recorded"),
		jen.List(jen.Id("method"), jen.Id("path"), jen.Id("query")).String(),
		jen.Id("header").Index().Index(jen.Lit(2)).String(),
		jen.Id("body").String(), jen.Id("bodyJSON").Bool(),
	).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Id("rec").Dot("mu").Dot("Lock").Call(),
		jen.Defer().Id("rec").Dot("mu").Dot("Unlock").Call(),
		jen.If(jen.Id("rec").Dot("method").Op("!=").Id("method")).Block(errorf("method = %q, want %q", jen.Id("rec").Dot("method"), jen.Id("method"))),
		jen.If(jen.Id("rec").Dot("path").Op("!=").Id("path")).Block(errorf("path = %q, want %q", jen.Id("rec").Dot("path"), jen.Id("path"))),
		jen.If(jen.Op("!").Id("queryMatches").Call(jen.Id("rec").Dot("rawQuery"), jen.Id("query"))).Block(
			errorf("query = %q, want %q", jen.Id("rec").Dot("rawQuery"), jen.Id("query")),
		),
		jen.For(jen.List(jen.Id("_"), jen.Id("h")).Op(":=").Range().Id("header")).Block(
			jen.If(jen.Op("!").Qual("slices", "Contains").Call(jen.Id("rec").Dot("header").Dot("Values").Call(jen.Id("h").Index(jen.Lit(0))), jen.Id("h").Index(jen.Lit(1)))).Block(
				errorf("header %s = %q, want %q", jen.Id("h").Index(jen.Lit(0)), jen.Id("rec").Dot("header").Dot("Values").Call(jen.Id("h").Index(jen.Lit(0))), jen.Id("h").Index(jen.Lit(1))),
			),
		),
		jen.If(jen.Id("bodyJSON")).Block(
			jen.Id("checkJSON").Call(jen.Id("t"), jen.Lit("request body"), jen.Id("rec").Dot("body"), jen.Id("body")),
		).Else().If(jen.String().Call(jen.Id("rec").Dot("body")).Op("!=").Id("body")).Block(
			errorf("request body = %q, want %q", jen.Id("rec").Dot("body"), jen.Id("body")),
		),
	)

	// func requestPath(uri string) string: the raw path of a request-target.
	f.Add(comment("requestPath is the path of a request-target exactly as sent. The client\n" +
		"may send the absolute form (http://host/path) to keep a path byte for byte."))
	f.Func().Id("requestPath").Params(jen.Id("uri").String()).String().Block(
		jen.If(jen.List(jen.Id("_"), jen.Id("rest"), jen.Id("ok")).Op(":=").Qual("strings", "Cut").Call(jen.Id("uri"), jen.Lit("://")), jen.Id("ok").Op("&&").Op("!").Qual("strings", "HasPrefix").Call(jen.Id("uri"), jen.Lit("/"))).Block(
			jen.Id("uri").Op("=").Lit("/"),
			jen.If(jen.Id("i").Op(":=").Qual("strings", "IndexByte").Call(jen.Id("rest"), jen.LitRune('/')), jen.Id("i").Op(">=").Lit(0)).Block(
				jen.Id("uri").Op("=").Id("rest").Index(jen.Id("i"), jen.Empty()),
			),
		),
		jen.List(jen.Id("path"), jen.Id("_"), jen.Id("_")).Op(":=").Qual("strings", "Cut").Call(jen.Id("uri"), jen.Lit("?")),
		jen.Return(jen.Id("path")),
	)

	// func queryMatches(got, want string) bool
	f.Add(comment("queryMatches compares raw query strings entry by entry, in order. A\n" +
		"wanted value of " + model.DynamicMarker + " is made afresh on every call, so any value matches."))
	f.Func().Id("queryMatches").Params(jen.List(jen.Id("got"), jen.Id("want")).String()).Bool().Block(
		jen.List(jen.Id("g"), jen.Id("w")).Op(":=").List(jen.Qual("strings", "Split").Call(jen.Id("got"), jen.Lit("&")), jen.Qual("strings", "Split").Call(jen.Id("want"), jen.Lit("&"))),
		jen.If(jen.Len(jen.Id("g")).Op("!=").Len(jen.Id("w"))).Block(jen.Return(jen.False())),
		jen.For(jen.Id("i").Op(":=").Range().Id("w")).Block(
			jen.If(jen.List(jen.Id("key"), jen.Id("ok")).Op(":=").Qual("strings", "CutSuffix").Call(jen.Id("w").Index(jen.Id("i")), jen.Lit("="+model.DynamicMarker)), jen.Id("ok")).Block(
				jen.If(jen.Op("!").Qual("strings", "HasPrefix").Call(jen.Id("g").Index(jen.Id("i")), jen.Id("key").Op("+").Lit("="))).Block(jen.Return(jen.False())),
				jen.Continue(),
			),
			jen.If(jen.Id("g").Index(jen.Id("i")).Op("!=").Id("w").Index(jen.Id("i"))).Block(jen.Return(jen.False())),
		),
		jen.Return(jen.True()),
	)

	// func checkJSON(t *testing.T, what string, got []byte, want string)
	f.Add(comment("checkJSON compares two JSON texts as values. A key holding null counts\nas absent, because optional fields are omitted when they are unset, and\nnumbers compare by value."))
	f.Func().Id("checkJSON").Params(t(), jen.Id("what").String(), jen.Id("got").Index().Byte(), jen.Id("want").String()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.List(jen.Id("g"), jen.Err()).Op(":=").Id("decodeJSON").Call(jen.Id("got")),
		jen.If(jen.Err().Op("!=").Nil()).Block(errorf("%s: %v\n%s", jen.Id("what"), jen.Err(), jen.Id("got")), jen.Return()),
		jen.List(jen.Id("w"), jen.Err()).Op(":=").Id("decodeJSON").Call(jen.Index().Byte().Parens(jen.Id("want"))),
		jen.If(jen.Err().Op("!=").Nil()).Block(errorf("%s: the example is not JSON: %v", jen.Id("what"), jen.Err()), jen.Return()),
		jen.If(jen.Op("!").Qual("reflect", "DeepEqual").Call(jen.Id("g"), jen.Id("w"))).Block(
			errorf("%s differs from the example:\n got: %s\nwant: %s", jen.Id("what"), jen.Id("got"), jen.Id("want")),
		),
	)

	// func checkDecoded(t *testing.T, what string, v any, want string): re-encodes v.
	f.Add(comment("checkDecoded re-encodes a decoded value and compares it with the example\nit was decoded from: the typed value lost nothing."))
	f.Func().Id("checkDecoded").Params(t(), jen.Id("what").String(), jen.Id("v").Any(), jen.Id("want").String()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual("encoding/json", "Marshal").Call(jen.Id("v")),
		jen.If(jen.Err().Op("!=").Nil()).Block(fatalf("%s: encoding: %v", jen.Id("what"), jen.Err())),
		jen.Id("checkJSON").Call(jen.Id("t"), jen.Id("what"), jen.Id("data"), jen.Id("want")),
	)

	// func decodeJSON(data []byte) (any, error): numbers as json.Number, nulls dropped.
	f.Func().Id("decodeJSON").Params(jen.Id("data").Index().Byte()).Params(jen.Any(), jen.Error()).Block(
		jen.Id("dec").Op(":=").Qual("encoding/json", "NewDecoder").Call(jen.Qual("bytes", "NewReader").Call(jen.Id("data"))),
		jen.Id("dec").Dot("UseNumber").Call(),
		jen.Var().Id("v").Any(),
		jen.If(jen.Err().Op(":=").Id("dec").Dot("Decode").Call(jen.Op("&").Id("v")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Id("normalise").Call(jen.Id("v")), jen.Nil()),
	)
	f.Add(comment("normalise drops null members and writes every number the way a float64\n" +
		"prints, so that 0.0 in an example equals the 0 a float64 field encodes."))
	f.Func().Id("normalise").Params(jen.Id("v").Any()).Any().Block(
		jen.Switch(jen.Id("x").Op(":=").Id("v").Assert(jen.Type())).Block(
			jen.Case(jen.Qual("encoding/json", "Number")).Block(
				jen.If(jen.List(jen.Id("f"), jen.Err()).Op(":=").Id("x").Dot("Float64").Call(), jen.Err().Op("==").Nil()).Block(
					jen.Return(jen.Qual("strconv", "FormatFloat").Call(jen.Id("f"), jen.LitRune('g'), jen.Lit(-1), jen.Lit(64))),
				),
			),
			jen.Case(jen.Map(jen.String()).Any()).Block(
				jen.For(jen.List(jen.Id("k"), jen.Id("e")).Op(":=").Range().Id("x")).Block(
					jen.If(jen.Id("e").Op("==").Nil()).Block(jen.Delete(jen.Id("x"), jen.Id("k")), jen.Continue()),
					jen.Id("x").Index(jen.Id("k")).Op("=").Id("normalise").Call(jen.Id("e")),
				),
			),
			jen.Case(jen.Index().Any()).Block(
				jen.For(jen.List(jen.Id("i"), jen.Id("e")).Op(":=").Range().Id("x")).Block(
					jen.Id("x").Index(jen.Id("i")).Op("=").Id("normalise").Call(jen.Id("e")),
				),
			),
		),
		jen.Return(jen.Id("v")),
	)

	// func readFixture(t *testing.T, name string) string
	f.Add(comment("readFixture reads a saved body that is too long for a literal."))
	f.Func().Id("readFixture").Params(t(), jen.Id("name").String()).String().Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual("os", "ReadFile").Call(jen.Qual("path/filepath", "Join").Call(jen.Lit("testdata"), jen.Qual("path/filepath", "FromSlash").Call(jen.Id("name")))),
		jen.If(jen.Err().Op("!=").Nil()).Block(fatalf("%v", jen.Err())),
		jen.Return(jen.String().Call(jen.Id("data"))),
	)
	bodyTestHelpers(f, api)
	u := examplesUsed(api.Root)
	assertionHelpers(f, u)
	exampleRunner(f, u)
	return f
}
