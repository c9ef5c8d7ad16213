package build

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// request makes a request item in folder path.
func request(name, method, raw string, path ...string) *load.Item {
	return &load.Item{Name: name, Pos: model.Pos{Path: append(path, name)}, Request: &load.Request{Method: method, URL: load.URL{Raw: raw}}}
}

func mustBuild(t *testing.T, col *load.Collection) *model.API {
	t.Helper()
	api, diags := Build(col, Options{})
	if api == nil {
		t.Fatalf("Build failed: %v", diags)
	}
	return api
}

func TestSettings(t *testing.T) {
	tests := []struct {
		name string
		vars []load.Variable
		urls []string
		// want is option → default ("-" for none), in order.
		want    [][2]string
		wantURL string // the base URL setting's key
	}{{
		name:    "leading variable is the base URL",
		vars:    []load.Variable{{Key: "amUrl", Value: "https://am.example.com/am"}, {Key: "realm", Value: "/realms/root"}},
		urls:    []string{"{{amUrl}}/json{{realm}}/sessions", "{{amUrl}}/json/x"},
		want:    [][2]string{{"WithBaseURL", "https://am.example.com/am"}, {"WithRealm", "/realms/root"}},
		wantURL: "amUrl",
	}, {
		name:    "secrets get no default",
		vars:    []load.Variable{{Key: "base", Value: "https://x.example.com"}, {Key: "demoSSOToken", Value: "AQIC5w"}, {Key: "apiKey", Value: "k"}, {Key: "user", Value: "eyJhbGciOi"}},
		urls:    []string{"{{base}}/a"},
		want:    [][2]string{{"WithBaseURL", "https://x.example.com"}, {"WithDemoSSOToken", "-"}, {"WithAPIKey", "-"}, {"WithUser", "-"}},
		wantURL: "base",
	}, {
		name:    "literal hosts become URL settings, the most used one the base",
		urls:    []string{"https://upload.example.com/files", "https://api.example.com/a", "https://api.example.com/b"},
		want:    [][2]string{{"WithUploadExampleComURL", "https://upload.example.com"}, {"WithBaseURL", "https://api.example.com"}},
		wantURL: "https://api.example.com",
	}, {
		name:    "variables used but not defined are settings without default",
		vars:    []load.Variable{{Key: "host", Value: "https://h.example.com"}},
		urls:    []string{"{{host}}/users/{{userId}}"},
		want:    [][2]string{{"WithBaseURL", "https://h.example.com"}, {"WithUserID", "-"}},
		wantURL: "host",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			col := &load.Collection{File: "c.json", Name: "C", Variables: tt.vars}
			for i, u := range tt.urls {
				col.Items = append(col.Items, request(string(rune('a'+i)), "GET", u))
			}
			api := mustBuild(t, col)
			var got [][2]string
			for _, s := range api.Settings {
				d := "-"
				if s.HasDefault {
					d = s.Default
				}
				got = append(got, [2]string{s.Option, d})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("settings (-want +got):\n%s", diff)
			}
			if api.BaseURL == nil || api.BaseURL.Key != tt.wantURL {
				t.Errorf("base URL = %+v, want key %s", api.BaseURL, tt.wantURL)
			}
		})
	}
}

