package naming

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"   ", nil},
		{"get user id", []string{"get", "user", "id"}},
		{"getHTTPResponse2", []string{"get", "HTTP", "Response", "2"}},
		{"Step 6: Refresh Users' Session", []string{"Step", "6", "Refresh", "Users", "Session"}},
		{"People I'm working with", []string{"People", "Im", "working", "with"}},
		{"Change a User’s Primary Login", []string{"Change", "a", "Users", "Primary", "Login"}},
		{"{{baseUrl}}/users/:id", []string{"base", "Url", "users", "id"}},
		{"{{amUrl}}", []string{"am", "Url"}},
		// Braces do not start a word: text glued to a {{var}} stays one word.
		{"json{{realm}}", []string{"jsonrealm"}},
		{"x-api-key", []string{"x", "api", "key"}},
		{"bulk_mark_as_paid", []string{"bulk", "mark", "as", "paid"}},
		{"JSON POST /pdf/convert/to/csv", []string{"JSON", "POST", "pdf", "convert", "to", "csv"}},
		{"userIDs", []string{"user", "IDs"}},
		{"URLsForUser", []string{"URLs", "For", "User"}},
		{"HTTPSession", []string{"HTTP", "Session"}},
		{"OAuth2Token", []string{"OAuth", "2", "Token"}},
		{"OAuth1.0 (verify signature)", []string{"OAuth", "1", "0", "verify", "signature"}},
		{"GraphQLBody", []string{"GraphQL", "Body"}},
		{"IPv6 address", []string{"IPv", "6", "address"}},
		{"2FA setup", []string{"2", "FA", "setup"}},
		{"Café Größe", []string{"Cafe", "Grosse"}},
		{"Ærø Łódź", []string{"Aero", "Lodz"}},
		{"日本語 API", []string{"API"}},
		{"🔐 Quick Auth Setup → Then Run APIs", []string{"Quick", "Auth", "Setup", "Then", "Run", "APIs"}},
		{"payment_method_options[card][three_d_secure]", []string{"payment", "method", "options", "card", "three", "d", "secure"}},
		{"Get People $top $skip", []string{"Get", "People", "top", "skip"}},
		{`\\ in path`, []string{"in", "path"}},
		{"multiple &&&", []string{"multiple"}},
		{"Special    ", []string{"Special"}},
		{"iPhone", []string{"i", "Phone"}},
	}
	for _, tt := range tests {
		got := Words(tt.in)
		if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Words(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
		for _, w := range got {
			if w == "" {
				t.Errorf("Words(%q) returned an empty word", tt.in)
			}
			for i := 0; i < len(w); i++ {
				if !isAlnum(w[i]) {
					t.Errorf("Words(%q) word %q has non-alphanumeric byte %q", tt.in, w, w[i])
				}
			}
		}
	}
}
