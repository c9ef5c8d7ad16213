package generated_test

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/pmgen/pmgen/generated/forgerockam"
)

// The tests in wiring_test.go run the generated ForgeRock client against
// local servers, each with a transport of its own so that what it leaves
// behind (goroutines, connections, unclosed bodies) is its own.

// rig is one test's server, transport and record of what was sent.
type rig struct {
	t     *testing.T
	srv   *httptest.Server
	hc    *http.Client
	track *bodyTracker

	mu       sync.Mutex
	requests []*http.Request
	bodies   [][]byte
}

// newRig starts a 127.0.0.1 server that hands every request to handle,
// and arranges, in this order at the end of the test: close the server,
// close idle client connections, check every response body was closed, and
// check no goroutine started by the test is left (goleak).
func newRig(t *testing.T, handle func(n int, w http.ResponseWriter, r *http.Request)) *rig {
	t.Helper()
	// Cleanups run last registered first: this one runs after all others.
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) })

	rg := &rig{t: t}
	rg.srv = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rg.mu.Lock()
		rg.requests = append(rg.requests, r.Clone(r.Context()))
		rg.bodies = append(rg.bodies, body)
		n := len(rg.requests)
		rg.mu.Unlock()
		handle(n, w, r)
	}))
	// httptest listens on 127.0.0.1 by default; say so, as the team requires.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	rg.srv.Listener.Close()
	rg.srv.Listener = l
	rg.srv.Start()

	transport := &http.Transport{}
	rg.track = &bodyTracker{next: transport}
	rg.hc = &http.Client{Transport: rg.track}
	t.Cleanup(func() {
		if open := rg.track.open(); open != 0 {
			t.Errorf("%d response bodies were left open", open)
		}
	})
	t.Cleanup(transport.CloseIdleConnections)
	t.Cleanup(rg.srv.Close)
	return rg
}

// client is the seed's client pointed at the rig, with opts after the rig's.
func (rg *rig) client(opts ...forgerockam.Option) *forgerockam.Client {
	rg.t.Helper()
	base := []forgerockam.Option{
		forgerockam.WithHTTPClient(rg.hc),
		forgerockam.WithBaseURL(rg.srv.URL),
		forgerockam.WithDemoSSOToken("tok-123"),
	}
	c, err := forgerockam.New(append(base, opts...)...)
	if err != nil {
		rg.t.Fatal(err)
	}
	return c
}

// count is how many requests arrived.
func (rg *rig) count() int {
	rg.mu.Lock()
	defer rg.mu.Unlock()
	return len(rg.requests)
}

// request is the n-th request that arrived, from 1.
func (rg *rig) request(n int) (*http.Request, []byte) {
	rg.mu.Lock()
	defer rg.mu.Unlock()
	if n > len(rg.requests) {
		rg.t.Fatalf("request %d asked for; %d arrived", n, len(rg.requests))
	}
	return rg.requests[n-1], rg.bodies[n-1]
}

// bodyTracker counts response bodies handed out and closed.
type bodyTracker struct {
	next           http.RoundTripper
	opened, closed atomic.Int64
}

func (b *bodyTracker) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := b.next.RoundTrip(req)
	if resp != nil && resp.Body != nil {
		b.opened.Add(1)
		resp.Body = &trackedBody{ReadCloser: resp.Body, tracker: b}
	}
	return resp, err
}

func (b *bodyTracker) open() int64 { return b.opened.Load() - b.closed.Load() }

type trackedBody struct {
	io.ReadCloser
	tracker *bodyTracker
	once    sync.Once
}

func (t *trackedBody) Close() error {
	t.once.Do(func() { t.tracker.closed.Add(1) })
	return t.ReadCloser.Close()
}

// reply writes status with a JSON body.
func reply(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// fast is a retry policy for every method whose waits are at most 2 ms, for
// tests about what is retried rather than how long it waits.
func fast() forgerockam.RetryPolicy {
	return forgerockam.RetryPolicy{AllMethods: true, InitialBackoff: time.Millisecond, MaxBackoff: 2 * time.Millisecond}
}
