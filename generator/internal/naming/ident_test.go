package naming

import (
	"go/token"
	"strings"
	"testing"
)

func TestExported(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Step 6: Refresh Users' Session", "RefreshUsersSession"},
		{"get user id", "GetUserID"},
		{"oauth2 token", "OAuth2Token"},
		{"x-api-key", "XAPIKey"},
		{"2FA setup", "N2FASetup"},
		{"401", "N401"},
		{"200 OK", "N200OK"},
		{"getHTTPResponse2", "GetHTTPResponse2"},
		{"userId", "UserID"},
		{"Get Users' IDs", "GetUsersIDs"},
		{"list urls", "ListURLs"},
		{"utf8 decode", "UTF8Decode"},
		{"md5 checksum", "MD5Checksum"},
		{"ipv4 address", "IPv4Address"},
		{"POST graphql body(json) with raw", "PostGraphQLBodyJSONWithRaw"},
		{"OAuth1.0 (verify signature)", "OAuth10VerifySignature"},
		{"JSON POST /pdf/convert/to/csv", "JSONPostPDFConvertToCSV"},
		{"/todos/:id", "TodosID"},
		// DEL is no HTTP method: a word in capitals like any other.
		{"DEL /pdf/documentparser/results/:id", "DELPDFDocumentparserResultsID"},
		{"🔐 Quick Auth Setup → Then Run APIs", "QuickAuthSetupThenRunAPIs"},
		{" 02 - Authorization Code Grant (Confidential Client)", "AuthorizationCodeGrantConfidentialClient"},
		{"01-1 - Construct Consent URL (JWT)", "ConstructConsentURLJWT"},
		{"3. Business Profile (Optional)", "BusinessProfileOptional"},
		{"People I'm working with", "PeopleImWorkingWith"},
		{"Get People $top $skip", "GetPeopleTopSkip"},
		{"v1.0 $metadata", "V10Metadata"},
		{"Whitespace-Only Method", "WhitespaceOnlyMethod"},
		{"Special    ", "Special"},
		{"Café Größe", "CafeGrosse"},
		{"bulk_mark_as_paid", "BulkMarkAsPaid"},
		{"type", "Type"},
		{"sso token", "SSOToken"},
		{"{{baseUrl}}", "BaseURL"},
		{"{{demoSSOToken}}", "DemoSSOToken"},
		{"{{cookieName}}", "CookieName"},
		{"Retrieve a quote's upfront line items", "RetrieveAQuotesUpfrontLineItems"},
		// Nothing usable: the fallback, and its last resort.
		{"/", "Op"},
		{"日本語", "Op"},
		{"", "Op"},
		{"🔐", "Op"},
	}
	for _, tt := range tests {
		got := Exported(tt.in, "Op")
		if got != tt.want {
			t.Errorf("Exported(%q) = %q, want %q", tt.in, got, tt.want)
		}
		assertExported(t, tt.in, got)
	}
	if got := Exported("", ""); got != "X" {
		t.Errorf(`Exported("", "") = %q, want "X"`, got)
	}
	if got := Exported("???", "request 3"); got != "Request3" {
		t.Errorf(`Exported("???", "request 3") = %q, want "Request3"`, got)
	}
}

func TestUnexported(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ID", "id"},
		{"userID", "userID"},
		{"user id", "userID"},
		{"URLPath", "urlPath"},
		{"HTTPClient", "httpClient"},
		{"OAuth token", "oauthToken"},
		{"IDs", "ids"},
		{"Step 6: Refresh Users' Session", "refreshUsersSession"},
		{"2FA setup", "n2FASetup"},
		{"x-api-key", "xAPIKey"},
		{"Content-Type", "contentType"},
		{"_prettyPrint", "prettyPrint"},
		{"_action", "action"},
		{"Accept-API-Version", "acceptAPIVersion"},
		// Keywords and predeclared identifiers get a trailing underscore.
		{"type", "type_"},
		{"Type", "type_"},
		{"func", "func_"},
		{"range", "range_"},
		{"string", "string_"},
		{"error", "error_"},
		{"len", "len_"},
		{"nil", "nil_"},
		{"any", "any_"},
		{"new", "new_"},
		{"max", "max_"},
		{"true", "true_"},
		{"types", "types"},
		{"", "v"},
	}
	for _, tt := range tests {
		got := Unexported(tt.in, "v")
		if got != tt.want {
			t.Errorf("Unexported(%q) = %q, want %q", tt.in, got, tt.want)
		}
		assertUnexported(t, tt.in, got)
	}
	if got := Unexported("", ""); got != "x" {
		t.Errorf(`Unexported("", "") = %q, want "x"`, got)
	}
	if got := Unexported("", "type"); got != "type_" {
		t.Errorf(`Unexported("", "type") = %q, want "type_"`, got)
	}
}

func TestLongNames(t *testing.T) {
	long := strings.Repeat("Retrieve the upcoming invoice line items for a customer ", 5)
	got := Exported(long, "Op")
	if len(got) > maxIdentLen || len(got) < maxIdentLen-20 {
		t.Errorf("Exported(long) = %q (%d bytes), want between %d and %d bytes", got, len(got), maxIdentLen-20, maxIdentLen)
	}
	if !strings.HasPrefix(got, "RetrieveTheUpcomingInvoiceLineItems") {
		t.Errorf("Exported(long) = %q, want the leading words kept", got)
	}
	assertExported(t, long, got)
	// Stable: the same name always gives the same identifier, and a longer
	// tail does not change the capped result.
	if again := Exported(long+" and more words", "Op"); again != got {
		t.Errorf("capped result changed with the tail: %q vs %q", again, got)
	}
	// One enormous word is cut, not dropped.
	word := strings.Repeat("a", 300)
	if got := Exported(word, "Op"); len(got) != maxIdentLen || got[0] != 'A' {
		t.Errorf("Exported(300 a's) = %q (%d bytes)", got, len(got))
	}
	if got := Unexported(word, "op"); len(got) != maxIdentLen || got[0] != 'a' {
		t.Errorf("Unexported(300 a's) = %q (%d bytes)", got, len(got))
	}
}

func assertExported(t *testing.T, in, got string) {
	t.Helper()
	if !token.IsIdentifier(got) || !token.IsExported(got) {
		t.Errorf("Exported(%q) = %q, not an exported identifier", in, got)
	}
}

func assertUnexported(t *testing.T, in, got string) {
	t.Helper()
	if !token.IsIdentifier(got) || token.IsExported(got) || shadows(got) {
		t.Errorf("Unexported(%q) = %q, not a usable unexported identifier", in, got)
	}
}
