package pmtest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParseSetVars covers the forms of setting a variable that collections
// use, most as real collections write them.
func TestParseSetVars(t *testing.T) {
	tests := []struct {
		name    string
		script  string
		want    []VarSet
		refused []string // the reasons, in order
	}{{
		"json member", `var data = pm.response.json(); pm.environment.set("token", data.tokenId);`,
		[]VarSet{{Key: "token", Source: VarJSON, Path: []string{"tokenId"}, Statement: `pm.environment.set("token", data.tokenId)`}}, nil,
	}, {
		"legacy indexed path", "var json = JSON.parse(responseBody);\npostman.setEnvironmentVariable(\"EventId\", json.value[0].id);",
		[]VarSet{{Key: "EventId", Source: VarJSON, Path: []string{"value", "0", "id"}, Statement: `postman.setEnvironmentVariable("EventId", json.value[0].id)`}}, nil,
	}, {
		"bracketed key, direct body", `pm.collectionVariables.set('etag', pm.response.json()["@odata.etag"])`,
		[]VarSet{{Key: "etag", Source: VarJSON, Path: []string{"@odata.etag"}, Statement: `pm.collectionVariables.set('etag', pm.response.json()["@odata.etag"])`}}, nil,
	}, {
		"literals and unset", `pm.variables.set("n", 42); postman.setEnvironmentVariable("ApplicationId", ""); pm.environment.unset('old')`,
		[]VarSet{
			{Key: "n", Source: VarLiteral, Value: "42", Statement: `pm.variables.set("n", 42)`},
			{Key: "ApplicationId", Source: VarLiteral, Value: "", Statement: `postman.setEnvironmentVariable("ApplicationId", "")`},
			{Key: "old", Source: VarUnset, Statement: `pm.environment.unset('old')`},
		}, nil,
	}, {
		"other variables", `pm.environment.set("a", pm.environment.get("b")); postman.setEnvironmentVariable("c", environment["d"]); pm.collectionVariables.set("e", globals.f)`,
		[]VarSet{
			{Key: "a", Source: VarVariable, Value: "b", Statement: `pm.environment.set("a", pm.environment.get("b"))`},
			{Key: "c", Source: VarVariable, Value: "d", Statement: `postman.setEnvironmentVariable("c", environment["d"])`},
			{Key: "e", Source: VarVariable, Value: "f", Statement: `pm.collectionVariables.set("e", globals.f)`},
		}, nil,
	}, {
		"response headers", `pm.environment.set("loc", pm.response.headers.get("Location")); if (postman.getResponseHeader("ETag")) postman.setEnvironmentVariable("etag", postman.getResponseHeader("etag"))`,
		[]VarSet{
			{Key: "loc", Source: VarHeader, Value: "Location", Statement: `pm.environment.set("loc", pm.response.headers.get("Location"))`},
			{Key: "etag", Source: VarHeader, Value: "etag", Guarded: true, Statement: `if (postman.getResponseHeader("ETag")) postman.setEnvironmentVariable("etag", postman.getResponseHeader("etag"))`},
		}, nil,
	}, {
		"guarded", "var jsonData = JSON.parse(responseBody);\nif (jsonData.access_token) postman.setEnvironmentVariable(\"token\", jsonData.access_token);\nif (responseBody) { postman.setEnvironmentVariable(\"guid\", responseBody) }",
		[]VarSet{
			{Key: "token", Source: VarJSON, Path: []string{"access_token"}, Guarded: true, Statement: `if (jsonData.access_token) postman.setEnvironmentVariable("token", jsonData.access_token)`},
			{Key: "guid", Source: VarBody, Guarded: true, Statement: `if (responseBody) { postman.setEnvironmentVariable("guid", responseBody) }`},
		}, nil,
	}, {
		"inside pm.test", `pm.test("saves the id", function () { const body = pm.response.json(); pm.expect(body.id).to.be.a("string"); pm.globals.set("id", body.id); });`,
		[]VarSet{{Key: "id", Source: VarJSON, Path: []string{"id"}, Statement: `pm.globals.set("id", body.id)`}}, nil,
	}, {
		"not translated",
		"if (def && def.base_uri) pm.environment.set('base_uri', def.base_uri);\npm.environment.set('jwt', sign(key));\npm.environment.set(name, 1);\nvar x = pm.response.json(); if (x.ok) pm.environment.set('id', x.id);\nfor (;;) { pm.variables.set('a', 1) }",
		nil, []string{"sets a value the script computes (def.base_uri)", "sets a value the script computes (sign())", "names the variable with an expression", "runs under a condition other than its value", "runs inside other script code (for)"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, refused := ParseSetVars(tt.script)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("sets (-want +got):\n%s", diff)
			}
			var reasons []string
			for _, r := range refused {
				reasons = append(reasons, r.Reason)
			}
			if diff := cmp.Diff(tt.refused, reasons); diff != "" {
				t.Errorf("not translated (-want +got):\n%s", diff)
			}
		})
	}
}

