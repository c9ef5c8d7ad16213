package pmruntime

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

// withTenant is an option a user writes, as Option's doc shows: from
// WithRequestEditor alone, without reaching into the configuration.
func withTenant(tenant string) Option {
	return WithRequestEditor(func(ctx context.Context, req *http.Request) error {
		req.Header.Set("X-Tenant", tenant)
		return nil
	})
}

// counting is a user's RoundTripper: it counts attempts and sends them on.
type counting struct {
	next http.RoundTripper
	n    atomic.Int32
}

func (c *counting) RoundTrip(req *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.next.RoundTrip(req)
}

// TestUserWrittenOptions: an option built on WithRequestEditor applies to
// every call given to New and to one call given to a method.
func TestUserWrittenOptions(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	c := rg.client(withTenant("acme"))
	for _, opts := range [][]Option{nil, {withTenant("other")}, nil} {
		if _, err := c.refresh(context.Background(), opts...); err != nil {
			t.Fatal(err)
		}
	}
	for n, want := range []string{"acme", "other", "acme"} {
		req, _ := rg.request(n + 1)
		if got := req.Header.Get("X-Tenant"); got != want {
			t.Errorf("call %d sent X-Tenant %q, want %q", n+1, got, want)
		}
	}
}

// TestWithTransport: the RoundTripper WithTransport gives sends the calls
// it applies to, in a copy of the client WithHTTPClient gave, which is
// left as it was.
func TestWithTransport(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	all, one := &counting{next: rg.track}, &counting{next: rg.track}
	c := rg.client(WithTransport(all))
	if _, err := c.refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := c.refresh(context.Background(), WithTransport(one)); err != nil {
		t.Fatal(err)
	}
	if all.n.Load() != 1 || one.n.Load() != 1 || rg.count() != 2 {
		t.Errorf("client's transport sent %d, the call's %d, the server saw %d; want 1, 1, 2", all.n.Load(), one.n.Load(), rg.count())
	}
	if rg.hc.Transport != rg.track {
		t.Errorf("WithTransport changed the http.Client given to WithHTTPClient: its Transport is %T", rg.hc.Transport)
	}
}

// failing is a transport whose every attempt fails before a response.
type failing struct{ err error }

func (f failing) RoundTrip(*http.Request) (*http.Response, error) { return nil, f.err }

// TestSendErrorSaysEachOnce: a call that gets no response fails with the
// package, method and URL once, then the cause, not http.Client's own
// `Post "http://…": ` again; the error still unwraps to the *url.Error
// and its cause.
func TestSendErrorSaysEachOnce(t *testing.T) {
	rg := newRig(t, func(n int, w http.ResponseWriter, r *http.Request) {})
	cause := errors.New("dial tcp 127.0.0.1:9: connect: connection refused")
	c := rg.client(WithTransport(failing{cause}), WithRetry(RetryPolicy{MaxAttempts: 1}))
	_, err := c.refresh(context.Background())
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if prefix, suffix := packageName+": POST "+rg.srv.URL+"/", "?_action=refresh: "+cause.Error(); !strings.HasPrefix(msg, prefix) || !strings.HasSuffix(msg, suffix) {
		t.Errorf("err = %q, want %q, the path, then %q", msg, prefix, suffix)
	}
	if n := strings.Count(err.Error(), rg.srv.URL); n != 1 {
		t.Errorf("the URL is in the message %d times, want once: %q", n, err)
	}
	var ue *url.Error
	if !errors.As(err, &ue) || !errors.Is(err, cause) {
		t.Errorf("err = %#v does not unwrap to the *url.Error and its cause", err)
	}
}
