package pmruntime

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// tokenServer is a token endpoint that records each token request and
// answers with answer(n), n counting from 1.
type tokenServer struct {
	srv    *httptest.Server
	mu     sync.Mutex
	forms  []url.Values
	auths  []string
	answer func(n int, w http.ResponseWriter)
}

func newTokenServer(t *testing.T, answer func(n int, w http.ResponseWriter)) *tokenServer {
	t.Helper()
	ts := &tokenServer{answer: answer}
	ts.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/x-www-form-urlencoded" {
			t.Errorf("token request %s with Content-Type %q", r.Method, r.Header.Get("Content-Type"))
		}
		r.ParseForm()
		ts.mu.Lock()
		ts.forms = append(ts.forms, r.PostForm)
		ts.auths = append(ts.auths, r.Header.Get("Authorization"))
		n := len(ts.forms)
		ts.mu.Unlock()
		ts.answer(n, w)
	}))
	t.Cleanup(ts.srv.Close)
	return ts
}

func (ts *tokenServer) fetches() int {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return len(ts.forms)
}

// jsonToken answers token-<n> valid for expiresIn seconds.
func jsonToken(expiresIn int) func(int, http.ResponseWriter) {
	return func(n int, w http.ResponseWriter) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"access_token":"token-%d","token_type":"Bearer","expires_in":%d}`, n, expiresIn)
	}
}

// clock is a settable test clock.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// flowConfig is a client's config with the token cache New makes, the
// test clock and opts applied.
func flowConfig(clk *clock, opts ...Option) config {
	cfg := config{httpClient: &http.Client{}}
	cfg.auth.oauth2Tokens = &oauth2Tokens{}
	cfg.auth.now = clk.Now
	for _, o := range opts {
		o(&cfg)
	}
	return cfg
}

func withClient(id, secret string) Option {
	return func(c *config) { c.auth.oauth2Client = &[2]string{id, secret} }
}

// signed signs a request as a call does and returns its Authorization.
func signed(t *testing.T, a authScheme, cfg config) (string, error) {
	t.Helper()
	req, _ := http.NewRequest("GET", "https://api.example.com/things", nil)
	signing := cfg
	err := a.sign(&signing, req, nil)
	return req.Header.Get("Authorization"), err
}

func TestClientCredentialsFetchedOnceAndRefreshedAfterExpiry(t *testing.T) {
	ts := newTokenServer(t, jsonToken(3600))
	clk := &clock{now: time.Unix(1_700_000_000, 0)}
	a := oauth2FlowAuth{oauth2Auth{prefix: "Bearer"}, oauth2Grant{grantType: "client_credentials", tokenURL: ts.srv.URL, scope: "read write"}}
	cfg := flowConfig(clk, withClient("id 1", "s:cret"))

	for i, step := range []struct {
		advance time.Duration
		want    string
		fetches int
	}{
		{0, "Bearer token-1", 1},
		{time.Minute, "Bearer token-1", 1},
		// An hour's token is renewed a minute before it runs out.
		{57 * time.Minute, "Bearer token-1", 1},
		{time.Minute + time.Second, "Bearer token-2", 2},
		{time.Second, "Bearer token-2", 2},
	} {
		clk.advance(step.advance)
		got, err := signed(t, a, cfg)
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if got != step.want || ts.fetches() != step.fetches {
			t.Errorf("step %d: Authorization %q after %d fetches, want %q after %d", i, got, ts.fetches(), step.want, step.fetches)
		}
	}
	form, auth := ts.forms[0], ts.auths[0]
	if form.Get("grant_type") != "client_credentials" || form.Get("scope") != "read write" || form.Has("client_id") {
		t.Errorf("token request form = %v", form)
	}
	if want := "Basic aWQgMTpzOmNyZXQ="; auth != want {
		t.Errorf("token request Authorization = %q, want %q", auth, want)
	}
}

func TestPasswordGrantWithClientInBody(t *testing.T) {
	ts := newTokenServer(t, func(n int, w http.ResponseWriter) {
		// A form answer, as some servers give, and no expiry: kept for good.
		w.Header().Set("Content-Type", "application/x-www-form-urlencoded")
		fmt.Fprintf(w, "access_token=pw-%d&token_type=bearer", n)
	})
	clk := &clock{now: time.Unix(0, 0)}
	a := oauth2FlowAuth{oauth2Auth{prefix: "Token", inQuery: false},
		oauth2Grant{grantType: "password", tokenURL: "https://unused.example/token", audience: "api://x", clientInBody: true}}
	withUser := Option(func(c *config) { c.auth.oauth2User = &[2]string{"ann", "pa ss"} })
	override := Option(func(c *config) { c.auth.oauth2TokenURL = ts.srv.URL })
	cfg := flowConfig(clk, withUser, withClient("cid", "csecret"), override)
	for range 2 {
		clk.advance(24 * time.Hour)
		got, err := signed(t, a, cfg)
		if err != nil || got != "Token pw-1" {
			t.Fatalf("Authorization = %q, %v; want Token pw-1", got, err)
		}
	}
	want := url.Values{"grant_type": {"password"}, "username": {"ann"}, "password": {"pa ss"},
		"audience": {"api://x"}, "client_id": {"cid"}, "client_secret": {"csecret"}}
	if got := ts.forms[0]; got.Encode() != want.Encode() || ts.auths[0] != "" {
		t.Errorf("token request form = %v, Authorization %q; want %v and none", got, ts.auths[0], want)
	}
}

func TestCallerTokenWinsAndMissingCredentialsSendNothing(t *testing.T) {
	ts := newTokenServer(t, jsonToken(60))
	clk := &clock{now: time.Unix(0, 0)}
	a := oauth2FlowAuth{oauth2Auth{prefix: "Bearer"}, oauth2Grant{grantType: "client_credentials", tokenURL: ts.srv.URL}}
	fixed := Option(func(c *config) {
		c.auth.oauth2 = func(context.Context) (string, error) { return "mine", nil }
	})
	onlyUser := Option(func(c *config) { c.auth.oauth2User = &[2]string{"u", "p"} })
	for _, tc := range []struct {
		name string
		cfg  config
		want string
	}{
		{"caller token and client credentials", flowConfig(clk, withClient("id", "s"), fixed), "Bearer mine"},
		{"no credentials", flowConfig(clk), ""},
		{"a user is not a client", flowConfig(clk, onlyUser), ""},
	} {
		got, err := signed(t, a, tc.cfg)
		if err != nil || got != tc.want {
			t.Errorf("%s: Authorization = %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
	pw := oauth2FlowAuth{oauth2Auth{prefix: "Bearer"}, oauth2Grant{grantType: "password", tokenURL: ts.srv.URL}}
	if got, err := signed(t, pw, flowConfig(clk, withClient("id", "s"))); err != nil || got != "" {
		t.Errorf("password grant without a user: Authorization = %q, %v", got, err)
	}
	if n := ts.fetches(); n != 0 {
		t.Errorf("%d token requests, want none", n)
	}
}

func TestConcurrentCallsFetchOnce(t *testing.T) {
	release := make(chan struct{})
	ts := newTokenServer(t, func(n int, w http.ResponseWriter) {
		<-release
		jsonToken(3600)(n, w)
	})
	clk := &clock{now: time.Unix(0, 0)}
	a := oauth2FlowAuth{oauth2Auth{prefix: "Bearer"}, oauth2Grant{grantType: "client_credentials", tokenURL: ts.srv.URL}}
	cfg := flowConfig(clk, withClient("id", "s"))
	const calls = 16
	got := make([]string, calls)
	var wg sync.WaitGroup
	for i := range calls {
		wg.Go(func() {
			h, err := signed(t, a, cfg)
			if err != nil {
				t.Error(err)
			}
			got[i] = h
		})
	}
	close(release)
	wg.Wait()
	for i, h := range got {
		if h != "Bearer token-1" {
			t.Errorf("call %d: Authorization = %q", i, h)
		}
	}
	if n := ts.fetches(); n != 1 {
		t.Errorf("%d token requests for %d concurrent calls, want 1", n, calls)
	}
}

func TestTokenFetchErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		ctype  string
		body   string
		want   []string
	}{
		{"refused", 401, "application/json", `{"error":"invalid_client","error_description":"bad secret"}`,
			[]string{"POST ", ": 401 Unauthorized: ", `"error":"invalid_client"`}},
		{"not JSON", 200, "text/html", "<html>login</html>", []string{"not JSON", "<html>login</html>"}},
		{"no token", 200, "application/json", `{"token_type":"Bearer"}`, []string{"no access_token"}},
		{"bad expiry", 200, "application/json", `{"access_token":"x","expires_in":"soon"}`, []string{`expires_in "soon"`}},
		{"empty refusal", 500, "", "", []string{"500 Internal Server Error: (empty body)"}},
		{"long body", 400, "", strings.Repeat("x", 1000), []string{strings.Repeat("x", 256) + "…"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := newTokenServer(t, func(n int, w http.ResponseWriter) {
				if tc.ctype != "" {
					w.Header().Set("Content-Type", tc.ctype)
				}
				w.WriteHeader(tc.status)
				fmt.Fprint(w, tc.body)
			})
			a := oauth2FlowAuth{oauth2Auth{prefix: "Bearer"}, oauth2Grant{grantType: "client_credentials", tokenURL: ts.srv.URL + "/oauth/token"}}
			cfg := flowConfig(&clock{}, withClient("id", "s"))
			for range 2 {
				_, err := signed(t, a, cfg)
				if err == nil {
					t.Fatal("no error")
				}
				msg := err.Error()
				for _, w := range append(tc.want, ts.srv.URL+"/oauth/token") {
					if !strings.Contains(msg, w) {
						t.Errorf("error %q does not contain %q", msg, w)
					}
				}
			}
			// A failure is not cached: the second call asked again.
			if n := ts.fetches(); n != 2 {
				t.Errorf("%d token requests, want 2", n)
			}
		})
	}
}

func TestWaitingCallHonoursItsContext(t *testing.T) {
	cache := &oauth2Tokens{}
	started, release := make(chan struct{}), make(chan struct{})
	go cache.get(context.Background(), "k", time.Now, func(context.Context) (string, time.Duration, error) {
		close(started)
		<-release
		return "t", 0, nil
	})
	<-started
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := cache.get(ctx, "k", time.Now, func(context.Context) (string, time.Duration, error) {
		t.Error("a second fetch started while one was in flight")
		return "", 0, nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	close(release)
}

func TestParseTokenExpiresIn(t *testing.T) {
	for body, want := range map[string]time.Duration{
		`{"access_token":"a","expires_in":3600}`:  time.Hour,
		`{"access_token":"a","expires_in":"120"}`: 2 * time.Minute,
		`{"access_token":"a","expires_in":null}`:  0,
		`{"access_token":"a"}`:                    0,
		`{"access_token":"a","expires_in":1.5e1}`: 15 * time.Second,
		`{"access_token":"a","expires_in":"0.5"}`: 500 * time.Millisecond,
	} {
		token, got, err := parseToken("application/json; charset=utf-8", []byte(body))
		if err != nil || token != "a" || got != want {
			t.Errorf("%s: %q, %v, %v; want a, %v", body, token, got, err, want)
		}
	}
	if _, _, err := parseToken("application/json", []byte(`{"access_token":"a","expires_in":-5}`)); err == nil {
		t.Error("negative expires_in accepted")
	}
}

func TestTokenRequestParams(t *testing.T) {
	var gotQuery, gotHeader string
	ts := newTokenServer(t, jsonToken(60))
	inner := ts.srv.Config.Handler
	ts.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotQuery, gotHeader = r.URL.RawQuery, r.Header.Get("X-Tenant")
		inner.ServeHTTP(w, r)
	})
	a := oauth2FlowAuth{oauth2Auth{prefix: "Bearer"}, oauth2Grant{grantType: "client_credentials", tokenURL: ts.srv.URL + "/token?v=2",
		params: [][3]string{{"body", "audience", "api"}, {"query", "tenant id", "a&b"}, {"header", "X-Tenant", "acme"}, {"body", "audience", "more"}}}}
	if got, err := signed(t, a, flowConfig(&clock{}, withClient("id", "s"))); err != nil || got != "Bearer token-1" {
		t.Fatalf("Authorization = %q, %v", got, err)
	}
	if want := "v=2&tenant+id=a%26b"; gotQuery != want {
		t.Errorf("token URL query = %q, want %q", gotQuery, want)
	}
	if gotHeader != "acme" {
		t.Errorf("X-Tenant = %q, want acme", gotHeader)
	}
	if got := ts.forms[0]["audience"]; len(got) != 2 || got[0] != "api" || got[1] != "more" {
		t.Errorf("audience fields = %q", got)
	}
}
