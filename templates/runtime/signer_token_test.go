package pmruntime

import (
	"net/http"
	"testing"
)

// TestTokenSignersKeepTextAround checks that the collection's text around
// a credential's variable is sent with the value the option gives, and
// that a key given empty is still sent, as Postman sends both.
func TestTokenSignersKeepTextAround(t *testing.T) {
	str := func(s string) *string { return &s }
	tests := []struct {
		name   string
		signer interface {
			sign(*config, *http.Request, []byte) error
		}
		auth        authConfig
		header, val string
		query       string
	}{
		{"api key with prefix", apiKeyAuth{name: "Authorization", around: textAround{{"Api-Token ", ""}}},
			authConfig{apiKey: str("t0k")}, "Authorization", "Api-Token t0k", ""},
		{"api key given empty", apiKeyAuth{name: "X-API-Key"}, authConfig{apiKey: str("")}, "X-API-Key", "", ""},
		{"api key not given", apiKeyAuth{name: "X-API-Key"}, authConfig{}, "", "", ""},
		{"api key in query given empty", apiKeyAuth{name: "api_key", inQuery: true}, authConfig{apiKey: str("")}, "", "", "api_key="},
		{"bearer with suffix", bearerAuth{around: textAround{{"", "-v2"}}}, authConfig{bearer: str("abc")}, "Authorization", "Bearer abc-v2", ""},
		{"bearer empty", bearerAuth{}, authConfig{bearer: str("")}, "", "", ""},
		{"api key saved empty, not given", apiKeyAuth{name: "asc_auth_key", emptyDefault: true}, authConfig{}, "asc_auth_key", "", ""},
		{"basic saved empty, not given", basicAuth{emptyDefault: true}, authConfig{}, "Authorization", "Basic Og==", ""},
		{"bearer saved empty, not given", bearerAuth{emptyDefault: true}, authConfig{}, "", "", ""},
		{"bearer saved empty with text, not given", bearerAuth{emptyDefault: true, around: textAround{{"t-", ""}}}, authConfig{}, "Authorization", "Bearer t-", ""},
		{"oauth2 saved empty with text, not given", oauth2Auth{prefix: "Bearer", emptyDefault: true, around: textAround{{"v2.", ""}}}, authConfig{}, "Authorization", "Bearer v2.", ""},
		{"basic with text", basicAuth{around: textAround{{"acme\\", ""}, {"", ""}}}, authConfig{basic: &[2]string{"bob", "pw"}},
			"Authorization", "Basic YWNtZVxib2I6cHc=", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest("GET", "https://api.example.com/x", nil)
			cfg := &config{auth: tt.auth}
			if err := tt.signer.sign(cfg, req, nil); err != nil {
				t.Fatal(err)
			}
			if tt.header != "" {
				if got, ok := req.Header[tt.header]; !ok || got[0] != tt.val {
					t.Errorf("header %s = %q (present %v), want %q", tt.header, got, ok, tt.val)
				}
			} else if len(req.Header) != 0 {
				t.Errorf("headers %v, want none", req.Header)
			}
			if req.URL.RawQuery != tt.query {
				t.Errorf("query %q, want %q", req.URL.RawQuery, tt.query)
			}
		})
	}
}
