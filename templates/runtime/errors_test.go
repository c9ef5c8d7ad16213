package pmruntime

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// The tests below give the generated client responses a real server may
// give on a bad day. Each must end in an error, never a panic, with every
// response body closed and no goroutine or connection left behind (newRig
// checks both with goleak and a body-counting transport).

// TestBadSuccessBodies: a 2xx whose body is not what the method decodes.
func TestBadSuccessBodies(t *testing.T) {
	cases := []struct {
		name, contentType, body, want string
	}{
		{"invalid JSON", "application/json", `{"result": "ok"`, "decoding 200 response"},
		{"wrong Content-Type", "text/html", `<html><body>Maintenance</body></html>`, `(Content-Type "text/html")`},
		{"wrong JSON shape", "application/json", `["not", "an", "object"]`, "cannot unmarshal array"},
		{"empty body", "application/json", ``, "empty body, where one was expected"},
		{"blank body", "application/json", "  \n", "empty body, where one was expected"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tc.contentType)
				w.Write([]byte(tc.body))
			})
			got, resp, err := rg.client().logOut(context.Background())
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one containing %q", err, tc.want)
			}
			if got != nil {
				t.Errorf("a result %+v beside the error", got)
			}
			if resp == nil || resp.StatusCode != http.StatusOK {
				t.Errorf("Response = %+v, want the 200's status and headers beside the error", resp)
			}
		})
	}
}

// TestNoContentIsNotAnError: a 204 has no body by definition.
func TestNoContentIsNotAnError(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	if _, resp, err := rg.client().logOut(context.Background()); err != nil || resp.StatusCode != http.StatusNoContent {
		t.Fatalf("204: resp %+v, err %v; want the status and no error", resp, err)
	}
}

// TestHugeErrorBody: APIError keeps the first MiB of a 10 MB error body and
// says it was cut; Error() stays short.
func TestHugeErrorBody(t *testing.T) {
	const size = 10 << 20
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusInternalServerError)
		chunk := bytes.Repeat([]byte("x"), 64<<10)
		for sent := 0; sent < size; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return // the client stopped reading, as it should
			}
		}
	})
	_, err := rg.client().refresh(context.Background())
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v, want an *APIError", err)
	}
	if len(apiErr.Body) != 1<<20 || !apiErr.Truncated {
		t.Errorf("APIError kept %d bytes, Truncated %v; want 1 MiB, true", len(apiErr.Body), apiErr.Truncated)
	}
	if n := len(apiErr.Error()); n > 400 {
		t.Errorf("Error() is %d bytes long", n)
	}
}

// TestEndlessBody: a body that never ends is cut off by the deadline.
func TestEndlessBody(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"result": "`))
		for {
			if _, err := w.Write(bytes.Repeat([]byte("a"), 4096)); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(time.Millisecond):
			}
		}
	})
	for _, viaOption := range []bool{true, false} {
		ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
		var opts []Option
		if viaOption {
			opts = append(opts, WithTimeout(200*time.Millisecond))
		} else {
			cancel()
			ctx, cancel = context.WithTimeout(context.Background(), 200*time.Millisecond)
		}
		_, _, err := rg.client().logOut(ctx, opts...)
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "reading response") {
			t.Errorf("WithTimeout %v: err = %v, want DeadlineExceeded while reading the response", viaOption, err)
		}
	}
}

// TestConnectionReset: the server resets the connection instead of
// answering. A POST is not retried; the error says what happened.
func TestConnectionReset(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) { reset(t, w) })
	_, err := rg.client().refresh(context.Background())
	if err == nil {
		t.Fatal("a reset connection gave no error")
	}
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		t.Errorf("err = %v: a reset is no API error", err)
	}
	if n := rg.count(); n != 1 {
		t.Errorf("%d requests arrived, want 1 (POST is not retried)", n)
	}
}

// TestRedirectLoop: a server that redirects to itself gives Go's
// redirect-limit error, which is not retried even with AllMethods.
func TestRedirectLoop(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.String(), http.StatusFound)
	})
	_, err := rg.client(WithRetry(fast())).refresh(context.Background())
	if err == nil || !strings.Contains(err.Error(), "redirects") {
		t.Fatalf("err = %v, want the redirect limit", err)
	}
	// Go's client gives up when a tenth redirect is asked for: 10 requests,
	// and no second round.
	if n := rg.count(); n != 10 {
		t.Errorf("%d requests arrived, want 10", n)
	}
}

// TestServerGoneAway: nothing listens at the address any more.
func TestServerGoneAway(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) { reply(w, http.StatusOK, `{}`) })
	c := rg.client(WithRetry(fast()))
	rg.srv.Close()
	_, err := c.refresh(context.Background())
	var op *net.OpError
	if !errors.As(err, &op) {
		t.Errorf("err = %v, want a *net.OpError", err)
	}
}

// reset closes the connection of w with an RST instead of a response.
func reset(t *testing.T, w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		tcp.SetLinger(0)
	}
	conn.Close()
}

// TestAPIErrorUnwrapsToTypedBody: errors.As reaches the typed body of an
// error status through the *APIError, and the *APIError itself still
// gives the status and the raw body.
func TestAPIErrorUnwrapsToTypedBody(t *testing.T) {
	const body = `{"code":401,"message":"Access Denied"}`
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) { reply(w, http.StatusUnauthorized, body) })
	_, err := rg.client().refresh(context.Background())
	var typed *unauthorized
	if !errors.As(err, &typed) {
		t.Fatalf("errors.As(%v, *unauthorized) = false", err)
	}
	if typed.Code != 401 || typed.Error() != "Access Denied" {
		t.Errorf("typed body = %+v, Error() = %q", typed, typed.Error())
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusUnauthorized || string(apiErr.Body) != body {
		t.Fatalf("errors.As(*APIError) = %+v", apiErr)
	}
	if apiErr.Unwrap() != error(typed) {
		t.Errorf("Unwrap = %v, want the typed body", apiErr.Unwrap())
	}
}

// TestAPIErrorUnwrapsToNothing: a status without a typed body, or a body
// that did not decode, unwraps to nil.
func TestAPIErrorUnwrapsToNothing(t *testing.T) {
	for _, tc := range []struct {
		status int
		body   string
	}{{http.StatusInternalServerError, `{"code":500}`}, {http.StatusUnauthorized, `not json`}} {
		rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) { reply(w, tc.status, tc.body) })
		_, err := rg.client(WithRetry(RetryPolicy{MaxAttempts: 1})).refresh(context.Background())
		var apiErr *APIError
		if !errors.As(err, &apiErr) {
			t.Fatalf("%d %s: err = %v, want *APIError", tc.status, tc.body, err)
		}
		if u := apiErr.Unwrap(); u != nil {
			t.Errorf("%d %s: Unwrap = %v, want nil", tc.status, tc.body, u)
		}
		var typed *unauthorized
		if errors.As(err, &typed) {
			t.Errorf("%d %s: errors.As found a typed body %+v", tc.status, tc.body, typed)
		}
	}
}
