package build

import (
	"go/doc/comment"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/auth"
	"github.com/pmgen/pmgen/generator/internal/godoc"
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
	"github.com/pmgen/pmgen/generator/internal/pagination"
)

// buildOperation makes the method for one request item. members is the
// scope of the service the method goes on.
func (b *builder) buildOperation(it *load.Item, chain []string, members *naming.Scope) *model.Operation {
	b.pos = it.Pos
	// The auth plan knows the item as loaded; the rest reads it as the
	// pre-request scripts leave it.
	loaded := it
	it, scriptDoc, dropEmpty, script := b.preRequest(it)
	defer func() { b.pre.vars, b.pre.computed = nil, nil }()
	req := it.Request
	op := &model.Operation{
		Name:       it.Name,
		ItemID:     it.ID,
		Path:       it.Pos.Path,
		Chain:      chain,
		Method:     members.Unique(naming.Exported(naming.StripTags(it.Name), "Request")),
		HTTPMethod: strings.ToUpper(strings.TrimSpace(req.Method)),
		// Postman sends the saved query as written under disableUrlEncoding.
		VerbatimQuery:    it.DisableURLEncoding,
		DropEmptyHeaders: dropEmpty,
		Script:           script,
	}
	if len(script) > 0 {
		b.api.ScriptClock = true
	}
	if op.HTTPMethod == "" {
		op.HTTPMethod = "GET"
	}
	b.api.Stats.Requests++
	b.api.Stats.Operations++
	op.TestName = b.tests.Unique("Test" + strings.Join(chain, "") + op.Method)

	b.buildURL(it, op)
	b.buildParams(it, op, b.selectors[loaded])
	b.buildAuth(loaded, op)
	b.buildBody(it, op)
	examples := b.buildResponses(it, op)
	b.buildTests(it, op, examples)
	b.nameMockOp(op)
	b.parseResponseVars(it, op)
	if !b.noPages {
		pagination.Plan(op, linkHeader(examples))
	}
	b.typeParams(op)

	desc := it.Description
	if desc == "" {
		desc = req.Description
	}
	op.Summary = b.markdown(desc)
	lead, named, about := methodLead(op, it.Name, op.Summary, b.goURL(op, "", false))
	op.Lead = lead
	op.Doc = paragraphs(
		godoc.Fill(lead+" "+named),
		about,
		bodyNote(it, op),
		dynamicsNote(op.Body),
		resultNote(op),
		auth.Doc(op, b.api.Auth, b.authDoc),
		scriptOutputsNote(op.Script),
		scriptDoc,
	)
	if endsInList(op.Doc) {
		// A code block right after a list reads, to gofmt, as more of the
		// list's last item: gofmt would re-indent the request line.
		op.Doc = paragraphs(op.Doc, "It sends:")
	}
	op.Doc = paragraphs(op.Doc, "\t"+op.HTTPMethod+" "+requestLineSafe.Replace(b.goURL(op, rawQuery(req.URL.Raw), true)))
	return op
}

// requestLineSafe keeps the request line one line: a line break saved in
// a URL ("?foo=\nbar") is shown percent-encoded, as the client sends it.
var requestLineSafe = strings.NewReplacer("\n", "%0A", "\r", "%0D")

// endsInList reports whether a doc comment's text ends with a list, as
// go/doc/comment (gofmt's reader of doc comments) parses it. Link
// definitions are not blocks: gofmt moves them to the comment's end.
func endsInList(doc string) bool {
	var p comment.Parser
	d := p.Parse(doc)
	if n := len(d.Content); n > 0 {
		_, ok := d.Content[n-1].(*comment.List)
		return ok
	}
	return false
}

// paragraphs joins non-empty paragraphs with blank lines.
func paragraphs(ps ...string) string {
	var keep []string
	for _, p := range ps {
		if strings.TrimSpace(p) != "" {
			keep = append(keep, strings.TrimRight(p, " \n"))
		}
	}
	return strings.Join(keep, "\n\n")
}
