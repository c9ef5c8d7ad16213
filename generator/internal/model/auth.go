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
	// Source marks the OAuth 2 option that takes a token source function
	// rather than a fixed token.
	Source bool
	// Doc is its doc comment text.
	Doc string
}
