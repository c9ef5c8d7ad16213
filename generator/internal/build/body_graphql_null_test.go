package build

import (
	"testing"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// TestGraphQLNullVariables: variables saved as null are sent as
// "variables": null, as newman sends them; absent, the query goes alone.
func TestGraphQLNullVariables(t *testing.T) {
	for vars, want := range map[string]bool{"null": true, "": false} {
		it := request("Q", "POST", "https://api.example.com/graphql")
		it.Request.Body = &load.Body{Mode: "graphql", GraphQLQuery: "{ a }", GraphQLVariables: vars}
		api := mustBuild(t, &load.Collection{File: "c.json", Items: []*load.Item{it}})
		b := api.Root.Ops[0].Body
		if b == nil || b.Kind != model.BodyGraphQL {
			t.Fatalf("variables %q: no GraphQL body: %+v", vars, b)
		}
		if b.NullVariables != want || b.Type != nil {
			t.Errorf("variables %q: NullVariables %v, Type %v; want %v and no type", vars, b.NullVariables, b.Type, want)
		}
	}
}
