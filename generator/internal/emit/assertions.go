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

// assertionValues fills a row's pm.test check, when it has translated
// pm.test assertions or lists pm.test blocks as skipped:
//
//	pmTests: pmTestChecks([]assertion{
//		{test: "response is ok", kind: "status", statuses: []int{200}},
//	}, []skippedTest{
//		{test: "cookies", message: "pm.test \"cookies\" is not translated: ..."},
//	}),
func assertionValues(d jen.Dict, tc *model.TestCase) {
	if len(tc.Assertions) == 0 && len(tc.Skipped) == 0 {
		return
	}
	asserts, skipped := jen.Nil(), jen.Nil()
	if len(tc.Assertions) > 0 {
		asserts = jen.Index().Id("assertion").ValuesFunc(func(g *jen.Group) {
			// One element a line.
			for _, a := range tc.Assertions {
				g.Line().Add(assertionLit(a))
			}
			g.Line()
		})
	}
	if len(tc.Skipped) > 0 {
		skipped = jen.Index().Id("skippedTest").ValuesFunc(func(g *jen.Group) {
			for _, s := range tc.Skipped {
				g.Line().Values(field("test", jen.Lit(s.Name)), field("message", readableString(s.Message, true)))
			}
			g.Line()
		})
	}
	d[jen.Id("pmTests")] = jen.Id("pmTestChecks").Call(asserts, skipped)
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
