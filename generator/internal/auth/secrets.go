package auth

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
)

// Secrets. Generated source is committed and shared, and collections are
// exported with whatever the author last typed into them, so three kinds
// of value never reach the model, and so never reach any generated file:
//
//   - auth parameters that are credentials (tokens, passwords, client and
//     consumer secrets, API key values, AWS secret keys);
//   - variables of Postman type "secret";
//   - variables whose names say token, secret, password, key or
//     credential, and variables that an auth credential refers to.
//
// Each withheld value is named in a warning (never printed), so that the
// user knows to pass it at run time.

// CodeSecretWithheld marks a saved credential left out of the generated code.
const CodeSecretWithheld = "secret-withheld"

// minWithheldLen is the shortest saved credential that is cut out of
// descriptions: shorter ones ("x", "123") are everywhere in prose, and
// cutting them would garble it without hiding anything.
const minWithheldLen = 4

// Withheld are the saved credentials of a collection, longest first, so
// that a value is cut out of text before any shorter one inside it.
type Withheld struct {
	values []string
}

// FindSecrets runs first: it warns about the credentials auth blocks save,
// and records every withheld value, so that no description that quotes
// one carries it into a doc comment or the README. vars are the
// collection's variables as the environment leaves them; keep are the
// variables the user released. The Evidence it returns tells the
// variables that are credentials from the others.
func FindSecrets(col *load.Collection, vars []load.Variable, keep []string, warn func(pos model.Pos, msg string)) (*Withheld, *Evidence) {
	w := &Withheld{}
	e := gatherEvidence(col, warnAuthSecrets(col, w, warn))
	e.Keep(keep)
	for _, v := range vars {
		if !v.Disabled && e.SecretReason(v) != "" {
			w.add(v.Key, v.Value)
		}
	}
	sort.SliceStable(w.values, func(i, j int) bool { return len(w.values[i]) > len(w.values[j]) })
	return w, e
}

// add records a credential's value for redaction. A value that only
// repeats its own name ("password": "password", "clientSecret": "secret")
// is a placeholder, not a secret, and is kept, as are values too short to
// be told from prose: cutting those would garble descriptions.
func (w *Withheld) add(key, value string) {
	v := strings.TrimSpace(value)
	if len(v) < minWithheldLen || strings.Contains(strings.ToLower(key), strings.ToLower(v)) || strings.HasPrefix(v, "{{") && strings.HasSuffix(v, "}}") {
		return
	}
	for _, x := range w.values {
		if x == v {
			return
		}
	}
	w.values = append(w.values, v)
}

// Redact replaces every withheld value in text: descriptions sometimes
// quote the key that the collection saves ("use the key werx…").
func (w *Withheld) Redact(text string) string {
	for _, v := range w.values {
		text = strings.ReplaceAll(text, v, "[withheld]")
	}
	return text
}

// credentialParam reports whether an auth parameter holds a credential, by
// its Postman key; authType is the auth block's type, because "value" is
// the credential of an API key and nothing else.
func credentialParam(authType, key string) bool {
	k := strings.ToLower(keySeparators.Replace(key))
	switch k {
	case "token", "accesstoken", "refreshtoken", "idtoken", "sessiontoken", "clienttoken", "tokensecret",
		"password", "clientsecret", "consumersecret", "secret", "secretkey", "authkey", "privatekey":
		return true
	case "value":
		return strings.EqualFold(authType, "apikey")
	}
	return false
}

// keySeparators drops the separators credentialParam ignores in a key. A
// Replacer builds its tables on first use, so it is made once.
var keySeparators = strings.NewReplacer("_", "", "-", "")

