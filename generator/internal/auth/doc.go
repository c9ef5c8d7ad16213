package auth

import (
	"fmt"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/godoc"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// OptionDoc writes the doc comment of a credential option: what it
// signs, where the collection sets the scheme, and which variables the
// collection fills the credentials from (never their values).
func OptionDoc(o *model.AuthOption, sites []Site) string {
	var what, creds string
	var keys []string
	switch o.Scheme {
	case model.AuthBasic:
		what = "sets the username and password of HTTP Basic auth: requests that use it send \"Authorization: Basic\" with base64(username:password)."
		creds, keys = "usernames and passwords", []string{"username", "password"}
	case model.AuthBearer:
		what = "sets the bearer token: requests that use it send the header \"Authorization: Bearer\" followed by the token."
		creds, keys = "tokens", []string{"token"}
	case model.AuthAPIKey:
		what = "sets the API key: requests that use it send it in the header or query parameter the collection names (see each method's documentation)."
		creds, keys = "keys", []string{"value"}
	case model.AuthOAuth2:
		what, creds, keys = oauth2OptionDoc(o.Kind)
	case model.AuthDigest:
		what = "sets the username and password of HTTP Digest auth (RFC 7616). A request that uses it is signed up front when the collection saved a realm and a nonce, and is otherwise sent first without credentials; when the server answers 401 with a Digest challenge, the response (MD5, MD5-sess, SHA-256, SHA-512-256; qop auth or auth-int) is computed and the request is sent once more."
		creds, keys = "usernames and passwords", []string{"username", "password"}
	case model.AuthAWSV4:
		what = "sets the AWS credentials that requests using AWS Signature Version 4 are signed with (Authorization, X-Amz-Date, and X-Amz-Security-Token when sessionToken is not empty). The region and service come from the collection."
		creds, keys = "access keys, secret keys and session tokens", []string{"accessKey", "secretKey", "sessionToken"}
	case model.AuthOAuth1:
		what = "sets the OAuth 1.0a credentials (RFC 5849) that requests using OAuth 1 are signed with. The signature method and where the parameters go come from the collection; token and tokenSecret may be empty for two-legged OAuth."
		creds, keys = "consumer keys and secrets, tokens and token secrets", []string{"consumerKey", "consumerSecret", "token", "tokenSecret"}
	case model.AuthHawk:
		what = "sets the Hawk credentials: requests that use Hawk send an Authorization header with a MAC over the request made with the key and the collection's algorithm."
		creds, keys = "Hawk ids and keys", []string{"authId", "authKey"}
	case model.AuthEdgeGrid:
		what = "sets the Akamai EdgeGrid credentials: requests that use EdgeGrid are signed with EG1-HMAC-SHA256 in the Authorization header."
		creds, keys = "client tokens, client secrets and access tokens", []string{"clientToken", "clientSecret", "accessToken"}
	}
	where := "The collection sets it on " + joinSites(sites) + "; requests below inherit it unless they set their own auth."
	saved := fmt.Sprintf("The %s saved in the collection are never used: they are often real secrets, and generated source is committed.", creds)
	if refs := variableRefs(sites, keys); refs != "" {
		saved += " The collection fills them from " + refs + "."
	}
	unset := "When the option is not given, those requests are sent without this auth."
	switch o.Scheme {
	case model.AuthBasic, model.AuthBearer, model.AuthAPIKey, model.AuthOAuth2:
		unset = "When the option is not given, those requests are sent without this auth, except where the collection saves the credentials empty: they are then sent empty, as Postman sends them (each method's documentation says so)."
	}
	switch o.Kind {
	case model.OptionOAuth2TokenURL:
		saved = "Without it the token URL saved in the collection (accessTokenUrl) is used."
		unset = ""
	case model.OptionOAuth2Client, model.OptionOAuth2User:
		unset = "When neither this nor WithOAuth2Token or WithOAuth2TokenSource is given, those requests are sent without a token."
	}
	return godoc.FromMarkdown(strings.TrimSpace(o.Name + " " + what + "\n\n" + where + "\n\n" + saved + "\n\n" + unset))
}

// joinSites names at most three places that set a scheme.
func joinSites(sites []Site) string {
	var names []string
	for i, s := range sites {
		if i == 3 {
			names = append(names, fmt.Sprintf("%d more", len(sites)-3))
			break
		}
		if s.From == "the request" && len(s.Pos.Path) > 0 {
			names = append(names, fmt.Sprintf("the request %q", s.Pos.Path[len(s.Pos.Path)-1]))
			continue
		}
		names = append(names, s.From)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// variableRefs lists the {{var}} references the collection fills the
// credential parameters from: "{{consumer_key}} and {{consumer_secret}}".
func variableRefs(sites []Site, keys []string) string {
	var refs []string
	seen := map[string]bool{}
	for _, s := range sites {
		for _, k := range keys {
			v := Param(s.Auth, k)
			if strings.HasPrefix(v, "{{") && strings.HasSuffix(v, "}}") && !seen[v] {
				seen[v] = true
				refs = append(refs, v)
			}
		}
	}
	switch len(refs) {
	case 0:
		return ""
	case 1:
		return refs[0]
	}
	return strings.Join(refs[:len(refs)-1], ", ") + " and " + refs[len(refs)-1]
}

// Doc is the paragraph of op's doc about its auth, as doc text; "" when
// it has none. set is the API's credential options. Most operations of a
// collection authenticate alike, so the caller keeps convert's results:
// convert is godoc.FromMarkdown or a memo of it.
func Doc(op *model.Operation, set *model.AuthSet, convert func(md string) string) string {
	if set == nil {
		return ""
	}
	return convert(authSentence(op, set.Options))
}

// authSentence is the paragraph of a method's doc that says how the request
// authenticates, naming the option and where the collection sets it.
func authSentence(op *model.Operation, options []*model.AuthOption) string {
	a := op.Auth
	if a == nil {
		return ""
	}
	var names []string
	for _, o := range options {
		if o.Scheme == a.Scheme && serves(o, a) {
			names = append(names, o.Name)
		}
	}
	opt := strings.Join(names, " or ")
	var how string
	switch a.Scheme {
	case model.AuthBasic:
		how = "It authenticates with HTTP Basic auth"
	case model.AuthBearer:
		how = "It sends a bearer token"
	case model.AuthAPIKey:
		where := "header"
		if a.InQuery {
			where = "query parameter"
		}
		how = fmt.Sprintf("It sends the API key in the %s %q", where, authText(a.Name))
	case model.AuthOAuth2:
		how = fmt.Sprintf("It sends an OAuth 2 token after the prefix %q", authText(a.Prefix))
		if a.InQuery {
			how = "It sends an OAuth 2 token as the access_token query parameter"
		}
		if g := a.Grant; g != nil {
			grant := "client credentials"
			if g.Type == model.GrantPassword {
				grant = "password"
			}
			how += fmt.Sprintf(", which the client can get itself with the %s grant from %q", grant, authText(g.TokenURL))
		}
	case model.AuthDigest:
		how = "It answers HTTP Digest challenges"
		if a.Nonce.String() != "" {
			how = "It is signed with HTTP Digest auth up front, with the realm and nonce the collection saved, and answers Digest challenges"
		}
	case model.AuthAWSV4:
		how = fmt.Sprintf("It is signed with AWS Signature Version 4 for the region %q and the service %q",
			authText(a.Region), authText(a.Service))
	case model.AuthOAuth1:
		how = "It is signed with OAuth 1.0a (" + a.Method + ")"
	case model.AuthHawk:
		how = "It is signed with Hawk (" + a.Method + ")"
	case model.AuthEdgeGrid:
		how = "It is signed with Akamai EdgeGrid"
	}
	empty := ""
	if a.EmptyDefault {
		empty = " The collection saves the credentials empty; until the option gives them, they are sent empty, as Postman sends them."
	}
	return fmt.Sprintf("%s (%s), set on %s.", how, opt, a.From) + aroundSentence(a) + empty
}

// aroundSentence says how credentials with text around their variable are
// sent: " The option's value is sent as "Api-Token <value>"."
func aroundSentence(a *model.Auth) string {
	keys := CredentialKeys(a.Scheme)
	var parts []string
	for i, t := range a.Around {
		if t != (model.TextAround{}) && i < len(keys) {
			parts = append(parts, fmt.Sprintf("%s as %q", keys[i], t.Before+"<"+keys[i]+">"+t.After))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " The collection writes text around the credential, which is sent with the value given: " + strings.Join(parts, ", ") + "."
}

// authText writes a template as the collection does: "{{region}}".
func authText(t model.Template) string {
	var b strings.Builder
	for _, p := range t {
		switch p.Kind {
		case model.PartSetting:
			b.WriteString("{{" + p.Setting.Key + "}}")
		case model.PartDynamic:
			b.WriteString("{{$" + p.Dynamic + "}}")
		default:
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

// serves reports whether option o applies to a request whose auth is a:
// the grant options only to requests whose grant the client runs, the
// user's credentials only to the password grant's.
func serves(o *model.AuthOption, a *model.Auth) bool {
	switch o.Kind {
	case model.OptionOAuth2Client, model.OptionOAuth2TokenURL:
		return a.Grant != nil
	case model.OptionOAuth2User:
		return a.Grant != nil && a.Grant.Type == model.GrantPassword
	}
	return true
}
