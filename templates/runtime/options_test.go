package pmruntime

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestWithTimeoutFires: a server that does not answer within WithTimeout
// fails the call with DeadlineExceeded, given to New or to the call.
func TestWithTimeoutFires(t *testing.T) {
	for _, perCall := range []bool{false, true} {
		release := make(chan struct{})
		rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) {
			select {
			case <-release:
			case <-r.Context().Done():
			}
		})
		timeout := WithTimeout(50 * time.Millisecond)
		var c *Client
		var opts []Option
		if perCall {
			c, opts = rg.client(), []Option{timeout}
		} else {
			c = rg.client(timeout)
		}
		start := time.Now()
		_, err := c.refresh(context.Background(), opts...)
		took := time.Since(start)
		close(release)
		t.Logf("per call %v: WithTimeout(50ms) returned after %v", perCall, took)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("per call %v: err = %v, want context.DeadlineExceeded", perCall, err)
		}
	}
}

// TestRequestEditorOrder: editors run after the method's headers are set,
// the client's before the call's, each group in the order given; a call's
// editors do not stay with the client.
func TestRequestEditorOrder(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) { reply(w, http.StatusOK, `{"result":"ok"}`) })
	var mu sync.Mutex
	var sawToken []string
	editor := func(name string) Option {
		return WithRequestEditor(func(ctx context.Context, req *http.Request) error {
			mu.Lock()
			// The collection spells the name so; Get would canonicalise it.
			sawToken = append(sawToken, strings.Join(req.Header["iPlanetDirectoryPro"], ","))
			mu.Unlock()
			req.Header.Add("X-Order", name)
			return nil
		})
	}
	c := rg.client(editor("a"), editor("b"))
	if _, _, err := c.logOut(context.Background(), editor("c"), editor("d")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.logOut(context.Background(), editor("e")); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"a,b,c,d", "a,b,e"} {
		req, _ := rg.request(i + 1)
		if got := strings.Join(req.Header.Values("X-Order"), ","); got != want {
			t.Errorf("call %d: editors ran as %s, want %s", i+1, got, want)
		}
	}
	for _, tok := range sawToken {
		if tok != "tok-123" {
			t.Errorf("an editor saw session header %q, want tok-123: editors must run after the method's headers", tok)
		}
	}
}

// TestRequestEditorError: an editor's error fails the call before anything
// is sent, and says where it came from.
func TestRequestEditorError(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) { reply(w, http.StatusOK, `{}`) })
	boom := errors.New("boom")
	_, err := rg.client().refresh(context.Background(),
		WithRequestEditor(func(context.Context, *http.Request) error { return boom }))
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "request editor") {
		t.Errorf("err = %v, want the editor's error, named as such", err)
	}
	if n := rg.count(); n != 0 {
		t.Errorf("%d requests arrived, want 0", n)
	}
}

// TestPerCallWithHeader: a call's WithHeader is sent with that call only,
// and replaces a header of the same name that the method sets.
func TestPerCallWithHeader(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) { reply(w, http.StatusOK, `{}`) })
	c := rg.client()
	if _, err := c.refresh(context.Background(),
		WithHeader("X-Trace", "t-1"), WithHeader("Accept-API-Version", "resource=9.9")); err != nil {
		t.Fatal(err)
	}
	if _, err := c.refresh(context.Background()); err != nil {
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

// TestWithResponseInto: the raw response of a call is captured, on success
// and beside an *APIError.
func TestWithResponseInto(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "r"+string(rune('0'+n)))
		if n == 1 {
			reply(w, http.StatusOK, `{"result":"ok"}`)
			return
		}
		reply(w, http.StatusUnauthorized, `{"code":401,"reason":"Unauthorized","message":"no"}`)
	})
	c := rg.client()
	var raw *http.Response
	if _, _, err := c.logOut(context.Background(), WithResponseInto(&raw)); err != nil {
		t.Fatal(err)
	}
	if raw == nil || raw.StatusCode != http.StatusOK || raw.Header.Get("X-Request-Id") != "r1" {
		t.Fatalf("captured %+v, want the 200 with X-Request-Id r1", raw)
	}
	raw = nil
	_, _, err := c.logOut(context.Background(), WithResponseInto(&raw))
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v, want an *APIError", err)
	}
	if raw == nil || raw.StatusCode != http.StatusUnauthorized || raw.Request.Method != http.MethodPost {
		t.Errorf("captured %+v, want the 401 to the POST", raw)
	}
}

// TestUserAgent: pmgen's User-Agent names the collection unless WithHeader
// sets one.
func TestUserAgent(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) { reply(w, http.StatusOK, `{}`) })
	c := rg.client()
	if _, err := c.refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := c.refresh(context.Background(), WithHeader("User-Agent", "mine/1.0")); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{userAgent, "mine/1.0"} {
		req, _ := rg.request(i + 1)
		if got := req.Header.Values("User-Agent"); len(got) != 1 || got[0] != want {
			t.Errorf("call %d: User-Agent = %q, want only %q", i+1, got, want)
		}
	}
}
