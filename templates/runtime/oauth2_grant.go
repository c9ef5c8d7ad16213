package pmruntime

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// oauth2Grant is the token request an OAuth 2 auth block describes, for the
// grants a client can run on its own: client credentials and password
// (resource owner password credentials, RFC 6749 §4.3 and §4.4). The
// settings come from the collection; the credentials from the options.
type oauth2Grant struct {
	// grantType is the grant_type sent: "client_credentials" or "password".
	grantType string
	// tokenURL is the collection's accessTokenUrl; WithOAuth2TokenURL
	// replaces it.
	tokenURL string
	// scope, audience and resource are sent when not empty: Postman's
	// token request sends them, and Auth0 and Azure AD read the last two.
	scope, audience, resource string
	// clientInBody sends client_id and client_secret as form fields
	// (Postman's "Send client credentials in body"); otherwise they go in
	// an HTTP Basic Authorization header, RFC 6749's preferred way and
	// Postman's default.
	clientInBody bool
	// params are the collection's extra token request parameters
	// (tokenRequestParams), each {where, key, value} with where "body",
	// "header" or "query".
	params [][3]string
}

// oauth2FlowAuth is oauth2Auth for an auth block whose grant the client
// runs itself: a token from WithOAuth2Token or WithOAuth2TokenSource wins,
// as a caller's choice; otherwise, when the grant's credentials were given,
// the token is fetched, cached and fetched again shortly before it expires.
type oauth2FlowAuth struct {
	oauth2Auth
	grant oauth2Grant
}

// sign adds the token to req; without credentials it leaves req as it is,
// as Postman sends a request whose token is empty.
func (a oauth2FlowAuth) sign(cfg *config, req *http.Request, body []byte) error {
	source := cfg.auth.oauth2
	if source == nil {
		source = a.grant.source(cfg)
	}
	return a.send(req, source)
}

// source returns the function that gets g's token through cfg's cache, or
// nil when the credentials the grant needs were not given.
func (g oauth2Grant) source(cfg *config) func(context.Context) (string, error) {
	client, user := cfg.auth.oauth2Client, cfg.auth.oauth2User
	// The password grant needs the resource owner's credentials; the
	// client's are optional there (a public client sends none).
	password := g.grantType == "password"
	if cfg.auth.oauth2Tokens == nil || password && user == nil || !password && client == nil {
		return nil
	}
	if cfg.auth.oauth2TokenURL != "" {
		g.tokenURL = cfg.auth.oauth2TokenURL
	}
	form := url.Values{"grant_type": {g.grantType}}
	if user != nil {
		form.Set("username", user[0])
		form.Set("password", user[1])
	}
	for _, kv := range [][2]string{{"scope", g.scope}, {"audience", g.audience}, {"resource", g.resource}} {
		if kv[1] != "" {
			form.Set(kv[0], kv[1])
		}
	}
	tr := tokenRequest{url: g.tokenURL}
	if client != nil {
		if g.clientInBody {
			form.Set("client_id", client[0])
			form.Set("client_secret", client[1])
		} else {
			tr.header = append(tr.header, [2]string{"Authorization",
				"Basic " + base64.StdEncoding.EncodeToString([]byte(client[0]+":"+client[1]))})
		}
	}
	var query url.Values
	for _, p := range g.params {
		switch p[0] {
		case "body":
			form.Add(p[1], p[2])
		case "header":
			tr.header = append(tr.header, [2]string{p[1], p[2]})
		case "query":
			if query == nil {
				query = url.Values{}
			}
			query.Add(p[1], p[2])
		}
	}
	if query != nil {
		sep := "?"
		if strings.Contains(tr.url, "?") {
			sep = "&"
		}
		tr.url += sep + query.Encode()
	}
	tr.form = form.Encode()
	// The key holds everything the token depends on: different credentials
	// or scopes never share a token.
	key := fmt.Sprint(tr.url, "\x00", tr.header, "\x00", tr.form)
	httpClient, now := cfg.httpClient, cfg.authNow
	return func(ctx context.Context) (string, error) {
		return cfg.auth.oauth2Tokens.get(ctx, key, now, func(ctx context.Context) (string, time.Duration, error) {
			return tr.fetch(ctx, httpClient)
		})
	}
}

// tokenRequest is a token request as sent: the URL, its extra headers
// (the client's Basic auth among them) and the encoded form.
type tokenRequest struct {
	url    string
	header [][2]string
	form   string
}

// fetch posts the token request and reads the access token and its
// lifetime from the answer; a lifetime of 0 means the server gave none.
func (tr tokenRequest) fetch(ctx context.Context, hc *http.Client) (string, time.Duration, error) {
	tokenURL := tr.url
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, tokenURL, strings.NewReader(tr.form))
	if err != nil {
		return "", 0, fmt.Errorf("token URL %q: %w", tokenURL, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	for _, h := range tr.header {
		req.Header.Set(h[0], h[1])
	}
	resp, err := hc.Do(req)
	if err != nil {
		return "", 0, err // already names the method and URL
	}
	defer resp.Body.Close()
	// A token response is small; a server that sends more is not one.
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return "", 0, fmt.Errorf("POST %s: reading the token response: %w", tokenURL, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return "", 0, fmt.Errorf("POST %s: %d %s: %s", tokenURL, resp.StatusCode, http.StatusText(resp.StatusCode), excerpt(data))
	}
	token, lifetime, err := parseToken(resp.Header.Get("Content-Type"), data)
	if err != nil {
		return "", 0, fmt.Errorf("POST %s: %w: %s", tokenURL, err, excerpt(data))
	}
	return token, lifetime, nil
}

// parseToken reads access_token and expires_in from a token response: JSON
// as RFC 6749 §5.1 says, or a form, as some servers (GitHub's) answer.
// expires_in may be a number or a string of digits.
func parseToken(contentType string, data []byte) (string, time.Duration, error) {
	var token, expires string
	if mt, _, _ := mime.ParseMediaType(contentType); mt == "application/x-www-form-urlencoded" || mt == "text/plain" {
		v, err := url.ParseQuery(string(data))
		if err != nil {
			return "", 0, fmt.Errorf("the token response is not a form: %w", err)
		}
		token, expires = v.Get("access_token"), v.Get("expires_in")
	} else {
		var body struct {
			AccessToken string          `json:"access_token"`
			ExpiresIn   json.RawMessage `json:"expires_in"`
		}
		if err := json.Unmarshal(data, &body); err != nil {
			return "", 0, fmt.Errorf("the token response is not JSON: %w", err)
		}
		token, expires = body.AccessToken, strings.Trim(string(body.ExpiresIn), `"`)
	}
	if token == "" {
		return "", 0, fmt.Errorf("the token response has no access_token")
	}
	var lifetime time.Duration
	if expires != "" && expires != "null" {
		n, err := strconv.ParseFloat(expires, 64)
		if err != nil || n < 0 {
			return "", 0, fmt.Errorf("the token response's expires_in %q is not a number of seconds", expires)
		}
		lifetime = time.Duration(n * float64(time.Second))
	}
	return token, lifetime, nil
}

// excerpt is the start of a response body for an error message.
func excerpt(data []byte) string {
	const max = 256
	s := strings.TrimSpace(string(data))
	if len(s) > max {
		return s[:max] + "…"
	}
	if s == "" {
		return "(empty body)"
	}
	return s
}
