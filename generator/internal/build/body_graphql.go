package build

import (
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

// graphqlBody makes a GraphQL body: the saved query is a constant, and the
// saved variables type the method's argument. Without variables (or with
// an empty object) the method takes no body argument.
func (b *builder) graphqlBody(it *load.Item, op *model.Operation, body *load.Body) *model.Body {
	vars := strings.TrimSpace(body.GraphQLVariables)
	if strings.TrimSpace(body.GraphQLQuery) == "" && vars == "" {
		return nil
	}
	name := op.Method + "Query"
	if b.pkg.Taken(name) {
		name = strings.Join(op.Chain, "") + name
	}
	gb := &model.Body{
		Kind:        model.BodyGraphQL,
		ContentType: "application/json",
		Query:       body.GraphQLQuery,
		QueryConst:  b.pkg.Unique(name),
	}
	if vars == "" {
		return gb
	}
	if vars == "null" {
		gb.NullVariables = true
		return gb
	}
	text := fillBarePlaceholders(vars, b.variableValue, false)
	v, extended, err := b.json.Parse(text)
	if err != nil {
		b.diag(it.Pos, model.Warning, "graphql-variables-invalid",
			"the GraphQL variables do not parse "+syntaxDetail(err)+"; the method sends the query alone")
		return gb
	}
	if v.Kind != ordjson.Object {
		b.diag(it.Pos, model.Warning, "graphql-variables-invalid",
			"the GraphQL variables are not a JSON object; the method sends the query alone")
		return gb
	}
	if len(v.Members) == 0 {
		return gb
	}
	if text != vars || extended {
		text = ordjson.Marshal(v)
	}
	gb.Type = b.infer.Infer([]string{op.Method, "Variables"}, v)
	gb.Example = text
	return gb
}
