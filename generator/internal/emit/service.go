package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// serviceJobs emits one file per top-level folder (with its sub-folders),
// and operations.go for the requests at the collection root. A service of
// more than model.OpsPerFile operations continues in the files its Parts
// name.
func serviceJobs(api *model.API) []fileJob {
	var out []fileJob
	if len(api.Root.Ops) > 0 {
		steps := []step{{emit: func(f *genFile) { serviceInterface(f, api.Root, "Client") }}}
		for _, op := range api.Root.Ops {
			steps = append(steps, step{op: true, emit: func(f *genFile) { operation(f, nil, op) }})
		}
		out = append(out, partJobs(api, "operations", api.Root.Parts, steps)...)
	}
	for _, svc := range api.Root.Services {
		out = append(out, partJobs(api, svc.File, svc.Parts, serviceSteps(svc))...)
	}
	return out
}

// step is one declaration group of a service file: a service's types, or
// one operation.
type step struct {
	op   bool
	emit func(f *genFile)
}

// partJobs cuts steps into files of model.OpsPerFile operations, the
// first named stem and the others parts.
func partJobs(api *model.API, stem string, parts []string, steps []step) []fileJob {
	stems := append([]string{stem}, parts...)
	chunks := make([][]step, len(stems))
	ops := 0
	for _, s := range steps {
		// An operation goes to the file of its index; a service's types
		// to the file of the operation after them.
		i := min(ops/model.OpsPerFile, len(chunks)-1)
		chunks[i] = append(chunks[i], s)
		if s.op {
			ops++
		}
	}
	out := make([]fileJob, len(stems))
	for i, chunk := range chunks {
		out[i] = fileJob{path: stems[i] + ".go", build: func() (*genFile, error) {
			f := newFile(api)
			for _, s := range chunk {
				s.emit(f)
			}
			return f, nil
		}}
	}
	return out
}

// serviceSteps are the declarations of a service, its methods and its
// sub-services, in file order.
func serviceSteps(svc *model.Service) []step {
	// type SessionsService struct { client *Client; Admin *SessionsAdminService }
	steps := []step{{emit: func(f *genFile) {
		serviceInterface(f, svc, svc.TypeName)
		f.Add(f.doc(svc.Doc))
		f.Type().Id(svc.TypeName).StructFunc(func(g *jen.Group) {
			g.Id("client").Op("*").Id("Client")
			serviceFields(f, g, svc)
		})
	}}}
	for _, op := range svc.Ops {
		steps = append(steps, step{op: true, emit: func(f *genFile) { operation(f, svc, op) }})
	}
	for _, sub := range svc.Services {
		steps = append(steps, serviceSteps(sub)...)
	}
	return steps
}

