package emit

import (
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

// dynamicFile emits one function per dynamic variable the API uses.
func dynamicFile(api *model.API) *jen.File {
	f := newFile(api)
	bodies := dynamicBodies()
	for _, name := range api.Dynamics {
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
