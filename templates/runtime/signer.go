package pmruntime

import (
	"crypto/hmac"
	"crypto/rand"
	"encoding/hex"
	"hash"
	"net/http"
	"time"
)

// authNow is the time a signature carries: the test hook's, or the clock's.
func (c *config) authNow() time.Time {
	if c.auth.now != nil {
		return c.auth.now()
	}
	return time.Now()
}

// authNonce returns 16 random bytes in hex: unique per request, as replay
// protection requires.
func (c *config) authNonce() string {
	if c.auth.nonce != nil {
		return c.auth.nonce()
	}
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// textAround is the text a collection writes around each credential's
// variable ("Api-Token {{DT_TOKEN}}"), indexed like the arguments of the
// scheme's option. Postman sends the text with the value; the option
// takes only the value.
type textAround [][2]string

// wrap returns the i-th credential as Postman sends it.
func (t textAround) wrap(i int, v string) string {
	if i < len(t) {
		return t[i][0] + v + t[i][1]
	}
	return v
}

// wrapAll returns the credentials of an option as Postman sends them.
func (t textAround) wrapAll(creds []string) []string {
	out := make([]string, len(creds))
	for i, v := range creds {
		out[i] = t.wrap(i, v)
	}
	return out
}

// addQueryParam appends key=value to req's raw query, encoding both in
// full: credentials are never pre-encoded, and signatures cover the bytes
// as sent.
func addQueryParam(req *http.Request, key, value string) {
	if req.URL.RawQuery != "" {
		req.URL.RawQuery += "&"
	}
	req.URL.RawQuery += escapeRFC3986(key, false) + "=" + escapeRFC3986(value, false)
}

// hmacSum is the HMAC of data under key with hash h.
func hmacSum(h func() hash.Hash, key []byte, data string) []byte {
	m := hmac.New(h, key)
	m.Write([]byte(data))
	return m.Sum(nil)
}

// hashSum is the digest of data with hash h.
func hashSum(h func() hash.Hash, data []byte) []byte {
	d := h()
	d.Write(data)
	return d.Sum(nil)
}
