package pmruntime

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"
)

// basicAuth sends the WithBasicAuth credentials as HTTP Basic auth.
type basicAuth struct {
	around textAround
	// emptyDefault sends empty credentials when none are given: the
	// collection saves them empty, and Postman sends them so.
	emptyDefault bool
}

// sign adds the signature to req; without credentials it leaves req as it is.
// Given credentials are sent even when empty ("Basic Og=="), as Postman
// sends a username and password whose variables are empty.
func (a basicAuth) sign(cfg *config, req *http.Request, body []byte) error {
	c := cfg.auth.basic
	if c == nil && a.emptyDefault {
		c = &[2]string{}
	}
	if c != nil {
		user, pass := a.around.wrap(0, c[0]), a.around.wrap(1, c[1])
		token := base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))
		setHeader(req.Header, "Authorization", "Basic "+token)
	}
	return nil
}

// bearerAuth sends the WithBearerToken token.
type bearerAuth struct {
	around       textAround
	emptyDefault bool // see basicAuth
}

// sign adds the signature to req; without a token, or with one that is
// empty with the collection's text around it, it leaves req as it is, as
// Postman does.
func (a bearerAuth) sign(cfg *config, req *http.Request, body []byte) error {
	given := cfg.auth.bearer
	if given == nil && a.emptyDefault {
		given = new(string)
	}
	if given == nil {
		return nil
	}
	if token := a.around.wrap(0, *given); token != "" {
		setHeader(req.Header, "Authorization", "Bearer "+token)
	}
	return nil
}

// apiKeyAuth sends the WithAPIKey key in the header, or the query parameter,
// that the collection names.
type apiKeyAuth struct {
	name         string
	inQuery      bool
	around       textAround
	emptyDefault bool // see basicAuth
}

// sign adds the signature to req; without a key it leaves req as it is. A
// key given empty is still sent, as an empty header or "name=": Postman
// sends the API key whenever its name or its value is not empty.
func (a apiKeyAuth) sign(cfg *config, req *http.Request, body []byte) error {
	given := cfg.auth.apiKey
	if given == nil && a.emptyDefault {
		given = new(string)
	}
	if given == nil {
		return nil
	}
	value := a.around.wrap(0, *given)
	switch {
	case a.name == "" && value == "":
	case a.inQuery:
		addQueryParam(req, a.name, value)
	default:
		setHeader(req.Header, a.name, value)
	}
	return nil
}

// oauth2Auth sends the token WithOAuth2Token or WithOAuth2TokenSource
// gives, after the collection's header prefix or as access_token in the query.
type oauth2Auth struct {
	prefix       string
	inQuery      bool
	around       textAround
	emptyDefault bool // see basicAuth
}

// sign adds the signature to req; without credentials it leaves req as it is,
// as Postman sends a request whose credentials are empty.
func (a oauth2Auth) sign(cfg *config, req *http.Request, body []byte) error {
	return a.send(req, cfg.auth.oauth2)
}

// send adds the token that source returns to req, inside the text the
// collection writes around it. A nil source leaves req as it is, unless
// the collection saves the token empty: Postman then sends it empty.
func (a oauth2Auth) send(req *http.Request, source func(context.Context) (string, error)) error {
	var token string
	switch {
	case source != nil:
		var err error
		if token, err = source(req.Context()); err != nil {
			return fmt.Errorf("getting the OAuth 2 token: %w", err)
		}
	case !a.emptyDefault:
		return nil
	}
	switch token = a.around.wrap(0, token); {
	case token == "":
	case a.inQuery:
		addQueryParam(req, "access_token", token)
	default:
		setHeader(req.Header, "Authorization", strings.TrimSpace(a.prefix+" "+token))
	}
	return nil
}
