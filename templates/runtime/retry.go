package pmruntime

import (
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RetryPolicy says when a call is tried again and how long it waits first.
// A zero field means its default, so RetryPolicy{AllMethods: true} is the
// default policy extended to every method.
//
// A call is tried again after a connection error or a 408, 429, 502, 503 or
// 504 response. Before attempt n+1 it waits a random time between 0 and
// InitialBackoff×2ⁿ⁻¹, at most MaxBackoff (exponential backoff with full
// jitter), or as long as the response's Retry-After header says (seconds or
// an HTTP date), at most 4×MaxBackoff. Only GET, HEAD, OPTIONS, PUT, DELETE
// and TRACE are tried again unless AllMethods is set: sending another
// method twice may do its work twice. Each attempt is built afresh from the
// call's inputs, so the body is sent again in full and auth is signed again
// (new timestamp and nonce). Cancelling the context ends a wait at once.
type RetryPolicy struct {
	// MaxAttempts is the number of tries, the first included: 0 means 3, and 1
	// (or less) turns retries off.
	MaxAttempts int
	// InitialBackoff bounds the wait before the second attempt; the bound
	// doubles for each attempt after it. 0 means 500ms.
	InitialBackoff time.Duration
	// MaxBackoff bounds every wait; 0 means 8s.
	MaxBackoff time.Duration
	// AllMethods retries every method, POST and PATCH included.
	AllMethods bool
}

// The defaults of a zero RetryPolicy field, as the docs above spell them.
const (
	defaultAttempts       = 3
	defaultInitialBackoff = 500 * time.Millisecond
	defaultMaxBackoff     = 8 * time.Second
)

// WithRetry sets the retry policy. Without it a call uses RetryPolicy{}: 3
// attempts, 500ms initial backoff, 8s at most, idempotent methods only.
// WithRetry(RetryPolicy{MaxAttempts: 1}) turns retries off.
func WithRetry(p RetryPolicy) Option {
	return func(c *config) {
		c.retry = p
	}
}

// attempts is how many times a request with method may be sent.
func (p RetryPolicy) attempts(method string) int {
	if !p.AllMethods {
		switch method {
		case "GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE":
		default:
			return 1
		}
	}
	switch {
	case p.MaxAttempts == 0:
		return defaultAttempts
	case p.MaxAttempts < 1:
		return 1
	}
	return p.MaxAttempts
}

// backoff is the wait before attempt n+1, after n failed ones: what resp's
// Retry-After asks for, or a random time up to the exponential bound.
func (p RetryPolicy) backoff(n int, resp *http.Response) time.Duration {
	initial, limit := p.InitialBackoff, p.MaxBackoff
	if initial <= 0 {
		initial = defaultInitialBackoff
	}
	if limit <= 0 {
		limit = defaultMaxBackoff
	}
	if resp != nil {
		if d, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			// The server knows best, within reason: a wait of hours is
			// not what a caller who left MaxBackoff at seconds expects.
			// (Divided, not multiplied, so that a huge MaxBackoff cannot overflow.)
			if d/4 > limit {
				return limit * 4
			}
			return d
		}
	}
	// Double from initial, stopping at limit before the product can overflow.
	bound := min(initial, limit)
	for i := 1; i < n && bound < limit; i++ {
		bound = min(bound*2, limit)
		if bound <= 0 {
			bound = limit
		}
	}
	return rand.N(bound)
}

// retryAfter reads a Retry-After value, delay-seconds or an HTTP date; ok is
// false when there is none or it does not parse.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseUint(v, 10, 32); err == nil {
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// retryable reports whether an attempt that ended with resp or err is worth
// another: the server was busy or unreachable, not wrong.
func retryable(resp *http.Response, err error) bool {
	if err != nil {
		return connectionError(err)
	}
	switch resp.StatusCode {
	case http.StatusRequestTimeout, http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// connectionError reports whether err means the connection failed: it
// could not be made, was reset, or closed before the response ended. A
// host that does not exist, a redirect loop, a bad certificate or an
// editor's error will not go away by trying again.
func connectionError(err error) bool {
	var dns *net.DNSError
	if errors.As(err, &dns) && dns.IsNotFound {
		return false
	}
	var op *net.OpError
	return errors.As(err, &op) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// retryWait waits d, or less when ctx is done first.
func retryWait(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
