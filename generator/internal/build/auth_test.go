package build

import (
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/auth"
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

func authOf(typ string, params ...string) *load.Auth {
	a := &load.Auth{Type: typ}
	for i := 0; i+1 < len(params); i += 2 {
		a.Params = append(a.Params, load.Pair{Key: params[i], Value: params[i+1]})
	}
	return a
}

// findOp returns the operation named name anywhere in svc.
func findOp(svc *model.Service, name string) *model.Operation {
	for _, op := range svc.Ops {
		if op.Name == name {
			return op
		}
	}
	for _, sub := range svc.Services {
		if op := findOp(sub, name); op != nil {
			return op
		}
	}
	return nil
}

func TestAuthInheritance(t *testing.T) {
	withAuth := func(it *load.Item, a *load.Auth) *load.Item {
		if it.IsFolder {
			it.Auth = a
		} else {
			it.Request.Auth = a
		}
		return it
	}
	folder := func(name string, a *load.Auth, items ...*load.Item) *load.Item {
		return withAuth(&load.Item{Name: name, IsFolder: true, Pos: model.Pos{Path: []string{name}}, Items: items}, a)
	}
	tests := []struct {
		name       string
		collection *load.Auth
		items      []*load.Item
		// want maps a request name to its scheme (0: none) and From.
		want map[string]model.AuthScheme
		from map[string]string
	}{{
		name:       "collection auth reaches every request",
		collection: authOf("basic", "username", "{{u}}"),
		items:      []*load.Item{request("A", "GET", "https://x.example.com/a"), folder("F", nil, request("B", "GET", "https://x.example.com/b", "F"))},
		want:       map[string]model.AuthScheme{"A": model.AuthBasic, "B": model.AuthBasic},
		from:       map[string]string{"B": "the collection"},
	}, {
		name:       "a folder overrides, its requests inherit, siblings keep the collection's",
		collection: authOf("oauth2"),
		items: []*load.Item{
			folder("Bearer", authOf("bearer", "token", "t"), request("B", "GET", "https://x.example.com/b", "Bearer")),
			request("A", "GET", "https://x.example.com/a"),
		},
		want: map[string]model.AuthScheme{"A": model.AuthOAuth2, "B": model.AuthBearer},
		from: map[string]string{"B": `the folder "Bearer"`},
	}, {
		name:       "noauth switches it off below, inherit defers up",
		collection: authOf("bearer"),
		items: []*load.Item{
			folder("Open", authOf("noauth"),
				request("N", "GET", "https://x.example.com/n", "Open"),
				withAuth(request("R", "GET", "https://x.example.com/r", "Open"), authOf("apikey", "key", "X-Key", "in", "header"))),
			withAuth(request("I", "GET", "https://x.example.com/i"), authOf("inherit")),
			withAuth(request("O", "GET", "https://x.example.com/o"), authOf("noauth")),
			folder("Inherit", authOf("inherit"), request("J", "GET", "https://x.example.com/j", "Inherit")),
		},
		want: map[string]model.AuthScheme{"N": 0, "R": model.AuthAPIKey, "I": model.AuthBearer, "O": 0, "J": model.AuthBearer},
		from: map[string]string{"R": "the request", "J": "the collection"},
	}, {
		name:  "no auth anywhere",
		items: []*load.Item{request("A", "GET", "https://x.example.com/a")},
		want:  map[string]model.AuthScheme{"A": 0},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := mustBuild(t, &load.Collection{File: "c.json", Name: "C", Auth: tt.collection, Items: tt.items})
			for name, want := range tt.want {
				op := findOp(api.Root, name)
				if op == nil {
					t.Fatalf("no operation %q", name)
				}
				var got model.AuthScheme
				if op.Auth != nil {
					got = op.Auth.Scheme
				}
				if got != want {
					t.Errorf("%s: scheme %d, want %d", name, got, want)
				}
				if from, ok := tt.from[name]; ok && (op.Auth == nil || op.Auth.From != from) {
					t.Errorf("%s: from %+v, want %q", name, op.Auth, from)
				}
			}
			if (api.Auth == nil) != (len(tt.from) == 0 && tt.collection == nil) {
				t.Errorf("API auth set = %+v", api.Auth)
			}
		})
	}
}

