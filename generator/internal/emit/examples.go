package emit

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"path"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// examplesFile emits example_test.go: the Example functions build chose
// (model.API.Examples), which go doc shows beside New and each method and
// go test compiles, and runs when they have an Output. importPath is the
// package's import path; the examples are then in package <pkg>_test and
// call the package as a user does. Without it (a package written outside
// a module) they are in the package itself.
func examplesFile(api *model.API, importPath string) *genFile {
	f := newFileNamed(api.Package)
	if importPath != "" {
		f = newFileNamed(api.Package + "_test")
		if path.Base(importPath) == api.Package {
			f.ImportName(importPath, api.Package)
		} else {
			// The name differs from the directory's: say it, as a reader
			// of the import line cannot guess it.
			f.ImportAlias(importPath, api.Package)
		}
	}
	x := exampleWriter{api: api, path: importPath}
	for i, ex := range api.Examples {
		if i > 0 {
			f.Line()
		}
		f.Func().Id(ex.Name).Params().BlockFunc(func(g *jen.Group) {
			if ex.Op == nil {
				x.newClient(g)
				return
			}
			x.call(g, ex)
		})
	}
	if mt := api.Prose.MockTest; mt != nil {
		f.Line()
		x.test = true
		x.mockTest(f, mt)
	}
	return f
}

// exampleWriter spells examples with the package's names qualified as a
// user's code spells them.
type exampleWriter struct {
	api  *model.API
	path string
	// test is set while writing a test function: errors go to t.Fatal,
	// not log.Fatal, and a file body is made in memory.
	test bool
}

// q is one of the package's names: forgerockam.New.
func (x exampleWriter) q(name string) *jen.Statement { return jen.Qual(x.path, name) }

// typ is a Go type of the model, the package's own names qualified.
func (x exampleWriter) typ(g model.GoType) *jen.Statement {
	const mark = "\x00"
	if strings.HasPrefix(g.Name, mark) {
		g.Path, g.Name = x.path, strings.TrimPrefix(g.Name, mark)
	}
	return typeCode(g)
}

// named marks the package's own struct names for typ.
func named(t *model.Type) string { return "\x00" + t.Name }

// fatal is the examples' error handling: if err != nil { log.Fatal(err) }.
func fatal() jen.Code {
	return jen.If(jen.Err().Op("!=").Nil()).Block(jen.Qual("log", "Fatal").Call(jen.Err()))
}

// fatalCall stops the example on err, or the test: log.Fatal(err) or
// t.Fatal(err).
func (x exampleWriter) fatalCall(err jen.Code) jen.Code {
	if x.test {
		return jen.Id("t").Dot("Fatal").Call(err)
	}
	return jen.Qual("log", "Fatal").Call(err)
}

// newClient is ExampleNew's body: every setting, secrets from the
// environment.
//
//	c, err := forgerockam.New(
//		forgerockam.WithBaseURL("https://tenant.forgeblocks.com/am"),
//		forgerockam.WithPassword(os.Getenv("PASSWORD")),
//	)
//	if err != nil {
//		log.Fatal(err)
//	}
//	_ = c
func (x exampleWriter) newClient(g *jen.Group) {
	var opts []jen.Code
	for _, s := range x.api.Settings {
		opts = append(opts, x.q(s.Option).Call(settingValue(s)))
	}
	g.List(jen.Id("c"), jen.Err()).Op(":=").Add(x.q("New")).Custom(lines(), opts...)
	g.Add(fatal())
	g.Id("_").Op("=").Id("c").Comment("call the API's methods on c")
}

// lines spells a call's arguments one per line.
func lines() jen.Options {
	return jen.Options{Open: "(", Close: ")", Separator: ",", Multi: true}
}

// settingValue is what an example gives a setting: its saved value, a
// secret from the environment, or a placeholder.
func settingValue(s *model.Setting) jen.Code {
	switch {
	case s.Nested == nil && s.HasDefault && !s.Unusable:
		return jen.Lit(s.Default)
	case s.Secret && s.EnvVar != "":
		return jen.Qual("os", "Getenv").Call(jen.Lit(s.EnvVar))
	}
	return jen.Lit("…")
}

