package build

import (
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/auth"
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// TestSecretsWithheld checks each kind of saved credential: it gets no
// default, a secret-withheld warning names it without printing its value,
// and a description that quotes it loses the value.
func TestSecretsWithheld(t *testing.T) {
	const (
		bearer   = "b3arer-Value-1"
		typed    = "typed-Value-2"
		keyVal   = "key-Value-3"
		credVal  = "cred-Value-4"
		refVal   = "ref-Value-5"
		apiKey   = "apikey-Value-6"
		awsKey   = "aws-Value-7"
		passVal  = "pass-Value-8"
		envToken = "env-Value-9"
	)
	req := request("Get", "GET", "{{base}}/a")
	req.Description = "Signed with " + bearer + " and " + awsKey + "."
	req.Request.Auth = &load.Auth{Type: "bearer", Params: []load.Pair{{Key: "token", Value: bearer}}}
	folder := &load.Item{Name: "F", IsFolder: true, Pos: model.Pos{Path: []string{"F"}}, Items: []*load.Item{req},
		Auth:        &load.Auth{Type: "awsv4", Params: []load.Pair{{Key: "accessKey", Value: "AKIDEXAMPLE"}, {Key: "secretKey", Value: awsKey}, {Key: "region", Value: "eu-west-1"}}},
		Description: "Uses " + passVal + "."}
	other := request("Other", "GET", "{{base}}/b")
	other.Request.Auth = &load.Auth{Type: "apikey", Params: []load.Pair{{Key: "key", Value: "X-Key"}, {Key: "value", Value: apiKey}}}
	col := &load.Collection{File: "c.json", Name: "C", Description: "Key: " + keyVal,
		Auth: &load.Auth{Type: "basic", Params: []load.Pair{{Key: "username", Value: "u"}, {Key: "password", Value: passVal}}},
		Variables: []load.Variable{
			{Key: "base", Value: "https://x.example.com"},
			{Key: "plain", Value: typed, Type: "secret"},
			{Key: "subscriptionKey", Value: keyVal},
			{Key: "myCredentials", Value: credVal},
			{Key: "signer", Value: refVal},
			{Key: "session_token", Value: "placeholder"},
		},
		Items: []*load.Item{folder, other},
	}
	other.Request.Auth.Params = append(other.Request.Auth.Params, load.Pair{Key: "token", Value: "{{signer}}"})
	api, diags := Build(col, Options{Environment: []load.Variable{{Key: "token", Value: envToken}}})
	if api == nil {
		t.Fatalf("Build failed: %v", diags)
	}
	for _, s := range api.Settings {
		switch s.Key {
		case "plain", "subscriptionKey", "myCredentials", "signer", "session_token", "token":
			if s.HasDefault || !s.Secret || s.TestValue != "test-"+s.Key {
				t.Errorf("setting %q: HasDefault=%v Secret=%v TestValue=%q, want a secret without default", s.Key, s.HasDefault, s.Secret, s.TestValue)
			}
		}
	}
	var warnings []string
	for _, d := range diags {
		if d.Code == auth.CodeSecretWithheld {
			warnings = append(warnings, d.String())
		}
	}
	all := strings.Join(warnings, "\n")
	for _, v := range []string{bearer, typed, keyVal, credVal, refVal, apiKey, awsKey, passVal, envToken} {
		if strings.Contains(all, v) {
			t.Errorf("a warning prints %q:\n%s", v, all)
		}
	}
	for _, want := range []string{`variable "plain"`, `variable "subscriptionKey"`, `variable "myCredentials"`, `variable "signer"`,
		`variable "session_token"`, `variable "token"`, `basic auth set on the collection saves "password"`,
		`awsv4 auth set on the folder "F" saves "secretKey"`, `bearer auth set on the request saves "token"`, `apikey auth set on the request saves "value"`} {
		if !strings.Contains(all, want) {
			t.Errorf("no secret-withheld warning says %s:\n%s", want, all)
		}
	}
	if strings.Contains(all, `"accessKey"`) || strings.Contains(all, `"username"`) {
		t.Errorf("a warning calls a non-secret parameter a credential:\n%s", all)
	}
	op := api.Root.Services[0].Ops[0]
	for _, doc := range []string{api.Doc, api.Markdown, api.Root.Services[0].Doc, op.Doc, op.Summary} {
		for _, v := range []string{bearer, awsKey, keyVal, passVal} {
			if strings.Contains(doc, v) {
				t.Errorf("a doc keeps %q: %q", v, doc)
			}
		}
	}
	if !strings.Contains(op.Summary, "[withheld]") {
		t.Errorf("summary %q: want the credentials replaced by [withheld]", op.Summary)
	}
}
