package model

import (
	"slices"
	"strings"
)

// PartKind says where the text of a template part comes from.
type PartKind int

const (
	// PartLiteral is text sent as written.
	PartLiteral PartKind = iota
	// PartSetting is a client setting (a collection or environment variable),
	// named by Part.Setting.
	PartSetting
	// PartPathArg is a path variable (":id"), a method argument named by Part.Arg.
	PartPathArg
	// PartDynamic is one of Postman's dynamic variables ({{$guid}}), produced at
	// call time by the runtime function named by Part.Func.
	PartDynamic
)

// Part is one piece of a Template.
type Part struct {
	Kind    PartKind
	Text    string   // PartLiteral
	Setting *Setting // PartSetting
	Arg     *Param   // PartPathArg
	Dynamic string   // PartDynamic: the Postman name without "$", e.g. "guid"
	// Func is, for PartDynamic, the runtime function that produces the
	// value at call time ("dynamicGUID").
	Func string
}

// Template is text assembled at call time from literals, client settings,
// path arguments and dynamic values. Postman allows {{var}} almost anywhere:
// in a path segment, a header name, a query value or a body.
type Template []Part

// IsLiteral reports whether the template needs nothing at call time.
func (t Template) IsLiteral() bool {
	for _, p := range t {
		if p.Kind != PartLiteral {
			return false
		}
	}
	return true
}

// String writes the template as the collection spells it:
// "resource={{version}}", "/users/:id", "{{$guid}}".
func (t Template) String() string {
	var b strings.Builder
	for _, p := range t {
		switch p.Kind {
		case PartLiteral:
			b.WriteString(p.Text)
		case PartSetting:
			b.WriteString("{{" + p.Setting.Key + "}}")
		case PartPathArg:
			b.WriteString(":" + p.Arg.Key)
		case PartDynamic:
			b.WriteString("{{$" + p.Dynamic + "}}")
		}
	}
	return b.String()
}

// Literal returns the text of a literal-only template.
func (t Template) Literal() string {
	s := ""
	for _, p := range t {
		s += p.Text
	}
	return s
}

// DynamicVariables are the names (without "$") of Postman's dynamic
// variables that generated clients produce at call time: the ones with a
// meaning a Go client can honour with the standard library. Others are sent
// as written, with a warning. The list is checked against the names
// postman-collection defines (newman's own): {{$randomHexadecimal}}, for
// one, is not among them, so Postman sends it as written.
func DynamicVariables() []string {
	return []string{
		"guid", "randomUUID", "timestamp", "isoTimestamp",
		"randomInt", "randomBoolean", "randomAlphaNumeric",
		"randomColor", "randomHexColor", "randomIP", "randomIPV6", "randomMACAddress",
		"randomPassword", "randomFirstName", "randomLastName", "randomFullName",
		"randomUserName", "randomEmail", "randomExampleEmail", "randomWord", "randomLoremWord",
		"randomCountryCode", "randomCurrencyCode", "randomLatitude", "randomLongitude",
		"randomPrice", "randomSemver", "randomProtocol", "randomDomainName", "randomUrl",
		"randomFileName", "randomMimeType", "randomLocale",
	}
}

// KnownDynamic reports whether name (without "$") is one of
// DynamicVariables.
func KnownDynamic(name string) bool {
	return slices.Contains(DynamicVariables(), name)
}
