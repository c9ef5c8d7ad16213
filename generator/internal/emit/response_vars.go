package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// responseVars emits what an operation's test scripts set from its
// response: the struct, its reader and its Options.
func responseVars(f *genFile, rv *model.ResponseVars) {
	// type AuthenticateVariables struct { DemoSSOToken string }
	f.Add(f.doc(rv.Doc))
	f.Type().Id(rv.TypeName).StructFunc(func(g *jen.Group) {
		for _, v := range rv.Vars {
			if v.Field != "" {
				g.Add(f.doc(v.Doc))
				g.Id(v.Field).String()
			}
		}
	})

	// func ReadAuthenticateVariables(resp *Response) (AuthenticateVariables, error) {
	//	var v AuthenticateVariables
	//	var err error
	//	v.DemoSSOToken, err = requiredVariable(resp, "demoSSOToken", "tokenId")
	//	if err != nil { return v, err }
	//	return v, nil
	// }
	f.Add(f.doc(rv.ReaderDoc))
	f.Func().Id(rv.Reader).Params(jen.Id("resp").Op("*").Id("Response")).Params(jen.Id(rv.TypeName), jen.Error()).BlockFunc(func(g *jen.Group) {
		g.Var().Id("v").Id(rv.TypeName)
		if rv.Fails {
			g.Var().Err().Error()
		}
		for _, v := range rv.Vars {
			readVar(g, v)
		}
		g.Return(jen.Id("v"), jen.Nil())
	})

	if !rv.HasOptions {
		return
	}
	// func (v AuthenticateVariables) Options() []Option {
	//	var opts []Option
	//	opts = append(opts, WithDemoSSOToken(v.DemoSSOToken))
	//	if v.Token != "" { opts = append(opts, WithToken(v.Token)) }
	//	return opts
	// }
	f.Add(f.doc(rv.OptionsDoc))
	f.Func().Params(jen.Id("v").Id(rv.TypeName)).Id("Options").Params().Index().Id("Option").BlockFunc(func(g *jen.Group) {
		g.Var().Id("opts").Index().Id("Option")
		for _, v := range rv.Vars {
			if v.Setting == nil {
				continue
			}
			value := jen.Lit(v.Value)
			if v.Field != "" {
				value = jen.Id("v").Dot(v.Field)
			}
			opt := jen.Id(v.Setting.Option).Call(value)
			if v.Source == model.VarFromVariable {
				// func(cfg *config) { cfg.a = cfg.b }: the value b has on the call.
				opt = jen.Func().Params(jen.Id("cfg").Op("*").Id("config")).Block(
					jen.Id("cfg").Dot(v.Setting.Field).Op("=").Add(settingExpr(v.From)),
				)
			}
			add := jen.Id("opts").Op("=").Append(jen.Id("opts"), opt)
			if v.Optional() && v.Field != "" {
				g.If(jen.Id("v").Dot(v.Field).Op("!=").Lit("")).Block(add)
			} else {
				g.Add(add)
			}
		}
		g.Return(jen.Id("opts"))
	})
}

// readVar fills one field in the reader, under the script's conditions
// on the response:
//
//	if !bodyContains(resp, "TokenExpired") && statusText(resp) != "Forbidden" {
//		v.UserID = presentVariable(resp, "id")
//	}
func readVar(g *jen.Group, v *model.ResponseVar) {
	if v.Field == "" {
		return
	}
	if len(v.Conds) > 0 {
		var conds []jen.Code
		for _, c := range v.Conds {
			conds = append(conds, condExpr(c))
		}
		g.If(joinAnd(conds)).BlockFunc(func(g *jen.Group) {
			readValue(g, v)
		})
		return
	}
	readValue(g, v)
}

// joinAnd joins conditions with &&.
func joinAnd(conds []jen.Code) *jen.Statement {
	s := jen.Add(conds[0])
	for _, c := range conds[1:] {
		s = s.Op("&&").Add(c)
	}
	return s
}

// condExpr is one test on the response: bodyContains(resp, "x"),
// statusText(resp) == "Forbidden", statusCode(resp) != 201.
func condExpr(c model.VarCond) jen.Code {
	switch c.Kind {
	case model.CondBodyContains:
		call := jen.Id("bodyContains").Call(jen.Id("resp"), jen.Lit(c.Value))
		if c.Not {
			return jen.Op("!").Add(call)
		}
		return call
	case model.CondStatusText:
		return jen.Id("statusText").Call(jen.Id("resp")).Op(compare(c.Not)).Lit(c.Value)
	}
	return jen.Id("statusCode").Call(jen.Id("resp")).Op(compare(c.Not)).Op(c.Value)
}

func compare(not bool) string {
	if not {
		return "!="
	}
	return "=="
}

