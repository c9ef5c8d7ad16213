package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// grantTokenPath is where the test's token server answers token requests;
// every other path is the API.
const grantTokenPath = "/oauth2/token"

// grantTestFile emits the test of the token flow (model.GrantTest): a
// local server that is both token endpoint and API, and a table of calls
// made while the test's clock moves, checking which token each call sent
// and how many tokens were fetched.
func grantTestFile(api *model.API) *genFile {
	gt := api.Auth.GrantTest
	op := gt.Op
	f := newFile(api)
	f.Add(f.doc(gt.Doc))
	f.Func().Id(gt.Name).Params(jen.Id("t").Op("*").Qual("testing", "T")).BlockFunc(func(g *jen.Group) {
		g.Var().Id("mu").Qual("sync", "Mutex")
		g.Var().Id("fetches").Int()
		g.Var().Id("sent").String()
		// srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { ... }))
		g.Id("srv").Op(":=").Qual("net/http/httptest", "NewServer").Call(jen.Qual(httpPkg, "HandlerFunc").Call(
			jen.Func().Params(jen.Id("w").Qual(httpPkg, "ResponseWriter"), jen.Id("r").Op("*").Qual(httpPkg, "Request")).BlockFunc(func(g *jen.Group) {
				g.Id("mu").Dot("Lock").Call()
				g.Defer().Id("mu").Dot("Unlock").Call()
				g.If(jen.Id("r").Dot("URL").Dot("Path").Op("==").Lit(grantTokenPath)).BlockFunc(func(g *jen.Group) {
					tokenHandler(g, gt)
				})
				if gt.InQuery {
					g.Id("sent").Op("=").Id("r").Dot("URL").Dot("Query").Call().Dot("Get").Call(jen.Lit("access_token"))
				} else {
					g.Id("sent").Op("=").Id("r").Dot("Header").Dot("Get").Call(jen.Lit("Authorization"))
				}
				g.Id("w").Dot("WriteHeader").Call(jen.Qual(httpPkg, "StatusNoContent"))
			}),
		))
		g.Defer().Id("srv").Dot("Close").Call()

		g.Id("now").Op(":=").Qual("time", "Date").Call(jen.Lit(2024), jen.Lit(1), jen.Lit(1), jen.Lit(0), jen.Lit(0), jen.Lit(0), jen.Lit(0), jen.Qual("time", "UTC"))
		g.Id("c").Op(":=").Id("newTestClient").Call(jen.Id("t"), jen.Id("srv").Dot("URL"))
		g.Id("opts").Op(":=").Index().Id("Option").CustomFunc(multiline, func(g *jen.Group) {
			g.Id(gt.Client).Call(jen.Lit("test-client"), jen.Lit("test-secret"))
			if gt.Password {
				g.Id(gt.User).Call(jen.Lit("test-user"), jen.Lit("test-password"))
			}
			g.Id(gt.TokenURL).Call(jen.Id("srv").Dot("URL").Op("+").Lit(grantTokenPath))
			g.Func().Params(jen.Id("c").Op("*").Id("config")).Block(
				jen.Id("c").Dot(api.Auth.Field).Dot("now").Op("=").Func().Params().Qual("time", "Time").Block(jen.Return(jen.Id("now"))),
			)
		})
		// call makes the request with the saved input and the options above.
		g.Id("call").Op(":=").Func().Params(jen.Id("t").Op("*").Qual("testing", "T"), jen.Id("c").Op("*").Id("Client")).
			Params(jen.Any(), jen.Op("*").Id("Response"), jen.Error()).BlockFunc(func(g *jen.Group) {
			exampleCall(g, op, jen.Id("opts").Op("..."))
		})

		// The token lasts an hour and is fetched again in its last minute.
		g.For(jen.List(jen.Id("i"), jen.Id("step")).Op(":=").Range().Index().Struct(
			jen.Id("advance").Qual("time", "Duration"),
			jen.Id("want").String(),
			jen.Id("fetches").Int(),
		).CustomFunc(multiline, func(g *jen.Group) {
			for _, s := range []struct {
				advance jen.Code
				n       int
			}{
				{jen.Lit(0), 1},
				{jen.Lit(30).Op("*").Qual("time", "Minute"), 1},
				{jen.Lit(28).Op("*").Qual("time", "Minute"), 1},
				{jen.Lit(2).Op("*").Qual("time", "Minute"), 2},
				{jen.Qual("time", "Minute"), 2},
			} {
				g.Values(s.advance, jen.Lit(gt.Prefix+"token-"+string(rune('0'+s.n))), jen.Lit(s.n))
			}
		})).BlockFunc(func(g *jen.Group) {
			g.Id("now").Op("=").Id("now").Dot("Add").Call(jen.Id("step").Dot("advance"))
			g.If(jen.List(jen.Id("_"), jen.Id("_"), jen.Err()).Op(":=").Id("call").Call(jen.Id("t"), jen.Id("c")), jen.Err().Op("!=").Nil()).Block(
				jen.Id("t").Dot("Fatalf").Call(jen.Lit("call %d: %v"), jen.Id("i"), jen.Err()),
			)
			g.Id("mu").Dot("Lock").Call()
			g.List(jen.Id("got"), jen.Id("n")).Op(":=").List(jen.Id("sent"), jen.Id("fetches"))
			g.Id("mu").Dot("Unlock").Call()
			g.If(jen.Id("got").Op("!=").Id("step").Dot("want").Op("||").Id("n").Op("!=").Id("step").Dot("fetches")).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("call %d: sent %q after %d token requests, want %q after %d"),
					jen.Id("i"), jen.Id("got"), jen.Id("n"), jen.Id("step").Dot("want"), jen.Id("step").Dot("fetches")),
			)
		})
	})
	return f
}

