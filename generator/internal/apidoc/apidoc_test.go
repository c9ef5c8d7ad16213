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
	op := &model.Operation{Name: "Find", Method: "Find", TestName: "TestUsersFind", Lead: "Find finds users.",
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
		{"method line", op.InterfaceDoc, `Find finds users.`},
		{"param", q.Doc, "Q is the query parameter \"q\"; default \"x\".\n\nThe query."},
		{"disabled header", off.Doc, `XDebug is the header "X-Debug", sent only when set (disabled in the collection).`},
		{"setting", base.Doc, "WithBaseUrl sets the text that requests send in place of {{baseUrl}}.\n\nThe default is \"https://x\", the value saved in the collection."},
	} {
		if !strings.HasPrefix(c.got, c.want) && !strings.HasSuffix(c.got, c.want) {
			t.Errorf("%s doc = %q, want it to begin or end with %q", c.name, c.got, c.want)
		}
	}
	if api.Prose == nil || len(api.Prose.Services) != 1 || api.Prose.Services[0].Methods[0].Call == "" {
		t.Errorf("prose = %+v, want one service with a usage example", api.Prose)
	}
}

// TestSettingLead checks the first sentence of setting options: from a
// description that names the setting, else from what the setting holds.
func TestSettingLead(t *testing.T) {
	tests := []struct {
		name               string
		s                  model.Setting
		wantLead, wantRest string
	}{
		{"noun phrase", model.Setting{Key: "realm", Option: "WithRealm", Doc: "Full realm path, starting at the top-level realm.\n\nMore."},
			"WithRealm sets the full realm path, starting at the top-level realm. The\ncollection calls it {{realm}}.", "More."},
		{"rest of the paragraph follows", model.Setting{Key: "cookieName", Option: "WithCookieName", Doc: "Name of the session cookie. Hosted tenants use\ntheir own."},
			"WithCookieName sets the name of the session cookie. The collection calls it\n{{cookieName}}.", "Hosted tenants use their own."},
		{"article kept", model.Setting{Key: "k", Option: "WithK", Doc: "The key of the tenant"},
			"WithK sets the key of the tenant. The collection calls it {{k}}.", ""},
		{"acronym kept", model.Setting{Key: "am", Option: "WithAM", Doc: "AM deployment to call."},
			"WithAM sets the AM deployment to call. The collection calls it {{am}}.", ""},
		{"a verb is no name", model.Setting{Key: "t", Option: "WithT", Doc: "Returns the token."},
			"WithT sets the text that requests send in place of {{t}}.", "Returns the token."},
		{"a pronoun is no name", model.Setting{Key: "c", Option: "WithC", Doc: "This is a collection level variable"},
			"WithC sets the text that requests send in place of {{c}}.", "This is a collection level variable"},
		{"URL", model.Setting{Key: "baseUrl", Option: "WithBaseURL", URL: true},
			"WithBaseURL sets the URL that requests starting with {{baseUrl}} go to: a scheme\nand host, and any path prefix that their paths follow.", ""},
		{"credential", model.Setting{Key: "token", Option: "WithToken", Secret: true},
			"WithToken sets the credential that requests send in place of {{token}}.", ""},
		{"spelled host", model.Setting{Key: "https://api.example.com", Option: "WithAPIExampleCom", Spelled: true, URL: true},
			"WithAPIExampleCom sets the scheme and host that requests to https://api.example.com go to.", ""},
	}
	for _, tt := range tests {
		lead, rest := settingLead(&tt.s)
		if lead != tt.wantLead || rest != tt.wantRest {
			t.Errorf("%s: settingLead = %q, %q; want %q, %q", tt.name, lead, rest, tt.wantLead, tt.wantRest)
		}
	}
}
