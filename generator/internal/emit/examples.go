package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// exampleUse says what the generated example tests of an API need from
// helpers_test.go (the runner and the pm.test helpers), so that it holds
// only that.
type exampleUse struct {
	any       bool // some operation has a saved example
	raw       bool // ... whose method returns the body as []byte
	multipart bool // ... whose method sends multipart/form-data
	asserts   bool // some row checks translated pm.test blocks
	skips     bool // some row lists pm.test blocks it does not check
}

// examplesUsed looks at every operation of svc and the services below it.
func examplesUsed(svc *model.Service) exampleUse {
	var u exampleUse
	u.add(svc)
	return u
}

func (u *exampleUse) add(svc *model.Service) {
	for _, op := range svc.Ops {
		if len(op.Tests) == 0 {
			continue
		}
		u.any = true
		u.raw = u.raw || op.ResultRaw
		u.multipart = u.multipart || sendsMultipart(op)
		u.asserts = u.asserts || opAsserts(op)
		u.skips = u.skips || opSkips(op)
	}
	for _, sub := range svc.Services {
		u.add(sub)
	}
}

// sendsMultipart reports a multipart/form-data body, whose random boundary
// makes the runner compare the recorded body part by part.
func sendsMultipart(op *model.Operation) bool {
	return op.Body != nil && op.Body.Kind == model.BodyMultipart
}

