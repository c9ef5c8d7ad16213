package auth

import (
	"testing"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// evidenceCollection uses each variable the way real collections do: a
// project key in a URL path, an API key in a header and a query, a
// password in a basic auth block, an auth server as a host.
func evidenceCollection() *load.Collection {
	req := func(r load.Request) *load.Item { return &load.Item{Name: "r", Request: &r} }
	return &load.Collection{File: "c.json", Items: []*load.Item{
		req(load.Request{Method: "GET", URL: load.URL{Host: []string{"{{authServer}}"}, Path: []string{"projects", "{{PROJECT_KEY}}"}}}),
		req(load.Request{Method: "POST", URL: load.URL{Host: []string{"{{slackWebhookKey}}"}}}),
		req(load.Request{Method: "GET", URL: load.URL{Host: []string{"{{baseUrl}}"}, Path: []string{"items"},
			Query: []load.Pair{{Key: "key", Value: "{{mapsKey}}"}, {Key: "sort", Value: "{{sortKey}}"}}},
			Header: []load.Pair{{Key: "Fastly-Key", Value: "{{fastly_key}}"}, {Key: "Authorization", Value: "Bearer {{session}}"}}}),
		req(load.Request{Method: "GET", URL: load.URL{Host: []string{"{{baseUrl}}"}},
			Auth: &load.Auth{Type: "basic", Params: []load.Pair{{Key: "username", Value: "{{user}}"}, {Key: "password", Value: "{{password}}"}}}}),
	}}
}

// TestSecretEvidence checks that the name, the description and the use
// of a variable are weighed: a key that only fills a URL path or is
// described as an identifier is kept, and a credential stays withheld
// whatever its name when a request sends it as one.
func TestSecretEvidence(t *testing.T) {
	vars := []load.Variable{
		{Key: "PROJECT_KEY", Value: "PRJ"},                                       // URL path: an identifier
		{Key: "issueKey", Value: "ISS-1", Description: "The issue's identifier"}, // described as an identifier
		{Key: "sortKey", Value: "name"},                                          // a plain query parameter
		{Key: "authServer", Value: "https://account-d.example.com"},              // a host
		{Key: "mapsKey", Value: "AIzaSy-0123456789"},                             // query parameter "key"
		{Key: "fastly_key", Value: "f-0123456789"},                               // header Fastly-Key
		{Key: "session", Value: "s-0123456789"},                                  // Authorization header
		{Key: "password", Value: "hunter22"},                                     // basic auth block
		{Key: "client_secret", Value: "cs-0123456789"},                           // unused: the name decides
		{Key: "api_key", Value: "ak-0123456789", Description: "Your project ID"}, // the name outweighs the description
		{Key: "unusedKey", Value: "k-0123456789"},                                // weak name, no evidence: withheld
		{Key: "partner", Value: "p-0123456789", Description: "Your partner API key"},
		{Key: "region", Value: "eu"},
		{Key: "slackWebhookKey", Value: "https://hooks.example.com/services/T0001/B0001/x9KqLmNoPqRsTuVwXyZ"}, // the URL is the secret
		{Key: "authHost", Value: "https://{{env}}.example.com/v2"},                                            // not a URL until resolved: no evidence, withheld
		{Key: "ssoName", Value: "sso-0123456789", Description: "Your auth token"},                             // the description says token
		{Key: "cookieName", Value: "iPlanetDirectoryPro", Description: "Name of the header that carries the session token"},
	}
	want := map[string]bool{
		"PROJECT_KEY": false, "issueKey": false, "sortKey": false, "authServer": false,
		"mapsKey": true, "fastly_key": true, "session": true, "password": true, "client_secret": true,
		"api_key": true, "unusedKey": true, "partner": true, "region": false,
		"slackWebhookKey": true, "authHost": true, "ssoName": true, "cookieName": false,
	}
	w, e := FindSecrets(evidenceCollection(), vars, nil, func(model.Pos, string) {})
	for _, v := range vars {
		if got := e.SecretReason(v) != ""; got != want[v.Key] {
			t.Errorf("%s: secret = %v (%q), want %v", v.Key, got, e.SecretReason(v), want[v.Key])
		}
		if redacted := w.Redact(v.Value) != v.Value; redacted != want[v.Key] {
			t.Errorf("%s: redacted = %v, want %v", v.Key, redacted, want[v.Key])
		}
	}
}

// TestSecretKeep checks that a released variable is neither a secret nor
// redacted, and that releasing one leaves the others withheld.
func TestSecretKeep(t *testing.T) {
	vars := []load.Variable{{Key: "password", Value: "hunter22"}, {Key: "token", Value: "t-0123456789"}}
	w, e := FindSecrets(evidenceCollection(), vars, []string{"password"}, func(model.Pos, string) {})
	if r := e.SecretReason(vars[0]); r != "" || !e.Kept("password") {
		t.Errorf("kept password: reason %q, Kept %v; want released", r, e.Kept("password"))
	}
	if e.SecretReason(vars[1]) == "" {
		t.Error("token released although only password was kept")
	}
	if got := w.Redact("hunter22 t-0123456789"); got != "hunter22 [withheld]" {
		t.Errorf("Redact = %q, want the kept password only", got)
	}
}
