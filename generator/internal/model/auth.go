package model

// AuthScheme is how a request proves who sends it.
type AuthScheme int

const (
	// AuthBasic sends "Authorization: Basic base64(username:password)".
	AuthBasic AuthScheme = iota + 1
	// AuthBearer sends "Authorization: Bearer <token>".
	AuthBearer
	// AuthAPIKey sends a key in a named header or query parameter.
	AuthAPIKey
	// AuthOAuth2 sends an access token the caller obtained, in the
	// Authorization header or as the access_token query parameter.
	AuthOAuth2
	// AuthDigest signs up front with the realm and nonce the collection
	// saved, when it saved both, and answers a 401 Digest challenge (RFC
	// 7616) by retrying once.
	AuthDigest
	// AuthAWSV4 signs with AWS Signature Version 4.
	AuthAWSV4
	// AuthOAuth1 signs with OAuth 1.0a (RFC 5849).
	AuthOAuth1
	// AuthHawk signs with Hawk.
	AuthHawk
	// AuthEdgeGrid signs with Akamai EdgeGrid (EG1-HMAC-SHA256).
	AuthEdgeGrid
)

// OAuth1Placement says where OAuth 1.0a protocol parameters are sent.
type OAuth1Placement int

const (
	// OAuth1Header sends them in the Authorization header.
	OAuth1Header OAuth1Placement = iota
	// OAuth1Query sends them in the query string, or in a form body when
	// the request is a POST or PUT with a urlencoded body, as Postman does.
	OAuth1Query
)

// Auth is the effective auth of one operation: its scheme and the settings
// of that scheme that are not secret. Credentials are never in the model:
// the caller supplies them with the scheme's option (AuthSet).
type Auth struct {
	Scheme AuthScheme
	// From says where the collection sets it, for documentation:
	// "the collection", "the folder \"Users\"", "the request".
	From string

	// Name is the API key's header or query parameter name (AuthAPIKey).
	Name Template
	// InQuery sends the API key (AuthAPIKey) or the OAuth 2 token
	// (AuthOAuth2, as access_token) in the query instead of a header.
	InQuery bool
	// Prefix leads the OAuth 2 token in the Authorization header ("Bearer").
	Prefix Template
	// Grant is the OAuth 2 token request the client runs itself when the
	// caller gives the grant's credentials; nil for grants that need a
	// browser (authorization code, implicit), whose token the caller supplies.
	Grant *OAuth2Grant

	// Region and Service scope an AWS Signature v4.
	Region, Service Template

	// Method is the OAuth 1.0a signature method (HMAC-SHA1, HMAC-SHA256,
	// HMAC-SHA512, PLAINTEXT), the Hawk algorithm (sha256, sha1) or the
	// saved digest algorithm (MD5, SHA-256, ...).
	Method string
	// Placement says where OAuth 1.0a parameters go.
	Placement OAuth1Placement
	// Realm is the OAuth 1.0a realm of the Authorization header, or the
	// saved digest realm.
	Realm Template
	// Nonce and Opaque are the server nonce and opaque value of a digest
	// challenge the collection saved; Qop and NonceCount its qop and nc.
	// Digest signs up front only when Realm and Nonce are both saved, as
	// Postman does.
	Nonce, Opaque   Template
	Qop, NonceCount string
	// Version is oauth_version ("1.0"); empty leaves it out.
	Version string
	// BodyHash adds oauth_body_hash (OAuth 1.0a) or the payload hash (Hawk).
	BodyHash bool
	// EmptyParams signs OAuth 1.0a parameters even when they are empty.
	EmptyParams bool

	// Ext, App and Dlg are Hawk's ext, app and dlg attributes.
	Ext, App, Dlg Template

	// HeadersToSign are the EdgeGrid headers that enter the signature, in
	// order; MaxBody bounds how much of a POST body is hashed.
	HeadersToSign []string
	MaxBody       int
	// BaseURL is EdgeGrid's baseURL parameter: when set, its host is
	// signed in place of the request's, as Postman's runtime does.
	BaseURL Template

	// Around is the text the collection writes around each credential, in
	// the order of the option's arguments; empty when every credential is
	// the whole of its parameter. The caller gives the credential; the
	// text is sent with it, as Postman sends it.
	Around []TextAround
	// EmptyDefault is set when the collection saves every credential
	// empty (an empty parameter, or one whose variable is saved ""):
	// without the option the client sends the empty credentials, as
	// Postman does, instead of no auth. Only the token schemes (basic,
	// bearer, API key, OAuth 2) set it.
	EmptyDefault bool
}

