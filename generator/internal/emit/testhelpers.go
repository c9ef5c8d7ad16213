package emit

import (
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// testHelpersFile emits the package's own part of helpers_test.go, the
// test client with every setting given; the runtime's test helpers (the
// replay server, the example runner against the mock, the comparisons)
// join it.
func testHelpersFile(api *model.API) *genFile {
	f := newFile(api)
	t := func() jen.Code { return jen.Id("t").Op("*").Qual("testing", "T") }
	fatalf := func(format string, args ...jen.Code) *jen.Statement {
		return jen.Id("t").Dot("Fatalf").Call(append([]jen.Code{jen.Lit(format)}, args...)...)
	}

	// func newTestClient(t *testing.T, baseURL string) *Client
	f.Add(f.doc("newTestClient points a client at a test server, with every setting\n" +
		"given so that the expectations do not depend on defaults, and without\n" +
		"retries: a replayed 503 or 429 is an answer to check, not to wait on."))
	f.Func().Id("newTestClient").Params(t(), jen.Id("baseURL").String()).Op("*").Id("Client").BlockFunc(func(g *jen.Group) {
		// Redirects are answers to check, not to follow: the test server
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
		if api.ScriptClock {
			// The clock of the scripts' values is fixed, so that a test expects
			// the exact signature:
			//
			//	c.cfg.scriptNow = func() time.Time { return time.UnixMilli(1700000000123) }
			g.Id("c").Dot("cfg").Dot("scriptNow").Op("=").Func().Params().Qual("time", "Time").Block(
				// jen.Lit takes the constant as an int, which does not
				// hold it on 32-bit platforms (pmgen would not build
				// there), and writes any other integer type with a
				// conversion; the digits are written as they are.
				jen.Return(jen.Qual("time", "UnixMilli").Call(jen.Id(strconv.FormatInt(model.ScriptTestMillis, 10)))),
			)
		}
		g.Return(jen.Id("c"))
	})

	return f
}
