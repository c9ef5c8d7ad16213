package generated_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/pmgen/pmgen/generated/forgerockam"
)

// seen is the request a test server received.
type seen struct {
	mu       sync.Mutex
	method   string
	rawPath  string
	rawQuery string
	header   http.Header
}

// server answers every request with status and body, recording the request.
func server(t *testing.T, status int, body string) (*httptest.Server, *seen) {
	t.Helper()
	s := &seen{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.method, s.rawPath, s.rawQuery, s.header = r.Method, r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Clone()
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv, s
}

// seedClient is the client the seed document describes.
func seedClient(t *testing.T, baseURL string) *forgerockam.Client {
	t.Helper()
	c, err := forgerockam.New(
		forgerockam.WithBaseURL(baseURL),
		forgerockam.WithRealm("/realms/root/realms/alpha"),
		forgerockam.WithCookieName("iPlanetDirectoryPro"),
		forgerockam.WithDemoSSOToken("tok-123"),
	)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestSeedRefreshUsersSession checks the seed item's call end to end, as a
// user of the generated package writes it.
func TestSeedRefreshUsersSession(t *testing.T) {
	srv, got := server(t, http.StatusOK, "")
	c := seedClient(t, srv.URL)
	resp, err := c.Sessions.RefreshUsersSession(context.Background(), &forgerockam.RefreshUsersSessionParams{})
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Errorf("StatusCode = %d, want 200", resp.StatusCode)
	}
	got.mu.Lock()
	defer got.mu.Unlock()
	if got.method != http.MethodPost {
		t.Errorf("method = %s, want POST", got.method)
	}
	// The realm's slashes are kept, not escaped.
	if want := "/json/realms/root/realms/alpha/sessions"; got.rawPath != want {
		t.Errorf("path = %s, want %s", got.rawPath, want)
	}
	// _fields is disabled in the collection, so it is not sent.
	if want := "_prettyPrint=true&_action=refresh"; got.rawQuery != want {
		t.Errorf("query = %s, want %s", got.rawQuery, want)
	}
	if v := got.header.Get("iPlanetDirectoryPro"); v != "tok-123" {
		t.Errorf("iPlanetDirectoryPro header = %q, want tok-123", v)
	}
	if v := got.header.Get("Accept-API-Version"); v != "resource=4.0" {
		t.Errorf("Accept-API-Version = %q, want resource=4.0", v)
	}
}

// TestSeedDisabledParamSentWhenSet checks that a disabled query parameter is
// sent once the caller sets it, in the collection's order.
func TestSeedDisabledParamSentWhenSet(t *testing.T) {
	srv, got := server(t, http.StatusOK, "")
	c := seedClient(t, srv.URL)
	_, err := c.Sessions.RefreshUsersSession(context.Background(), &forgerockam.RefreshUsersSessionParams{Fields: "uid,realm"})
	if err != nil {
		t.Fatal(err)
	}
	got.mu.Lock()
	defer got.mu.Unlock()
	if want := "_fields=uid,realm&_prettyPrint=true&_action=refresh"; got.rawQuery != want {
		t.Errorf("query = %s, want %s", got.rawQuery, want)
	}
}

// TestCallerValuesAreEscaped checks that values a caller passes are escaped
// fully: unlike values saved in the collection, they are never already
// percent-encoded, so "+" and "%" must survive the trip.
func TestCallerValuesAreEscaped(t *testing.T) {
	srv, got := server(t, http.StatusOK, "")
	c := seedClient(t, srv.URL)
	_, err := c.Sessions.RefreshUsersSession(context.Background(), &forgerockam.RefreshUsersSessionParams{Fields: "a+b 100%&x=y"})
	if err != nil {
		t.Fatal(err)
	}
	got.mu.Lock()
	defer got.mu.Unlock()
	if want := "_fields=a%2Bb%20100%25%26x%3Dy&_prettyPrint=true&_action=refresh"; got.rawQuery != want {
		t.Errorf("query = %s, want %s", got.rawQuery, want)
	}
}

// TestSeedUnauthorized checks that a 401 comes back as an *APIError whose
// typed body is reachable without parsing by hand.
func TestSeedUnauthorized(t *testing.T) {
	body := `{"code": 93541721, "message": "minim", "reason": "sint Excepteur", "detail": "veniam id qui"}`
	srv, _ := server(t, http.StatusUnauthorized, body)
	c := seedClient(t, srv.URL)
	_, err := c.Sessions.RefreshUsersSession(context.Background(), &forgerockam.RefreshUsersSessionParams{})
	var apiErr *forgerockam.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("error = %v, want *APIError", err)
	}
	if apiErr.StatusCode != http.StatusUnauthorized {
		t.Errorf("StatusCode = %d, want 401", apiErr.StatusCode)
	}
	if string(apiErr.Body) != body {
		t.Errorf("Body = %s, want the raw body", apiErr.Body)
	}
	typed, ok := apiErr.Value.(*forgerockam.UnauthorizedDetailError)
	if !ok {
		t.Fatalf("Value is %T, want *UnauthorizedDetailError", apiErr.Value)
	}
	if typed.Code != 93541721 || typed.Reason != "sint Excepteur" {
		t.Errorf("typed body = %+v", typed)
	}
}

