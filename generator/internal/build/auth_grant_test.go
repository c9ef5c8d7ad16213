package build

import (
	"slices"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

func TestOAuth2GrantsDecided(t *testing.T) {
	const token = "https://login.example.com/token"
	req := func(name string, a *load.Auth) *load.Item {
		return withRequestAuth(request(name, "GET", "{{baseUrl}}/"+name), a)
	}
	col := &load.Collection{File: "c.json", Name: "C",
		Variables: []load.Variable{{Key: "baseUrl", Value: "https://api.example.com"}},
		Items: []*load.Item{
			req("code", authOf("oauth2", "grant_type", "authorization_code", "accessTokenUrl", token)),
			req("nourl", authOf("oauth2", "grant_type", "client_credentials")),
			req("cc", authOf("oauth2", "grant_type", "client_credentials", "accessTokenUrl", token,
				"scope", "a b", "audience", "aud", "resource", "res", "clientSecret", "{{secret}}",
				"tokenRequestParams", `[{"key":"t","value":"{{tenant}}","enabled":true,"send_as":"request_body"},`+
					`{"key":"off","value":"x","enabled":false},{"key":"X-H","value":1,"send_as":"request_header"},`+
					`{"key":"q","value":"v","send_as":"request_url"},{"value":"no key"}]`)),
			req("pw", authOf("oauth2", "grant_type", "password_credentials", "accessTokenUrl", "{{authHost}}/token",
				"client_authentication", "body", "addTokenTo", "queryParams")),
			// A v2.0 export spells the keys differently.
			req("v20", authOf("oauth2", "grantType", "client_credentials", "accessTokenUrl", token, "clientAuth", "body")),
			req("implicit", authOf("oauth2", "grant_type", "implicit", "accessTokenUrl", token)),
		}}
	api := mustBuild(t, col)
	grant := func(name string) *model.OAuth2Grant { return findOp(api.Root, name).Auth.Grant }
	for _, name := range []string{"code", "nourl", "implicit"} {
		if g := grant(name); g != nil {
			t.Errorf("%s: grant %+v, want none: the caller supplies the token", name, g)
		}
	}
	cc, pw, v20 := grant("cc"), grant("pw"), grant("v20")
	if cc == nil || pw == nil || v20 == nil {
		t.Fatalf("grants cc %v, pw %v, v20 %v", cc, pw, v20)
	}
	for _, c := range []struct{ what, got, want string }{
		{"cc type", cc.Type, "client_credentials"},
		{"cc token URL", cc.TokenURL.String(), token},
		{"cc scope", cc.Scope.String(), "a b"},
		{"cc audience", cc.Audience.String(), "aud"},
		{"cc resource", cc.Resource.String(), "res"},
		{"cc client in body", boolText(cc.ClientInBody), "false"},
		{"pw type", pw.Type, "password"},
		{"pw token URL from a setting", pw.TokenURL.String(), "{{authHost}}/token"},
		{"pw client in body", boolText(pw.ClientInBody), "true"},
		{"v20 type", v20.Type, "client_credentials"},
		{"v20 client in body", boolText(v20.ClientInBody), "true"},
		{"cc params", paramsText(cc.Params), "body t={{tenant}}; header X-H=1; query q=v; "},
		{"pw params", paramsText(pw.Params), ""},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}

	set := api.Auth
	var names []string
	for _, o := range set.Options {
		names = append(names, o.Name)
	}
	want := []string{"WithOAuth2Token", "WithOAuth2TokenSource", "WithOAuth2ClientCredentials", "WithOAuth2Password", "WithOAuth2TokenURL"}
	if !slices.Equal(names, want) || !set.Grants || !set.Clock {
		t.Errorf("options %v (grants %v, clock %v), want %v with grants and the clock hook", names, set.Grants, set.Clock, want)
	}
	// The test calls the first request that runs a grant.
	gt := set.GrantTest
	if gt == nil || gt.Op.Name != "cc" || gt.Password || gt.InQuery || gt.Prefix != "Bearer " ||
		gt.Client != "WithOAuth2ClientCredentials" || gt.User != "WithOAuth2Password" || gt.TokenURL != "WithOAuth2TokenURL" {
		t.Errorf("grant test = %+v", gt)
	}
}

func TestNoGrantOptionsWithoutAGrant(t *testing.T) {
	col := &load.Collection{File: "c.json", Name: "C", Items: []*load.Item{
		withRequestAuth(request("code", "GET", "https://x.example.com/a"),
			authOf("oauth2", "grant_type", "authorization_code", "accessTokenUrl", "https://x.example.com/token")),
	}}
	api := mustBuild(t, col)
	if len(api.Auth.Options) != 2 || api.Auth.Grants || api.Auth.GrantTest != nil || api.Auth.Clock {
		t.Errorf("auth set %+v, want only WithOAuth2Token and WithOAuth2TokenSource", api.Auth)
	}
}

func paramsText(ps []model.GrantParam) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.In + " " + p.Key + "=" + p.Value.String() + "; ")
	}
	return b.String()
}

func TestSavedTokenParamCredentialIsWithheld(t *testing.T) {
	const assertion = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"
	col := &load.Collection{File: "c.json", Name: "C", Items: []*load.Item{
		withRequestAuth(request("cc", "GET", "https://x.example.com/a"),
			authOf("oauth2", "grant_type", "client_credentials", "accessTokenUrl", "https://x.example.com/token",
				"tokenRequestParams", `[{"key":"client_assertion","value":"`+assertion+`"},{"key":"client_secret","value":"{{secret}}"},{"key":"audience","value":"api"}]`)),
	}}
	api, diags := Build(col, Options{})
	if api == nil {
		t.Fatal(diags)
	}
	if got := paramsText(findOp(api.Root, "cc").Auth.Grant.Params); got != "body client_secret={{secret}}; body audience=api; " {
		t.Errorf("params = %q, want the saved assertion left out", got)
	}
	var warned bool
	for _, d := range diags {
		if strings.Contains(d.Message, `"tokenRequestParams client_assertion"`) && d.Code == "secret-withheld" {
			warned = true
		}
		if strings.Contains(d.Message, assertion) {
			t.Errorf("a diagnostic prints the credential: %s", d.Message)
		}
	}
	if !warned {
		t.Errorf("no secret-withheld warning names the parameter: %v", diags)
	}
}
