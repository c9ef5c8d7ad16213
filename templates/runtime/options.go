package pmruntime

import (
	"context"
	"net/http"
	"time"
)

// Option configures the client when passed to New, and a single call when
// passed to a method, where it overrides the client's setting for that call.
//
// Write your own options from WithRequestEditor, which changes each request
// just before it is sent, and WithTransport, which sends it. Like the
// package's own, such an option applies to every call when passed to New
// and to one call when passed to a method:
//
//	// WithTenant sends the tenant a call is made for.
//	func WithTenant(tenant string) Option {
//		return WithRequestEditor(func(ctx context.Context, req *http.Request) error {
//			req.Header.Set("X-Tenant", tenant)
//			return nil
//		})
//	}
//
//	// logged logs the method, URL and status of each attempt.
//	type logged struct{ next http.RoundTripper }
//
//	func (l logged) RoundTrip(req *http.Request) (*http.Response, error) {
//		resp, err := l.next.RoundTrip(req)
//		if err == nil {
//			log.Printf("%s %s: %s", req.Method, req.URL, resp.Status)
//		}
//		return resp, err
//	}
//
//	c, err := New(WithTenant("acme"), WithTransport(logged{http.DefaultTransport}))
//
// (Qualify the names with the package's name in your own code.)
type Option func(*config)

// WithHTTPClient sets the HTTP client that sends requests. The default is
// http.DefaultClient.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) {
		c.httpClient = hc
	}
}

// WithTransport sets the http.RoundTripper that sends each attempt of a
// call: wrap http.DefaultTransport to log, trace or record requests. It
// applies to a copy of the HTTP client (the one WithHTTPClient gave, whose
// Timeout, Jar and CheckRedirect the copy keeps), never to the client
// itself; a later WithHTTPClient replaces it. Nil sends with
// http.DefaultTransport.
func WithTransport(rt http.RoundTripper) Option {
	return func(c *config) {
		var hc http.Client
		if c.httpClient != nil {
			hc = *c.httpClient
		}
		hc.Transport = rt
		c.httpClient = &hc
	}
}

// WithHeader adds a header to every request it applies to. A header of the
// same name set by the method is replaced; so is the default User-Agent,
// "pmgen (" followed by the collection's name and version and ")".
func WithHeader(key, value string) Option {
	return func(c *config) {
		// Clone first: the map may be shared with the client a call was made from.
		c.header = c.header.Clone()
		if c.header == nil {
			c.header = http.Header{}
		}
		c.header.Add(key, value)
	}
}

// WithTimeout bounds each call as a whole: every attempt, the waits between
// retries and reading the response body. Zero, the default, means no limit
// beyond the context's.
func WithTimeout(d time.Duration) Option {
	return func(c *config) {
		c.timeout = d
	}
}

// WithRequestEditor adds a function that may change each request just before
// it is sent: after its headers and auth are set, on every attempt. Editors
// given to New run before those given to a call, and each group in the
// order given. An editor's error fails the call without sending. An editor
// that changes a signed request (AWS, OAuth 1, Hawk, EdgeGrid) invalidates
// the signature; add such headers with WithHeader instead.
func WithRequestEditor(edit func(ctx context.Context, req *http.Request) error) Option {
	return func(c *config) {
		// A full slice expression, so that appending for one call copies rather
		// than writing into the array the client's editors share.
		c.editors = append(c.editors[:len(c.editors):len(c.editors)], edit)
	}
}

// WithResponseInto stores the raw HTTP response of a call in *dst, whenever
// one arrives: with a 2xx status, with an error status (beside the
// *APIError) and when the body could not be read or decoded. After retries
// it is the last response. Its Body reads the bytes the call read (of an
// error response, at most what APIError keeps); of a streamed download it
// is the stream the method returned, to be read once. Pass it to a single
// call: given to New, concurrent calls would all write to *dst.
func WithResponseInto(dst **http.Response) Option {
	return func(c *config) {
		c.responseInto = dst
	}
}

// defaultMaxBodySize caps a 2xx body read into memory unless
// WithMaxBodySize says otherwise: a body without end must not exhaust
// memory. Streamed downloads are not read into memory and have no cap.
const defaultMaxBodySize = 64 << 20

// WithMaxBodySize caps how many bytes of a 2xx response body a call reads
// into memory; a longer body fails the call with an error that says so.
// The default is 64 MiB; n < 0 removes the cap. Methods that stream a
// download (they return an io.ReadCloser) are not capped.
func WithMaxBodySize(n int64) Option {
	return func(c *config) {
		c.maxBodySize = n
	}
}

// with returns a copy of c with opts applied: the configuration of one call.
// Per-call options are checked as New checks the client's, so that a bad
// one fails the call with a clear error rather than deep in the transport.
func (c config) with(opts []Option) (config, error) {
	if len(opts) == 0 {
		return c, nil
	}
	// A copy declared past the early return: options take its address, which
	// moves it to the heap, and a call without options should not pay for that.
	n := c
	for _, opt := range opts {
		opt(&n)
	}
	return n, n.validate()
}
