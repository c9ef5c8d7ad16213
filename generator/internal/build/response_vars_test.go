package build

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

func withTest(it *load.Item, lines ...string) *load.Item {
	it.Events = append(it.Events, load.Event{Listen: "test", Exec: lines})
	return it
}

func withExample(it *load.Item, code int, body string) *load.Item {
	it.Responses = append(it.Responses, &load.Response{Name: "ok", Code: code, Body: body,
		Header: []load.Pair{{Key: "Content-Type", Value: "application/json"}}})
	return it
}

// TestResponseVars covers the decisions build makes about the variables
// test scripts set: which setting each feeds, what an unset gives back,
// that the last statement wins, names that stay unique, and which request
// the chain's test sends them on.
func TestResponseVars(t *testing.T) {
	login := withExample(withTest(request("Get", "POST", "{{base}}/login", "Auth"),
		`var d = pm.response.json();`,
		`pm.environment.set("token", d.token);`,
		`pm.environment.set("token", d.access.token);`,
		`pm.environment.unset("region");`,
		`pm.environment.unset("mode");`,
		`pm.variables.set("seen", true);`),
		200, `{"token": "old", "access": {"token": "new"}}`)
	first := withTest(request("Get", "GET", "{{base}}/first/{{token}}", "Items"), `pm.environment.set("other", "x")`)
	before := request("Before", "GET", "{{base}}/before", "Items")
	col := &load.Collection{
		Name: "Chain",
		Variables: []load.Variable{
			{Key: "base", Value: "https://x.example.com"}, {Key: "region", Value: "eu"}, {Key: "mode", Value: "{{region}}-1"},
		},
		Items: []*load.Item{
			{Name: "Items", IsFolder: true, Items: []*load.Item{before, first}},
			{Name: "Auth", IsFolder: true, Items: []*load.Item{login}},
		},
	}
	// Before sends {{mode}}, which is made of {{region}}; first sends the
	// token.
	before.Request.Header = []load.Pair{{Key: "X-Mode", Value: "{{mode}}"}}
	api, diags := Build(col, Options{})
	if api == nil {
		t.Fatal(diags)
	}
	op := findOp(api.Root, "Get")
	var authOp *model.Operation
	for _, svc := range api.Root.Services {
		if svc.Name == "Auth" {
			authOp = svc.Ops[0]
		}
	}
	if authOp == nil || authOp.Vars == nil {
		t.Fatalf("Auth › Get has no variables")
	}
	rv := authOp.Vars
	type row struct {
		Key, Field, Value, Setting string
		Source                     model.VarsSource
		Path                       string
	}
	var got []row
	for _, v := range rv.Vars {
		r := row{Key: v.Key, Field: v.Field, Value: v.Value, Source: v.Source, Path: strings.Join(v.Path, ".")}
		if v.Setting != nil {
			r.Setting = v.Setting.Option
		}
		got = append(got, r)
	}
	want := []row{
		{Key: "token", Field: "Token", Source: model.VarFromJSON, Path: "access.token", Setting: "WithToken"},
		{Key: "region", Value: "eu", Source: model.VarUnset, Setting: "WithRegion"},
		// A default made of other variables is resolved at call time: the
		// unset clears the option so that it is.
		{Key: "mode", Value: "", Source: model.VarUnset, Setting: "WithMode"},
		{Key: "seen", Field: "Seen", Value: "true", Source: model.VarFromLiteral},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("variables (-want +got):\n%s", diff)
	}
	if op == authOp || op.Vars == nil {
		t.Fatalf("Items › Get should have its own variables")
	}
	if rv.TypeName == op.Vars.TypeName || rv.Reader == op.Vars.Reader {
		t.Errorf("two Get methods share %s / %s", rv.TypeName, rv.Reader)
	}
	if !rv.Fails || !rv.HasOptions {
		t.Errorf("Fails, HasOptions = %v, %v; want true, true", rv.Fails, rv.HasOptions)
	}
	if op.Vars.HasOptions {
		t.Errorf("{{other}} feeds no setting, but Items › Get has Options")
	}
	// The chain's test wraps around to the first request after it that
	// sends a value the example gives: Items › Before sends mode, which
	// was unset (no value to check), so Items › Get, which sends the token.
	if rv.Test == nil || rv.Test.Next != op {
		t.Fatalf("chain test = %+v, want one sent on Items › Get", rv.Test)
	}
	if diff := cmp.Diff([]model.KeyValue{{Key: "token", Value: "new"}}, rv.Test.Sent); diff != "" {
		t.Errorf("sent (-want +got):\n%s", diff)
	}
	if !strings.Contains(authOp.Doc, "[ReadAuthGetVariables]") && !strings.Contains(authOp.Doc, "["+rv.Reader+"]") {
		t.Errorf("the method's doc does not point at its reader: %q", authOp.Doc)
	}
}

