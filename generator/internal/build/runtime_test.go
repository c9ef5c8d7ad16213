package build

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/templates"
)

// TestInterfaceNames: every service's interface is named in the package
// scope, the root's first, so that folders called "Client" or named like
// the runtime's identifiers yield.
func TestInterfaceNames(t *testing.T) {
	col := &load.Collection{File: "c.json", Items: []*load.Item{
		{Name: "Client", IsFolder: true, Items: []*load.Item{request("Get", "GET", "{{u}}/a")}},
		{Name: "Retry Policy", IsFolder: true, Items: []*load.Item{request("Get", "GET", "{{u}}/a")}},
		{Name: "Users", IsFolder: true, Items: []*load.Item{
			request("Get user", "GET", "{{u}}/c"),
			{Name: "Admin", IsFolder: true, Items: []*load.Item{request("Get", "GET", "{{u}}/a")}},
		}},
		request("Ping", "GET", "{{u}}/d"),
	}}
	api := mustBuild(t, col)
	got := []string{api.Root.Interface}
	for _, s := range api.Root.Services {
		got = append(got, s.TypeName, s.Interface)
	}
	users := api.Root.Services[2]
	got = append(got, users.Services[0].TypeName, users.Services[0].Interface)
	want := []string{"ClientAPI", "ClientService", "ClientAPI2", "RetryPolicyService", "RetryPolicyAPI",
		"UsersService", "UsersAPI", "UsersAdminService", "UsersAdminAPI"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
	// Without requests at the root there is no ClientAPI to reserve.
	api = mustBuild(t, &load.Collection{File: "c.json", Items: col.Items[:1]})
	if api.Root.Interface != "" || api.Root.Services[0].Interface != "ClientAPI" {
		t.Errorf("root %q, folder %q; want none and ClientAPI", api.Root.Interface, api.Root.Services[0].Interface)
	}
}

// TestUserAgent: "pmgen (<name>/<version>)", with what cannot stand in a
// header value taken out.
func TestUserAgent(t *testing.T) {
	for _, tc := range []struct{ name, version, want string }{
		{"ForgeRock AM", "", "pmgen (ForgeRock AM)"},
		{"Pets", "1.2.0", "pmgen (Pets/1.2.0)"},
		{"Evil\r\nX-Injected: 1", "1\n2", "pmgen (Evil X-Injected: 1/1 2)"},
		{"", "", "pmgen (unnamed)"},
		{"Café  \t API", "", "pmgen (Café API)"},
	} {
		if got := userAgent(&load.Collection{Name: tc.name, Version: tc.version}); got != tc.want {
			t.Errorf("userAgent(%q, %q) = %q, want %q", tc.name, tc.version, got, tc.want)
		}
	}
}

// TestEmptyResultOK: an empty 2xx body is an accepted answer only when the
// collection shows one.
func TestEmptyResultOK(t *testing.T) {
	for _, tc := range []struct {
		name      string
		responses []*load.Response
		want      bool
	}{
		{"typed only", []*load.Response{{Code: 200, Body: `{"a":1}`}}, false},
		{"typed and empty", []*load.Response{{Code: 200, Body: `{"a":1}`}, {Code: 202, Body: ""}}, true},
		{"empty without a status", []*load.Response{{Code: 200, Body: `{"a":1}`}, {Body: ""}}, true},
		{"empty error", []*load.Response{{Code: 200, Body: `{"a":1}`}, {Code: 404, Body: ""}}, false},
	} {
		it := request("r", "GET", "{{u}}/x")
		it.Responses = tc.responses
		op := mustBuild(t, &load.Collection{File: "c.json", Items: []*load.Item{it}}).Root.Ops[0]
		if op.EmptyResultOK != tc.want {
			t.Errorf("%s: EmptyResultOK = %v, want %v", tc.name, op.EmptyResultOK, tc.want)
		}
	}
}

// TestDynamicVariablesHaveRuntimeFuncs keeps model.DynamicVariables and
// the runtime's dynamic.go in step: every variable build accepts names a
// function the runtime declares.
func TestDynamicVariablesHaveRuntimeFuncs(t *testing.T) {
	declared := map[string]bool{}
	for _, n := range templates.RuntimeNames() {
		declared[n] = true
	}
	for _, v := range model.DynamicVariables() {
		if f := dynamicFunc(v); !declared[f] {
			t.Errorf("{{$%s}}: the runtime declares no %s", v, f)
		}
	}
}
