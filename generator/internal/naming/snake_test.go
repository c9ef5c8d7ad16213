package naming

import (
	"go/token"
	"strings"
	"testing"
)

func TestSnake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"RefreshUsersSession", "refresh_users_session"},
		{"GetUserID", "get_user_id"},
		{"GetUsersIDs", "get_users_ids"},
		{"OAuth2Token", "oauth2_token"},
		{"GetHTTPResponse2", "get_http_response2"},
		{"XAPIKey", "x_api_key"},
		{"ConstructConsentURLJWT", "construct_consent_url_jwt"},
		{"JSONPostPDFConvertToCSV", "json_post_pdf_convert_to_csv"},
		{"N2FASetup", "n2_fa_setup"},
		{"GraphQLBody", "graphql_body"},
		{"SOSAlert", "sos_alert"},
		{"Sessions", "sessions"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Snake(tt.in); got != tt.want {
			t.Errorf("Snake(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPackageName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ForgeRock AM Sessions", "forgerockamsessions"},
		{"Postman Echo", "postmanecho"},
		{"Microsoft Graph", "microsoftgraph"},
		{"1Password API", "pkg1passwordapi"},
		{"go", "gopkg"},
		{"Type", "typepkg"},
		{"main", "mainpkg"},
		{"Café API", "cafeapi"},
		{"🔐", "client"},
		{"", "client"},
	}
	for _, tt := range tests {
		got := PackageName(tt.in, "")
		if got != tt.want {
			t.Errorf("PackageName(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if !token.IsIdentifier(got) || strings.ToLower(got) != got || strings.Contains(got, "_") {
			t.Errorf("PackageName(%q) = %q, not a lower-case package name", tt.in, got)
		}
	}
	if got := PackageName("???", "Fast API"); got != "fastapi" {
		t.Errorf(`PackageName("???", "Fast API") = %q, want "fastapi"`, got)
	}
	long := PackageName(strings.Repeat("collection ", 30), "")
	if len(long) > maxIdentLen || !strings.HasPrefix(long, "collectioncollection") {
		t.Errorf("PackageName(long) = %q (%d bytes)", long, len(long))
	}
}
