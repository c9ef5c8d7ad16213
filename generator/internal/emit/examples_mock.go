package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// mockTest is TestWithMock in example_test.go: a user's test of their own
// code against the package's mock server, which the README and the
// package doc show from here, so that what they show is compiled and run.
//
//	func TestWithMock(t *testing.T) {
//		mock := forgerockam.NewMockServer()
//		srv := httptest.NewServer(mock)
//		defer srv.Close()
//		c, err := forgerockam.New(forgerockam.WithBaseURL(srv.URL))
//		...
//		mock.Respond(forgerockam.OpSessionsAuthenticate, 401)
//		_, _, err = c.Sessions.Authenticate(context.Background(), &forgerockam.AuthenticateParams{})
//		var apiErr *forgerockam.APIError
//		if !errors.As(err, &apiErr) || apiErr.StatusCode != 401 { ... }
//		calls, err := forgerockam.MockCalls(mock, forgerockam.OpSessionsAuthenticate)
//		...
//	}
func (x exampleWriter) mockTest(f *genFile, mt *model.MockTest) {
	op := mt.Example.Op
	t := jen.Id("t")
	f.Func().Id("TestWithMock").Params(t.Clone().Op("*").Qual("testing", "T")).BlockFunc(func(g *jen.Group) {
		g.Id("mock").Op(":=").Add(x.q("NewMockServer")).Call()
		g.Id("srv").Op(":=").Qual("net/http/httptest", "NewServer").Call(jen.Id("mock"))
		g.Defer().Id("srv").Dot("Close").Call()
		// The URL settings point at the mock; a setting without a saved
		// value gets a stand-in, since an empty one would leave a gap in
		// a path ("/accounts//jobs") that no saved request has.
		var opts []jen.Code
		for _, s := range x.api.Settings {
			switch {
			case s.URL:
				opts = append(opts, x.q(s.Option).Call(jen.Id("srv").Dot("URL")))
			case s.Nested != nil || !s.HasDefault || s.Unusable:
				opts = append(opts, x.q(s.Option).Call(jen.Lit("test-"+s.Key)))
			}
		}
		newClient := jen.List(jen.Id("c"), jen.Err()).Op(":=").Add(x.q("New"))
		if len(opts) > 1 {
			g.Add(newClient.Custom(lines(), opts...))
		} else {
			g.Add(newClient.Call(opts...))
		}
		g.If(jen.Err().Op("!=").Nil()).Block(x.fatalCall(jen.Err()))
		g.Line()
		ok := mt.Status >= 200 && mt.Status <= 299
		if ok {
			g.Comment("Each method answers with the saved example its request matches, a")
			g.Comment(fmt.Sprintf("2xx first; make this one answer with its saved %d:", mt.Status))
		} else {
			g.Comment("Each method answers with the saved example its request matches (a")
			g.Comment(fmt.Sprintf("2xx first); make one answer with its saved %d instead:", mt.Status))
		}
		g.Id("mock").Dot("Respond").Call(x.q(op.MockOp), jen.Lit(mt.Status))
		call := x.callExpr(g, mt.Example)
		results := []jen.Code{jen.Id("_"), jen.Err()}
		if op.Result != nil || op.ResultRaw || op.ResultStream {
			results = []jen.Code{jen.Id("got"), jen.Id("_"), jen.Err()}
			if !op.ResultStream {
				results[0] = jen.Id("_")
			}
		}
		if op.ResultStream {
			g.List(results...).Op(":=").Add(call)
			g.If(jen.Id("got").Op("!=").Nil()).Block(jen.Id("got").Dot("Close").Call())
		} else {
			g.List(results...).Op("=").Add(call)
		}
		if ok {
			g.If(jen.Err().Op("!=").Nil()).Block(x.fatalCall(jen.Err()))
		} else {
			g.Var().Id("apiErr").Op("*").Add(x.q("APIError"))
			g.If(jen.Op("!").Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("apiErr")).Op("||").Id("apiErr").Dot("StatusCode").Op("!=").Lit(mt.Status)).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit(fmt.Sprintf("err = %%v, want the saved %d", mt.Status)), jen.Err()),
			)
		}
		g.Line()
		g.Comment("What the mock received, each body decoded into its type:")
		g.List(jen.Id("calls"), jen.Err()).Op(":=").Add(x.q("MockCalls")).Call(jen.Id("mock"), x.q(op.MockOp))
		g.If(jen.Err().Op("!=").Nil().Op("||").Len(jen.Id("calls")).Op("!=").Lit(1)).Block(
			jen.Id("t").Dot("Fatalf").Call(jen.Lit("calls = %v, %v"), jen.Id("calls"), jen.Err()),
		)
	})
}
