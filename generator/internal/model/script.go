package model

// ScriptSource says where a ScriptPart's text comes from.
type ScriptSource int

const (
	// ScriptText is a template resolved by the method.
	ScriptText ScriptSource = iota
	// ScriptMillis is the time of the call in Unix milliseconds.
	ScriptMillis
	// ScriptSeconds is the time of the call in whole Unix seconds.
	ScriptSeconds
	// ScriptQuery is the query as sent, without "?".
	ScriptQuery
	// ScriptBody is the body as sent.
	ScriptBody
	// ScriptMethod is the HTTP method.
	ScriptMethod
	// ScriptSignature is an HMAC of other parts.
	ScriptSignature
)

// ScriptPart is one piece of a value a pre-request script computes as the
// request is sent.
type ScriptPart struct {
	Source ScriptSource
	Text   Template // ScriptText
	// Added is, for ScriptQuery, how many of the operation's ScriptOutputs
	// that add a query parameter precede the read: the query read has
	// those and no later ones.
	Added int
	HMAC  *ScriptHMAC // ScriptSignature
}

// ScriptHMAC is an HMAC of Message under Key, encoded as lower-case hex
// or, with Base64, in standard base64.
type ScriptHMAC struct {
	// Hash is the Go constructor's package: "sha1", "sha256", "sha512".
	Hash    string
	Key     Template
	Message []ScriptPart
	Base64  bool
}

// ScriptOutput is where a computed value goes: a header, sent in place of
// any header of that name, or a query parameter appended to the query.
type ScriptOutput struct {
	Query bool
	Key   string
	Value []ScriptPart
}

// ScriptTestMillis is the time, in Unix milliseconds, at which generated
// tests fix the clock of the values scripts compute, so that they can
// expect the exact signature.
const ScriptTestMillis = 1700000000123
