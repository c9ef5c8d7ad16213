package pmruntime

import (
	"net/http"
	"testing"
)

// newTestClient points a client at the replay server, as a generated
// package's does with its settings; without retries, so that a replayed
// 503 is an answer to check.
func newTestClient(t *testing.T, baseURL string) *Client {
	t.Helper()
	hc := &http.Client{
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	c, err := New(WithHTTPClient(hc), WithRetry(RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		t.Fatal(err)
	}
	c.cfg.baseURL = baseURL
	return c
}
