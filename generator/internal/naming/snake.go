package naming

import (
	"go/token"
	"strings"
)

// Snake returns the snake_case form of an identifier, for file and folder
// names: "RefreshUsersSession" -> "refresh_users_session",
// "GetUserID" -> "get_user_id", "OAuth2Token" -> "oauth2_token". A number
// stays attached to the word before it ("v2", "oauth2"). The result holds only
// lower-case ASCII letters, digits and underscores; it is "" when ident has
// no word. Callers that build file names should still avoid results ending in
// "_test" or in a GOOS/GOARCH suffix, which the go tool treats specially.
func Snake(ident string) string {
	words := Words(ident)
	parts := make([]string, 0, len(words))
	for _, w := range words {
		if len(parts) > 0 && isDigit(w[0]) {
			parts[len(parts)-1] += w
			continue
		}
		for _, piece := range splitInitialisms(w) {
			parts = append(parts, strings.ToLower(piece))
		}
	}
	return strings.Join(parts, "_")
}

// splitInitialisms separates initialisms that an identifier runs together,
// which Words cannot see because they are all capitals: "XAPI" -> "X" "API",
// "URLJWT" -> "URL" "JWT". Only suffixes of three letters or more are split
// off, so that "SOS" does not become "S" "OS".
func splitInitialisms(w string) []string {
	if strings.ToUpper(w) != w {
		return []string{w}
	}
	if _, ok := initialism(w); ok {
		return []string{w}
	}
	for i := 1; i+3 <= len(w); i++ {
		if s, ok := initialisms[strings.ToLower(w[i:])]; ok && s == w[i:] {
			return append(splitInitialisms(w[:i]), w[i:])
		}
	}
	return []string{w}
}

// PackageName returns a valid Go package name for a collection name: lower-case
// ASCII letters and digits only ("ForgeRock AM Sessions" ->
// "forgerockamsessions"), capped at 80 bytes by dropping trailing words. A name
// that starts with a digit gets the prefix "pkg" ("1Password" ->
// "pkg1password"); a Go keyword or "main" gets the suffix "pkg" ("go" ->
// "gopkg"). An empty result falls back to fallback, treated the same way, and
// then to "client".
func PackageName(name, fallback string) string {
	if p := packageFrom(Words(name)); p != "" {
		return p
	}
	if p := packageFrom(Words(fallback)); p != "" {
		return p
	}
	return "client"
}

func packageFrom(words []string) string {
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = strings.ToLower(w)
	}
	if len(parts) == 0 {
		return ""
	}
	if isDigit(parts[0][0]) {
		parts[0] = "pkg" + parts[0]
	}
	p := joinCapped(parts)
	if token.IsKeyword(p) || p == "main" {
		p += "pkg"
	}
	return p
}
