package build

import (
	"fmt"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/auth"
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
	"github.com/pmgen/pmgen/generator/internal/pagination"
)

// buildOperation makes the method for one request item. members is the
// scope of the service the method goes on.
func (b *builder) buildOperation(it *load.Item, chain []string, members *naming.Scope) *model.Operation {
	req := it.Request
	b.pos = it.Pos
	op := &model.Operation{
		Name:       it.Name,
		ItemID:     it.ID,
		Path:       it.Pos.Path,
		Chain:      chain,
		Method:     members.Unique(naming.Exported(it.Name, "Request")),
		HTTPMethod: strings.ToUpper(strings.TrimSpace(req.Method)),
	}
	if op.HTTPMethod == "" {
		op.HTTPMethod = "GET"
	}
	b.api.Stats.Requests++
	b.api.Stats.Operations++
	op.TestName = b.tests.Unique("Test" + strings.Join(chain, "") + op.Method)

	b.buildURL(it, op)
	b.buildParams(it, op)
	b.buildAuth(it, op)
	b.buildBody(it, op)
	examples := b.buildResponses(it, op)
	b.buildTests(it, op, examples)
	pagination.Plan(op, linkHeader(examples))

	desc := it.Description
	if desc == "" {
		desc = req.Description
	}
	op.Summary = b.markdown(desc)
	op.Doc = paragraphs(
		fmt.Sprintf("%s sends the request %q.", op.Method, it.Name),
		op.Summary,
		bodyNote(it, op),
		dynamicsNote(op.Body),
		resultNote(op),
		auth.Doc(op, b.api.Auth),
		"\t"+op.HTTPMethod+" "+strings.TrimSpace(req.URL.Raw),
	)
	return op
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
