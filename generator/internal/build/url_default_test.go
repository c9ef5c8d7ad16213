package build

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/load"
)

// TestURLDefaults: a saved base URL without a scheme gets Postman's http://;
// one that still is not absolute is kept, with a warning naming it.
func TestURLDefaults(t *testing.T) {
	tests := []struct {
		value, wantDefault string
		wantWarning        bool
	}{
		{"https://api.example.com", "https://api.example.com", false},
		{"localhost:3000", "http://localhost:3000", false},
		{"/", "/", true},
		{"https://{{host}", "https://{{host}", true},
	}
	for _, tt := range tests {
		col := &load.Collection{File: "c.json", Items: []*load.Item{request("r", "GET", "{{baseUrl}}/items")},
			Variables: []load.Variable{{Key: "baseUrl", Value: tt.value}}}
		api, diags := Build(col, Options{})
		if api == nil {
			t.Fatalf("%q: Build failed: %v", tt.value, diags)
		}
		if got := api.BaseURL.Default; got != tt.wantDefault {
			t.Errorf("%q: default = %q, want %q", tt.value, got, tt.wantDefault)
		}
		warned := strings.Contains(fmt.Sprint(diags), `variable "baseUrl": warning: the saved value`)
		if warned != tt.wantWarning || api.BaseURL.Unusable != tt.wantWarning {
			t.Errorf("%q: warned %v, Unusable %v; want %v (diagnostics %v)", tt.value, warned, api.BaseURL.Unusable, tt.wantWarning, diags)
		}
	}
}
