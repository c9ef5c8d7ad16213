package emit

import (
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// assertionKind spells a model.AssertionKind in generated tables; the
// generated checkAssertions switches on the same words.
func assertionKind(k model.AssertionKind) string {
	switch k {
	case model.AssertStatus:
		return "status"
	case model.AssertStatusClass:
		return "status-class"
	case model.AssertHeaderPresent:
		return "header"
	case model.AssertHeaderEquals:
		return "header-equals"
	case model.AssertHeaderIncludes:
		return "header-includes"
	case model.AssertJSONBody:
		return "json"
	case model.AssertJSONPresent:
		return "json-present"
	case model.AssertJSONAbsent:
		return "json-absent"
	case model.AssertJSONEquals:
		return "json-equals"
	case model.AssertJSONType:
		return "json-type"
	}
	return ""
}

// opAsserts and opSkips report whether any row of op has translated
// pm.test assertions, or pm.test blocks it lists as skipped: the row
// struct has the field only then.
func opAsserts(op *model.Operation) bool {
	for _, tc := range op.Tests {
		if len(tc.Assertions) > 0 {
			return true
		}
	}
	return false
}

func opSkips(op *model.Operation) bool {
	for _, tc := range op.Tests {
		if len(tc.Skipped) > 0 {
			return true
		}
	}
	return false
}

// apiAsserts reports whether any operation of svc and below has
// assertions or skips, for the helpers they need.
func apiAsserts(svc *model.Service) (asserts, skips bool) {
	for _, op := range svc.Ops {
		asserts = asserts || opAsserts(op)
		skips = skips || opSkips(op)
	}
	for _, sub := range svc.Services {
		a, s := apiAsserts(sub)
		asserts, skips = asserts || a, skips || s
	}
	return asserts, skips
}

// assertionFields are the row struct's fields for pm.test:
//
//	asserts []assertion
//	skipped []skippedTest
func assertionFields(op *model.Operation) []jen.Code {
	var out []jen.Code
	if opAsserts(op) {
		out = append(out, jen.Id("asserts").Index().Id("assertion"))
	}
	if opSkips(op) {
		out = append(out, jen.Id("skipped").Index().Id("skippedTest"))
	}
	return out
}

// assertionValues fills a row's pm.test fields:
//
//	asserts: []assertion{{test: "response is ok", kind: "status", statuses: []int{200}}},
//	skipped: []skippedTest{{test: "cookies", message: "pm.test \"cookies\" is not translated: ..."}},
func assertionValues(d jen.Dict, tc *model.TestCase) {
	if len(tc.Assertions) > 0 {
		d[jen.Id("asserts")] = jen.Index().Id("assertion").ValuesFunc(func(g *jen.Group) {
			// One element a line.
			for _, a := range tc.Assertions {
				g.Line().Add(assertionLit(a))
			}
			g.Line()
		})
	}
	if len(tc.Skipped) > 0 {
		d[jen.Id("skipped")] = jen.Index().Id("skippedTest").ValuesFunc(func(g *jen.Group) {
			for _, s := range tc.Skipped {
				g.Line().Values(field("test", jen.Lit(s.Name)), field("message", readableString(s.Message, true)))
			}
			g.Line()
		})
	}
}

// assertionLit is one line, fields in reading order (a jen.Dict would sort
// them and spread them over lines):
//
//	{test: "Echoes", kind: "json-equals", path: []string{"args", "foo1"}, value: `"bar1"`}
func assertionLit(a model.Assertion) jen.Code {
	fields := []jen.Code{field("test", jen.Lit(a.Name)), field("kind", jen.Lit(assertionKind(a.Kind)))}
	if len(a.Statuses) > 0 {
		fields = append(fields, field("statuses", jen.Index().Int().ValuesFunc(func(g *jen.Group) {
			for _, s := range a.Statuses {
				g.Lit(s)
			}
		})))
	}
	if a.Header != "" {
		fields = append(fields, field("header", jen.Lit(a.Header)))
	}
	if len(a.Path) > 0 {
		fields = append(fields, field("path", jen.Index().String().ValuesFunc(func(g *jen.Group) {
			for _, p := range a.Path {
				g.Lit(p)
			}
		})))
	}
	if a.Value != "" {
		fields = append(fields, field("value", readableString(a.Value, false)))
	}
	return jen.Values(fields...)
}

// field is name: value in a composite literal.
func field(name string, value jen.Code) jen.Code {
	return jen.Id(name).Op(":").Add(value)
}

// readableString spells s as a raw string literal when it can be one and
// reads better so: JSON values as written (`"bar1"` rather than
// "\"bar1\""), and, when multiline, skip messages with the script's lines.
func readableString(s string, multiline bool) jen.Code {
	special := `"\`
	if multiline {
		special += "\n"
	}
	if !utf8.ValidString(s) || strings.ContainsAny(s, "`\r") || !strings.ContainsAny(s, special) {
		return jen.Lit(s)
	}
	for _, r := range s {
		if r < ' ' && !(multiline && (r == '\n' || r == '\t')) || r == 0x7f || r == 0xFEFF || r == 0x2028 || r == 0x2029 {
			return jen.Lit(s)
		}
	}
	return jen.Op("`" + s + "`")
}

