// Package auth decides how generated clients authenticate: Postman's
// inheritance of auth blocks, the scheme and settings of each request, the
// credential options and their docs, and which saved values are secrets
// that must never reach generated code.
package auth

import (
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// Auth follows Postman's inheritance: a request without auth (or with
// "inherit") takes its folder's, a folder's comes from its parent, up to the
// collection's; "noauth" switches it off below where it is set.
//
// Credentials (usernames, passwords, tokens, keys) are never taken from the
// collection: they are often real secrets saved by accident. Each scheme
// gets client options that take them, and requests whose credentials were
// not given are sent without auth, as Postman does when they are empty.
// What is not secret (where an API key goes, the AWS region, the OAuth 1
// signature method) comes from the collection.

// CodeNotGenerated marks an auth kind generated clients cannot sign.
const CodeNotGenerated = "auth-not-generated"

// Site is an auth block and where it was set: From names the place as a
// sentence does ("the folder \"Users\"").
type Site struct {
	Auth *load.Auth
	Pos  model.Pos
	From string
}

// OptionNames are the credential options of each scheme.
func OptionNames(s model.AuthScheme) []string {
	switch s {
	case model.AuthBasic:
		return []string{"WithBasicAuth"}
	case model.AuthBearer:
		return []string{"WithBearerToken"}
	case model.AuthAPIKey:
		return []string{"WithAPIKey"}
	case model.AuthOAuth2:
		return []string{"WithOAuth2Token", "WithOAuth2TokenSource"}
	case model.AuthDigest:
		return []string{"WithDigestAuth"}
	case model.AuthAWSV4:
		return []string{"WithAWSCredentials"}
	case model.AuthOAuth1:
		return []string{"WithOAuth1"}
	case model.AuthHawk:
		return []string{"WithHawk"}
	case model.AuthEdgeGrid:
		return []string{"WithEdgeGrid"}
	}
	return nil
}

// CredentialKeys are the auth parameters each scheme's option takes, in
// the order of its arguments.
func CredentialKeys(s model.AuthScheme) []string {
	switch s {
	case model.AuthBasic, model.AuthDigest:
		return []string{"username", "password"}
	case model.AuthBearer:
		return []string{"token"}
	case model.AuthAPIKey:
		return []string{"value"}
	case model.AuthOAuth2:
		return []string{"accessToken"}
	case model.AuthAWSV4:
		return []string{"accessKey", "secretKey", "sessionToken"}
	case model.AuthOAuth1:
		return []string{"consumerKey", "consumerSecret", "token", "tokenSecret"}
	case model.AuthHawk:
		return []string{"authId", "authKey"}
	case model.AuthEdgeGrid:
		return []string{"clientToken", "clientSecret", "accessToken"}
	}
	return nil
}

// SchemeOf maps a Postman auth type to a scheme. ok is false for kinds
// generated clients cannot sign; reason then says why, for the warning.
func SchemeOf(a *load.Auth) (s model.AuthScheme, ok bool, reason string) {
	switch strings.ToLower(a.Type) {
	case "basic":
		return model.AuthBasic, true, ""
	case "bearer":
		return model.AuthBearer, true, ""
	case "apikey":
		return model.AuthAPIKey, true, ""
	case "oauth2":
		return model.AuthOAuth2, true, ""
	case "digest":
		return model.AuthDigest, true, ""
	case "awsv4":
		return model.AuthAWSV4, true, ""
	case "oauth1":
		m := strings.ToUpper(Param(a, "signatureMethod"))
		if strings.HasPrefix(m, "RSA-") {
			return 0, false, "oauth1 auth with " + m + " signatures needs a private key"
		}
		return model.AuthOAuth1, true, ""
	case "hawk":
		return model.AuthHawk, true, ""
	case "edgegrid":
		return model.AuthEdgeGrid, true, ""
	}
	return 0, false, a.Type + " auth"
}

// Inherits reports whether an auth block defers to its parent.
func Inherits(a *load.Auth) bool {
	return a == nil || a.Type == "" || strings.EqualFold(a.Type, "inherit")
}

// Param returns an auth parameter's value, "" when it is missing.
func Param(a *load.Auth, key string) string {
	v, _ := ParamOK(a, key)
	return v
}

// ParamOK returns an auth parameter's value and whether the block sets it.
func ParamOK(a *load.Auth, key string) (string, bool) {
	for _, p := range a.Params {
		if p.Key == key {
			return strings.TrimSpace(p.Value), true
		}
	}
	return "", false
}

func cmpOr(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