// warnAuthSecrets walks every auth block of the collection (effective or
// not: a block a request overrides is still in the file) and warns once
// per block that saves credentials, naming the parameters withheld. It
// returns the variables those credentials refer to: their values are
// credentials too.
func warnAuthSecrets(col *load.Collection, w *Withheld, warn func(pos model.Pos, msg string)) map[string]bool {
	refs := map[string]bool{}
	check := func(a *load.Auth, pos model.Pos, from string) {
		if a == nil {
			return
		}
		var withheld []string
		for _, p := range a.Params {
			if !credentialParam(a.Type, p.Key) || strings.TrimSpace(p.Value) == "" {
				continue
			}
			literal := secretRefs(p.Value, refs)
			if _, split := SplitAround(strings.TrimSpace(p.Value)); split {
				// The text around the one variable is sent as written
				// ("Api-Token {{token}}"); only the variable is the
				// credential, and it was recorded above.
				continue
			}
			if literal {
				withheld = append(withheld, p.Key)
				w.add(p.Key, p.Value)
			}
		}
		if strings.EqualFold(a.Type, "oauth2") {
			for _, p := range tokenParamList(Param(a, "tokenRequestParams")) {
				if secretTokenParam(p) {
					withheld = append(withheld, "tokenRequestParams "+p.Key)
					w.add(p.Key, p.Value.(string))
				}
			}
		}
		if len(withheld) == 0 {
			return
		}
		warn(pos, fmt.Sprintf(
			"the %s auth set on %s saves %s: withheld from the generated code, which never holds credentials; pass them with %s",
			a.Type, from, quoteList(withheld), strings.Join(authOptionNamesOf(a), " or ")))
	}
	check(col.Auth, model.Pos{File: col.File}, "the collection")
	var walk func(items []*load.Item)
	walk = func(items []*load.Item) {
		for _, it := range items {
			if it.IsFolder {
				check(it.Auth, it.Pos, fmt.Sprintf("the folder %q", it.Name))
				walk(it.Items)
				continue
			}
			if it.Request != nil {
				check(it.Request.Auth, it.Pos, "the request")
			}
		}
	}
	walk(col.Items)
	return refs
}

// authOptionNamesOf names the options that take a block's credentials, or
// WithHeader for a kind generated clients cannot sign.
func authOptionNamesOf(a *load.Auth) []string {
	if s, ok, _ := SchemeOf(a); ok {
		names := OptionNames(s)
		if GrantType(a) == "" {
			return names
		}
		// The grant's own credentials: its client secret or password.
		for _, n := range GrantOptionNames([]Site{{Auth: a}}) {
			if n != "WithOAuth2TokenURL" {
				names = append(names, n)
			}
		}
		return names
	}
	return []string{"WithHeader"}
}

// SecretName reports whether a variable's name says it holds a
// credential: a word such as token, secret, password, key or credential
// ("apiKey", "x-api-key", "client_secret"), or a run-together form of one
// ("apikey", "accesstoken").
func SecretName(key string) bool {
	for _, w := range naming.Words(key) {
		switch strings.ToLower(w) {
		case "key", "keys", "token", "tokens", "secret", "secrets", "password", "passwords", "passwd",
			"pwd", "pass", "credential", "credentials", "creds", "auth", "bearer", "signature", "sso", "jwt":
			return true
		}
	}
	k := strings.ReplaceAll(strings.ToLower(key), "author", "")
	for _, w := range []string{"token", "secret", "passw", "pwd", "apikey", "api_key", "api-key",
		"credential", "privatekey", "private_key", "auth", "signature", "bearer", "sso", "cookievalue"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// secretValue reports whether a value looks like a credential whatever
// its variable is called: a JWT, a bearer header, a Stripe key.
func secretValue(value string) bool {
	v := strings.TrimSpace(value)
	return strings.HasPrefix(v, "eyJ") || strings.HasPrefix(strings.ToLower(v), "bearer ") ||
		strings.HasPrefix(v, "sk_live_") || strings.HasPrefix(v, "sk_test_")
}

// secretRefs adds the {{variables}} text refers to into refs, and
// reports whether anything else is left: a saved value rather than a
// reference. Unlike build's templates it creates no setting.
func secretRefs(text string, refs map[string]bool) (literal bool) {
	for text != "" {
		start := strings.Index(text, "{{")
		if start < 0 {
			break
		}
		end := strings.Index(text[start+2:], "}}")
		if end < 0 {
			break
		}
		if strings.TrimSpace(text[:start]) != "" {
			literal = true
		}
		refs[text[start+2:start+2+end]] = true
		text = text[start+2+end+2:]
	}
	return literal || strings.TrimSpace(text) != ""
}

func quoteList(keys []string) string {
	sort.Strings(keys)
	q := make([]string, len(keys))
	for i, k := range keys {
		q[i] = fmt.Sprintf("%q", k)
	}
	return strings.Join(q, ", ")
}