// TestPerCallOption checks that an option passed to a method applies to
// that call only.
func TestPerCallOption(t *testing.T) {
	srv, got := server(t, http.StatusOK, "")
	c := seedClient(t, srv.URL)
	ctx := context.Background()
	if _, err := c.Sessions.RefreshUsersSession(ctx, nil, forgerockam.WithRealm("/realms/root/realms/bravo")); err != nil {
		t.Fatal(err)
	}
	got.mu.Lock()
	first := got.rawPath
	got.mu.Unlock()
	if _, err := c.Sessions.RefreshUsersSession(ctx, nil); err != nil {
		t.Fatal(err)
	}
	got.mu.Lock()
	second := got.rawPath
	got.mu.Unlock()
	if first != "/json/realms/root/realms/bravo/sessions" || second != "/json/realms/root/realms/alpha/sessions" {
		t.Errorf("paths = %s then %s: the per-call realm must not stick", first, second)
	}
}

// TestPerCallOptionsAreChecked checks that a bad per-call option fails the
// call with an error, as it would fail New, instead of panicking.
func TestPerCallOptionsAreChecked(t *testing.T) {
	srv, _ := server(t, http.StatusOK, "")
	c := seedClient(t, srv.URL)
	_, err := c.Sessions.RefreshUsersSession(context.Background(), nil, forgerockam.WithHTTPClient(nil))
	if err == nil {
		t.Fatal("a nil HTTP client passed to one call was accepted")
	}
	_, err = c.Sessions.RefreshUsersSession(context.Background(), nil, forgerockam.WithBaseURL("not a url"))
	if err == nil {
		t.Fatal("a relative base URL passed to one call was accepted")
	}
}

// TestNilBodySendsNoBody checks that a nil typed body sends no body rather
// than the JSON text null.
func TestNilBodySendsNoBody(t *testing.T) {
	var gotBody []byte
	var gotType string
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		mu.Lock()
		gotBody, gotType = data, r.Header.Get("Content-Type")
		mu.Unlock()
		io.WriteString(w, "{}")
	}))
	t.Cleanup(srv.Close)
	c := seedClient(t, srv.URL)
	if _, _, err := c.Sessions.GetSessionInfo(context.Background(), nil, nil); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(gotBody) != 0 {
		t.Errorf("body = %q, want none", gotBody)
	}
	// The collection's own Content-Type header is still sent, as Postman does.
	if gotType != "application/json" {
		t.Errorf("Content-Type = %q", gotType)
	}
}