// call is the body of a method's example. A runnable one starts a local
// server that answers with the saved response; the others point the
// client at the API's own server.
//
//	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
//		w.Header().Set("Content-Type", "application/json")
//		io.WriteString(w, `{"tokenId":"AQIC"}`)
//	}))
//	defer srv.Close()
//
//	c, err := forgerockam.New(forgerockam.WithBaseURL(srv.URL))
//	...
//	got, _, err := c.Sessions.Authenticate(context.Background(), &forgerockam.AuthenticateParams{})
//	if err != nil {
//		log.Fatal(err)
//	}
//	fmt.Println(got.TokenID)
//	// Output: AQIC
func (x exampleWriter) call(g *jen.Group, ex *model.Example) {
	op, sv := ex.Op, ex.Serve
	if sv != nil {
		g.Comment("A local server answers as the collection's saved example does.")
		g.Id("srv").Op(":=").Qual("net/http/httptest", "NewServer").Call(
			jen.Qual(httpPkg, "HandlerFunc").Call(jen.Func().Params(
				jen.Id("w").Qual(httpPkg, "ResponseWriter"), jen.Id("_").Op("*").Qual(httpPkg, "Request"),
			).BlockFunc(func(g *jen.Group) {
				g.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit(sv.ContentType))
				if sv.Status != 200 {
					g.Id("w").Dot("WriteHeader").Call(jen.Lit(sv.Status))
				}
				g.Qual("io", "WriteString").Call(jen.Id("w"), quotesLit(sv.Body))
			})),
		)
		g.Defer().Id("srv").Dot("Close").Call()
		g.Line()
	}
	g.List(jen.Id("c"), jen.Err()).Op(":=").Add(x.q("New")).CallFunc(func(g *jen.Group) {
		for _, s := range x.api.Settings {
			switch {
			case !s.URL:
			case sv != nil:
				g.Add(x.q(s.Option)).Call(jen.Id("srv").Dot("URL"))
			default:
				g.Add(x.q(s.Option)).Call(settingValue(s))
			}
		}
	})
	g.Add(fatal())
	call := x.callExpr(g, ex)
	switch {
	case op.ResultStream:
		g.List(jen.Id("got"), jen.Id("_"), jen.Err()).Op(":=").Add(call)
		g.Add(fatal())
		g.Defer().Id("got").Dot("Close").Call()
		g.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Qual("io", "Copy").Call(jen.Qual("os", "Stdout"), jen.Id("got")), jen.Err().Op("!=").Nil()).Block(
			jen.Qual("log", "Fatal").Call(jen.Err()),
		)
	case op.ResultRaw:
		g.List(jen.Id("got"), jen.Id("_"), jen.Err()).Op(":=").Add(call)
		g.Add(fatal())
		g.Qual("fmt", "Printf").Call(jen.Lit("%s\n"), jen.Id("got"))
	case op.Result != nil:
		g.List(jen.Id("got"), jen.Id("_"), jen.Err()).Op(":=").Add(call)
		g.Add(fatal())
		switch {
		case sv == nil:
			g.Qual("fmt", "Println").Call(jen.Id("got"))
		case sv.Index:
			g.Qual("fmt", "Println").Call(jen.Id("got").Index(jen.Lit(0)).Dot(sv.Field))
		default:
			g.Qual("fmt", "Println").Call(jen.Id("got").Dot(sv.Field))
		}
	default:
		g.List(jen.Id("resp"), jen.Err()).Op(":=").Add(call)
		g.Add(fatal())
		g.Qual("fmt", "Println").Call(jen.Id("resp").Dot("StatusCode"))
	}
	if sv != nil {
		g.Comment("Output: " + sv.Output)
	}
}

// callExpr declares what an example's call needs (its request body) and
// returns the call:
//
//	c.Sessions.Authenticate(context.Background(), &forgerockam.AuthenticateParams{})
func (x exampleWriter) callExpr(g *jen.Group, ex *model.Example) *jen.Statement {
	op := ex.Op
	args := []jen.Code{jen.Qual("context", "Background").Call()}
	for _, p := range op.PathArgs {
		args = append(args, jen.Lit(p.TestValue))
	}
	if op.Params != nil {
		args = append(args, jen.Op("&").Add(x.q(op.Params.TypeName)).Values())
	}
	if op.Body.HasArg() {
		args = append(args, x.body(g, ex))
	}
	call := jen.Id("c")
	for _, name := range op.Chain {
		call = call.Dot(name)
	}
	call = call.Dot(op.Method).Call(args...)
	return call
}

