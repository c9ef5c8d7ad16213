package auth

import (
	"encoding/json"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// GrantType is the grant_type the client sends for an oauth2 block whose
// grant it can run itself, "" for the others. Postman saves the password
// grant as "password_credentials"; v2.0 exports say grantType rather than
// grant_type. A grant is run only when the block names a token URL: with
// none there is nowhere to ask.
func GrantType(a *load.Auth) string {
	if a == nil || !strings.EqualFold(a.Type, "oauth2") || Param(a, "accessTokenUrl") == "" {
		return ""
	}
	switch strings.ToLower(cmpOr(Param(a, "grant_type"), Param(a, "grantType"))) {
	case "client_credentials":
		return model.GrantClientCredentials
	case "password_credentials", "password":
		return model.GrantPassword
	}
	return ""
}

// grant is the token request of an oauth2 block whose grant the client
// runs, with its text made templates; nil for the other grants.
func grant(a *load.Auth, template func(string) model.Template) *model.OAuth2Grant {
	typ := GrantType(a)
	if typ == "" {
		return nil
	}
	return &model.OAuth2Grant{
		Type:     typ,
		TokenURL: template(Param(a, "accessTokenUrl")),
		Scope:    template(Param(a, "scope")),
		Audience: template(Param(a, "audience")),
		Resource: template(Param(a, "resource")),
		// Postman's default, like RFC 6749's preference, is the header.
		ClientInBody: strings.EqualFold(cmpOr(Param(a, "client_authentication"), Param(a, "clientAuth")), "body"),
		Params:       tokenParams(Param(a, "tokenRequestParams"), template),
	}
}

// tokenParam is one entry of Postman's tokenRequestParams.
type tokenParam struct {
	Key     string `json:"key"`
	Value   any    `json:"value"`
	Enabled *bool  `json:"enabled"`
	SendAs  string `json:"send_as"`
}

// tokenParamList reads tokenRequestParams, a JSON list; nil when it is
// not one.
func tokenParamList(text string) []tokenParam {
	var list []tokenParam
	if json.Unmarshal([]byte(text), &list) != nil {
		return nil
	}
	return list
}

// secretTokenParam reports whether a token request parameter saves a
// credential as text (a client_assertion, a secret): it is withheld from
// generated code like every saved credential. One that only refers to
// variables is kept, as the variables are settings.
func secretTokenParam(p tokenParam) bool {
	v, ok := p.Value.(string)
	// A client_assertion is a signed credential (RFC 7523).
	credential := credentialParam("oauth2", p.Key) || strongSecretName(p.Key) || strings.Contains(strings.ToLower(p.Key), "assertion")
	return ok && credential && secretRefs(v, map[string]bool{})
}

// tokenParams reads Postman's tokenRequestParams; disabled entries and
// entries without a key are left out, as Postman leaves them out of the
// token request, and so are saved credentials (secretTokenParam).
func tokenParams(text string, template func(string) model.Template) []model.GrantParam {
	var out []model.GrantParam
	for _, p := range tokenParamList(text) {
		if p.Key == "" || p.Enabled != nil && !*p.Enabled || secretTokenParam(p) {
			continue
		}
		in := "body"
		switch p.SendAs {
		case "request_header":
			in = "header"
		case "request_url":
			in = "query"
		}
		value := ""
		switch v := p.Value.(type) {
		case string:
			value = v
		case nil:
		default:
			b, _ := json.Marshal(v)
			value = string(b)
		}
		out = append(out, model.GrantParam{In: in, Key: p.Key, Value: template(value)})
	}
	return out
}

// GrantOptionNames are the options of the grants the sites run: the
// client's credentials (both grants send them), the resource owner's
// (the password grant) and the token URL; none when no site runs one.
func GrantOptionNames(sites []Site) []string {
	var client, user bool
	for _, s := range sites {
		switch GrantType(s.Auth) {
		case model.GrantClientCredentials:
			client = true
		case model.GrantPassword:
			client, user = true, true
		}
	}
	var names []string
	if client {
		names = append(names, "WithOAuth2ClientCredentials")
	}
	if user {
		names = append(names, "WithOAuth2Password")
	}
	if client {
		names = append(names, "WithOAuth2TokenURL")
	}
	return names
}

// oauth2OptionDoc is what an OAuth 2 option's doc says it sets, what the
// collection saves for it and under which auth parameters.
func oauth2OptionDoc(kind model.AuthOptionKind) (what, creds string, keys []string) {
	switch kind {
	case model.OptionTokenSource:
		return "sets a function that returns the OAuth 2 access token, called with the\n" +
			"request's context before each request that uses OAuth 2, so that it can cache\n" +
			"and refresh tokens. It replaces a token given with WithOAuth2Token. An error\n" +
			"fails the call; an empty token sends the request without one.", "access tokens", []string{"accessToken"}
	case model.OptionOAuth2Client:
		return "sets the OAuth 2 client ID and secret, with which the client gets its own tokens " +
			"for requests whose auth uses the client credentials grant; the password grant sends them too.\n\n" +
			"The client POSTs grant_type=client_credentials (with the collection's scope, audience and resource) " +
			"to the token URL, authenticating with HTTP Basic auth, or in the form when the collection says so. " +
			"It sends the token it gets, reuses it until shortly before its expires_in runs out, and then fetches a new one. " +
			"Concurrent calls wait for one fetch; a failed fetch fails the call with the token URL, the status and the start of the answer. " +
			"Tokens are cached per client, whether the option is given to New or to a call; " +
			"WithOAuth2Token and WithOAuth2TokenSource, when given, win over it.", "client IDs and secrets", []string{"clientId", "clientSecret"}
	case model.OptionOAuth2User:
		return "sets the resource owner's username and password, with which the client gets its own tokens " +
			"for requests whose auth uses the password grant.\n\n" +
			"The client POSTs grant_type=password to the token URL, with the client's credentials when " +
			"WithOAuth2ClientCredentials gives them, sends the token it gets, and fetches a new one shortly before it expires. " +
			"WithOAuth2Token and WithOAuth2TokenSource, when given, win over it.", "usernames and passwords", []string{"username", "password"}
	case model.OptionOAuth2TokenURL:
		return "replaces the token URL that the client credentials and password grants POST to.", "", nil
	}
	return "sets a fixed OAuth 2 access token. Obtaining the token is up to you; requests that use it send it in the Authorization header after the collection's header prefix (\"Bearer\" by default), or as the access_token query parameter when the collection adds it to the query.",
		"access tokens", []string{"accessToken"}
}
