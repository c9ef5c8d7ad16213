package emit

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/templates"
)

// proseData is what the README and package doc templates are given.
type proseData struct {
	Header   string
	Package  string
	Title    string
	Doc      string
	Settings []proseSetting
	Services []proseService
	// Auth lists the credential options, one line each.
	Auth []proseAuth
	// Pages lists the paginated methods; PagesExample walks the first.
	Pages        []prosePages
	PagesExample string
	// UserAgent is the User-Agent calls send by default.
	UserAgent string
	// TunedCall is the package's first method called with per-call
	// options, for the README's section on them.
	TunedCall string
	// Interface names the interface of the first service with methods, and
	// Implementer the client expression that satisfies it ("c.Sessions").
	Interface, Implementer string
}

// prosePages is a paginated method in the README's table.
type prosePages struct {
	Method, All, Pages, Style, How string
}

type proseAuth struct {
	Option, Summary string
}

type proseSetting struct {
	// Variable is how the collection refers to the setting: "{{realm}}",
	// or the host it spells out.
	Variable, Option, Example, DefaultText string
}

type proseService struct {
	Title   string
	Methods []proseMethod
}

type proseMethod struct {
	Name, HTTP, Summary, Call string
}

func newProseData(api *model.API) proseData {
	d := proseData{Header: templates.Header, Package: api.Package, Title: api.Title, Doc: api.Markdown, UserAgent: api.UserAgent}
	for _, s := range api.Settings {
		ps := proseSetting{Variable: "{{" + s.Key + "}}", Option: s.Option, DefaultText: "none"}
		if s.Spelled {
			ps.Variable = s.Key
		}
		switch {
		case s.Nested != nil:
			ps.Example = `"…"`
			ps.DefaultText = "`" + s.Nested.String() + "`"
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
			d.Auth = append(d.Auth, proseAuth{Option: o.Name, Summary: strings.ReplaceAll(firstSentence(o.Doc, ""), "\n", " ")})
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
			ps := proseService{Title: title}
			for _, op := range svc.Ops {
				if op.Pages != nil {
					d.addPages(api, op)
				}
				ps.Methods = append(ps.Methods, proseMethod{
					Name:    op.Method,
					HTTP:    op.HTTPMethod + " " + op.URL.String(),
					Summary: firstSentence(op.Summary, ""),
					Call:    usage(api, op),
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
	return d
}

// addPages lists a paginated method, and makes the README's example of
// the first one.
func (d *proseData) addPages(api *model.API, op *model.Operation) {
	pg := op.Pages
	recv := "c." + strings.Join(append(append([]string{}, op.Chain...), ""), ".")
	d.Pages = append(d.Pages, prosePages{Method: recv + op.Method, All: recv + pg.AllMethod, Pages: recv + pg.PagesMethod, Style: pg.Style.String(), How: pg.Rule})
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
	if op.Result != nil || op.ResultRaw {
		results = "got, resp, err"
	}
	call := fmt.Sprintf("%s := %s(%s", results, recv, strings.Join(args, ", "))
	if len(opts) == 0 {
		return call + ")"
	}
	return call + ",\n\t" + strings.Join(opts, ",\n\t") + ",\n)"
}

// docFile emits doc.go: the package doc comment from templates/doc.go.tmpl.
func docFile(api *model.API) (*jen.File, error) {
	f := newFile(api)
	data := newProseData(api)
	data.Doc = api.Doc
	var buf bytes.Buffer
	if err := templates.PackageDoc.Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("emit doc.go: %w", err)
	}
	f.PackageComment(comment(buf.String()).GoString())
	return f, nil
}

// readmeFile renders README.md from templates/readme.md.tmpl.
func readmeFile(api *model.API) (File, error) {
	var buf bytes.Buffer
	if err := templates.README.Execute(&buf, newProseData(api)); err != nil {
		return File{}, fmt.Errorf("emit README.md: %w", err)
	}
	return File{Path: "README.md", Data: buf.Bytes()}, nil
}

// fixtureFiles are the saved bodies too long for a literal, under testdata/.
func fixtureFiles(api *model.API) []File {
	var files []File
	var walk func(svc *model.Service)
	walk = func(svc *model.Service) {
		for _, op := range svc.Ops {
			if op.Body != nil && op.Body.ExampleFixture != "" {
				files = append(files, File{Path: "testdata/" + op.Body.ExampleFixture, Data: []byte(op.Body.Example)})
			}
			for _, tc := range op.Tests {
				if tc.ResponseFixture != "" {
					files = append(files, File{Path: "testdata/" + tc.ResponseFixture, Data: []byte(tc.ResponseBody)})
				}
			}
		}
		for _, sub := range svc.Services {
			walk(sub)
		}
	}
	walk(api.Root)
	return files
}