// operation emits the params struct and the method of one request.
func operation(f *genFile, svc *model.Service, op *model.Operation) {
	if op.Params != nil {
		paramsStruct(f, op)
	}
	bodyDecls(f, op)
	recv := jen.Id("c").Op("*").Id("Client")
	client := jen.Id("c")
	if svc != nil {
		recv = jen.Id("s").Op("*").Id(svc.TypeName)
		client = jen.Id("s").Dot("client")
	}

	// func (s *SessionsService) Refresh(ctx context.Context, id string, params *RefreshParams, body *RefreshRequest, opts ...Option) (*Response, error)
	f.Add(f.doc(op.Doc))
	f.Func().Params(recv).Id(op.Method).Params(signature(op)...).Params(results(op)...).BlockFunc(func(g *jen.Group) {
		g.List(jen.Id("cfg"), jen.Err()).Op(":=").Add(client).Dot("cfg").Dot("with").Call(jen.Id("opts"))
		g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(errorResults(op, jen.Err())...))
		originCheck(g, op)
		if op.Params != nil {
			g.If(jen.Id("params").Op("==").Nil()).Block(jen.Id("params").Op("=").New(jen.Id(op.Params.TypeName)))
		}
		// r := &request{method: "GET", url: cfg.baseURL + "/users/" + url.PathEscape(id), emptyOK: true}
		fields := jen.Dict{
			jen.Id("method"): jen.Lit(op.HTTPMethod),
			jen.Id("url"):    pathExpr(op.Origin, op.URL),
		}
		if op.EmptyResultOK && op.Result != nil {
			fields[jen.Id("emptyOK")] = jen.True()
		}
		if op.ResultStream {
			fields[jen.Id("stream")] = jen.True()
		}
		if op.VerbatimQuery {
			fields[jen.Id("verbatim")] = jen.True()
		}
		g.Id("r").Op(":=").Op("&").Id("request").Values(fields)
		for _, p := range op.Entries {
			addParam(g, op, p)
		}
		for _, h := range op.FixedHeaders {
			g.Id("r").Dot("addHeader").Call(templateExpr(h.Name), templateExpr(h.Value))
		}
		if op.DropEmptyHeaders {
			// r.dropEmptyHeaders()
			g.Id("r").Dot("dropEmptyHeaders").Call()
		}
		if op.Body != nil {
			requestBody(g, op)
		}
		if op.Auth != nil {
			g.Id("r").Dot("auth").Op("=").Add(authValue(op.Auth))
		}
		pageURLOverride(g, op)
		scriptOutputs(g, op)
		// Without typed error bodies send gets nil rather than a function
		// that always says so.
		errValue := jen.Nil()
		if fn := errValueFunc(op); fn != nil {
			g.Id("errValue").Op(":=").Add(fn)
			errValue = jen.Id("errValue")
		}
		call := func(out jen.Code) *jen.Statement {
			return client.Clone().Dot("send").Call(jen.Id("ctx"), jen.Id("cfg"), jen.Id("r"), out, errValue)
		}
		switch {
		case op.Result == nil && !op.ResultRaw && !op.ResultStream:
			g.Return(call(jen.Nil()))
		case op.ResultRaw, op.ResultStream:
			g.Var().Id("out").Add(resultType(op))
			g.List(jen.Id("resp"), jen.Err()).Op(":=").Add(call(jen.Op("&").Id("out")))
			g.Return(jen.Id("out"), jen.Id("resp"), jen.Err())
		case op.Result.ByPointer():
			g.Var().Id("out").Add(goType(op.Result))
			g.List(jen.Id("resp"), jen.Err()).Op(":=").Add(call(jen.Op("&").Id("out")))
			g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Id("resp"), jen.Err()))
			g.Return(jen.Op("&").Id("out"), jen.Id("resp"), jen.Nil())
		default:
			g.Var().Id("out").Add(goType(op.Result))
			g.List(jen.Id("resp"), jen.Err()).Op(":=").Add(call(jen.Op("&").Id("out")))
			g.Return(jen.Id("out"), jen.Id("resp"), jen.Err())
		}
	})
	if op.Pages != nil {
		pageMethods(f, recv, svc != nil, op)
	}
	if op.Vars != nil {
		responseVars(f, op.Vars)
	}
}

// originCheck fails the call, before anything is built, when the URL it
// sends to is unset or not absolute:
//
//	if err := checkOrigin("Items.Next", "WithNextLink", "nextLink", cfg.nextLink); err != nil {
func originCheck(g *jen.Group, op *model.Operation) {
	g.If(jen.Err().Op(":=").Id("checkOrigin").Call(jen.Lit(op.Selector()), jen.Lit(op.OriginOptions), jen.Lit(op.Origin.Key), settingExpr(op.Origin)), jen.Err().Op("!=").Nil()).Block(
		jen.Return(errorResults(op, jen.Err())...),
	)
}

// signature is ctx, path arguments, params, body, opts.
func signature(op *model.Operation) []jen.Code {
	args := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, p := range op.PathArgs {
		args = append(args, jen.Id(p.Name).String())
	}
	if op.Params != nil {
		args = append(args, jen.Id("params").Op("*").Id(op.Params.TypeName))
	}
	if t, ok := op.Body.ArgGoType(model.OwnName); ok {
		args = append(args, jen.Id("body").Add(typeCode(t)))
	}
	return append(args, jen.Id("opts").Op("...").Id("Option"))
}

// results is (*T, *Response, error), ([]byte, *Response, error),
// (io.ReadCloser, *Response, error) or (*Response, error); in the last the
// body is in the Response.
func results(op *model.Operation) []jen.Code {
	if t, ok := op.ResultGoType(model.OwnName); ok {
		return []jen.Code{typeCode(t), jen.Op("*").Id("Response"), jen.Error()}
	}
	return []jen.Code{jen.Op("*").Id("Response"), jen.Error()}
}

