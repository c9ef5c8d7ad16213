package pmtest

import (
	"reflect"
	"strings"
	"testing"
)

// tokenScript is the shape of a script that fetches a client credentials
// token: the variables read through an object, the fetch in a function
// guarded by the credentials being set and the token being empty, and a
// part for requests whose own auth is OAuth 1 that pmgen does not read.
const tokenScript = `/* Fetch a bearer token. */
const vars = pm.environment.toObject({ excludeDisabled: true });

const fetchToken = () => {
    pm.sendRequest({
        url: 'https://auth.example.com/oauth2/token',
        method: 'POST',
        auth: { type: 'basic', basic: { username: vars.client_key, password: vars.client_secret } },
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: { mode: 'urlencoded', urlencoded: 'grant_type=client_credentials' }
    }, (err, res) => {
        if (err) {
            console.error('token:', err);
        } else {
            const {access_token} = res.json();
            vars.api_token = access_token;
            pm.environment.set('api_token', access_token);
        }
    });
}

const prepare = () => {
    for (const key of ['client_key', 'client_secret']) {
        if (typeof vars[key] === 'undefined' || !vars[key]) {
            console.error('missing', key);
            return;
        }
    }
    if (typeof vars.api_token === 'undefined' || vars.api_token === '' || vars.api_token === null) {
        fetchToken();
    }
}

prepare();

const sign = () => {
    const sdk = require('postman-collection');
    pm.request.headers.add({key: 'Authorization', value: 'x'});
}

if (typeof pm.request.auth !== 'undefined' && pm.request.auth.type === 'oauth1') {
    sign();
}
`

func TestParsePreRequestTokenFetch(t *testing.T) {
	got := ParsePreRequest(tokenScript)
	if !got.Translated() {
		t.Fatalf("not translated: %q (%s)", got.Unread, got.Kind)
	}
	if got.Fetch == nil {
		t.Fatal("no token fetch")
	}
	f := *got.Fetch
	if !strings.HasPrefix(f.Source, "pm.sendRequest({") {
		t.Errorf("source %q", f.Source)
	}
	f.Source = ""
	want := TokenFetch{URL: "https://auth.example.com/oauth2/token", ClientID: "{{client_key}}", ClientSecret: "{{client_secret}}",
		Variable: "api_token", VarScope: ScopeEnvironment}
	if f != want {
		t.Errorf("fetch\n got %+v\nwant %+v", f, want)
	}
	wantBr := []AuthBranch{{Type: "oauth1", Unread: "const sdk = require('postman-collection')", Kind: "declaration",
		Would: "send a request of its own (pm.sendRequest), load a library, edit the request and set {{api_token}}"}}
	if !reflect.DeepEqual(got.Branches, wantBr) {
		t.Errorf("branches\n got %+v\nwant %+v", got.Branches, wantBr)
	}
	if len(got.Edits) != 0 {
		t.Errorf("edits %+v", got.Edits)
	}
}

func TestParsePreRequestTokenFetchForms(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      TokenFetch
	}{
		{"credentials in the form, token read from the body", `pm.sendRequest({
			url: "https://id.example.com/token", method: "POST",
			header: [{key: "Accept", value: "application/json"}],
			body: {mode: "urlencoded", urlencoded: [
				{key: "grant_type", value: "client_credentials"},
				{key: "client_id", value: pm.environment.get("cid")},
				{key: "client_secret", value: "{{csecret}}"},
				{key: "scope", value: "read write"}]}
		}, function (err, response) {
			const json = response.json();
			pm.collectionVariables.set("tok", json.access_token);
		});`,
			TokenFetch{URL: "https://id.example.com/token", ClientID: "{{cid}}", ClientSecret: "{{csecret}}", ClientInBody: true,
				Scope: "read write", Variable: "tok", VarScope: ScopeCollection}},
		{"not err, token from res.json()", `pm.sendRequest({url: 'https://t.example.com/t', method: 'post',
			auth: {type: 'basic', basic: [{key: 'username', value: pm.variables.get('u')}, {key: 'password', value: pm.variables.get('p')}]},
			body: {mode: 'urlencoded', urlencoded: 'grant_type=client_credentials&scope=all'}},
			(e, r) => { if (!e) { pm.variables.set('t', r.json().access_token) } })`,
			TokenFetch{URL: "https://t.example.com/t", ClientID: "{{u}}", ClientSecret: "{{p}}", Scope: "all", Variable: "t", VarScope: ScopeLocal}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ParsePreRequest(tc.src)
			if !got.Translated() || got.Fetch == nil {
				t.Fatalf("not translated: %q (%s)", got.Unread, got.Kind)
			}
			f := *got.Fetch
			f.Source = ""
			if f != tc.want {
				t.Errorf("fetch\n got %+v\nwant %+v", f, tc.want)
			}
		})
	}
}

