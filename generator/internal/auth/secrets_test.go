package auth

import (
	"testing"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

func TestSecretName(t *testing.T) {
	for key, want := range map[string]bool{
		"apiKey": true, "x-api-key": true, "client_secret": true, "accesstoken": true,
		"author": false, "baseUrl": false, "userId": false, "monkey": false,
	} {
		if got := SecretName(key); got != want {
			t.Errorf("SecretName(%q) = %v, want %v", key, got, want)
		}
	}
}

// TestWithheldLongestFirst checks that a credential holding a shorter one
// is cut out whole, and that placeholders and references are kept.
func TestWithheldLongestFirst(t *testing.T) {
	col := &load.Collection{File: "c.json", Auth: &load.Auth{Type: "bearer", Params: []load.Pair{{Key: "token", Value: "abcd"}}}}
	vars := []load.Variable{
		{Key: "secret", Value: "abcdefgh"},
		{Key: "password", Value: "password"},
		{Key: "apiKey", Value: "{{other}}"},
	}
	var warnings []string
	w, _ := FindSecrets(col, vars, nil, func(_ model.Pos, msg string) { warnings = append(warnings, msg) })
	got := w.Redact("abcdefgh abcd password {{other}}")
	if want := "[withheld] [withheld] password {{other}}"; got != want {
		t.Errorf("Redact = %q, want %q", got, want)
	}
	if len(warnings) != 1 {
		t.Errorf("warnings = %q, want one about the bearer token", warnings)
	}
}