// multiline spells a composite literal's elements one per line.
var multiline = jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}

// tokenHandler is the token endpoint of the test's server: it checks the
// grant and the client's credentials, and answers token-<n>, valid for an
// hour.
//
//	if err := r.ParseForm(); err != nil || r.PostForm.Get("grant_type") != "client_credentials" { t.Errorf(...) }
//	...
//	fetches++
//	w.Header().Set("Content-Type", "application/json")
//	fmt.Fprintf(w, `{"access_token":"token-%d","token_type":"Bearer","expires_in":3600}`, fetches)
//	return
func tokenHandler(g *jen.Group, gt *model.GrantTest) {
	form := func(key string) *jen.Statement {
		return jen.Id("r").Dot("PostForm").Dot("Get").Call(jen.Lit(key))
	}
	grantType := model.GrantClientCredentials
	if gt.Password {
		grantType = model.GrantPassword
	}
	g.If(jen.Err().Op(":=").Id("r").Dot("ParseForm").Call(), jen.Err().Op("!=").Nil().Op("||").Add(form("grant_type")).Op("!=").Lit(grantType)).Block(
		jen.Id("t").Dot("Errorf").Call(jen.Lit("token request form %v (%v), want grant_type="+grantType), jen.Id("r").Dot("PostForm"), jen.Err()),
	)
	// The client authenticates with HTTP Basic auth or in the form, as the
	// collection says.
	g.List(jen.Id("id"), jen.Id("secret"), jen.Id("_")).Op(":=").Id("r").Dot("BasicAuth").Call()
	g.If(jen.Id("id").Op("+").Add(form("client_id")).Op("!=").Lit("test-client").Op("||").
		Id("secret").Op("+").Add(form("client_secret")).Op("!=").Lit("test-secret")).Block(
		jen.Id("t").Dot("Errorf").Call(jen.Lit("the token request does not carry the client's credentials")),
	)
	if gt.Password {
		g.If(form("username").Op("!=").Lit("test-user").Op("||").Add(form("password")).Op("!=").Lit("test-password")).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("the token request does not carry the user's credentials")),
		)
	}
	g.Id("fetches").Op("++")
	g.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json"))
	g.Qual("fmt", "Fprintf").Call(jen.Id("w"), jen.Lit(`{"access_token":"token-%d","token_type":"Bearer","expires_in":3600}`), jen.Id("fetches"))
	g.Return()
}