func TestParams(t *testing.T) {
	it := request("Refresh", "POST", "{{u}}/s?_prettyPrint=true")
	it.Request.URL.Query = []load.Pair{
		{Key: "_fields", Disabled: true, Description: "Fields."},
		{Key: "_prettyPrint", Value: "true"},
		{Key: "_action", Value: "{{action}}"},
	}
	it.Request.Header = []load.Pair{
		{Key: "Accept-API-Version", Value: "resource=4.0"},
		{Key: "Content-Type", Value: "application/json"},
		{Key: "{{cookieName}}", Value: "{{token}}"},
		{Key: "X-Off", Value: "1", Disabled: true},
	}
	api := mustBuild(t, &load.Collection{File: "c.json", Items: []*load.Item{it}})
	op := api.Root.Ops[0]
	type param struct {
		Name, Key string
		In        model.ParamIn
		Enabled   bool
		Default   string
	}
	var got []param
	for _, p := range op.Params.Fields {
		got = append(got, param{p.Name, p.Key, p.In, p.Enabled, p.Default.String()})
	}
	want := []param{
		{"Fields", "_fields", model.InQuery, false, ""},
		{"PrettyPrint", "_prettyPrint", model.InQuery, true, "true"},
		{"AcceptAPIVersion", "Accept-API-Version", model.InHeader, true, "resource=4.0"},
		{"XOff", "X-Off", model.InHeader, false, ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("params (-want +got):\n%s", diff)
	}
	if op.Params.TypeName != "RefreshParams" {
		t.Errorf("params type = %s", op.Params.TypeName)
	}
	// _action is exactly {{action}}: WithAction sets it, and no field.
	if a := op.Entries[2]; a.Key != "_action" || a.Fixed != model.FixedSetting {
		t.Errorf("entry %s is fixed %v, want _action fixed by its setting", a.Key, a.Fixed)
	}
	if k := op.Params.Fields[1].Kind; k != model.ParamBool {
		t.Errorf("_prettyPrint saved true has kind %v, want bool", k)
	}
	var fixed []string
	for _, h := range op.FixedHeaders {
		fixed = append(fixed, h.Name.String()+": "+h.Value.String())
	}
	if diff := cmp.Diff([]string{"Content-Type: application/json", "{{cookieName}}: {{token}}"}, fixed); diff != "" {
		t.Errorf("fixed headers (-want +got):\n%s", diff)
	}
}

func TestURLTemplate(t *testing.T) {
	tests := []struct {
		raw      string
		path     []string
		wantPath string
		wantArgs []string
	}{
		{"{{amUrl}}/json{{realm}}/sessions", []string{"json{{realm}}", "sessions"}, "/json{{realm}}/sessions", nil},
		{"{{base}}/users/:userId/posts/:id", nil, "/users/:userId/posts/:id", []string{"userID", "id"}},
		{"https://api.example.com/v1/items?x=1", nil, "/v1/items", nil},
		{"{{base}}", nil, "", nil},
		{"{{base}}/a/{{$guid}}", nil, "/a/{{$guid}}", nil},
	}
	for _, tt := range tests {
		it := request("r", "GET", tt.raw)
		it.Request.URL.Path = tt.path
		api := mustBuild(t, &load.Collection{File: "c.json", Items: []*load.Item{it}})
		op := api.Root.Ops[0]
		if got := op.URL.String(); got != tt.wantPath {
			t.Errorf("%s: path = %q, want %q", tt.raw, got, tt.wantPath)
		}
		var args []string
		for _, a := range op.PathArgs {
			args = append(args, a.Name)
		}
		if diff := cmp.Diff(tt.wantArgs, args); diff != "" {
			t.Errorf("%s: args (-want +got):\n%s", tt.raw, diff)
		}
	}
}

func TestResponses(t *testing.T) {
	tests := []struct {
		name      string
		responses []*load.Response
		wantRaw   bool
		wantType  bool
		wantError []int // statuses with a typed error body
	}{
		{"json success", []*load.Response{{Code: 200, Body: `{"a":1}`}, {Code: 404, Body: `{"e":"x"}`}}, false, true, []int{404}},
		{"empty success", []*load.Response{{Code: 200, Body: ""}, {Code: 401, Body: `{"code":1}`}}, false, false, []int{401}},
		{"text success", []*load.Response{{Code: 200, Body: "ok"}, {Code: 500, Body: "boom"}}, true, false, nil},
		{"no code is skipped", []*load.Response{{Body: `{"a":1}`}}, false, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := request("r", "GET", "{{u}}/x")
			it.Responses = tt.responses
			api := mustBuild(t, &load.Collection{File: "c.json", Items: []*load.Item{it}})
			op := api.Root.Ops[0]
			if op.ResultRaw != tt.wantRaw || (op.Result != nil) != tt.wantType {
				t.Errorf("ResultRaw=%v Result=%v, want raw=%v typed=%v", op.ResultRaw, op.Result, tt.wantRaw, tt.wantType)
			}
			var typed []int
			for _, r := range op.Responses {
				if !r.Success && r.Type != nil {
					typed = append(typed, r.Status)
				}
			}
			if diff := cmp.Diff(tt.wantError, typed); diff != "" {
				t.Errorf("typed errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNamesAreUniquePerScope(t *testing.T) {
	col := &load.Collection{File: "c.json", Items: []*load.Item{
		request("Get user", "GET", "{{u}}/a"),
		request("Get user", "GET", "{{u}}/b"),
		{Name: "Users", IsFolder: true, Items: []*load.Item{request("Get user", "GET", "{{u}}/c")}},
		request("Users", "GET", "{{u}}/d"),
	}}
	api := mustBuild(t, col)
	var got []string
	for _, op := range api.Root.Ops {
		got = append(got, op.Method)
	}
	got = append(got, api.Root.Services[0].Field, api.Root.Services[0].Ops[0].Method)
	want := []string{"GetUser", "GetUser2", "Users2", "Users", "GetUser"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
}

// SavedValue is what Postman puts in the path: the saved value, or the
// segment as written when the value is missing or empty.
func TestPathArgSavedValue(t *testing.T) {
	it := request("Del", "DELETE", "https://x.example.com/results/:id/:kind/:other")
	it.Request.URL.Variables = []load.Pair{{Key: "id", Value: ""}, {Key: "kind", Value: "pdf"}}
	api := mustBuild(t, &load.Collection{File: "c.json", Name: "C", Items: []*load.Item{it}})
	var got []string
	for _, a := range api.Root.Ops[0].PathArgs {
		got = append(got, a.SavedValue)
	}
	if want := []string{":id", "pdf", ":other"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("SavedValue = %q, want %q", got, want)
	}
}

// A key saved disabled and enabled again later is sent where the enabled
// entry stands (Postman sends the enabled entries in order), as one plain
// field rather than a repeated one.
func TestParamDisabledThenEnabled(t *testing.T) {
	it := request("Delete Text", "GET", "https://x.example.com/delete")
	it.Request.URL.Query = []load.Pair{
		{Key: "key", Value: "{{key}}", Disabled: true},
		{Key: "url", Value: "u"},
		{Key: "key", Value: "{{key}}"},
	}
	api := mustBuild(t, &load.Collection{File: "c.json", Items: []*load.Item{it}})
	var got []string
	for _, p := range api.Root.Ops[0].Entries {
		got = append(got, fmt.Sprintf("%s=%s enabled=%v repeated=%v", p.Key, p.Default.String(), p.Enabled, p.Repeated))
	}
	want := []string{"url=u enabled=true repeated=false", "key={{key}} enabled=true repeated=false"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
}

// A host saved as one variable is the base URL even when the raw URL runs
// on past it: Postman builds the URL from host and path.
func TestOriginFromSavedHost(t *testing.T) {
	it := request("Purge", "POST", "{{fastly_url}}*")
	it.Request.URL.Host = []string{"{{fastly_url}}"}
	it.Request.URL.Path = []string{"*"}
	col := &load.Collection{File: "c.json", Items: []*load.Item{request("Other", "GET", "{{fastly_url}}/service"), it},
		Variables: []load.Variable{{Key: "fastly_url", Value: "https://api.fastly.com"}}}
	api := mustBuild(t, col)
	op := findOp(api.Root, "Purge")
	if op.Origin == nil || op.Origin != api.BaseURL {
		t.Errorf("origin = %+v, want the base URL setting %+v", op.Origin, api.BaseURL)
	}
	if got := op.URL.String(); got != "/*" {
		t.Errorf("path = %q, want %q", got, "/*")
	}
}

// "{{hello_{{var}}}}" reads the variable whose name the inner one spells,
// as Postman resolves the inner reference first; a warning says that the
// name is fixed when the client is generated.
func TestNestedVariableName(t *testing.T) {
	it := request("Nested", "GET", "{{base}}/get/{{hello_{{var}}}}")
	it.Request.URL.Path = []string{"get", "{{hello_{{var}}}}"}
	col := &load.Collection{File: "c.json", Items: []*load.Item{it}, Variables: []load.Variable{
		{Key: "base", Value: "https://x.example.com"}, {Key: "var", Value: "world"}, {Key: "hello_world", Value: "hi"}}}
	api, diags := Build(col, Options{})
	if api == nil {
		t.Fatalf("Build failed: %v", diags)
	}
	if got, want := api.Root.Ops[0].URL.String(), "/get/{{hello_world}}"; got != want {
		t.Errorf("path = %q, want %q", got, want)
	}
	if s := fmt.Sprint(diags); !strings.Contains(s, "[nested-variable]") {
		t.Errorf("diagnostics = %s, want a nested-variable warning", s)
	}
}

// TestSelectors: a key that tells apart every request sharing a method
// and URL is sent as a constant; a key alone in its group, shared by two
// requests, saved as a variable or as data is a field.
func TestSelectors(t *testing.T) {
	req := func(name, method, raw string, query ...load.Pair) *load.Item {
		it := request(name, method, raw)
		it.Request.URL.Query = query
		return it
	}
	q := func(k, v string) load.Pair { return load.Pair{Key: k, Value: v} }
	tests := []struct {
		name  string
		items []*load.Item
		// want is, per request, the keys that are no fields.
		want [][]string
	}{
		{"actions", []*load.Item{
			req("Validate", "POST", "{{u}}/json{{realm}}/sessions?_action=validate", q("_action", "validate"), q("_prettyPrint", "true")),
			req("Logout", "POST", "{{u}}/json{{realm}}/sessions?_action=logout", q("_action", "logout"), q("_prettyPrint", "true")),
			req("Other realm", "POST", "{{u}}/json{{realm2}}/sessions?_action=refresh", q("_action", "refresh")),
		}, [][]string{{"_action"}, {"_action"}, {"_action"}}},
		{"a request alone", []*load.Item{
			req("Refresh", "POST", "{{u}}/sessions?_action=refresh", q("_action", "refresh")),
			req("Refresh with GET", "GET", "{{u}}/sessions?_action=refresh", q("_action", "logout")),
		}, [][]string{nil, nil}},
		{"same value twice", []*load.Item{
			req("A", "POST", "{{u}}/s", q("_action", "a")),
			req("B", "POST", "{{u}}/s", q("_action", "a")),
			req("C", "POST", "{{u}}/s", q("_action", "c")),
		}, [][]string{nil, nil, nil}},
		{"missing from one", []*load.Item{
			req("A", "POST", "{{u}}/s", q("_action", "a")),
			req("B", "POST", "{{u}}/s"),
		}, [][]string{nil, nil}},
		{"not names", []*load.Item{
			req("A", "GET", "{{u}}/get", q("q", "a b"), q("url", "https://x/?q={a}"), q("Accept", "application/json")),
			req("B", "GET", "{{u}}/get", q("q", "%F0%9F"), q("url", "https://x/?q=b"), q("Accept", "application/vnd.x-v1.1+json")),
		}, [][]string{{"Accept"}, {"Accept"}}},
		{"variable or data", []*load.Item{
			req("A", "GET", "{{u}}/items/:id", q("view", "{{view}}"), q("page", "1")),
			req("B", "GET", "{{u}}/items/:key", q("view", "full"), q("page", "2")),
		}, [][]string{{"view"}, nil}}, // A's view is exactly {{view}}: set with WithView
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := mustBuild(t, &load.Collection{File: "c.json", Items: tt.items})
			for i, op := range api.Root.Ops {
				var got []string
				for _, p := range op.Entries {
					if p.Fixed != model.NotFixed {
						got = append(got, p.Key)
					}
				}
				if !slices.Equal(got, tt.want[i]) {
					t.Errorf("%s: fixed %v, want %v", op.Name, got, tt.want[i])
				}
			}
		})
	}
}

// TestQueryKinds: a key is an int or a bool only when every value the
// collection saves for it is one, written as Go writes it.
func TestQueryKinds(t *testing.T) {
	q := func(k, v string) load.Pair { return load.Pair{Key: k, Value: v} }
	it := func(qs ...load.Pair) *load.Item {
		i := request("r", "GET", "{{u}}/x")
		i.Request.URL.Query = qs
		return i
	}
	kinds := queryKinds([]*load.Item{
		it(q("page", "0"), q("limit", "25"), q("pretty", "true"), q("zip", "007"), q("ref", "1"), q("mixed", "1"), q("off", "-3"), q("templateId", "1"), q("X-API-KEY", "12345")),
		it(q("page", "2"), q("ref", "{{ref}}"), q("mixed", "true"), load.Pair{Key: "limit", Disabled: true}, load.Pair{Key: "empty"}, q("plus", "+1")),
		{IsFolder: true, Items: []*load.Item{it(q("pretty", "false"), q("twice", "1"), q("twice", "2"))}},
	})
	want := map[string]model.ParamKind{"page": model.ParamInt, "limit": model.ParamInt, "pretty": model.ParamBool, "off": model.ParamInt}
	if !maps.Equal(kinds, want) {
		t.Errorf("queryKinds = %v, want %v", kinds, want)
	}
}

// TestParamsListsGiveWay: a parameter named omit keeps the field Omit,
// and the list takes the next free name.
func TestParamsListsGiveWay(t *testing.T) {
	it := request("Get", "GET", "{{u}}/s?omit=a")
	it.Request.URL.Query = []load.Pair{{Key: "omit", Value: "a"}}
	ps := mustBuild(t, &load.Collection{File: "c.json", Items: []*load.Item{it}}).Root.Ops[0].Params
	if ps.Fields[0].Name != "Omit" || ps.Omit == "Omit" || ps.ForceSend != "ForceSend" {
		t.Errorf("field %s, lists %s and %s; want the field Omit and other names for the lists", ps.Fields[0].Name, ps.Omit, ps.ForceSend)
	}
}