// TestResponseVarsNotTranslated: each statement the reader does not follow
// is one warning on its request, with the stable code.
func TestResponseVarsNotTranslated(t *testing.T) {
	it := withTest(request("Login", "POST", "https://x.example.com/login"),
		`pm.environment.set("a", compute());`,
		`if (ok) { pm.environment.set("b", 1) }`,
		`pm.environment.set("c", pm.response.json().c);`)
	api, diags := Build(&load.Collection{Name: "C", Items: []*load.Item{it}}, Options{})
	if api == nil {
		t.Fatal(diags)
	}
	var msgs []string
	for _, d := range diags {
		if d.Code == codeSetVarNotTranslated {
			if strings.Join(d.Pos.Path, "/") != "Login" {
				t.Errorf("warning at %v, want the request", d.Pos.Path)
			}
			msgs = append(msgs, d.Message)
		}
	}
	if len(msgs) != 2 || !strings.Contains(msgs[0], "`pm.environment.set(\"a\", compute())`") || !strings.Contains(msgs[1], "if (ok)") {
		t.Errorf("warnings = %q", msgs)
	}
	if op := api.Root.Ops[0]; op.Vars == nil || len(op.Vars.Vars) != 1 || op.Vars.Vars[0].Key != "c" {
		t.Errorf("the translated statement is lost: %+v", op.Vars)
	}
}

// TestResponseVarsSecretLiteral: a script that saves a credential written
// in it does not bring the credential into the generated code.
func TestResponseVarsSecretLiteral(t *testing.T) {
	it := withTest(request("Login", "POST", "https://x.example.com/login"),
		`pm.environment.set("password", "hunter2-secret");`,
		`pm.environment.set("region", "eu");`)
	api, diags := Build(&load.Collection{Name: "C", Items: []*load.Item{it}}, Options{})
	if api == nil {
		t.Fatal(diags)
	}
	for _, d := range diags {
		if strings.Contains(d.Message, "hunter2") {
			t.Errorf("a diagnostic prints the credential: %s", d.Message)
		}
	}
	op := api.Root.Ops[0]
	if strings.Contains(op.Doc, "hunter2") || op.Vars == nil || strings.Contains(op.Vars.ReaderDoc, "hunter2") {
		t.Fatalf("the credential reaches the docs, or the region is lost: %+v", op.Vars)
	}
	for _, v := range op.Vars.Vars {
		if v.Key == "password" || strings.Contains(v.Value, "hunter2") {
			t.Errorf("variable %+v holds the credential", v)
		}
	}
	if !slicesContainsCode(diags, "secret-withheld") {
		t.Errorf("no [secret-withheld] warning: %v", diags)
	}
}

func slicesContainsCode(diags model.Diagnostics, code string) bool {
	for _, d := range diags {
		if d.Code == code {
			return true
		}
	}
	return false
}

// TestResponseVarsSetTwice: a name set again under a condition warns that
// the earlier value is not kept; set again unconditionally, it does not.
func TestResponseVarsSetTwice(t *testing.T) {
	it := withTest(request("Login", "POST", "https://x.example.com/login"),
		`var d = pm.response.json();`,
		`pm.environment.set("a", "first"); pm.environment.set("a", d.a);`,
		`pm.environment.set("b", "first"); if (d.b) pm.environment.set("b", d.b);`)
	_, diags := Build(&load.Collection{Name: "C", Items: []*load.Item{it}}, Options{})
	var got []string
	for _, d := range diags {
		if d.Code == codeSetVarNotTranslated {
			got = append(got, d.Message)
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "{{b}} more than once") {
		t.Errorf("warnings = %q", got)
	}
}