// exampleRunner adds to helpers_test.go the row type of every example
// table and the loop that runs a table. Each generated test is then its
// rows and the one call it makes, not a copy of the loop:
//
//	type example struct { name string; status int; ... }
//	func runExamples(t *testing.T, examples []example, call func(t *testing.T, c *Client) (any, *Response, error))
func exampleRunner(f *jen.File, u exampleUse) {
	if !u.any {
		return
	}
	id := jen.Id
	tt := func(name string) *jen.Statement { return id("tt").Dot(name) }
	testingT := func() jen.Code { return id("t").Op("*").Qual("testing", "T") }
	fatalf := func(format string, args ...jen.Code) *jen.Statement {
		return id("t").Dot("Fatalf").Call(append([]jen.Code{jen.Lit(format)}, args...)...)
	}
	errorf := func(format string, args ...jen.Code) *jen.Statement {
		return id("t").Dot("Errorf").Call(append([]jen.Code{jen.Lit(format)}, args...)...)
	}
	pairsType := func() *jen.Statement { return jen.Index().Index(jen.Lit(2)).String() }

	fields := []jen.Code{
		id("name").String().Comment("the example's name in the collection"),
		id("status").Int().Comment("the saved response"),
		id("header").Add(pairsType()),
		id("body").String(),
		id("bodyFile").String().Comment("the body, when it is a fixture under testdata"),
		id("bodyJSON").Bool(),
		id("errorType").String().Comment("the dynamic type of APIError.Value, when typed"),
		id("wantMethod").String().Comment("the request the client must send"),
		id("wantPath").String(),
		id("wantQuery").String(),
		id("wantHeader").Add(pairsType()),
		id("wantBody").String(),
		id("wantBodyJSON").Bool(),
	}
	if u.multipart {
		fields = append(fields, id("multipart").Bool().Comment("the body is compared part by part"))
	}
	if u.asserts {
		fields = append(fields, id("asserts").Index().Id("assertion"))
	}
	if u.skips {
		fields = append(fields, id("skipped").Index().Id("skippedTest"))
	}
	f.Add(comment("example is a saved example of a request: the response the replay server\nanswers with, and what the client must have sent to get it."))
	f.Type().Id("example").Struct(fields...)

	if u.raw {
		f.Add(comment("rawBody is a result that is the response body itself: it is compared\nbyte for byte, not as JSON."))
		f.Type().Id("rawBody").Index().Byte()
	}

	f.Add(comment("runExamples runs each example as a subtest: the replay server answers\n" +
		"with the saved response, call makes the request through a test client,\n" +
		"and then the request and what the client returned are checked. call\n" +
		"returns the decoded result, or nil for a method without one; a 2xx\n" +
		"example must succeed and decode without loss, any other status must\n" +
		"come back as an *APIError holding the body."))
	callType := jen.Func().Params(testingT(), id("c").Op("*").Id("Client")).Params(jen.Any(), jen.Op("*").Id("Response"), jen.Error())
	f.Func().Id("runExamples").Params(testingT(), id("examples").Index().Id("example"), id("call").Add(callType)).Block(
		id("t").Dot("Helper").Call(),
		jen.For(jen.List(id("_"), id("tt")).Op(":=").Range().Id("examples")).Block(
			id("t").Dot("Run").Call(tt("name"), jen.Func().Params(testingT()).BlockFunc(func(g *jen.Group) {
				if u.skips {
					g.For(jen.List(id("_"), id("s")).Op(":=").Range().Add(tt("skipped"))).Block(
						id("t").Dot("Run").Call(id("s").Dot("test"), jen.Func().Params(testingT()).Block(
							id("t").Dot("Skip").Call(id("s").Dot("message")),
						)),
					)
				}
				g.Id("body").Op(":=").Add(tt("body"))
				g.If(tt("bodyFile").Op("!=").Lit("")).Block(id("body").Op("=").Id("readFixture").Call(id("t"), tt("bodyFile")))
				g.List(id("srv"), id("rec")).Op(":=").Id("replay").Call(id("t"), tt("status"), tt("header"), id("body"))
				g.List(id("got"), id("resp"), jen.Err()).Op(":=").Id("call").Call(id("t"), id("newTestClient").Call(id("t"), id("srv").Dot("URL")))
				if u.multipart {
					g.If(tt("multipart")).Block(id("multipartText").Call(id("t"), id("rec")))
				}
				g.Id("checkRequest").Call(id("t"), id("rec"), tt("wantMethod"), tt("wantPath"), tt("wantQuery"), tt("wantHeader"), tt("wantBody"), tt("wantBodyJSON"))
				g.If(tt("status").Op(">=").Lit(200).Op("&&").Add(tt("status")).Op("<=").Lit(299)).Block(
					id("checkResult").Call(id("t"), id("tt"), id("body"), id("got"), id("resp"), jen.Err()),
				).Else().Block(
					id("checkAPIError").Call(id("t"), id("tt"), id("body"), jen.Err()),
				)
			})),
		),
	)

	// func checkResult(t *testing.T, tt example, body string, got any, resp *Response, err error)
	f.Add(comment("checkResult checks a 2xx example: no error, the saved status, and a\nresult that re-encodes to the saved body."))
	f.Func().Id("checkResult").Params(testingT(), id("tt").Id("example"), id("body").String(), id("got").Any(), id("resp").Op("*").Id("Response"), jen.Err().Error()).BlockFunc(func(g *jen.Group) {
		g.Id("t").Dot("Helper").Call()
		g.If(jen.Err().Op("!=").Nil()).Block(fatalf("unexpected error: %v", jen.Err()))
		g.If(id("resp").Dot("StatusCode").Op("!=").Add(tt("status"))).Block(
			errorf("StatusCode = %d, want %d", id("resp").Dot("StatusCode"), tt("status")),
		)
		if u.asserts {
			// What pm.test blocks read as the body: the typed result
			// re-encoded, so that a decoding loss fails them too.
			g.Id("result").Op(":=").Index().Byte().Parens(id("body"))
		}
		g.Switch(id("got").Op(":=").Id("got").Assert(jen.Type())).BlockFunc(func(g *jen.Group) {
			g.Case(jen.Nil())
			if u.raw {
				g.Case(id("rawBody")).BlockFunc(func(g *jen.Group) {
					g.If(jen.String().Call(id("got")).Op("!=").Id("body")).Block(
						errorf("body = %q, want %q", id("got"), id("body")),
					)
					if u.asserts {
						g.Id("result").Op("=").Id("got")
					}
				})
			}
			g.Default().BlockFunc(func(g *jen.Group) {
				g.If(tt("bodyJSON")).BlockFunc(func(g *jen.Group) {
					g.Id("checkDecoded").Call(id("t"), jen.Lit("decoded body"), id("got"), id("body"))
					if u.asserts {
						g.Id("result").Op("=").Id("encodeJSON").Call(id("t"), id("got"))
					}
				})
			})
		})
		if u.asserts {
			g.Id("checkAssertions").Call(id("t"), id("resp").Dot("StatusCode"), id("resp").Dot("Header"), id("result"), tt("asserts"))
		}
	})

	// func checkAPIError(t *testing.T, tt example, body string, err error)
	f.Add(comment("checkAPIError checks an example with any other status: an *APIError\nwith the saved status and body, decoded into the typed error body when the\nrequest has one."))
	f.Func().Id("checkAPIError").Params(testingT(), id("tt").Id("example"), id("body").String(), jen.Err().Error()).BlockFunc(func(g *jen.Group) {
		g.Id("t").Dot("Helper").Call()
		g.Var().Id("apiErr").Op("*").Id("APIError")
		g.If(jen.Op("!").Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("apiErr"))).Block(
			fatalf("error = %v, want *APIError", jen.Err()),
		)
		g.If(id("apiErr").Dot("StatusCode").Op("!=").Add(tt("status"))).Block(
			errorf("APIError.StatusCode = %d, want %d", id("apiErr").Dot("StatusCode"), tt("status")),
		)
		g.If(jen.String().Call(id("apiErr").Dot("Body")).Op("!=").Id("body")).Block(
			errorf("APIError.Body = %q, want %q", id("apiErr").Dot("Body"), id("body")),
		)
		g.If(tt("errorType").Op("!=").Lit("")).Block(
			jen.If(id("got").Op(":=").Qual("fmt", "Sprintf").Call(jen.Lit("%T"), id("apiErr").Dot("Value")), id("got").Op("!=").Add(tt("errorType"))).Block(
				fatalf("APIError.Value is %s, want %s", id("got"), tt("errorType")),
			),
			id("checkDecoded").Call(id("t"), jen.Lit("APIError.Value"), id("apiErr").Dot("Value"), id("body")),
		)
		if u.asserts {
			e := func(name string) *jen.Statement { return id("apiErr").Dot(name) }
			g.Id("checkAssertions").Call(id("t"), e("StatusCode"), e("Header"), e("Body"), tt("asserts"))
		}
	})
}