// TestVarValue: the text and truth of a saved value, as the generated
// reader finds them.
func TestVarValue(t *testing.T) {
	body := `{"s": "x", "e": "", "n": 1.50, "z": -0.0e5, "b": false, "o": {"a": [1]}, "nil": null, "list": [{"id": "7"}]}`
	for _, tc := range []struct {
		path                   []string
		text                   string
		found, truthy, scalars bool
	}{
		{[]string{"s"}, "x", true, true, true},
		{[]string{"e"}, "", true, false, true},
		{[]string{"n"}, "1.50", true, true, true},
		{[]string{"z"}, "-0.0e5", true, false, true},
		{[]string{"b"}, "false", true, false, true},
		{[]string{"o"}, `{"a":[1]}`, true, true, false},
		{[]string{"nil"}, "", false, false, false},
		{[]string{"list", "0", "id"}, "7", true, true, true},
		{[]string{"list", "1", "id"}, "", false, false, false},
	} {
		text, found, truthy, scalar := VarValue(body, tc.path)
		if text != tc.text || found != tc.found || truthy != tc.truthy || scalar != tc.scalars {
			t.Errorf("VarValue(%q) = %q, %v, %v, %v; want %q, %v, %v, %v", tc.path, text, found, truthy, scalar, tc.text, tc.found, tc.truthy, tc.scalars)
		}
	}
}

// TestParseSetVarsBranches: setters under ifs that test the response, and
// inside try, carry their conditions; other conditions are refused.
func TestParseSetVarsBranches(t *testing.T) {
	script := `try {
    if (responseBody.indexOf("TokenExpired") !== -1) {
        console.log("log in again");
    } else if (pm.response.status === "Forbidden") {
        console.log("no permission");
    } else {
        var json = JSON.parse(responseBody);
        postman.setEnvironmentVariable("UserId", json.items[0].id);
    }
} catch (e) {
    console.log(e);
    pm.environment.unset("UserId");
}
if (pm.response.code !== 201) pm.environment.set("state", "retry"); else { pm.environment.set("state", "done") }
if (!responseBody.includes('ok') && x) { pm.environment.set("y", 1) }`
	got, refused := ParseSetVars(script)
	want := []VarSet{{
		Key: "UserId", Source: VarJSON, Path: []string{"items", "0", "id"}, Lenient: true,
		Conds: []Cond{
			{Kind: CondBodyContains, Value: "TokenExpired", Not: true},
			{Kind: CondStatusText, Value: "Forbidden", Not: true},
		},
		Statement: `postman.setEnvironmentVariable("UserId", json.items[0].id)`,
	}, {
		Key: "state", Source: VarLiteral, Value: "retry",
		Conds:     []Cond{{Kind: CondStatusCode, Value: "201", Not: true}},
		Statement: `pm.environment.set("state", "retry")`,
	}, {
		Key: "state", Source: VarLiteral, Value: "done",
		Conds:     []Cond{{Kind: CondStatusCode, Value: "201"}},
		Statement: `pm.environment.set("state", "done")`,
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sets (-want +got):\n%s", diff)
	}
	var reasons []string
	for _, r := range refused {
		reasons = append(reasons, r.Reason)
	}
	wantReasons := []string{"runs in a catch or finally block", "runs under a condition other than its value"}
	if diff := cmp.Diff(wantReasons, reasons); diff != "" {
		t.Errorf("not translated (-want +got):\n%s", diff)
	}
}

// TestSetterInTestBlock: a pm.test block that saves a value as well as
// checking one keeps its check.
func TestSetterInTestBlock(t *testing.T) {
	blocks := ParseScript(`pm.test("saves the token", function () {
    pm.expect(pm.response.code).to.eql(200);
    pm.environment.set("token", pm.response.json().token);
});`)
	if len(blocks) != 1 || blocks[0].Refused != "" || len(blocks[0].Asserts) != 1 {
		t.Fatalf("blocks = %+v", blocks)
	}
	sets, _ := ParseSetVars(blocks[0].Script)
	if len(sets) != 1 || sets[0].Key != "token" {
		t.Errorf("sets = %+v", sets)
	}
}