func TestAuthSettingsDecided(t *testing.T) {
	col := &load.Collection{File: "c.json", Name: "C", Items: []*load.Item{
		withRequestAuth(request("Key", "GET", "https://x.example.com/a"), authOf("apikey", "key", "api_key", "in", "query", "value", "SECRET")),
		withRequestAuth(request("Default Key", "GET", "https://x.example.com/a"), authOf("apikey", "value", "SECRET")),
		withRequestAuth(request("Token", "GET", "https://x.example.com/a"), authOf("oauth2", "accessToken", "SECRET", "addTokenTo", "queryParams")),
		withRequestAuth(request("Prefixed", "GET", "https://x.example.com/a"), authOf("oauth2", "headerPrefix", "MAC")),
		withRequestAuth(request("AWS", "GET", "https://x.example.com/a"), authOf("awsv4", "region", "{{region}}", "secretKey", "SECRET")),
		withRequestAuth(request("AWS Defaults", "GET", "https://x.example.com/a"), authOf("awsv4")),
		withRequestAuth(request("OAuth1", "GET", "https://x.example.com/a"), authOf("oauth1", "signatureMethod", "hmac-sha256", "addParamsToHeader", "false")),
		withRequestAuth(request("OAuth1 Header", "GET", "https://x.example.com/a"), authOf("oauth1", "addParamsToHeader", "true")),
		withRequestAuth(request("OAuth1 Unsaid", "GET", "https://x.example.com/a"), authOf("oauth1")),
		withRequestAuth(request("Hawk", "GET", "https://x.example.com/a"), authOf("hawk", "extraData", "e", "includePayloadHash", "true")),
		withRequestAuth(request("EdgeGrid", "GET", "https://x.example.com/a"), authOf("edgegrid", "headersToSign", " X-A , X-B", "maxBodySize", "70")),
	}}
	api := mustBuild(t, col)
	get := func(name string) *model.Auth { return findOp(api.Root, name).Auth }
	lit := func(tm model.Template) string { return tm.String() }
	checks := []struct{ what, got, want string }{
		{"apikey name", lit(get("Key").Name), "api_key"},
		{"apikey in query", boolText(get("Key").InQuery), "true"},
		{"apikey default name", lit(get("Default Key").Name), "X-API-Key"},
		{"oauth2 query", boolText(get("Token").InQuery), "true"},
		{"oauth2 default prefix", lit(get("Token").Prefix), "Bearer"},
		{"oauth2 prefix", lit(get("Prefixed").Prefix), "MAC"},
		{"aws region from variable", lit(get("AWS").Region), "{{region}}"},
		{"aws default region", lit(get("AWS Defaults").Region), "us-east-1"},
		{"aws default service", lit(get("AWS Defaults").Service), "execute-api"},
		{"oauth1 method", get("OAuth1").Method, "HMAC-SHA256"},
		{"oauth1 query placement", boolText(get("OAuth1").Placement == model.OAuth1Query), "true"},
		{"oauth1 default version", get("OAuth1").Version, "1.0"},
		{"oauth1 header placement", boolText(get("OAuth1 Header").Placement == model.OAuth1Header), "true"},
		// Postman's runtime reads a missing addParamsToHeader as false.
		{"oauth1 placement unsaid", boolText(get("OAuth1 Unsaid").Placement == model.OAuth1Query), "true"},
		{"hawk algorithm", get("Hawk").Method, "sha256"},
		{"hawk ext", lit(get("Hawk").Ext), "e"},
		{"hawk payload hash", boolText(get("Hawk").BodyHash), "true"},
		{"edgegrid headers", strings.Join(get("EdgeGrid").HeadersToSign, "|"), "X-A|X-B"},
		{"edgegrid max body", boolText(get("EdgeGrid").MaxBody == 70), "true"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	// Credentials never become settings or defaults.
	for _, s := range api.Settings {
		if s.Default == "SECRET" {
			t.Errorf("setting %s defaults to a saved credential", s.Option)
		}
	}
	var opts []string
	for _, o := range api.Auth.Options {
		opts = append(opts, o.Name)
		if strings.Contains(o.Doc, "SECRET") {
			t.Errorf("%s's doc shows a saved credential", o.Name)
		}
	}
	if got, want := strings.Join(opts, " "), "WithAPIKey WithOAuth2Token WithOAuth2TokenSource WithAWSCredentials WithOAuth1 WithHawk WithEdgeGrid"; got != want {
		t.Errorf("options = %s, want %s", got, want)
	}
}

func TestAuthOptionsKeepTheirNames(t *testing.T) {
	// A variable named like an auth option yields the name to the option.
	col := &load.Collection{File: "c.json", Name: "C",
		Variables: []load.Variable{{Key: "apiKey", Value: "k"}},
		Auth:      authOf("apikey", "key", "X-Key", "value", "{{apiKey}}"),
		Items:     []*load.Item{request("A", "GET", "https://x.example.com/a")}}
	api := mustBuild(t, col)
	if o := api.Auth.Options[0].Name; o != "WithAPIKey" {
		t.Errorf("auth option named %s", o)
	}
	for _, s := range api.Settings {
		if s.Key == "apiKey" && s.Option == "WithAPIKey" {
			t.Error("the variable took the auth option's name")
		}
	}
	if !strings.Contains(api.Auth.Options[0].Doc, "{{apiKey}}") {
		t.Errorf("doc does not say where the collection takes the key from:\n%s", api.Auth.Options[0].Doc)
	}
}

func TestAuthNotGeneratedWarnsOncePerPlace(t *testing.T) {
	col := &load.Collection{File: "c.json", Name: "C", Auth: authOf("ntlm"), Items: []*load.Item{
		request("A", "GET", "https://x.example.com/a"),
		request("B", "GET", "https://x.example.com/b"),
		withRequestAuth(request("C", "GET", "https://x.example.com/c"), authOf("oauth1", "signatureMethod", "RSA-SHA256")),
		withRequestAuth(request("D", "GET", "https://x.example.com/d"), authOf("noauth")),
	}}
	api, diags := Build(col, Options{})
	if api == nil {
		t.Fatalf("Build failed: %v", diags)
	}
	if len(diags) != 2 {
		t.Fatalf("diagnostics = %v, want 2", diags)
	}
	for i, want := range []string{`ntlm auth set on the collection is not generated`, `oauth1 auth with RSA-SHA256`} {
		d := diags[i]
		if d.Code != auth.CodeNotGenerated || d.Severity != model.Warning || !strings.Contains(d.Message, want) {
			t.Errorf("diagnostic %d = %+v, want a warning containing %q", i, d, want)
		}
	}
	if !strings.Contains(diags[0].Message, `2 requests (the first "A")`) {
		t.Errorf("collection warning does not count its requests: %s", diags[0].Message)
	}
	if api.Auth != nil || findOp(api.Root, "A").Auth != nil {
		t.Error("a kind that cannot be signed produced auth")
	}
}

func withRequestAuth(it *load.Item, a *load.Auth) *load.Item {
	it.Request.Auth = a
	return it
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// TestAuthTextAroundVariables checks that text around a credential's one
// variable is kept for the client to send with the value the caller
// gives, for every scheme's credentials, and that a credential that is a
// variable alone, saved text, or several references is the whole value.
func TestAuthTextAroundVariables(t *testing.T) {
	req := func(name string, a *load.Auth) *load.Item {
		return withRequestAuth(request(name, "GET", "https://x.example.com/a"), a)
	}
	col := &load.Collection{File: "c.json", Name: "C", Items: []*load.Item{
		req("Key", authOf("apikey", "key", "Authorization", "value", "Api-Token {{DT_TOKEN}}")),
		req("Bearer", authOf("bearer", "token", "Bearer-ish {{x}}")),
		req("Basic", authOf("basic", "username", "acme\\{{user}}", "password", "{{pass}}!")),
		req("OAuth2", authOf("oauth2", "accessToken", "v2.{{at}}")),
		req("Digest", authOf("digest", "username", "{{u}}@realm", "password", "{{p}}")),
		req("AWS", authOf("awsv4", "accessKey", "{{ak}}", "secretKey", "{{sk}}", "sessionToken", "tok-{{st}}")),
		req("OAuth1", authOf("oauth1", "consumerKey", "ck-{{ck}}")),
		req("Hawk", authOf("hawk", "authId", "id:{{id}}")),
		req("EdgeGrid", authOf("edgegrid", "accessToken", "{{a}}-x")),
		req("Whole", authOf("apikey", "value", "{{key}}")),
		req("Saved", authOf("bearer", "token", "abc def")),
		req("Two", authOf("bearer", "token", "{{a}} {{b}}")),
		req("Dynamic", authOf("bearer", "token", "n-{{$guid}}")),
		req("Secret Text", authOf("bearer", "token", "{{user}}:0123456789abcdefghijKLMN")),
	}}
	api := mustBuild(t, col)
	around := func(name string) string {
		var parts []string
		for _, a := range findOp(api.Root, name).Auth.Around {
			parts = append(parts, a.Before+"|"+a.After)
		}
		return strings.Join(parts, " ")
	}
	for _, c := range []struct{ op, want string }{
		{"Key", "Api-Token |"},
		{"Bearer", "Bearer-ish |"},
		{"Basic", `acme\| |!`},
		{"OAuth2", "v2.|"},
		{"Digest", "|@realm |"},
		{"AWS", "| | tok-|"},
		{"OAuth1", "ck-| | | |"},
		{"Hawk", "id:| |"},
		{"EdgeGrid", "| | |-x"},
		{"Whole", ""},
		{"Saved", ""},
		{"Two", ""},
		{"Dynamic", ""},
		// Text that looks like a key itself is withheld with the value.
		{"Secret Text", ""},
	} {
		if got := around(c.op); got != c.want {
			t.Errorf("%s: text around = %q, want %q", c.op, got, c.want)
		}
	}
}

// TestAuthEmptyDefault checks which auth blocks the client sends with
// empty credentials when the caller gives none: those whose token-scheme
// credentials are all saved empty, directly or through variables saved "".
func TestAuthEmptyDefault(t *testing.T) {
	req := func(name string, a *load.Auth) *load.Item {
		return withRequestAuth(request(name, "GET", "https://x.example.com/a"), a)
	}
	col := &load.Collection{File: "c.json", Name: "C",
		Variables: []load.Variable{{Key: "apiKey", Value: ""}, {Key: "user", Value: ""}, {Key: "tok", Value: "saved"}},
		Items: []*load.Item{
			req("Key", authOf("apikey", "key", "X-API-Key", "value", "{{apiKey}}")),
			req("Prefixed Key", authOf("apikey", "key", "Authorization", "value", "Api-Token {{apiKey}}")),
			req("Basic", authOf("basic", "username", "{{user}}", "password", "")),
			req("Basic Saved", authOf("basic", "username", "{{user}}", "password", "pw")),
			req("Bearer Saved", authOf("bearer", "token", "{{tok}}")),
			req("Unsaved", authOf("apikey", "value", "{{other}}")),
			req("Digest", authOf("digest", "username", "{{user}}")),
		}}
	api := mustBuild(t, col)
	for name, want := range map[string]bool{
		"Key": true, "Prefixed Key": true, "Basic": true,
		"Basic Saved": false, "Bearer Saved": false, "Unsaved": false, "Digest": false,
	} {
		op := findOp(api.Root, name)
		if op == nil {
			var names []string
			for _, o := range api.Root.Ops {
				names = append(names, o.Name)
			}
			t.Fatalf("no operation %s in %v", name, names)
		}
		if got := op.Auth.EmptyDefault; got != want {
			t.Errorf("%s: EmptyDefault = %v, want %v", name, got, want)
		}
	}
}
