package emit

import (
	"sort"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// dynamicBodies are the Go bodies of the functions that produce Postman's
// dynamic variables ({{$guid}}) at call time; model.KnownDynamic lists the
// same names.
func dynamicBodies() map[string]func() []jen.Code {
	return map[string]func() []jen.Code{
		// uuid v4 from crypto/rand, formatted 8-4-4-4-12.
		"guid":       uuidBody,
		"randomUUID": uuidBody,
		// Unix seconds, as Postman sends them.
		"timestamp": func() []jen.Code {
			return []jen.Code{jen.Return(jen.Qual("strconv", "FormatInt").Call(jen.Qual("time", "Now").Call().Dot("Unix").Call(), jen.Lit(10)))}
		},
		// RFC 3339 in UTC with milliseconds, like JavaScript's toISOString.
		"isoTimestamp": func() []jen.Code {
			return []jen.Code{jen.Return(jen.Qual("time", "Now").Call().Dot("UTC").Call().Dot("Format").Call(jen.Lit("2006-01-02T15:04:05.000Z")))}
		},
		// An integer in [0, 1000], Postman's range.
		"randomInt": func() []jen.Code {
			return []jen.Code{jen.Return(jen.Qual("strconv", "Itoa").Call(jen.Qual("math/rand/v2", "IntN").Call(jen.Lit(1001))))}
		},
		"randomHexadecimal": func() []jen.Code {
			return pick("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f")
		},
		"randomColor": func() []jen.Code {
			return pick("red", "orange", "yellow", "green", "blue", "indigo", "violet", "black", "white", "grey", "teal", "olive")
		},
		"randomHexColor": func() []jen.Code { return sprintfRand("#%02x%02x%02x", 256, 256, 256) },
		"randomIP":       func() []jen.Code { return sprintfRand("%d.%d.%d.%d", 256, 256, 256, 256) },
		"randomIPV6": func() []jen.Code {
			return sprintfRand("%x:%x:%x:%x:%x:%x:%x:%x", 65536, 65536, 65536, 65536, 65536, 65536, 65536, 65536)
		},
		"randomMACAddress": func() []jen.Code { return sprintfRand("%02x:%02x:%02x:%02x:%02x:%02x", 256, 256, 256, 256, 256, 256) },
		"randomPassword":   func() []jen.Code { return randomString(15) },
		"randomFirstName":  func() []jen.Code { return pick(firstNames()...) },
		"randomLastName":   func() []jen.Code { return pick(lastNames()...) },
		"randomFullName": func() []jen.Code {
			return []jen.Code{jen.Return(jen.Id(dynamicFunc("randomFirstName")).Call().Op("+").Lit(" ").Op("+").Id(dynamicFunc("randomLastName")).Call())}
		},
		"randomUserName": func() []jen.Code {
			return []jen.Code{jen.Return(jen.Id(dynamicFunc("randomFirstName")).Call().Op("+").Lit(".").Op("+").Id(dynamicFunc("randomLastName")).Call())}
		},
		"randomEmail": func() []jen.Code {
			return []jen.Code{jen.Return(jen.Qual("strings", "ToLower").Call(jen.Id(dynamicFunc("randomUserName")).Call()).Op("+").Lit("@example.com"))}
		},
		"randomExampleEmail": func() []jen.Code {
			return []jen.Code{jen.Return(jen.Qual("strings", "ToLower").Call(jen.Id(dynamicFunc("randomUserName")).Call()).Op("+").Lit("@example.org"))}
		},
		"randomWord": func() []jen.Code { return pick(words()...) },
		"randomLoremWord": func() []jen.Code {
			return pick("lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "tempor")
		},
		"randomCountryCode":  func() []jen.Code { return pick("US", "GB", "FR", "DE", "IN", "JP", "BR", "CA", "AU", "ZA", "NL", "SE") },
		"randomCurrencyCode": func() []jen.Code { return pick("USD", "EUR", "GBP", "JPY", "INR", "BRL", "CAD", "AUD", "CHF", "SEK") },
		"randomLocale":       func() []jen.Code { return pick("en", "fr", "de", "es", "it", "ja", "pt", "nl", "sv", "hi") },
		"randomLatitude":     func() []jen.Code { return floatRand(180, 90) },
		"randomLongitude":    func() []jen.Code { return floatRand(360, 180) },
		"randomPrice": func() []jen.Code {
			return []jen.Code{jen.Return(jen.Qual("fmt", "Sprintf").Call(jen.Lit("%.2f"), jen.Qual("math/rand/v2", "Float64").Call().Op("*").Lit(1000)))}
		},
		"randomSemver":   func() []jen.Code { return sprintfRand("%d.%d.%d", 10, 10, 10) },
		"randomProtocol": func() []jen.Code { return pick("http", "https") },
		"randomDomainName": func() []jen.Code {
			return []jen.Code{jen.Return(jen.Id(dynamicFunc("randomWord")).Call().Op("+").Lit(".example.com"))}
		},
		"randomUrl": func() []jen.Code {
			return []jen.Code{jen.Return(jen.Lit("https://").Op("+").Id(dynamicFunc("randomDomainName")).Call())}
		},
		"randomFileName": func() []jen.Code {
			return []jen.Code{jen.Return(jen.Id(dynamicFunc("randomWord")).Call().Op("+").Lit(".txt"))}
		},
		"randomMimeType": func() []jen.Code {
			return pick("application/json", "text/plain", "text/html", "image/png", "image/jpeg", "application/pdf", "application/xml")
		},
		"randomBoolean": func() []jen.Code {
			return []jen.Code{jen.Return(jen.Qual("strconv", "FormatBool").Call(jen.Qual("math/rand/v2", "IntN").Call(jen.Lit(2)).Op("==").Lit(1)))}
		},
		// One random letter or digit.
		"randomAlphaNumeric": func() []jen.Code {
			return []jen.Code{
				jen.Const().Id("chars").Op("=").Lit("abcdefghijklmnopqrstuvwxyz0123456789"),
				jen.Return(jen.String().Call(jen.Id("chars").Index(jen.Qual("math/rand/v2", "IntN").Call(jen.Len(jen.Id("chars")))))),
			}
		},
	}
}

// pick returns one of choices at random:
//
//	choices := []string{"a", "b"}; return choices[rand.IntN(len(choices))]
func pick(choices ...string) []jen.Code {
	lits := make([]jen.Code, len(choices))
	for i, c := range choices {
		lits[i] = jen.Lit(c)
	}
	return []jen.Code{
		jen.Id("choices").Op(":=").Index().String().Values(lits...),
		jen.Return(jen.Id("choices").Index(jen.Qual("math/rand/v2", "IntN").Call(jen.Len(jen.Id("choices"))))),
	}
}

// sprintfRand formats one random integer below each bound:
//
//	return fmt.Sprintf("%d.%d", rand.IntN(256), rand.IntN(256))
func sprintfRand(format string, bounds ...int) []jen.Code {
	args := []jen.Code{jen.Lit(format)}
	for _, b := range bounds {
		args = append(args, jen.Qual("math/rand/v2", "IntN").Call(jen.Lit(b)))
	}
	return []jen.Code{jen.Return(jen.Qual("fmt", "Sprintf").Call(args...))}
}

// floatRand is a coordinate in [-offset, span-offset) with six decimals.
func floatRand(span, offset int) []jen.Code {
	return []jen.Code{jen.Return(jen.Qual("strconv", "FormatFloat").Call(
		jen.Qual("math/rand/v2", "Float64").Call().Op("*").Lit(float64(span)).Op("-").Lit(float64(offset)), jen.LitRune('f'), jen.Lit(6), jen.Lit(64)))}
}

// randomString is n letters and digits from crypto/rand, for passwords.
func randomString(n int) []jen.Code {
	return []jen.Code{
		jen.Const().Id("chars").Op("=").Lit("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
		jen.Id("b").Op(":=").Make(jen.Index().Byte(), jen.Lit(n)),
		comment("crypto/rand.Read never fails on the platforms Go supports."),
		jen.Qual("crypto/rand", "Read").Call(jen.Id("b")),
		jen.For(jen.Id("i").Op(":=").Range().Id("b")).Block(
			jen.Id("b").Index(jen.Id("i")).Op("=").Id("chars").Index(jen.Int().Call(jen.Id("b").Index(jen.Id("i"))).Op("%").Len(jen.Id("chars"))),
		),
		jen.Return(jen.String().Call(jen.Id("b"))),
	}
}

func firstNames() []string {
	return []string{"Ada", "Alan", "Grace", "Linus", "Barbara", "Ken", "Margaret", "Dennis", "Frances", "Edsger"}
}

func lastNames() []string {
	return []string{"Lovelace", "Turing", "Hopper", "Torvalds", "Liskov", "Thompson", "Hamilton", "Ritchie", "Allen", "Dijkstra"}
}

func words() []string {
	return []string{"apple", "river", "stone", "cloud", "maple", "harbor", "falcon", "copper", "meadow", "lantern"}
}

func uuidBody() []jen.Code {
	return []jen.Code{
		jen.Var().Id("b").Index(jen.Lit(16)).Byte(),
		comment("crypto/rand.Read never fails on the platforms Go supports."),
		jen.Qual("crypto/rand", "Read").Call(jen.Id("b").Index(jen.Empty(), jen.Empty())),
		jen.Id("b").Index(jen.Lit(6)).Op("=").Id("b").Index(jen.Lit(6)).Op("&").Lit(0x0f).Op("|").Lit(0x40),
		jen.Id("b").Index(jen.Lit(8)).Op("=").Id("b").Index(jen.Lit(8)).Op("&").Lit(0x3f).Op("|").Lit(0x80),
		jen.Return(jen.Qual("fmt", "Sprintf").Call(jen.Lit("%x-%x-%x-%x-%x"),
			jen.Id("b").Index(jen.Lit(0), jen.Lit(4)), jen.Id("b").Index(jen.Lit(4), jen.Lit(6)), jen.Id("b").Index(jen.Lit(6), jen.Lit(8)),
			jen.Id("b").Index(jen.Lit(8), jen.Lit(10)), jen.Id("b").Index(jen.Lit(10), jen.Empty()))),
	}
}

// dynamicFunc names the generated function for a dynamic variable.
func dynamicFunc(name string) string {
	if name == "" {
		return "dynamic"
	}
	return "dynamic" + string(name[0]&^0x20) + name[1:]
}

// dynamicFile emits one function per dynamic variable the API uses, and
// those they call in turn ($randomEmail uses $randomUserName).
func dynamicFile(api *model.API) *jen.File {
	f := newFile(api)
	bodies := dynamicBodies()
	for _, name := range dynamicClosure(api.Dynamics) {
		body, ok := bodies[name]
		if !ok {
			continue
		}
		// func dynamicGuid() string { ... }
		f.Add(comment(dynamicFunc(name) + " produces {{$" + name + "}} afresh for each call, as Postman does."))
		f.Func().Id(dynamicFunc(name)).Params().String().Block(body()...)
	}
	return f
}

// dynamicClosure adds to names the dynamic variables their functions call,
// sorted, so that each function is emitted once.
func dynamicClosure(names []string) []string {
	uses := map[string][]string{
		"randomFullName":     {"randomFirstName", "randomLastName"},
		"randomUserName":     {"randomFirstName", "randomLastName"},
		"randomEmail":        {"randomUserName", "randomFirstName", "randomLastName"},
		"randomExampleEmail": {"randomUserName", "randomFirstName", "randomLastName"},
		"randomDomainName":   {"randomWord"},
		"randomUrl":          {"randomDomainName", "randomWord"},
		"randomFileName":     {"randomWord"},
	}
	set := map[string]bool{}
	for _, n := range names {
		set[n] = true
		for _, u := range uses[n] {
			set[u] = true
		}
	}
	out := make([]string, 0, len(set))
	for n := range set {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
