// Package apidoc writes the doc comments of a generated package that are
// composed from the model: the client, each service, its interface and
// fields, the parameter and form structs and their fields, the setting
// options, GraphQL documents and test functions. It runs once the model is
// complete, so that every sentence sees final names; emit only prints the
// results.
package apidoc

import (
	"fmt"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/godoc"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// Write fills in the doc comments of api. The descriptions build took from
// the collection (Service.Doc, Param.Doc, FormField.Doc, Setting.Doc) are
// replaced by whole doc comments that end with them.
func Write(api *model.API) {
	api.ClientDoc = fmt.Sprintf("Client calls the %s API. Create one with New; it is safe\n"+
		"for concurrent use. Requests at the top of the collection are methods on\n"+
		"Client; each folder is a service field.", api.Title)
	for _, s := range api.Settings {
		s.Doc = settingDoc(s)
	}
	api.Root.InterfaceDoc = interfaceDoc(api.Root, "Client", "the requests at the top of the collection")
	service(api.Root)
	api.Examples = examples(api)
	api.Prose = prose(api)
}

// service writes the docs of svc's operations and sub-services.
func service(svc *model.Service) {
	for _, op := range svc.Ops {
		operation(op)
	}
	for _, sub := range svc.Services {
		sub.Doc = paragraphs(fmt.Sprintf("%s holds the requests of the folder %q.", sub.TypeName, sub.Name), sub.Doc)
		sub.FieldDoc = sub.Field + " holds the requests of the folder \"" + sub.Name + "\"."
		sub.InterfaceDoc = interfaceDoc(sub, sub.TypeName, fmt.Sprintf("the requests of the folder %q", sub.Name))
		service(sub)
	}
}

// interfaceDoc is the doc of the interface a service's methods make up;
// impl is the type that has them, what says which requests they are.
func interfaceDoc(svc *model.Service, impl, what string) string {
	return fmt.Sprintf("%s is %s, as the methods of *%s.\n"+
		"Depend on it rather than on *%s to swap in a fake in tests.",
		svc.Interface, what, impl, impl)
}

// operation writes the docs of what one request declares besides its
// method, whose doc build writes with the request.
func operation(op *model.Operation) {
	op.InterfaceDoc = op.Lead
	op.TestDoc = op.TestName + " replays the saved examples of " + op.Method + " and checks what\nthe client sent and decoded."
	if pg := op.Pages; pg != nil {
		pg.PagesLine = fmt.Sprintf("%s walks the pages of %s.", pg.PagesMethod, op.Method)
		pg.AllLine = fmt.Sprintf("%s walks the items of every page of %s.", pg.AllMethod, op.Method)
	}
	if ps := op.Params; ps != nil {
		ps.Doc = paramsDoc(op, ps)
		ps.OmitDoc = godoc.Fill(fmt.Sprintf("%s names fields (by Go name, such as %q) whose parameter is not sent at "+
			"all, not even the value saved in the collection.", ps.Omit, sentField(ps).Name))
		ps.ForceSendDoc = godoc.Fill(fmt.Sprintf("%s names fields (by Go name) that are sent even when they hold the zero "+
			"value (\"\", 0, false or an empty list), instead of the value saved in the "+
			"collection. %s wins over it.", ps.ForceSend, ps.Omit))
		for _, p := range ps.Fields {
			p.Doc = paramDoc(p)
		}
	}
	if b := op.Body; b != nil {
		body(op, b)
	}
	op.Doc = paragraphs(op.Doc, errorBodies(op))
}

// errorBodies names, for each typed error body of op, the statuses whose
// *APIError unwraps to it: "A 401 response returns an [*APIError] that
// unwraps to [*UnauthorizedError]."
func errorBodies(op *model.Operation) string {
	var types []*model.Type
	statuses := map[*model.Type][]string{}
	for _, r := range op.Responses {
		if r.Success || r.Type == nil || r.Type.Kind != model.KindStruct || r.Type.Named == nil || r.Type.Named.Error == nil {
			continue
		}
		t := r.Type.Named
		if statuses[t] == nil {
			types = append(types, t)
		}
		statuses[t] = append(statuses[t], fmt.Sprint(r.Status))
	}
	var lines []string
	for _, t := range types {
		codes := statuses[t]
		which := codes[0]
		if len(codes) > 1 {
			which = strings.Join(codes[:len(codes)-1], ", ") + " or " + codes[len(codes)-1]
		}
		lines = append(lines, fmt.Sprintf("A %s response returns an [*APIError] that unwraps to [*%s].", which, t.Name))
	}
	return strings.Join(lines, "\n")
}

// body writes the docs of a form struct and its fields, or of a GraphQL
// document's constant.
func body(op *model.Operation, b *model.Body) {
	switch b.Kind {
	case model.BodyGraphQL:
		b.QueryDoc = b.QueryConst + " is the GraphQL document that " + op.Method + " sends, as saved in the collection."
	case model.BodyURLEncoded, model.BodyMultipart:
		form := b.Form
		encoding, method := "application/x-www-form-urlencoded", "pairs"
		if b.Kind == model.BodyMultipart {
			encoding, method = "multipart/form-data", "parts"
		}
		form.Doc = fmt.Sprintf("%s is the body of %s, sent as %s.\n"+
			"A field left empty sends the value saved in the collection; a field\n"+
			"that is disabled in the collection is sent only when set.", form.TypeName, op.Method, encoding)
		form.ListDoc = method + " lists the fields in the collection's order, with the saved values\nin place of empty fields."
		for _, f := range form.Fields {
			f.Doc = formFieldDoc(f)
		}
	}
}

// paragraphs joins the non-empty paragraphs with blank lines.
func paragraphs(ps ...string) string {
	var keep []string
	for _, p := range ps {
		if p = trimBlankLines(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, "\n\n")
}

// trimBlankLines removes the blank lines around a paragraph and the
// spaces ending it, but not the indentation of its first line: a
// description that starts with a table or code block starts with a tab,
// and without it the first line would read as a paragraph of its own.
func trimBlankLines(p string) string {
	p = strings.TrimRight(p, " \t\n")
	for {
		line, rest, ok := strings.Cut(p, "\n")
		if !ok || strings.TrimSpace(line) != "" {
			break
		}
		p = rest
	}
	if strings.TrimSpace(p) == "" {
		return ""
	}
	return p
}
