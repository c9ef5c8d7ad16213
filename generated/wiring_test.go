package generated_test

import (
	"bytes"
	"context"
	"net/http"
	"testing"

	"github.com/pmgen/pmgen/generated/forgerockam"
)

// The runtime's behaviour (retries, options, bad responses) is tested in
// templates/runtime. The tests here prove the wiring through a generated
// package: its methods reach the runtime's send with the collection's
// headers and body, its services satisfy their interfaces, and its
// userAgent is the collection's.

// TestServiceInterface: the client's service field satisfies the service's
// interface (checked by the compiler), and calls the API through it.
func TestServiceInterface(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) { reply(w, http.StatusOK, `{"result":"bye"}`) })
	c := rg.client()
	var api forgerockam.SessionsAPI = c.Sessions
	got, _, err := api.LogOut(context.Background(), nil)
	if err != nil || got.Result != "bye" {
		t.Fatalf("LogOut through SessionsAPI = %+v, %v", got, err)
	}
}

// TestRetry503TwiceThenSuccess: with AllMethods a POST that meets 503 twice
// is sent a third time, with the same body, and its 200 is decoded.
func TestRetry503TwiceThenSuccess(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n <= 2 {
			reply(w, http.StatusServiceUnavailable, `{"code":503}`)
			return
		}
		reply(w, http.StatusOK, `{"username":"demo","realm":"/alpha"}`)
	})
	c := rg.client(forgerockam.WithRetry(fast()))
	got, resp, err := c.Sessions.GetSessionInfo(context.Background(), nil, &forgerockam.GetSessionInfoRequest{TokenID: "abc"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || got.Username != "demo" {
		t.Errorf("status %d, username %q; want 200, demo", resp.StatusCode, got.Username)
	}
	if n := rg.count(); n != 3 {
		t.Fatalf("%d requests arrived, want 3", n)
	}
	_, first := rg.request(1)
	for i := 2; i <= 3; i++ {
		if _, body := rg.request(i); !bytes.Equal(body, first) || len(body) == 0 {
			t.Errorf("attempt %d sent body %q, attempt 1 sent %q", i, body, first)
		}
	}
}

// TestPerCallWithHeader: a call's WithHeader is sent with that call only,
// and replaces a header of the same name that the method sets.
func TestPerCallWithHeader(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) { reply(w, http.StatusOK, `{}`) })
	c := rg.client()
	if _, err := c.Sessions.RefreshUsersSession(context.Background(), nil,
		forgerockam.WithHeader("X-Trace", "t-1"), forgerockam.WithHeader("Accept-API-Version", "resource=9.9")); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Sessions.RefreshUsersSession(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	first, _ := rg.request(1)
	second, _ := rg.request(2)
	if got := first.Header.Get("X-Trace"); got != "t-1" {
		t.Errorf("call 1: X-Trace = %q, want t-1", got)
	}
	if got := first.Header.Values("Accept-API-Version"); len(got) != 1 || got[0] != "resource=9.9" {
		t.Errorf("call 1: Accept-API-Version = %q, want only resource=9.9", got)
	}
	if got := second.Header.Get("X-Trace"); got != "" {
		t.Errorf("call 2: X-Trace = %q; a call's header must not stay with the client", got)
	}
	if got := second.Header.Get("Accept-API-Version"); got != "resource=4.0" {
		t.Errorf("call 2: Accept-API-Version = %q, want the collection's resource=4.0", got)
	}
}

// TestUserAgent: pmgen's User-Agent names the collection unless WithHeader
// sets one.
func TestUserAgent(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) { reply(w, http.StatusOK, `{}`) })
	c := rg.client()
	if _, err := c.Sessions.RefreshUsersSession(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Sessions.RefreshUsersSession(context.Background(), nil, forgerockam.WithHeader("User-Agent", "mine/1.0")); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"pmgen (ForgeRock AM Sessions)", "mine/1.0"} {
		req, _ := rg.request(i + 1)
		if got := req.Header.Values("User-Agent"); len(got) != 1 || got[0] != want {
			t.Errorf("call %d: User-Agent = %q, want only %q", i+1, got, want)
		}
	}
}
