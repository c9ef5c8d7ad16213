// Package pmruntime is the runtime every generated client carries: the
// transport, retries, request encoding, auth signers, page iterators and
// dynamic variables. pmgen copies its files into each generated package
// with only the package clause changed, keeping just the declarations the
// package uses.
//
// The runtime is written against a few declarations that each generated
// package makes for its own API, in client.go, auth.go and mock.go:
// Client, config, authConfig, packageName, userAgent and mockExamples.
// This file declares them for the runtime's own build and tests, and is
// never copied.
package pmruntime

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// packageName starts every error message of the runtime, as the name of
// the generated package does.
const packageName = "pmruntime"

// userAgent is sent unless the request or WithHeader sets User-Agent.
const userAgent = "pmgen (runtime)"

// Client is a generated package's client; the runtime needs only its
// configuration.
type Client struct {
	cfg config
}

// config holds the fields of a generated package's config that the runtime
// reads. A generated config has these and one field per setting.
type config struct {
	httpClient   *http.Client
	header       http.Header
	timeout      time.Duration
	retry        RetryPolicy
	editors      []func(ctx context.Context, req *http.Request) error
	responseInto **http.Response
	maxBodySize  int64
	auth         authConfig
	// baseURL stands for the settings of a generated config.
	baseURL string
	// pageURL replaces a call's URL and query with the next page's link; set by page iterators only.
	pageURL string
	// scriptNow is the clock of the values pre-request scripts compute
	// (Date.now()); a hook for tests, nil uses the real one.
	scriptNow func() time.Time
}

// mockExamples is a generated package's table of saved examples, which
// its NewMockServer serves and its tests replay (mock.go).
func mockExamples() []MockExample { return nil }

// authConfig holds the credentials of every scheme; a generated package's
// has a field for each scheme its collection uses.
type authConfig struct {
	basic    *[2]string // username, password
	bearer   *string
	apiKey   *string
	oauth2   func(context.Context) (string, error)
	digest   *[2]string // username, password
	aws      *[3]string // access key ID, secret access key, session token
	oauth1   *[4]string // consumer key, consumer secret, token, token secret
	hawk     *[2]string // id, key
	edgeGrid *[3]string // client token, client secret, access token
	now      func() time.Time
	nonce    func() string

	// oauth2Client and oauth2User are the credentials of the grants the
	// client runs itself (client ID and secret, username and password),
	// oauth2TokenURL replaces the collection's token URL, and oauth2Tokens
	// is the client's token cache, which New makes.
	oauth2Client, oauth2User *[2]string
	oauth2TokenURL           string
	oauth2Tokens             *oauth2Tokens
}

// New returns a client, as a generated package's New does.
func New(opts ...Option) (*Client, error) {
	cfg := config{httpClient: http.DefaultClient}
	for _, opt := range opts {
		opt(&cfg)
	}
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	return &Client{cfg: cfg}, nil
}

// validate rejects a configuration no request could be sent with.
func (c *config) validate() error {
	if c.httpClient == nil {
		return errors.New(packageName + ": WithHTTPClient was given a nil client")
	}
	return nil
}
