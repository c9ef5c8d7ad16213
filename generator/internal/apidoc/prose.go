package apidoc

import (
	"fmt"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// prose composes what the README and the package doc say about api.
func prose(api *model.API) *model.Prose {
	d := &model.Prose{Package: api.Package, Title: api.Title, Doc: api.Markdown, UserAgent: api.UserAgent}
	for _, s := range api.Settings {
		ps := model.ProseSetting{Variable: "{{" + s.Key + "}}", Option: s.Option, DefaultText: "none"}
		if s.Spelled {
			ps.Variable = s.Key
		}
		switch {
		case s.Nested != nil:
			ps.Example = `"…"`
			ps.DefaultText = "`" + s.Nested.String() + "`"
		case s.HasDefault && s.Unusable:
			ps.Example = `"…"`
			ps.DefaultText = fmt.Sprintf("`%q` (not an absolute URL)", s.Default)
		case s.HasDefault:
			ps.Example = fmt.Sprintf("%q", s.Default)
			ps.DefaultText = fmt.Sprintf("`%q`", s.Default)
		case s.Secret:
			ps.Example = fmt.Sprintf("os.Getenv(%q)", s.EnvVar)
			ps.DefaultText = "none (secret)"
		default:
			ps.Example = `"…"`
		}
		d.Settings = append(d.Settings, ps)
	}
	if api.Auth != nil {
		for _, o := range api.Auth.Options {
			d.Auth = append(d.Auth, model.ProseAuth{Option: o.Name, Summary: strings.ReplaceAll(firstSentence(o.Doc, ""), "\n", " ")})
		}
	}
	named := map[*model.Operation]string{}
	for _, ex := range api.Examples {
		if ex.Op != nil {
			named[ex.Op] = ex.Name
		}
	}
	var walk func(svc *model.Service, title string, chain string)
	walk = func(svc *model.Service, title string, chain string) {
		if len(svc.Ops) > 0 && d.TunedCall == "" {
			pkg := api.Package + "."
			d.TunedCall = usage(api, svc.Ops[0],
				pkg+"WithTimeout(5*time.Second)",
				pkg+"WithRetry("+pkg+"RetryPolicy{MaxAttempts: 1})",
				pkg+`WithHeader("X-Request-ID", requestID)`,
				pkg+"WithResponseInto(&raw)")
			d.Interface, d.Implementer = svc.Interface, chain
		}
		if len(svc.Ops) > 0 {
			ps := model.ProseService{Title: title}
			for _, op := range svc.Ops {
				if op.Pages != nil {
					addPages(d, api, op)
				}
				ps.Methods = append(ps.Methods, model.ProseMethod{
					Name:    op.Method,
					HTTP:    op.HTTPMethod + " " + op.URL.String(),
					Summary: firstSentence(op.Summary, ""),
					Call:    usage(api, op),
					Example: named[op],
					Vars:    strings.TrimPrefix(varsUsage(api, op), "\n"),
				})
			}
			d.Services = append(d.Services, ps)
		}
		for _, sub := range svc.Services {
			t := sub.Name
			if title != "Client" {
				t = title + " › " + sub.Name
			}
			walk(sub, t, chain+"."+sub.Field)
		}
	}
	walk(api.Root, "Client", "c")
	d.MockTest = mockTest(api)
	return d
}

// addPages lists a paginated method, and makes the README's example of
// the first one.
func addPages(d *model.Prose, api *model.API, op *model.Operation) {
	pg := op.Pages
	recv := "c." + strings.Join(append(append([]string{}, op.Chain...), ""), ".")
	d.Pages = append(d.Pages, model.ProsePages{Method: recv + op.Method, All: recv + pg.AllMethod, Pages: recv + pg.PagesMethod, Style: pg.Style.String(), How: pg.Rule})
	if d.PagesExample != "" {
		return
	}
	args := []string{"ctx"}
	for _, p := range op.PathArgs {
		args = append(args, fmt.Sprintf("%q", p.TestValue))
	}
	args = append(args, "&"+api.Package+"."+op.Params.TypeName+"{}")
	d.PagesExample = fmt.Sprintf("for item, err := range %s%s(%s) {\n\tif err != nil {\n\t\treturn err\n\t}\n\tfmt.Println(item)\n}",
		recv, pg.AllMethod, strings.Join(args, ", "))
}

// usage is a one-call example of a method, as a user would write it, with
// opts after the other arguments, one per line.
func usage(api *model.API, op *model.Operation, opts ...string) string {
	args := []string{"ctx"}
	for _, p := range op.PathArgs {
		args = append(args, fmt.Sprintf("%q", p.TestValue))
	}
	if op.Params != nil {
		args = append(args, "&"+api.Package+"."+op.Params.TypeName+"{}")
	}
	if op.Body.HasArg() {
		args = append(args, bodyUsage(api, op.Body))
	}
	recv := "c." + strings.Join(append(append([]string{}, op.Chain...), op.Method), ".")
	results := "resp, err"
	if op.Result != nil || op.ResultRaw || op.ResultStream {
		results = "got, resp, err"
	}
	call := fmt.Sprintf("%s := %s(%s", results, recv, strings.Join(args, ", "))
	if len(opts) == 0 {
		return call + ")"
	}
	return call + ",\n\t" + strings.Join(opts, ",\n\t") + ",\n)"
}

// bodyUsage is the body argument in a usage example.
func bodyUsage(api *model.API, b *model.Body) string {
	switch {
	case b.Kind == model.BodyURLEncoded || b.Kind == model.BodyMultipart:
		return "&" + api.Package + "." + b.Form.TypeName + "{ /* … */ }"
	case b.Kind == model.BodyBinary:
		return "file"
	case b.Type != nil && b.Type.Kind == model.KindStruct && b.Type.Named != nil:
		return "&" + api.Package + "." + b.Type.Named.Name + "{ /* … */ }"
	}
	return "body"
}

// firstSentence is the first sentence of doc, or fallback when doc is empty.
func firstSentence(doc, fallback string) string {
	doc = strings.TrimSpace(doc)
	if doc == "" {
		return fallback
	}
	if i := strings.Index(doc, ". "); i >= 0 {
		doc = doc[:i+1]
	}
	if i := strings.Index(doc, "\n\n"); i >= 0 {
		doc = doc[:i]
	}
	return doc
}
