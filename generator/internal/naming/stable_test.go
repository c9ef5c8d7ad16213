package naming

import "testing"

// TestExportedStableAcrossRenames pins the rule the README documents: an
// item renamed only in its tutorial ordinal, in letter case (of the whole
// name, or of words other than short ones in capitals), or in the
// punctuation between and around words keeps its Go name, so that
// regenerating after such an edit does not break callers. Each group
// holds spellings of one name across versions of a collection.
func TestExportedStableAcrossRenames(t *testing.T) {
	groups := []struct {
		want  string
		names []string
	}{
		{"GetUser", []string{
			"Get user", "get user", "GET USER", "Get User", // case
			"1. Get user", "Step 2: get user", "01 - Get user", "3) Get user", // ordinal
			"get-user", "get_user", "Get user.", "Get user!", "(Get) user", "Get / user", "  Get   user  ", // punctuation
			"getUser", "GetUser", // camelCase splits words as a space would
			"1. get User", "GET-USER", "Step 2: get_user!", // the README's examples
		}},
		{"GetUserID", []string{"Get user ID", "get user id", "GET USER ID", "Get userId", "get_user_id", "Step 4: get-user-id"}},
		{"RefreshUsersSession", []string{"Step 6: Refresh Users' Session", "refresh users session", "REFRESH USERS' SESSION", "7. Refresh users’ session"}},
		{"ListOAuthClients", []string{"List OAuth clients", "LIST OAUTH CLIENTS", "list oauth clients", "list-oauth-clients"}},
		{"CreateAPIKey", []string{"Create API key", "CREATE API KEY", "create api key", "create_api_key"}},
		{"CreerUnCafe", []string{"Créer un café", "CRÉER UN CAFÉ", "créer-un-café"}},
	}
	for _, g := range groups {
		for _, name := range g.names {
			if got := Exported(name, "Request"); got != g.want {
				t.Errorf("Exported(%q) = %s, want %s", name, got, g.want)
			}
		}
	}
}

// TestExportedRenamesThatChangeWords pins the limits of the rule: an edit
// that joins or splits words changes the name, because words are what
// the name is made of.
func TestExportedRenamesThatChangeWords(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Get e-mail", "Get email"},        // a separator removed joins two words
		{"getuser", "getUser"},             // a capital inside a word starts a new one
		{"Get user", "Get users"},          // a different word
		{"2FA setup", "2. FA setup"},       // "2." followed by a space is an ordinal; "2FA" is not
		{"Get sftp logs", "Get SFTP logs"}, // a short word put in capitals keeps them (capitals.go)
	}
	for _, tt := range tests {
		if a, b := Exported(tt.a, "Request"), Exported(tt.b, "Request"); a == b {
			t.Errorf("Exported(%q) = Exported(%q) = %s; the rule says they differ", tt.a, tt.b, a)
		}
	}
}
