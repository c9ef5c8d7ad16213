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

// TestTextAroundVariableIsNotWithheld checks that an auth value of text
// around one variable saves no credential (the text is sent as written),
// while its variable is a credential, and that text with two references
// is still withheld.
func TestTextAroundVariableIsNotWithheld(t *testing.T) {
	col := &load.Collection{File: "c.json", Items: []*load.Item{
		{Name: "Split", Request: &load.Request{Auth: &load.Auth{Type: "apikey", Params: []load.Pair{{Key: "value", Value: "Api-Token {{DT_TOKEN}}"}}}}},
		{Name: "Two", Request: &load.Request{Auth: &load.Auth{Type: "bearer", Params: []load.Pair{{Key: "token", Value: "{{a}}:{{b}}"}}}}},
	}}
	var warnings []string
	w, e := FindSecrets(col, []load.Variable{{Key: "DT_TOKEN", Value: "dt0c01.abc"}}, nil,
		func(_ model.Pos, msg string) { warnings = append(warnings, msg) })
	if len(warnings) != 1 {
		t.Errorf("warnings = %q, want one, about the bearer token of two references", warnings)
	}
	if got := w.Redact("Api-Token dt0c01.abc"); got != "Api-Token [withheld]" {
		t.Errorf("Redact = %q: the variable's value must be withheld, the text kept", got)
	}
	if e.SecretReason(load.Variable{Key: "DT_TOKEN", Value: "dt0c01.abc"}) == "" {
		t.Error("DT_TOKEN is not a credential, though an auth value refers to it")
	}
}
