package generator

import (
	"strings"
	"testing"
)

// testdata/auth is a collection that uses every auth kind pmgen signs.
// Its client runs, as package authkinds of TestGeneratedCodeCompilesAndPasses,
// with the hand-written tests of testdata/auth/*_test.go.txt: each checks
// what the client sends against a published test vector (AWS's SigV4
// suite, RFC 5849 and Twitter's OAuth 1.0a example, RFC 2617 and RFC 7616
// digest, the Hawk README, Akamai's EdgeGrid testdata) or an exact header
// or query value. Beside them, runtime_resign_test.go checks what retries
// and editors do to signed requests: a fresh signature per attempt,
// editors after auth.

// TestAuthWarnings checks the diagnostics of testdata/auth: the NTLM folder
// is the one kind that cannot be signed, so one warning, at the folder,
// names its request; the others only say which saved credentials were
// withheld.
func TestAuthWarnings(t *testing.T) {
	var warnings []string
	for _, d := range renderAuth(t).diags {
		if d.Code == "secret-withheld" {
			continue
		}
		warnings = append(warnings, d.String())
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "[auth-not-generated]") ||
		!strings.Contains(warnings[0], `"Windows"`) || !strings.Contains(warnings[0], "WithHeader") {
		t.Errorf("warnings = %q, want one auth-not-generated warning naming \"Windows\"", warnings)
	}
}
