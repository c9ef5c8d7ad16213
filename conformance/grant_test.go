package conformance

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strings"
)

// A pre-request script that pmgen translates may fetch an OAuth 2 token
// with pm.sendRequest (a client credentials grant); the generated client
// runs the same grant itself. Both sides then ask the recorder's token
// endpoint, with the same client credentials, and get the same token:
// newman because the harness points the script's token URL there, the
// client through WithOAuth2TokenURL.

// tokenPath is where the recorder answers token requests, and
// conformanceToken the access token it gives.
const (
	tokenPath         = "/__pmgen/token"
	conformanceToken  = "pmgen-conformance-token"
	tokenExpiresInSec = 3600
)

// serveToken answers a token request; it is not one of the requests
// compared, but the recorder keeps its Authorization header (the
// client's credentials, sent as Basic auth) for the check that both sides
// fetched with the same.
func (r *recorder) serveToken(w http.ResponseWriter, req *http.Request) {
	io.Copy(io.Discard, req.Body)
	r.mu.Lock()
	r.tokens = append(r.tokens, req.Header.Get("Authorization"))
	r.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"access_token": conformanceToken, "token_type": "bearer", "expires_in": tokenExpiresInSec})
}

// grantCredentials are the variables a token-fetching script reads the
// client's credentials from.
type grantCredentials struct {
	id, secret string
}

// sendRequestURL finds the literal URL of a pm.sendRequest: group 1 is
// what comes before the string, group 2 its quote.
var sendRequestURL = regexp.MustCompile(`(\burl\s*:\s*)(['"])https?://[^'"]*['"]`)

// credentialRead finds the client's credentials in a token request:
// Basic auth's username and password, or client_id and client_secret
// form fields; group 1 or 2 is the expression that reads the variable.
var credentialRead = regexp.MustCompile(`\b(?:username|password)\s*:\s*([^,}\n]+)|key\s*:\s*['"]client_(?:id|secret)['"]\s*,\s*value\s*:\s*([^,}\n]+)`)

// variableName is the variable an expression reads: env.name,
// env['name'], pm.environment.get('name') or '{{name}}'.
var variableName = regexp.MustCompile(`\.(\w+)\s*$|\[\s*['"](\w+)['"]\s*\]\s*$|get\(\s*['"](\w+)['"]\s*\)\s*$|\{\{(\w+)\}\}`)

// grantOf reads the credentials' variables of a script that fetches a
// token; ok is false for one that does not.
func grantOf(src string) (grantCredentials, bool) {
	src = stripComments(src)
	if !strings.Contains(src, "pm.sendRequest") {
		return grantCredentials{}, false
	}
	var names []string
	for _, m := range credentialRead.FindAllStringSubmatch(src, -1) {
		expr := strings.TrimSpace(m[1] + m[2])
		v := variableName.FindStringSubmatch(expr)
		if v == nil {
			return grantCredentials{}, false
		}
		names = append(names, v[1]+v[2]+v[3]+v[4])
	}
	if len(names) != 2 {
		return grantCredentials{}, false
	}
	return grantCredentials{names[0], names[1]}, true
}

// giveGrant finds a kept script that fetches a token and gives its
// credentials' variables a value on both sides when the collection saves
// none: newman's script reads them from the environment, the client gets
// them through WithOAuth2ClientCredentials.
func (c *collection) giveGrant() {
	for _, k := range c.kept {
		var src strings.Builder
		for _, e := range k.events {
			ev, _ := e.(map[string]any)
			sc, _ := ev["script"].(map[string]any)
			switch x := sc["exec"].(type) {
			case string:
				src.WriteString(x + "\n")
			case []any:
				for _, l := range x {
					src.WriteString(str(l) + "\n")
				}
			}
		}
		g, ok := grantOf(src.String())
		if !ok {
			continue
		}
		for _, v := range []string{g.id, g.secret} {
			if c.vars[v] == "" {
				c.vars[v] = "test-" + v
			}
			c.envVars = append(c.envVars, v)
		}
		c.grant = &g
	}
	sort.Strings(c.envVars)
	c.envVars = compactStrings(c.envVars)
}

// pointTokenFetches points the literal token URL of every script newman
// runs at the recorder's token endpoint.
func pointTokenFetches(v any, tokenURL string) {
	switch x := v.(type) {
	case map[string]any:
		if ev, ok := x["event"].([]any); ok {
			for _, e := range ev {
				m, _ := e.(map[string]any)
				sc, _ := m["script"].(map[string]any)
				if sc == nil {
					continue
				}
				switch lines := sc["exec"].(type) {
				case string:
					sc["exec"] = sendRequestURL.ReplaceAllString(lines, "${1}${2}"+tokenURL+"${2}")
				case []any:
					for i, l := range lines {
						if s, ok := l.(string); ok {
							lines[i] = sendRequestURL.ReplaceAllString(s, "${1}${2}"+tokenURL+"${2}")
						}
					}
				}
			}
		}
		for _, e := range x {
			pointTokenFetches(e, tokenURL)
		}
	case []any:
		for _, e := range x {
			pointTokenFetches(e, tokenURL)
		}
	}
}

// takeTokens returns the token requests served so far and starts anew.
func (r *recorder) takeTokens() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	t := r.tokens
	r.tokens = nil
	return t
}

// sameTokenFetch checks that, when a translated script fetches a token,
// both sides fetched one with the same client credentials: otherwise two
// requests sent without a token would compare equal.
func sameTokenFetch(col *collection, newman, pmgen []string) error {
	if col.grant == nil {
		return nil
	}
	if len(newman) == 0 || len(pmgen) == 0 {
		return fmt.Errorf("a translated script fetches a token, but newman fetched %d and the client %d", len(newman), len(pmgen))
	}
	if newman[0] != pmgen[0] {
		return fmt.Errorf("token requests differ: newman %q, pmgen %q", newman[0], pmgen[0])
	}
	return nil
}