// readValue assigns the field from where the script takes its value.
func readValue(g *jen.Group, v *model.ResponseVar) {
	field := jen.Id("v").Dot(v.Field)
	path := func(head ...jen.Code) []jen.Code {
		for _, p := range v.Path {
			head = append(head, jen.Lit(p))
		}
		return head
	}
	switch v.Source {
	case model.VarFromLiteral:
		g.Add(field).Op("=").Lit(v.Value)
	case model.VarFromBody:
		g.Add(field).Op("=").Id("bodyVariable").Call(jen.Id("resp"))
	case model.VarFromHeader:
		if v.Guarded || v.Lenient {
			g.Add(field).Op("=").Id("optionalHeader").Call(jen.Id("resp"), jen.Lit(v.Value))
			return
		}
		g.List(field, jen.Err()).Op("=").Id("requiredHeader").Call(jen.Id("resp"), jen.Lit(v.Key), jen.Lit(v.Value))
		g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("v"), jen.Err()))
	case model.VarFromJSON:
		if v.Guarded {
			g.Add(field).Op("=").Id("guardedVariable").Call(path(jen.Id("resp"))...)
			return
		}
		if v.Lenient {
			g.Add(field).Op("=").Id("presentVariable").Call(path(jen.Id("resp"))...)
			return
		}
		g.List(field, jen.Err()).Op("=").Id("requiredVariable").Call(path(jen.Id("resp"), jen.Lit(v.Key))...)
		g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("v"), jen.Err()))
	}
}

// varsTest emits the test of an operation's chain:
//
//	func TestSessionsAuthenticateVariables(t *testing.T) {
//		srv, _ := replay(t, 200, nil, "{\"tokenId\": \"x\"}")
//		_, resp, err := newTestClient(t, srv.URL).Sessions.Authenticate(context.Background(), nil)
//		if err != nil { t.Fatalf("Sessions.Authenticate: %v", err) }
//		vars, err := ReadAuthenticateVariables(resp)
//		if err != nil { t.Fatalf("ReadAuthenticateVariables: %v", err) }
//		if vars.DemoSSOToken != "x" { t.Errorf(...) }
//		next, rec := replay(t, 200, nil, "")
//		newTestClient(t, next.URL).Sessions.ValidateSession(context.Background(), nil, vars.Options()...)
//		checkSentValue(t, rec, "demoSSOToken", "x")
//	}
func varsTest(f *genFile, op *model.Operation) {
	rv := op.Vars
	vt := rv.Test
	tc := vt.Example
	f.Add(f.doc(vt.Doc))
	f.Func().Id(vt.Name).Params(jen.Id("t").Op("*").Qual("testing", "T")).BlockFunc(func(g *jen.Group) {
		g.List(jen.Id("srv"), jen.Id("_")).Op(":=").Id("replay").Call(jen.Id("t"), jen.Lit(tc.Status), pairs(tc.ResponseHeaders), jen.Lit(tc.ResponseBody))
		results := []jen.Code{jen.Id("resp"), jen.Err()}
		if op.Result != nil || op.ResultRaw {
			results = append([]jen.Code{jen.Id("_")}, results...)
		}
		call := func(g *jen.Group, assign string) {
			args := chainArgs(g, op)
			g.List(results...).Op(assign).Add(chainCall(jen.Id("srv"), op, args))
			g.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatalf").Call(jen.Lit(op.Selector()+": %v"), jen.Err()))
		}
		if op.Body.HasArg() {
			// The saved body's declarations stay in a block of their own:
			// the next request may declare its own.
			g.Var().Id("resp").Op("*").Id("Response")
			g.BlockFunc(func(g *jen.Group) {
				g.Var().Err().Error()
				call(g, "=")
			})
		} else {
			call(g, ":=")
		}
		g.List(jen.Id("vars"), jen.Err()).Op(":=").Id(rv.Reader).Call(jen.Id("resp"))
		g.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatalf").Call(jen.Lit(rv.Reader+": %v"), jen.Err()))
		for _, w := range vt.Want {
			got := jen.Id("vars").Dot(w.Key)
			g.If(got.Clone().Op("!=").Lit(w.Value)).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit(w.Key+" = %q, want %q"), got.Clone(), jen.Lit(w.Value)),
			)
		}
		g.List(jen.Id("next"), jen.Id("rec")).Op(":=").Id("replay").Call(jen.Id("t"), jen.Lit(200), jen.Nil(), jen.Lit(""))
		// What the next request answers is its own test's business: this
		// one checks what it sends.
		next := func(g *jen.Group) {
			args := append(chainArgs(g, vt.Next), jen.Id("vars").Dot("Options").Call().Op("..."))
			g.Add(chainCall(jen.Id("next"), vt.Next, args))
		}
		if vt.Next.Body.HasArg() {
			g.BlockFunc(next)
		} else {
			next(g)
		}
		for _, s := range vt.Sent {
			g.Id("checkSentValue").Call(jen.Id("t"), jen.Id("rec"), jen.Lit(s.Key), jen.Lit(s.Value))
		}
	})
}

// chainArgs declares the saved body, when there is one, and returns the
// arguments of a call with the saved path values and default params.
func chainArgs(g *jen.Group, op *model.Operation) []jen.Code {
	args := []jen.Code{jen.Qual("context", "Background").Call()}
	for _, p := range op.PathArgs {
		args = append(args, jen.Lit(p.TestValue))
	}
	if op.Params != nil {
		args = append(args, jen.Nil())
	}
	if op.Body.HasArg() {
		requestInput(g, op)
		args = append(args, jen.Id("input"))
	}
	return args
}

// chainCall is newTestClient(t, srv.URL).Svc.Method(args...).
func chainCall(srv jen.Code, op *model.Operation, args []jen.Code) *jen.Statement {
	call := jen.Id("newTestClient").Call(jen.Id("t"), jen.Add(srv).Dot("URL"))
	for _, name := range op.Chain {
		call = call.Dot(name)
	}
	return call.Dot(op.Method).Call(args...)
}
