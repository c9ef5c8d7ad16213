package fetch

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// DefaultAPIURL is the Postman API.
const DefaultAPIURL = "https://api.getpostman.com"

// maxBody caps what is read from the API: the largest real collections
// are a few megabytes.
const maxBody = 256 << 20

// postman fetches GET /collections/{uid} or /environments/{uid}. The
// answer is wrapped ({"collection": {...}}), which load accepts as it is.
func (r Reader) postman(ctx context.Context, uid string, what What) ([]byte, error) {
	spec := "postman:" + uid
	if uid == "" {
		return nil, fmt.Errorf("%s: give the %s's uid after \"postman:\"", spec, what)
	}
	if r.APIKey == "" {
		return nil, fmt.Errorf("%s: set $POSTMAN_API_KEY to a Postman API key to fetch the %s", spec, what)
	}
	base := r.APIURL
	if base == "" {
		base = DefaultAPIURL
	}
	u := strings.TrimRight(base, "/") + "/" + what.String() + "s/" + url.PathEscape(uid)
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", spec, r.redact(err.Error()))
	}
	req.Header.Set("X-Api-Key", r.APIKey)
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot reach the Postman API: %s", spec, r.redact(err.Error()))
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return nil, fmt.Errorf("%s: reading the Postman API's answer: %s", spec, r.redact(err.Error()))
	}
	switch resp.StatusCode {
	case http.StatusOK:
		return body, nil
	case http.StatusUnauthorized:
		return nil, fmt.Errorf("%s: the Postman API refused the key in $POSTMAN_API_KEY (401 Unauthorized); check that the key is valid and not expired", spec)
	case http.StatusForbidden:
		return nil, fmt.Errorf("%s: the key in $POSTMAN_API_KEY may not read this %s (403 Forbidden)", spec, what)
	case http.StatusNotFound:
		return nil, fmt.Errorf("%s: the Postman API has no %s with this uid that the key can see (404 Not Found); check the uid (owner-id and id, as in 12345-abcd…)", spec, what)
	case http.StatusTooManyRequests:
		return nil, fmt.Errorf("%s: the Postman API is limiting requests (429 Too Many Requests); %s", spec, retryAfter(resp.Header.Get("Retry-After")))
	}
	msg := apiMessage(body)
	if msg != "" {
		msg = ": " + r.redact(msg)
	}
	return nil, fmt.Errorf("%s: the Postman API answered %s%s", spec, resp.Status, msg)
}

// retryAfter turns a Retry-After header (seconds or an HTTP date) into advice.
func retryAfter(h string) string {
	h = strings.TrimSpace(h)
	if s, err := strconv.Atoi(h); err == nil && s >= 0 {
		return fmt.Sprintf("retry after %d seconds", s)
	}
	if t, err := http.ParseTime(h); err == nil {
		return "retry after " + t.UTC().Format(time.RFC1123)
	}
	return "retry later"
}

// apiMessage is the message of the API's error body
// ({"error": {"name": ..., "message": ...}}), cut short.
func apiMessage(body []byte) string {
	var e struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &e) != nil {
		return ""
	}
	m := e.Error.Message
	if len(m) > 200 {
		m = m[:200] + "…"
	}
	return m
}

// redact keeps the key out of a message, whatever echoed it.
func (r Reader) redact(s string) string {
	if r.APIKey == "" {
		return s
	}
	return strings.ReplaceAll(s, r.APIKey, "[POSTMAN_API_KEY]")
}