// TestParsePreRequestTokenFetchRefused changes one thing at a time in
// the shape: each is named as the statement not understood.
func TestParsePreRequestTokenFetchRefused(t *testing.T) {
	for _, tc := range []struct {
		name, old, new, unread string
	}{
		{"password grant", "grant_type=client_credentials", "grant_type=password", "pm.sendRequest({"},
		{"another header", "'Content-Type': 'application/x-www-form-urlencoded'", "'X-Trace': '1'", "pm.sendRequest({"},
		{"secret written in", "password: vars.client_secret", "password: 'hunter2'", "pm.sendRequest({"},
		{"URL from a variable", "'https://auth.example.com/oauth2/token'", "vars.token_url", "pm.sendRequest({"},
		{"GET", "method: 'POST'", "method: 'GET'", "pm.sendRequest({"},
		{"token kept elsewhere", "pm.environment.set('api_token', access_token);", "pm.environment.set('api_token', access_token); pm.environment.set('other', access_token);", "pm.sendRequest({"},
		{"guard on another variable", "vars.api_token === null", "vars.other === null", "if (typeof vars.api_token"},
		{"guard on other credentials", "['client_key', 'client_secret']", "['client_key', 'region']", "pm.sendRequest({"},
		{"an edit under the guard", "        fetchToken();\n", "        fetchToken();\n        pm.environment.set('x', 'y');\n", "if (typeof vars.api_token"},
		{"an edit after the credentials' guard", "    if (typeof vars.api_token === 'undefined'", "    pm.environment.set('x', 'y');\n    if (typeof vars.api_token === 'undefined'", "for (const key of"},
		{"an else", "        fetchToken();\n    }", "        fetchToken();\n    } else { console.log('kept') }", "if (typeof vars.api_token"},
		{"called twice", "prepare();\n", "prepare();\nfetchToken();\n", "pm.sendRequest({"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(tokenScript, tc.old) {
				t.Fatalf("the script has no %q", tc.old)
			}
			got := ParsePreRequest(strings.Replace(tokenScript, tc.old, tc.new, 1))
			if got.Translated() {
				t.Fatalf("translated: %+v", got.Fetch)
			}
			if got.Fetch != nil || got.Edits != nil {
				t.Errorf("kept fetch %v, edits %v", got.Fetch, got.Edits)
			}
			if !strings.HasPrefix(got.Unread, tc.unread) {
				t.Errorf("unread %q, want it to start %q", got.Unread, tc.unread)
			}
		})
	}
}

// TestParsePreRequestAuthBranch reads the edits of a part that runs for
// one auth type only, apart from the rest.
func TestParsePreRequestAuthBranch(t *testing.T) {
	got := ParsePreRequest(`pm.request.headers.add({key: 'A', value: '1'});
if (pm.request.auth && pm.request.auth.type === 'apikey') { pm.request.headers.add({key: 'B', value: '2'}) }`)
	if !got.Translated() || len(got.Edits) != 1 || got.Edits[0].Key != "A" {
		t.Fatalf("got %+v", got)
	}
	if len(got.Branches) != 1 || got.Branches[0].Type != "apikey" || len(got.Branches[0].Edits) != 1 || got.Branches[0].Edits[0].Key != "B" || got.Branches[0].Unread != "" {
		t.Errorf("branches %+v", got.Branches)
	}
}
