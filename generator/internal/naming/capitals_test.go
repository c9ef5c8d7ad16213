package naming

import "testing"

// TestCapitalsRule pins each clause of the rule capitals.go states.
func TestCapitalsRule(t *testing.T) {
	tests := []struct{ in, exported, unexported string }{
		// A run of capitals inside a word is a word of its own, and keeps them.
		{"X-OpenAM-Username", "XOpenAMUsername", "xOpenAMUsername"},
		{"X-OpenAM-Password", "XOpenAMPassword", "xOpenAMPassword"},
		{"Get SFTP logs", "GetSFTPLogs", "getSFTPLogs"},
		{"SFTP settings", "SFTPSettings", "sftpSettings"},
		{"totalVAT", "TotalVAT", "totalVAT"},
		{"List SKUs", "ListSKUs", "listSKUs"},
		{"Create WAF rule", "CreateWAFRule", "createWAFRule"},
		{"OWASP rules", "OWASPRules", "owaspRules"},
		// Go's initialisms apply as before, whatever the case.
		{"x-api-key", "XAPIKey", "xAPIKey"},
		{"get user id", "GetUserID", "getUserID"},
		// A name wholly in capitals says nothing by its case.
		{"PROJECT_KEY", "ProjectKey", "projectKey"},
		{"GET USER", "GetUser", "getUser"},
		{"SKU", "Sku", "sku"},
		{"X-API-KEY", "XAPIKey", "xAPIKey"},
		{"Step 2: GET USER", "GetUser", "getUser"}, // the ordinal is not part of the name
		// HTTP methods are verbs.
		{"GET users", "GetUsers", "getUsers"},
		{"POST order", "PostOrder", "postOrder"},
		{"PROPFIND folder", "PropfindFolder", "propfindFolder"},
		// One capital is not a word in capitals; six or more are emphasis.
		{"X-Request", "XRequest", "xRequest"},
		{"Get users DEPRECATED", "GetUsersDeprecated", "getUsersDeprecated"},
		{"Get HYBRID", "GetHybrid", "getHybrid"},
		// Five letters is the longest word kept.
		{"Get XLSX", "GetXLSX", "getXLSX"},
	}
	for _, tt := range tests {
		if got := Exported(tt.in, "Op"); got != tt.exported {
			t.Errorf("Exported(%q) = %q, want %q", tt.in, got, tt.exported)
		}
		if got := Unexported(tt.in, "op"); got != tt.unexported {
			t.Errorf("Unexported(%q) = %q, want %q", tt.in, got, tt.unexported)
		}
	}
}
