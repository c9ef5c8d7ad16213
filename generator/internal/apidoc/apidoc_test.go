package apidoc

import (
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// TestWrite builds a small model by hand and checks that each doc names
// what it documents and keeps the collection's description last.
func TestWrite(t *testing.T) {
	lit := func(s string) model.Template { return model.Template{{Kind: model.PartLiteral, Text: s}} }
	q := &model.Param{Key: "q", Name: "Q", In: model.InQuery, Enabled: true, Default: lit("x"), Doc: "The query."}
	off := &model.Param{Key: "X-Debug", Name: "XDebug", In: model.InHeader, Doc: ""}
	op := &model.Operation{Name: "Find", Method: "Find", TestName: "TestUsersFind",
		Params: &model.ParamsStruct{TypeName: "FindParams", Fields: []*model.Param{q, off}}}
	users := &model.Service{Name: "Users", Field: "Users", TypeName: "UsersService", Interface: "UsersAPI", Doc: "All users.", Ops: []*model.Operation{op}}
	base := &model.Setting{Key: "baseUrl", Option: "WithBaseUrl", Default: "https://x", HasDefault: true}
	api := &model.API{Package: "p", Title: "T", UserAgent: "pmgen (T)", Settings: []*model.Setting{base},
		Root: &model.Service{Interface: "ClientAPI", Services: []*model.Service{users}}}
	Write(api)
	for _, c := range []struct{ name, got, want string }{
		{"service", users.Doc, "UsersService holds the requests of the folder \"Users\".\n\nAll users."},
		{"field", users.FieldDoc, `Users holds the requests of the folder "Users".`},
		{"interface", users.InterfaceDoc, "UsersAPI is the requests of the folder \"Users\", as the methods of *UsersService."},
		{"method line", op.InterfaceDoc, `Find sends the request "Find".`},
		{"param", q.Doc, "Q is the query parameter \"q\"; default \"x\".\n\nThe query."},
		{"disabled header", off.Doc, `XDebug is the header "X-Debug", sent only when set (disabled in the collection).`},
		{"setting", base.Doc, "WithBaseUrl sets {{baseUrl}}.\n\nThe default is \"https://x\", the value saved in the collection."},
		{"header option", api.HeaderOptionDoc, `"pmgen (T)".`},
	} {
		if !strings.HasPrefix(c.got, c.want) && !strings.HasSuffix(c.got, c.want) {
			t.Errorf("%s doc = %q, want it to begin or end with %q", c.name, c.got, c.want)
		}
	}
	if api.Prose == nil || len(api.Prose.Services) != 1 || api.Prose.Services[0].Methods[0].Call == "" {
		t.Errorf("prose = %+v, want one service with a usage example", api.Prose)
	}
}