// skipSubtests lists the pm.test blocks a row does not check as skipped
// subtests, so that go test -v shows them:
//
//	for _, s := range tt.skipped {
//		t.Run(s.test, func(t *testing.T) { t.Skip(s.message) })
//	}
func skipSubtests(g *jen.Group, op *model.Operation) {
	if !opSkips(op) {
		return
	}
	g.For(jen.List(jen.Id("_"), jen.Id("s")).Op(":=").Range().Id("tt").Dot("skipped")).Block(
		jen.Id("t").Dot("Run").Call(jen.Id("s").Dot("test"), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
			jen.Id("t").Dot("Skip").Call(jen.Id("s").Dot("message")),
		)),
	)
}

// successAssertions checks a 2xx row's assertions on what the client
// returned: the status and headers of *Response, and the body as the
// typed result re-encodes it, so that a decoding loss fails them too.
//
//	result := []byte(body)
//	if tt.bodyJSON {
//		result = encodeJSON(t, got)
//	}
//	checkAssertions(t, resp.StatusCode, resp.Header, result, tt.asserts)
func successAssertions(op *model.Operation) []jen.Code {
	if !opAsserts(op) {
		return nil
	}
	check := func(body jen.Code) jen.Code {
		return jen.Id("checkAssertions").Call(jen.Id("t"), jen.Id("resp").Dot("StatusCode"), jen.Id("resp").Dot("Header"), body, jen.Id("tt").Dot("asserts"))
	}
	switch {
	case op.ResultRaw:
		return []jen.Code{check(jen.Id("got"))}
	case op.Result != nil:
		return []jen.Code{
			jen.Id("result").Op(":=").Index().Byte().Parens(jen.Id("body")),
			jen.If(jen.Id("tt").Dot("bodyJSON")).Block(jen.Id("result").Op("=").Id("encodeJSON").Call(jen.Id("t"), jen.Id("got"))),
			check(jen.Id("result")),
		}
	}
	return []jen.Code{check(jen.Index().Byte().Parens(jen.Id("body")))}
}

// errorAssertions checks an error row's assertions on the *APIError:
//
//	checkAssertions(t, apiErr.StatusCode, apiErr.Header, apiErr.Body, tt.asserts)
func errorAssertions(g *jen.Group, op *model.Operation) {
	if !opAsserts(op) {
		return
	}
	e := func(name string) *jen.Statement { return jen.Id("apiErr").Dot(name) }
	g.Id("checkAssertions").Call(jen.Id("t"), e("StatusCode"), e("Header"), e("Body"), jen.Id("tt").Dot("asserts"))
}
