package build

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

// codeSecretWithheld marks a saved credential left out of the generated code.
const codeSecretWithheld = "secret-withheld"

// minWithheldLen is the shortest saved credential that is cut out of
// descriptions: shorter ones ("x", "123") are everywhere in prose, and
// cutting them would garble it without hiding anything.
const minWithheldLen = 4

// findSecrets runs first: it warns about the credentials auth blocks save,
// and records every withheld value, so that no description that quotes
// one carries it into a doc comment or the README.
func (b *builder) findSecrets(env []load.Variable) {
	b.authRefs = b.warnAuthSecrets()
	for _, v := range b.variables(env) {
		if !v.Disabled && secretReason(v, b.authRefs) != "" {
			b.withhold(v.Key, v.Value)
		}
	}
	sort.SliceStable(b.withheld, func(i, j int) bool { return len(b.withheld[i]) > len(b.withheld[j]) })
}

// withhold records a credential's value for redaction. A value that only
// repeats its own name ("password": "password", "clientSecret": "secret")
// is a placeholder, not a secret, and is kept, as are values too short to
// be told from prose: cutting those would garble descriptions.
func (b *builder) withhold(key, value string) {
	v := strings.TrimSpace(value)
	if len(v) < minWithheldLen || strings.Contains(strings.ToLower(key), strings.ToLower(v)) || strings.HasPrefix(v, "{{") && strings.HasSuffix(v, "}}") {
		return
	}
	for _, w := range b.withheld {
		if w == v {
			return
		}
	}
	b.withheld = append(b.withheld, v)
}

// redact replaces every withheld value in text: descriptions sometimes
// quote the key that the collection saves ("use the key werx…").
func (b *builder) redact(text string) string {
	for _, w := range b.withheld {
		text = strings.ReplaceAll(text, w, "[withheld]")
	}
	return text
}

// markdown turns a description into a doc comment, without credentials.
//
// Results are kept by text: collections repeat their descriptions (Stripe
// has 7,784, of which 1,510 differ, one parameter's text on every request
// that takes it), and Markdown parsing was half of building Stripe.
func (b *builder) markdown(md string) string {
	md = b.redact(md)
	doc, ok := b.docs[md]
	if !ok {
		doc = markdown(md)
		b.docs[md] = doc
	}
	return doc
}

// credentialParam reports whether an auth parameter holds a credential, by
// its Postman key; authType is the auth block's type, because "value" is
// the credential of an API key and nothing else.
func credentialParam(authType, key string) bool {
	k := strings.ToLower(strings.NewReplacer("_", "", "-", "").Replace(key))
	switch k {
	case "token", "accesstoken", "refreshtoken", "idtoken", "sessiontoken", "clienttoken", "tokensecret",
		"password", "clientsecret", "consumersecret", "secret", "secretkey", "authkey", "privatekey":
		return true
	case "value":
		return strings.EqualFold(authType, "apikey")
	}
	return false
}

// warnAuthSecrets walks every auth block of the collection (effective or
// not: a block a request overrides is still in the file) and warns once
// per block that saves credentials, naming the parameters withheld. It
// returns the variables those credentials refer to: their values are
// credentials too.
func (b *builder) warnAuthSecrets() map[string]bool {
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
			if literal := secretRefs(p.Value, refs); literal {
				withheld = append(withheld, p.Key)
				b.withhold(p.Key, p.Value)
			}
		}
		if len(withheld) == 0 {
			return
		}
		b.diag(pos, model.Warning, codeSecretWithheld, fmt.Sprintf(
			"the %s auth set on %s saves %s: withheld from the generated code, which never holds credentials; pass them with %s",
			a.Type, from, quoteList(withheld), strings.Join(authOptionNamesOf(a), " or ")))
	}
	check(b.col.Auth, model.Pos{File: b.col.File}, "the collection")
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
	walk(b.col.Items)
	return refs
}

// authOptionNamesOf names the options that take a block's credentials, or
// WithHeader for a kind generated clients cannot sign.
func authOptionNamesOf(a *load.Auth) []string {
	if s, ok, _ := schemeOf(a); ok {
		return authOptionNames(s)
	}
	return []string{"WithHeader"}
}

// warnSecretSetting says that a variable's saved value was withheld.
func (b *builder) warnSecretSetting(v load.Variable, why string) {
	s := b.settings[v.Key]
	how := s.Option
	if s.EnvVar != "" {
		how += " (the README suggests reading it from $" + s.EnvVar + ")"
	}
	b.diag(model.Pos{Path: []string{"variable \"" + v.Key + "\""}}, model.Warning, codeSecretWithheld,
		fmt.Sprintf("the saved value is withheld from the generated code because %s; pass it with %s", why, how))
}

// secretReason says why a variable's value is a secret, "" when it is not.
func secretReason(v load.Variable, authRefs map[string]bool) string {
	switch {
	case strings.EqualFold(v.Type, "secret"):
		return "the variable is of type secret"
	case secretName(v.Key):
		return "its name says it is a credential"
	case authRefs[v.Key]:
		return "an auth credential refers to it"
	case secretValue(v.Value):
		return "the value looks like a token"
	}
	return ""
}

// secretName reports whether a variable's name says it holds a
// credential: a word such as token, secret, password, key or credential
// ("apiKey", "x-api-key", "client_secret"), or a run-together form of one
// ("apikey", "accesstoken").
func secretName(key string) bool {
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
// reference. Unlike builder.template it creates no setting.
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