// addParam spells how build decided an entry is sent:
//
//	r.queryParam("_prettyPrint", params.PrettyPrint, paramUse("PrettyPrint", params.PrettyPrint != "", params.ForceSend, params.Omit), "true")
//	r.queryParam("page", strconv.Itoa(params.Page), paramUse("Page", params.Page != 0, params.ForceSend, params.Omit), "1")
//	r.addQuery("_action", "refresh")
func addParam(g *jen.Group, op *model.Operation, p *model.Param) {
	args := make([]jen.Code, len(p.Send.Args))
	for i, a := range p.Send.Args {
		args[i] = sendArg(op, p, a)
	}
	g.Id("r").Dot(p.Send.Helper).Call(args...)
}

// sendArg spells one argument of a request helper's call.
func sendArg(op *model.Operation, p *model.Param, a model.SendArg) jen.Code {
	field := func() *jen.Statement { return jen.Id("params").Dot(p.Name) }
	switch a.Kind {
	case model.ArgTemplate:
		return templateExpr(a.Template)
	case model.ArgField:
		switch {
		case p.Repeated:
			return field()
		case p.Kind == model.ParamInt:
			return jen.Qual("strconv", "Itoa").Call(field())
		case p.Kind == model.ParamBool:
			return jen.Qual("strconv", "FormatBool").Call(field())
		}
		return field()
	case model.ArgUse:
		var set jen.Code
		switch {
		case p.Repeated:
			set = jen.Len(field()).Op(">").Lit(0)
		case p.Kind == model.ParamInt:
			set = field().Op("!=").Lit(0)
		case p.Kind == model.ParamBool:
			set = field()
		default:
			set = field().Op("!=").Lit("")
		}
		return jen.Id("paramUse").Call(jen.Lit(p.Name), set,
			jen.Id("params").Dot(op.Params.ForceSend), jen.Id("params").Dot(op.Params.Omit))
	}
	return jen.Lit(a.Text)
}

// pkgPrefix leads the errors a method returns before sending, like the
// "pkg: METHOD URL: ..." errors of send.
func pkgPrefix(op *model.Operation) string {
	return op.Method + ": "
}

// errorResults is the return list of a method that fails before sending.
func errorResults(op *model.Operation, err jen.Code) []jen.Code {
	switch {
	case op.ResultRaw, op.ResultStream:
		return []jen.Code{jen.Nil(), jen.Nil(), err}
	case op.Result != nil:
		return []jen.Code{zeroValue(op.Result), jen.Nil(), err}
	}
	return []jen.Code{jen.Nil(), err}
}

func zeroValue(t *model.TypeRef) jen.Code {
	switch {
	case t.Nilable():
		return jen.Nil()
	case t.Kind == model.KindString:
		return jen.Lit("")
	case t.Kind == model.KindBool:
		return jen.False()
	case t.Kind == model.KindTime:
		// time.Time{}
		return goType(t).Values()
	}
	return jen.Lit(0)
}

// errValueFunc maps a status to a new value of its typed error body, or
// is nil when the operation has none:
//
//	func(status int) any { switch status { case 401: return new(XUnauthorizedError) }; return nil }
func errValueFunc(op *model.Operation) jen.Code {
	var cases []jen.Code
	for _, r := range op.Responses {
		if r.Success || r.Type == nil {
			continue
		}
		cases = append(cases, jen.Case(jen.Lit(r.Status)).Block(jen.Return(jen.New(goType(r.Type)))))
	}
	if len(cases) == 0 {
		return nil
	}
	return jen.Func().Params(jen.Id("status").Int()).Any().Block(
		jen.Switch(jen.Id("status")).Block(cases...),
		jen.Return(jen.Nil()),
	)
}

// paramsStruct emits the *<Op>Params type.
func paramsStruct(f *genFile, op *model.Operation) {
	f.Add(f.doc(op.Params.Doc))
	f.Type().Id(op.Params.TypeName).StructFunc(func(g *jen.Group) {
		for _, p := range op.Params.Fields {
			g.Add(f.doc(p.Doc))
			g.Id(p.Name).Add(typeCode(p.GoType()))
		}
		g.Add(f.doc(op.Params.OmitDoc))
		g.Id(op.Params.Omit).Index().String()
		g.Add(f.doc(op.Params.ForceSendDoc))
		g.Id(op.Params.ForceSend).Index().String()
	})
}
