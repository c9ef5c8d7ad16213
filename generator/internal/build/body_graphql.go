package build

import (
	"encoding/json"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/infer"
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
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
	text := fillBarePlaceholders(vars, b.variableValue)
	v, err := infer.Parse(text)
	if err != nil {
		b.diag(it.Pos, model.Warning, "graphql-variables-invalid",
			"the GraphQL variables do not parse "+syntaxDetail(err)+"; the method sends the query alone")
		return gb
	}
	obj, ok := v.(infer.Object)
	if !ok {
		b.diag(it.Pos, model.Warning, "graphql-variables-invalid",
			"the GraphQL variables are not a JSON object; the method sends the query alone")
		return gb
	}
	if len(obj) == 0 {
		return gb
	}
	if text != vars || !json.Valid([]byte(text)) {
		text = strictJSON(v)
	}
	gb.Type = b.infer.Infer([]string{op.Method, "Variables"}, v)
	gb.Example = text
	return gb
}
