package auth

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/naming"
)

// Evidence is what a collection says about its variables beyond their
// names: which ones auth blocks and credential headers send, which ones
// only fill a URL path, and which ones the user released. A name alone
// is weak evidence: "key" is in api_key and in PROJECT_KEY, "auth" in
// authToken and in authServer.
type Evidence struct {
	// authRefs are the variables auth credentials refer to.
	authRefs map[string]bool
	// credential are the variables sent where credentials go: the
	// Authorization or Cookie header, a header, query parameter or form
	// field whose name says credential (X-Api-Key, access_token).
	credential map[string]bool
	// plain are the variables sent anywhere else in a URL path, query,
	// header or form. A host is not counted: a whole URL (a webhook's)
	// can be the secret, and plainURL judges those by their value.
	plain map[string]bool
	// keep are the variables the user released (-keep-secret).
	keep map[string]bool
}

// Keep releases the named variables: their saved values are kept as
// defaults, whatever their names and use say.
func (e *Evidence) Keep(names []string) {
	if e.keep == nil {
		e.keep = map[string]bool{}
	}
	for _, n := range names {
		e.keep[n] = true
	}
}

// Kept reports whether the user released the variable key.
func (e *Evidence) Kept(key string) bool { return e.keep[key] }

// SecretReason says why a variable's value is a secret, "" when it is
// not. Evidence of a credential wins over evidence of an identifier, and
// a name that says credential without any evidence either way is taken
// at its word, so that nothing is released on a guess.
func (e *Evidence) SecretReason(v load.Variable) string {
	switch {
	case e.keep[v.Key]:
		return ""
	case strings.EqualFold(v.Type, "secret"):
		return "the variable is of type secret"
	case strongSecretName(v.Key):
		return "its name says it is a credential"
	case e.authRefs[v.Key]:
		return "an auth credential refers to it"
	case e.credential[v.Key]:
		return "a request sends it as a credential"
	case secretValue(v.Value):
		return "the value looks like a token"
	case credentialText.MatchString(v.Description) && !identifierText.MatchString(v.Description):
		// "the name of the header that carries the session token" is
		// about a credential without being one: then the name decides.
		return "its description says it is a credential"
	case SecretName(v.Key) && !e.identifier(v):
		return "its name says it is a credential"
	}
	return ""
}

// identifier reports whether a variable whose name is only weakly a
// credential's (PROJECT_KEY, authServer) is something else: described as
// an identifier, used only in URLs and plain parameters, or a URL itself.
func (e *Evidence) identifier(v load.Variable) bool {
	return identifierText.MatchString(v.Description) || e.plain[v.Key] || plainURL(v.Value)
}

// plainURL reports whether a value is a URL that can hold no credential:
// a server's address whose path, if any, is a few lower-case words
// ("https://account-d.docusign.com", "https://api.example.com/v2"). A
// webhook URL whose path is its secret ("https://hooks.example.com/T0/B0/x9Kq…")
// is not one, nor is a URL with a user, a query or a fragment.
func plainURL(value string) bool {
	u, err := url.Parse(strings.TrimSpace(value))
	if err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "" ||
		u.User != nil || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
		return false
	}
	for _, seg := range strings.Split(strings.Trim(u.Path, "/"), "/") {
		if seg != "" && !urlWord.MatchString(seg) {
			return false
		}
	}
	return true
}

var (
	// urlWord is a path segment that names rather than authorizes: a
	// short lower-case word or a version.
	urlWord = regexp.MustCompile(`^([a-z][a-z._-]{0,19}|v[0-9]{1,2})$`)
	// credentialText is a description that says credential.
	credentialText = regexp.MustCompile(`(?i)\b(api[ _-]?key|secret|password|passphrase|(api|auth|access|session|bearer|refresh)[ _-]?token|bearer|credentials?|private[ _-]?key)\b`)
	// identifierText is a description that says identifier.
	identifierText = regexp.MustCompile(`(?i)\b(id|ids|identifier|slug|handle|name|number)\b`)
)

// nameSeparators drops the separators strongSecretName ignores in a name,
// made once: a Replacer builds its tables on first use.
var nameSeparators = strings.NewReplacer("_", "", "-", "", " ", "")

// strongSecretName reports whether a name says credential with a word
// that means nothing else: token, secret, password, credential, or a key
// qualified as an API, private, secret or access key. "key" and "auth"
// alone are weak (SecretName).
func strongSecretName(key string) bool {
	for _, w := range naming.Words(key) {
		switch strings.ToLower(w) {
		case "token", "tokens", "secret", "secrets", "password", "passwords", "passwd", "pwd", "pass",
			"credential", "credentials", "creds", "bearer", "signature", "jwt":
			return true
		}
	}
	k := nameSeparators.Replace(strings.ToLower(key))
	for _, w := range []string{"token", "secret", "passw", "pwd", "apikey", "credential", "privatekey", "signature",
		"bearer", "cookievalue", "accesskey", "secretkey", "signingkey", "masterkey", "subscriptionkey"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// credentialSlot reports whether a header, query parameter or form field
// named name carries a credential.
func credentialSlot(name string) bool {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "authorization", "proxy-authorization", "cookie":
		return true
	}
	return SecretName(name)
}

// gatherEvidence records where the requests of col use each variable.
// Raw bodies are not read: a variable there is neither evidence for nor
// against, and its name decides.
func gatherEvidence(col *load.Collection, authRefs map[string]bool) *Evidence {
	e := &Evidence{authRefs: authRefs, credential: map[string]bool{}, plain: map[string]bool{}}
	note := func(text string, credential bool) {
		into := e.plain
		if credential {
			into = e.credential
		}
		secretRefs(text, into)
	}
	pairs := func(ps []load.Pair) {
		for _, p := range ps {
			if !p.Disabled {
				note(p.Value, credentialSlot(p.Key))
			}
		}
	}
	var walk func(items []*load.Item)
	walk = func(items []*load.Item) {
		for _, it := range items {
			walk(it.Items)
			r := it.Request
			if r == nil {
				continue
			}
			for _, s := range r.URL.Path {
				note(s, false)
			}
			pairs(r.URL.Query)
			pairs(r.URL.Variables)
			pairs(r.Header)
			if r.Body != nil {
				pairs(r.Body.URLEncoded)
				pairs(r.Body.FormData)
			}
		}
	}
	walk(col.Items)
	// A variable sent as a credential anywhere is one everywhere.
	for k := range e.credential {
		delete(e.plain, k)
	}
	return e
}
