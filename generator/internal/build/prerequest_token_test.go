package build

import (
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// tokenFetchScript fetches a client credentials token into {{tok}} and
// has a part, for requests whose own auth is OAuth 1, that pmgen does
// not read.
var tokenFetchScript = prerequest(
	`const env = pm.environment.toObject();`,
	`if (!env.tok) {`,
	`  pm.sendRequest({url: 'https://auth.example.com/token', method: 'POST',`,
	`    auth: {type: 'basic', basic: {username: env.cid, password: env.csecret}},`,
	`    body: {mode: 'urlencoded', urlencoded: 'grant_type=client_credentials&scope=read'}},`,
	`    (err, res) => { pm.environment.set('tok', res.json().access_token) });`,
	`}`,
	`const sign = () => { const sdk = require('postman-collection'); }`,
	`if (typeof pm.request.auth !== 'undefined' && pm.request.auth.type === 'oauth1') { sign(); }`,
)

func tokenFetchCollection(extra ...*load.Item) *load.Collection {
	bearer := func(v string) *load.Auth { return authOf("bearer", "token", "{{"+v+"}}") }
	folder := &load.Item{Name: "F", IsFolder: true, Pos: model.Pos{Path: []string{"F"}}, Auth: bearer("tok"),
		Items: []*load.Item{request("InFolder", "GET", "https://api.example.com/a", "F")}}
	items := []*load.Item{folder,
		withRequestAuth(request("Own", "GET", "https://api.example.com/b"), bearer("tok")),
		withRequestAuth(request("Other", "GET", "https://api.example.com/c"), bearer("other")),
		request("Inherits", "GET", "https://api.example.com/d"),
	}
	return &load.Collection{File: "c.json", Name: "C", Events: tokenFetchScript,
		Auth:      authOf("oauth1", "consumerKey", "{{cid}}", "consumerSecret", "{{csecret}}"),
		Items:     append(items, extra...),
		Variables: []load.Variable{{Key: "cid", Value: "client-1"}, {Key: "csecret", Value: "s3cr3t-value-0123"}, {Key: "tok", Value: ""}}}
}

// TestPreRequestTokenFetch: the bearer auth whose token the script
// fetches becomes the client credentials grant, on the folder and on the
// request alike; a bearer token the script does not fetch, and the
// inherited OAuth 1, stay; the script's OAuth 1 part runs for no request
// (none sets OAuth 1 itself), so nothing warns; the collection given to
// Build is not changed.
func TestPreRequestTokenFetch(t *testing.T) {
	col := tokenFetchCollection()
	api, diags := Build(col, Options{})
	if api == nil {
		t.Fatal(diags)
	}
	for _, d := range diags {
		if d.Code == codeScriptNotTranslated {
			t.Errorf("warning: %s", d.Message)
		}
	}
	for _, name := range []string{"InFolder", "Own"} {
		a := findOp(api.Root, name).Auth
		if a == nil || a.Scheme != model.AuthOAuth2 || a.Grant == nil {
			t.Fatalf("%s: auth %+v, want the client credentials grant", name, a)
		}
		g := a.Grant
		if g.Type != model.GrantClientCredentials || templateText(g.TokenURL) != "https://auth.example.com/token" ||
			templateText(g.Scope) != "read" || g.ClientInBody || templateText(a.Prefix) != "Bearer" || a.InQuery {
			t.Errorf("%s: grant %+v, prefix %q", name, g, templateText(a.Prefix))
		}
	}
	if a := findOp(api.Root, "Other").Auth; a == nil || a.Scheme != model.AuthBearer {
		t.Errorf("Other: auth %+v, want the bearer token it names", a)
	}
	if a := findOp(api.Root, "Inherits").Auth; a == nil || a.Scheme != model.AuthOAuth1 {
		t.Errorf("Inherits: auth %+v, want OAuth 1", a)
	}
	var names []string
	for _, o := range api.Auth.Options {
		names = append(names, o.Name)
	}
	if got := strings.Join(names, " "); !strings.Contains(got, "WithOAuth2ClientCredentials") || !strings.Contains(got, "WithOAuth2TokenURL") {
		t.Errorf("options %s", got)
	}
	if col.Items[0].Auth.Type != "bearer" || col.Items[1].Request.Auth.Type != "bearer" {
		t.Error("Build changed the collection it was given")
	}
}

// TestPreRequestTokenFetchOAuth1Request: once a request in the script's
// scope sets OAuth 1 itself, the part for it runs, is not read, and the
// script is not translated: it warns naming that part's statement, and no
// token is fetched.
func TestPreRequestTokenFetchOAuth1Request(t *testing.T) {
	signed := withRequestAuth(request("Signed", "GET", "https://api.example.com/e"), authOf("oauth1", "consumerKey", "{{cid}}"))
	api, diags := Build(tokenFetchCollection(signed), Options{})
	if api == nil {
		t.Fatal(diags)
	}
	var warns []string
	for _, d := range diags {
		if d.Code == codeScriptNotTranslated {
			warns = append(warns, d.Message)
		}
	}
	if len(warns) != 1 || !strings.Contains(warns[0], "“const sdk = require('postman-collection')”") {
		t.Errorf("warnings %q, want one naming the OAuth 1 part's statement", warns)
	}
	for _, name := range []string{"InFolder", "Own"} {
		if a := findOp(api.Root, name).Auth; a == nil || a.Scheme != model.AuthBearer {
			t.Errorf("%s: auth %+v, want the bearer token as saved", name, a)
		}
	}
}
