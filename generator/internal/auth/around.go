package auth

import (
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// around splits each credential parameter of a into the text the
// collection writes around its variable and the variable itself. Postman
// sends "Api-Token {{DT_TOKEN}}" as "Api-Token " and the token; only the
// variable is the credential the caller gives, so the text is kept. A
// parameter that is one variable, saved text with no variable, or text
// with several variables or a dynamic one is the credential as a whole.
// It returns nil when no parameter has text around its variable.
func around(a *load.Auth, s model.AuthScheme) []model.TextAround {
	keys := CredentialKeys(s)
	out := make([]model.TextAround, len(keys))
	kept := false
	for i, k := range keys {
		if t, ok := SplitAround(Param(a, k)); ok {
			out[i] = t
			kept = kept || t != model.TextAround{}
		}
	}
	if !kept {
		return nil
	}
	return out
}

// SplitAround finds the one {{variable}} reference in text and returns the
// text before and after it; ok is false when text holds no reference,
// several, or a dynamic one ({{$guid}}), and the text around is then not
// split off.
func SplitAround(text string) (t model.TextAround, ok bool) {
	start := strings.Index(text, "{{")
	if start < 0 {
		return t, false
	}
	end := strings.Index(text[start+2:], "}}")
	if end < 0 {
		return t, false
	}
	name := text[start+2 : start+2+end]
	rest := text[start+2+end+2:]
	if name == "" || strings.HasPrefix(name, "$") || strings.ContainsAny(name, "{}") ||
		strings.Contains(rest, "{{") || strings.Contains(text[:start], "}}") {
		return t, false
	}
	if secretText(text[:start]) || secretText(rest) {
		return t, false
	}
	return model.TextAround{Before: text[:start], After: rest}, true
}

// secretText reports whether text around a variable looks like a saved
// credential itself (a JWT or Stripe key, or a long run of letters and
// digits such as a key): it is then withheld with the rest of the value,
// never written into generated source. "Bearer ", "Api-Token " and
// "acme\" are kept.
func secretText(s string) bool {
	if strings.Contains(s, "eyJ") || strings.Contains(s, "sk_live_") || strings.Contains(s, "sk_test_") {
		return true
	}
	run := 0
	for _, c := range s {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			if run++; run >= 20 {
				return true
			}
			continue
		}
		run = 0
	}
	return false
}

// SavedEmpty reports whether every credential of a token scheme (basic,
// bearer, API key, OAuth 2) is saved empty: an empty parameter, or one
// whose one variable is among empty (variables saved ""). Postman then
// sends the empty credentials (an API key header with no value, Basic
// auth of two empty strings), and so does a client not given them.
func SavedEmpty(a *load.Auth, s model.AuthScheme, empty map[string]bool) bool {
	switch s {
	case model.AuthBasic, model.AuthBearer, model.AuthAPIKey, model.AuthOAuth2:
	default:
		return false
	}
	for _, k := range CredentialKeys(s) {
		v := Param(a, k)
		if v == "" {
			continue
		}
		t, ok := SplitAround(v)
		if !ok {
			return false
		}
		name := v[len(t.Before)+2 : len(v)-len(t.After)-2]
		if !empty[name] {
			return false
		}
	}
	return true
}