// body declares the request body an example passes and returns the
// argument: the saved body when it is short, else the zero value.
//
//	var body forgerockam.CreateUserRequest
//	if err := json.Unmarshal([]byte(`{"name":"Ada"}`), &body); err != nil {
//		log.Fatal(err)
//	}
func (x exampleWriter) body(g *jen.Group, ex *model.Example) jen.Code {
	b, input := ex.Op.Body, ex.Input
	switch b.Kind {
	case model.BodyURLEncoded, model.BodyMultipart:
		var fields []jen.Code
		for _, fd := range ex.Form {
			v := quotesLit(fd.Values[0])
			if fd.Repeated {
				v = jen.Index().String().ValuesFunc(func(g *jen.Group) {
					for _, s := range fd.Values {
						g.Add(quotesLit(s))
					}
				})
			}
			fields = append(fields, jen.Id(fd.Name).Op(":").Add(v))
		}
		if len(fields) == 0 {
			return jen.Op("&").Add(x.q(b.Form.TypeName)).Values()
		}
		return jen.Op("&").Add(x.q(b.Form.TypeName)).Custom(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, fields...)
	case model.BodyBinary:
		if ex.Serve != nil || b.Example == "" || x.test {
			return jen.Qual("strings", "NewReader").Call(jen.Lit("the file's content"))
		}
		// f, err := os.Open("avatar.png")
		g.List(jen.Id("f"), jen.Err()).Op(":=").Qual("os", "Open").Call(jen.Lit(b.Example))
		g.If(jen.Err().Op("!=").Nil()).Block(x.fatalCall(jen.Err()))
		g.Defer().Id("f").Dot("Close").Call()
		return jen.Id("f")
	case model.BodyText:
		return quotesLit(input)
	}
	g.Var().Id("body").Add(x.typ(b.Type.GoType(named)))
	if input != "" {
		g.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Index().Byte().Parens(quotesLit(input)), jen.Op("&").Id("body")), jen.Err().Op("!=").Nil()).Block(
			x.fatalCall(jen.Err()),
		)
	} else {
		g.Comment("Fill in the request body.")
	}
	if b.Type.ByPointer() {
		return jen.Op("&").Id("body")
	}
	return jen.Id("body")
}

// quotesLit spells s as a raw string literal when it holds double quotes
// (JSON) and can be one, so that it reads as saved; otherwise quoted.
func quotesLit(s string) jen.Code {
	if strings.Contains(s, `"`) {
		return stringLit(s)
	}
	return jen.Lit(s)
}

// exampleBodies are the bodies of example_test.go's functions by name, as
// rendered and one tab less indented: the code the README and the package
// doc show, so that what they show is what go test compiled. It reads the
// printed file's tokens, not its syntax tree: a function body is the
// braces after the name of a func at the top level, and the file is
// pmgen's own, already printed (a second parse of it was a sixth of
// rendering Fastly's examples). A signature that holds braces of its own
// (an interface or struct type) is left to the parser.
func exampleBodies(src []byte) (map[string]string, error) {
	fset := token.NewFileSet()
	file := fset.AddFile("example_test.go", -1, len(src))
	var s scanner.Scanner
	var errs scanner.ErrorList
	s.Init(file, src, errs.Add, 0)
	bodies := map[string]string{}
	depth, parens := 0, 0
	inFunc, name, open := false, "", -1
	// prev is the token before: a declaration's func starts a statement
	// of the file, after a semicolon (written or at a line's end).
	prev := token.SEMICOLON
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		top := depth == 0 && parens == 0
		switch tok {
		case token.FUNC:
			if top && prev == token.SEMICOLON {
				inFunc, name = true, ""
			}
		case token.SEMICOLON:
			if top {
				inFunc = false // a function declared without a body
			}
		case token.IDENT:
			if inFunc && depth == 0 && parens == 0 && name == "" {
				name = lit
			}
		case token.LPAREN, token.LBRACK:
			parens++
		case token.RPAREN, token.RBRACK:
			parens--
		case token.INTERFACE, token.STRUCT:
			if inFunc && depth == 0 {
				return parsedExampleBodies(src)
			}
		case token.LBRACE:
			if depth == 0 && inFunc {
				inFunc, open = false, file.Offset(pos)
				if name == "" {
					open = -1 // a function literal at the top level
				}
			}
			depth++
		case token.RBRACE:
			depth--
			if depth == 0 && open >= 0 {
				bodies[name] = bodyText(src[open+1 : file.Offset(pos)])
				open = -1
			}
		}
		prev = tok
	}
	if errs.Len() > 0 || depth != 0 || parens != 0 {
		return nil, fmt.Errorf("emit example_test.go: unbalanced or unreadable: %v", errs.Err())
	}
	return bodies, nil
}

// parsedExampleBodies is exampleBodies by way of the syntax tree.
func parsedExampleBodies(src []byte) (map[string]string, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "example_test.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("emit example_test.go: %w", err)
	}
	bodies := map[string]string{}
	for _, d := range file.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Body == nil {
			continue
		}
		bodies[fn.Name.Name] = bodyText(src[fset.Position(fn.Body.Lbrace).Offset+1 : fset.Position(fn.Body.Rbrace).Offset])
	}
	return bodies, nil
}

// bodyText is the text between a body's braces, one tab less indented.
func bodyText(text []byte) string {
	var b strings.Builder
	for _, line := range bytes.Split(bytes.Trim(text, "\n"), []byte("\n")) {
		b.Write(bytes.TrimPrefix(line, []byte("\t")))
		b.WriteByte('\n')
	}
	return strings.TrimSuffix(b.String(), "\n")
}
