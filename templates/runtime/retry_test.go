package pmruntime

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"testing"
	"time"
)

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
	c := rg.client(WithRetry(fast()))
	got, resp, err := c.getSessionInfo(context.Background(), "abc")
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

// TestPOSTNotRetriedByDefault: POST is not idempotent, so the default policy
// sends it once and returns the 503.
func TestPOSTNotRetriedByDefault(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) {
		reply(w, http.StatusServiceUnavailable, `{}`)
	})
	c := rg.client()
	_, err := c.refresh(context.Background())
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("err = %v, want an *APIError with status 503", err)
	}
	if n := rg.count(); n != 1 {
		t.Errorf("%d requests arrived, want 1", n)
	}
}

// TestRetryOffWithMaxAttemptsOne: RetryPolicy{MaxAttempts: 1} sends once
// even with AllMethods.
func TestRetryOffWithMaxAttemptsOne(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) {
		reply(w, http.StatusTooManyRequests, `{}`)
	})
	c := rg.client(WithRetry(RetryPolicy{MaxAttempts: 1, AllMethods: true}))
	if _, err := c.refresh(context.Background()); err == nil {
		t.Fatal("a 429 gave no error")
	}
	if n := rg.count(); n != 1 {
		t.Errorf("%d requests arrived, want 1", n)
	}
}

// TestRetryOnlyRetryableStatuses: a 500 or a 404 is an answer, not a busy
// server: sent once even with AllMethods.
func TestRetryOnlyRetryableStatuses(t *testing.T) {
	for _, status := range []int{http.StatusInternalServerError, http.StatusNotFound, http.StatusUnauthorized} {
		rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) { reply(w, status, `{}`) })
		c := rg.client(WithRetry(fast()))
		if _, err := c.refresh(context.Background()); err == nil {
			t.Fatalf("status %d gave no error", status)
		}
		if n := rg.count(); n != 1 {
			t.Errorf("status %d: %d requests arrived, want 1", status, n)
		}
	}
}

// TestRetryAfterOneSecond: "Retry-After: 1" makes the client wait about a
// second, whatever the backoff settings say. Only bounds are asserted: at
// least the second asked for, and far less than a stuck client would take.
func TestRetryAfterOneSecond(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			reply(w, http.StatusServiceUnavailable, `{}`)
			return
		}
		reply(w, http.StatusOK, `{}`)
	})
	// Retry-After is capped at 4×MaxBackoff: 4 s here. The initial backoff
	// of 1 ms shows that the header, not the backoff, sets the wait.
	policy := fast()
	policy.MaxBackoff = time.Second
	c := rg.client(WithRetry(policy))
	if _, err := c.refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	gap := rg.gap(1)
	t.Logf("Retry-After: 1 -> the second attempt arrived %v after the first", gap)
	if gap < time.Second || gap > 10*time.Second {
		t.Errorf("second attempt arrived %v after the first; want about 1s (between 1s and 10s)", gap)
	}
}

// TestRetryAfterHTTPDate: Retry-After as an HTTP date two seconds ahead
// makes the client wait until then (HTTP dates have whole seconds, so at
// least one second).
func TestRetryAfterHTTPDate(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n == 1 {
			w.Header().Set("Retry-After", time.Now().Add(2*time.Second).UTC().Format(http.TimeFormat))
			reply(w, http.StatusServiceUnavailable, `{}`)
			return
		}
		reply(w, http.StatusOK, `{}`)
	})
	policy := fast()
	policy.MaxBackoff = time.Second // caps Retry-After at 4 s
	c := rg.client(WithRetry(policy))
	if _, err := c.refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	gap := rg.gap(1)
	t.Logf("Retry-After: <now+2s> -> the second attempt arrived %v after the first", gap)
	// The date has whole seconds: the wait is over 1 s less the few
	// microseconds between the server writing the date and the client reading it.
	if gap < 900*time.Millisecond || gap > 10*time.Second {
		t.Errorf("second attempt arrived %v after the first; want between 1s and 10s", gap)
	}
}

// TestRetryAfterCapped: a Retry-After of an hour is cut to 4×MaxBackoff.
func TestRetryAfterCapped(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n == 1 {
			w.Header().Set("Retry-After", "3600")
			reply(w, http.StatusTooManyRequests, `{}`)
			return
		}
		reply(w, http.StatusOK, `{}`)
	})
	c := rg.client(WithRetry(fast()))
	// The test's deadline, not a timing assertion: an uncapped wait of an
	// hour would end in DeadlineExceeded.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := c.refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if n := rg.count(); n != 2 {
		t.Errorf("%d requests arrived, want 2", n)
	}
}

// TestDeadlineDuringBackoff: a context deadline that falls while the client
// waits to retry ends the call then, with the context's error, not after
// the hour the server asked for.
func TestDeadlineDuringBackoff(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		reply(w, http.StatusServiceUnavailable, `{}`)
	})
	policy := fast()
	policy.MaxBackoff = time.Hour
	c := rg.client(WithRetry(policy))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.refresh(ctx)
	took := time.Since(start)
	t.Logf("deadline 100ms during a 1h backoff: the call returned after %v: %v", took, err)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want context.DeadlineExceeded", err)
	}
	if took > 10*time.Second {
		t.Errorf("the call took %v; the deadline was 100ms", took)
	}
	if n := rg.count(); n != 1 {
		t.Errorf("%d requests arrived, want 1", n)
	}
}

// TestCancelDuringBackoff: cancelling the context ends the wait at once.
func TestCancelDuringBackoff(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		reply(w, http.StatusServiceUnavailable, `{}`)
		// The client is about to wait an hour; cancel it once it has the answer.
		go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	})
	policy := fast()
	policy.MaxBackoff = time.Hour
	c := rg.client(WithRetry(policy))
	start := time.Now()
	_, err := c.refresh(ctx)
	t.Logf("cancelled during a 1h backoff: returned after %v", time.Since(start))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Errorf("the call took %v after a cancel at 50ms", time.Since(start))
	}
}

// TestRetryConnectionReset: a connection reset is retried like a 503.
func TestRetryConnectionReset(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n <= 2 {
			reset(t, w)
			return
		}
		reply(w, http.StatusOK, `{"result":"ok"}`)
	})
	c := rg.client(WithRetry(fast()))
	got, _, err := c.logOut(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got.Result != "ok" || rg.count() != 3 {
		t.Errorf("result %q after %d requests; want ok after 3", got.Result, rg.count())
	}
}
