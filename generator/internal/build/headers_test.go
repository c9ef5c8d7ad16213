package build

import (
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/load"
)

func TestValidHeaderTemplate(t *testing.T) {
	for name, want := range map[string]bool{
		"X-Plain":                  true,
		"{{cookieName}}":           true,
		"X-{{v}}-Id":               true,
		"X-Evil\r\nInjected: 1":    false,
		"X-{{v}}\r\nInjected: 1":   false,
		"{{v}}\x00":                false,
		"X Space":                  false,
		"{{a}} {{b}}":              false,
		"X-{{unclosed":             false,
		"X-Evil\nInjected":         false,
		"":                         false,
		"{{a}}:{{b}}":              false,
		"X-{{a}}{{b}}-{{$guid}}-Z": true,
	} {
		if got := validHeaderTemplate(name); got != want {
			t.Errorf("validHeaderTemplate(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestHeadersThatSplitRequests: a header whose name or value could split
// the request is never emitted, whether on the request, in its API key
// auth, or replayed from an example; each is a warning on its request.
func TestHeadersThatSplitRequests(t *testing.T) {
	it := request("Evil", "GET", "https://api.example.com/x")
	it.Request.Header = []load.Pair{
		{Key: "X-Evil\r\nInjected: 1", Value: "v"},
		{Key: "X-{{v}}\r\nInjected: 1", Value: "v"},
		{Key: "X-Value", Value: "a\r\nInjected: 2"},
		{Key: "X-Fine", Value: "ok"},
	}
	it.Request.Auth = &load.Auth{Type: "apikey", Params: []load.Pair{{Key: "key", Value: "X-Key\r\nInjected: 3"}, {Key: "in", Value: "header"}}}
	it.Responses = []*load.Response{{Name: "ok", Code: 200, Body: "{}", Header: []load.Pair{{Key: "X-R\r\nInjected: 4", Value: "v"}}}}
	api, diags := Build(&load.Collection{File: "c.json", Items: []*load.Item{it}}, Options{})
	if api == nil {
		t.Fatalf("Build failed: %v", diags)
	}
	var codes []string
	for _, d := range diags {
		codes = append(codes, d.Code)
	}
	want := "invalid-header-name invalid-header-name invalid-header-value invalid-header-name invalid-example-header"
	if got := strings.Join(codes, " "); got != want {
		t.Errorf("diagnostics %s\nwant %s\n%v", got, want, diags)
	}
	op := api.Root.Ops[0]
	if op.Auth != nil {
		t.Errorf("the API key with a bad header name is still sent: %+v", op.Auth)
	}
	for _, p := range op.Entries {
		if strings.Contains(p.Key, "Injected") {
			t.Errorf("header %q is emitted", p.Key)
		}
	}
	for _, h := range op.FixedHeaders {
		if strings.Contains(templateText(h.Name), "Injected") {
			t.Errorf("header %q is emitted", templateText(h.Name))
		}
	}
	for _, tc := range op.Tests {
		for _, h := range tc.ResponseHeaders {
			if strings.Contains(h.Key, "Injected") {
				t.Errorf("example header %q is replayed", h.Key)
			}
		}
	}
}
