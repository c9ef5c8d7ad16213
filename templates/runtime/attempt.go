package pmruntime

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// do sends r until an attempt succeeds, fails for good, or the retry policy
// is spent, and returns the last response with its body read and closed.
// A response discarded for a retry is read and closed too, so that its
// connection goes back to the pool.
func (c *config) do(ctx context.Context, r *request, target string) (*http.Response, []byte, error) {
	attempts := c.retry.attempts(r.method)
	for n := 1; ; n++ {
		resp, data, err := c.attempt(ctx, r, target)
		if n >= attempts || ctx.Err() != nil || !retryable(resp, err) {
			return resp, data, err
		}
		if werr := retryWait(ctx, c.retry.backoff(n, resp)); werr != nil {
			// Say what the wait was for beside why it ended.
			if err == nil {
				err = errors.New(resp.Status)
			}
			return resp, nil, fmt.Errorf("%w (waiting to retry after %v)", werr, err)
		}
	}
}

// attempt builds the request for r afresh (body, headers, auth, editors),
// sends it and reads the response body: of a 2xx one up to the cap
// WithMaxBodySize sets (none of a streamed download, whose body is left
// open for the caller), and of any other one at most a byte more than
// maxErrorBody, so that APIError can tell it was cut.
func (c *config) attempt(ctx context.Context, r *request, target string) (*http.Response, []byte, error) {
	var body io.Reader
	if r.body != nil {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, parsablePath(target), body)
	if err != nil {
		return nil, nil, err
	}
	keepRawPath(req, target)
	// vals backs the values of the headers set below: one allocation rather
	// than one per header. Each value's capacity is capped, so that appending to
	// it (a repeated name, an editor's Add) copies it instead of overwriting
	// the next.
	vals := make([]string, 0, len(r.header)+2)
	one := func(v string) []string {
		vals = append(vals, v)
		n := len(vals)
		return vals[n-1 : n : n]
	}
	if r.contentType != "" {
		req.Header["Content-Type"] = one(r.contentType)
	}
	// Names are set as written, not canonicalised: the collection's spelling
	// is what Postman sends. A name's first entry replaces what is there (the
	// body's Content-Type); later entries of the same name are sent as well.
	// A request has a handful of headers, so looking back over them costs
	// less than a set of lower-cased names, which would allocate per call.
	for i, h := range r.header {
		key := h[0]
		if strings.EqualFold(key, "User-Agent") {
			// Go's transport adds its own User-Agent unless it finds this spelling.
			key = "User-Agent"
		}
		if repeated(r.header[:i], key) {
			req.Header[key] = append(req.Header[key], h[1])
			continue
		}
		deleteHeader(req.Header, key)
		req.Header[key] = one(h[1])
	}
	// A copy of WithHeader's values: an editor may change the request's.
	for k, vs := range c.header {
		deleteHeader(req.Header, k)
		req.Header[k] = append([]string(nil), vs...)
	}
	if req.Header["User-Agent"] == nil {
		req.Header["User-Agent"] = one(userAgent)
	}
	// roundTrip signs, adds Accept, runs the editors and sends.
	resp, err := c.roundTrip(req, r)
	if err != nil {
		return nil, nil, err
	}
	ok := resp.StatusCode >= 200 && resp.StatusCode <= 299
	if ok && r.stream {
		// A download: the caller reads it from resp.Body as it arrives.
		return resp, nil, nil
	}
	defer resp.Body.Close()
	limit := int64(maxErrorBody) + 1
	if ok {
		limit = c.bodyLimit()
	}
	data, err := readUpTo(resp.Body, limit)
	if err != nil {
		return resp, nil, fmt.Errorf("reading response: %w", err)
	}
	if ok && limit >= 0 && int64(len(data)) > limit-1 {
		return resp, nil, fmt.Errorf("response body is longer than %d bytes, the cap WithMaxBodySize sets", limit-1)
	}
	return resp, data, nil
}

// bodyLimit is how many bytes of a 2xx body attempt reads: one more than
// the cap, so that a body over it is told from one that fills it; -1 when
// there is no cap.
func (c *config) bodyLimit() int64 {
	switch {
	case c.maxBodySize < 0:
		return -1
	case c.maxBodySize == 0:
		return defaultMaxBodySize + 1
	}
	return c.maxBodySize + 1
}

// readUpTo reads r to its end, or its first n bytes when n >= 0. It reads
// as io.ReadAll does, without wrapping r in an io.LimitedReader, which
// would cost every call an allocation.
func readUpTo(r io.Reader, n int64) ([]byte, error) {
	b := make([]byte, 0, 512)
	for {
		room := b[len(b):cap(b)]
		if n >= 0 && int64(len(room)) > n-int64(len(b)) {
			room = room[:n-int64(len(b))]
		}
		if len(room) == 0 {
			return b, nil
		}
		k, err := r.Read(room)
		b = b[:len(b)+k]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if len(b) == cap(b) && (n < 0 || int64(len(b)) < n) {
			// Let append pick the growth, as io.ReadAll does.
			b = append(b, 0)[:len(b)]
		}
	}
}

// authScheme signs a request for one scheme, with the scheme's settings from
// the collection in its fields and the credentials from the config. body is
// the request body (also readable from req). A request without auth has a
// nil authScheme.
type authScheme interface {
	sign(cfg *config, req *http.Request, body []byte) error
}

// challenged is a scheme that may answer the server's challenge to the
// first attempt with a second one: HTTP Digest.
type challenged interface {
	answer(cfg *config, req *http.Request, body []byte, resp *http.Response) (*http.Response, error)
}

// roundTrip signs req for r.auth, runs the request editors and sends it. A
// request whose scheme answers challenges, and whose first attempt is
// challenged, is answered and sent once more.
func (c *config) roundTrip(req *http.Request, r *request) (*http.Response, error) {
	if r.auth != nil {
		// The scheme is handed a copy: c itself, passed through the
		// interface, would escape, and every call's config would be
		// allocated whether it is signed or not.
		signing := *c
		if err := r.auth.sign(&signing, req, r.body); err != nil {
			return nil, err
		}
	}
	// Postman accepts any media type unless the request sets Accept, and adds
	// the header after signing: an AWS signature does not cover it.
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", "*/*")
	}
	// Editors run after auth, so that they see the request as it will be sent.
	if err := c.edit(req); err != nil {
		return nil, err
	}
	resp, err := c.httpClient.Do(req)
	if ch, ok := r.auth.(challenged); ok && err == nil {
		answering := *c
		return ch.answer(&answering, req, r.body, resp)
	}
	return resp, err
}

// edit runs the request editors on req, in order, stopping at the first
// error.
func (c *config) edit(req *http.Request) error {
	for _, e := range c.editors {
		if err := e(req.Context(), req); err != nil {
			return fmt.Errorf("request editor: %w", err)
		}
	}
	return nil
}

// setHeader replaces key in h whatever its case, keeping key's spelling.
func setHeader(h http.Header, key, value string) {
	deleteHeader(h, key)
	h[key] = []string{value}
}

// repeated says whether name is among the earlier headers, in any spelling.
func repeated(earlier [][2]string, name string) bool {
	for _, h := range earlier {
		if strings.EqualFold(h[0], name) {
			return true
		}
	}
	return false
}

// deleteHeader removes key from h in every spelling.
func deleteHeader(h http.Header, key string) {
	for k := range h {
		if strings.EqualFold(k, key) {
			delete(h, k)
		}
	}
}
