package pmruntime

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"
)

// basicAuth sends the WithBasicAuth credentials as HTTP Basic auth.
type basicAuth struct{}

// sign adds the signature to req; without credentials it leaves req as it is,
// as Postman sends a request whose credentials are empty.
func (a basicAuth) sign(cfg *config, req *http.Request, body []byte) error {
	if c := cfg.auth.basic; c != nil {
		token := base64.StdEncoding.EncodeToString([]byte(c[0] + ":" + c[1]))
		setHeader(req.Header, "Authorization", "Basic "+token)
	}
	return nil
}

// bearerAuth sends the WithBearerToken token.
type bearerAuth struct{}

// sign adds the signature to req; without credentials it leaves req as it is,
// as Postman sends a request whose credentials are empty.
func (a bearerAuth) sign(cfg *config, req *http.Request, body []byte) error {
	if cfg.auth.bearer != "" {
		setHeader(req.Header, "Authorization", "Bearer "+cfg.auth.bearer)
	}
	return nil
}

// apiKeyAuth sends the WithAPIKey key in the header, or the query parameter,
// that the collection names.
type apiKeyAuth struct {
	name    string
	inQuery bool
}

// sign adds the signature to req; without credentials it leaves req as it is,
// as Postman sends a request whose credentials are empty.
func (a apiKeyAuth) sign(cfg *config, req *http.Request, body []byte) error {
	if cfg.auth.apiKey == "" {
		return nil
	}
	if a.inQuery {
		addQueryParam(req, a.name, cfg.auth.apiKey)
	} else {
		setHeader(req.Header, a.name, cfg.auth.apiKey)
	}
	return nil
}

// oauth2Auth sends the token WithOAuth2Token or WithOAuth2TokenSource
// gives, after the collection's header prefix or as access_token in the query.
type oauth2Auth struct {
	prefix  string
	inQuery bool
}

// sign adds the signature to req; without credentials it leaves req as it is,
// as Postman sends a request whose credentials are empty.
func (a oauth2Auth) sign(cfg *config, req *http.Request, body []byte) error {
	return a.send(req, cfg.auth.oauth2)
}

// send adds the token that source returns to req; a nil source or an empty
// token leaves req as it is.
func (a oauth2Auth) send(req *http.Request, source func(context.Context) (string, error)) error {
	if source == nil {
		return nil
	}
	token, err := source(req.Context())
	if err != nil {
		return fmt.Errorf("getting the OAuth 2 token: %w", err)
	}
	switch {
	case token == "":
	case a.inQuery:
		addQueryParam(req, "access_token", token)
	default:
		setHeader(req.Header, "Authorization", strings.TrimSpace(a.prefix+" "+token))
	}
	return nil
}
