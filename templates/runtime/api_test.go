package pmruntime

import (
	"context"
	"encoding/json"
	"io"
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

// The methods below stand for a generated package's methods in the
// runtime's behaviour tests: each assembles a request as generated code
// does and hands it to send.

// sessionInfo and logOutResult are typed results, as build infers them.
type sessionInfo struct {
	Username string `json:"username"`
	Realm    string `json:"realm"`
}

type logOutResult struct {
	Result string `json:"result"`
}

// unauthorized is a typed error body, as errValue hands it to send.
type unauthorized struct {
	Code    int64  `json:"code"`
	Message string `json:"message"`
}

// Error words the body, as a generated error body's Error does.
func (e *unauthorized) Error() string {
	if e.Message != "" {
		return e.Message
	}
	return "401 Unauthorized"
}

// post assembles a POST to path with the collection's headers.
func post(cfg config, path, action, version string) *request {
	r := &request{method: "POST", url: cfg.baseURL + "/json" + escapePath("/alpha") + path}
	r.addQuery("_action", action)
	r.addHeader("Accept-API-Version", version)
	r.addHeader("Content-Type", "application/json")
	// A session header, spelled as the collection spells it.
	r.addHeader("iPlanetDirectoryPro", "tok-123")
	return r
}

// getSessionInfo sends a JSON body and decodes a typed result.
func (c *Client) getSessionInfo(ctx context.Context, tokenID string, opts ...Option) (*sessionInfo, *Response, error) {
	cfg, err := c.cfg.with(opts)
	if err != nil {
		return nil, nil, err
	}
	r := post(cfg, "/sessions", "getSessionInfo", "resource=2.0")
	r.body, _ = json.Marshal(map[string]string{"tokenId": tokenID})
	var out sessionInfo
	resp, err := c.send(ctx, cfg, r, &out, nil)
	if err != nil {
		return nil, resp, err
	}
	return &out, resp, nil
}

// refresh has no result and a typed 401 body.
func (c *Client) refresh(ctx context.Context, opts ...Option) (*Response, error) {
	cfg, err := c.cfg.with(opts)
	if err != nil {
		return nil, err
	}
	errValue := func(status int) any {
		if status == http.StatusUnauthorized {
			return new(unauthorized)
		}
		return nil
	}
	return c.send(ctx, cfg, post(cfg, "/sessions", "refresh", "resource=4.0"), nil, errValue)
}

// logOut decodes a typed result.
func (c *Client) logOut(ctx context.Context, opts ...Option) (*logOutResult, *Response, error) {
	cfg, err := c.cfg.with(opts)
	if err != nil {
		return nil, nil, err
	}
	var out logOutResult
	resp, err := c.send(ctx, cfg, post(cfg, "/sessions", "logout", "resource=3.1, protocol=1.0"), &out, nil)
	if err != nil {
		return nil, resp, err
	}
	return &out, resp, nil
}

// download streams its 2xx body, as a method whose answer is a file does.
func (c *Client) download(ctx context.Context, opts ...Option) (io.ReadCloser, *Response, error) {
	cfg, err := c.cfg.with(opts)
	if err != nil {
		return nil, nil, err
	}
	r := &request{method: "GET", url: cfg.baseURL + "/export", stream: true}
	var out io.ReadCloser
	resp, err := c.send(ctx, cfg, r, &out, nil)
	return out, resp, err
}