// TextAround is the literal text before and after a credential's one
// variable ("Api-Token {{DT_TOKEN}}": Before "Api-Token ").
type TextAround struct {
	Before, After string
}

// AuthSet is what the client needs for the schemes its requests use: a
// config field holding the credentials, and one option per credential.
type AuthSet struct {
	// Field is the config field that holds the credentials ("auth").
	Field string
	// Schemes are the schemes used, in the order of their constants.
	Schemes []AuthScheme
	// Options are the credential options, in scheme order.
	Options []*AuthOption
	// Clock and Nonce are set when a scheme's signer reads the time or
	// makes a nonce, so that authConfig carries the now or nonce hook for
	// tests.
	Clock, Nonce bool
	// Grants is set when a request's OAuth 2 grant is run by the client:
	// authConfig then holds the grant credentials and New makes the token
	// cache.
	Grants bool
	// GrantTest, when set, is the generated test of the token flow.
	GrantTest *GrantTest
}

// OAuth2Grant is a token request the client makes itself (RFC 6749 §4.3,
// §4.4): a form POSTed to the token URL.
type OAuth2Grant struct {
	// Type is the grant_type sent: GrantClientCredentials or GrantPassword.
	Type string
	// TokenURL is the collection's accessTokenUrl, which WithOAuth2TokenURL
	// replaces; Scope, Audience and Resource are sent when not empty.
	TokenURL, Scope, Audience, Resource Template
	// ClientInBody sends the client ID and secret as form fields rather
	// than as HTTP Basic auth.
	ClientInBody bool
	// Params are the collection's extra token request parameters, in
	// order.
	Params []GrantParam
}

// GrantParam is an extra parameter of a token request.
type GrantParam struct {
	// In is where it goes: "body", "header" or "query".
	In    string
	Key   string
	Value Template
}

// The grant types the client runs itself, as sent in grant_type.
const (
	GrantClientCredentials = "client_credentials"
	GrantPassword          = "password"
)

// GrantTest is the generated test that shows a token fetched once against
// a local token server, reused, and fetched again once it expires.
type GrantTest struct {
	// Name is the test function, Doc its doc comment; File the stem of
	// its file.
	Name, Doc, File string
	// Op is the operation it calls: the first whose auth runs a grant and
	// whose host is a setting the test can point at its server.
	Op *Operation
	// Client, User and TokenURL are the options it passes: the client's
	// credentials, the user's (for a password grant) and the token URL.
	Client, User, TokenURL string
	// Password is set when Op's grant is the password grant.
	Password bool
	// InQuery is set when Op sends the token as the access_token query
	// parameter; otherwise it is sent in Authorization after Prefix
	// ("Bearer ", or "" when the collection's prefix is empty).
	InQuery bool
	Prefix  string
}

// Uses reports whether the set includes scheme s.
func (a *AuthSet) Uses(s AuthScheme) bool {
	if a == nil {
		return false
	}
	for _, x := range a.Schemes {
		if x == s {
			return true
		}
	}
	return false
}

// AuthOption is one credential option (WithBasicAuth).
type AuthOption struct {
	Scheme AuthScheme
	// Name is the option function ("WithBasicAuth").
	Name string
	// Kind says what the option takes: the scheme's credentials, or for
	// OAuth 2 a token source, grant credentials or the token URL.
	Kind AuthOptionKind
	// Doc is its doc comment text.
	Doc string
}

// AuthOptionKind is what a credential option takes.
type AuthOptionKind int

const (
	// OptionCredentials takes the scheme's credentials (WithBasicAuth,
	// WithOAuth2Token).
	OptionCredentials AuthOptionKind = iota
	// OptionTokenSource takes a function that returns the OAuth 2 token.
	OptionTokenSource
	// OptionOAuth2Client takes the OAuth 2 client ID and secret.
	OptionOAuth2Client
	// OptionOAuth2User takes the resource owner's username and password.
	OptionOAuth2User
	// OptionOAuth2TokenURL takes the token URL that replaces the saved one.
	OptionOAuth2TokenURL
)
