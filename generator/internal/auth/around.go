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
	return model.TextAround{Before: text[:start], After: rest}, true
}
