package pmruntime

import (
	"bytes"
	"cmp"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"fmt"
	"hash"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// oauth1Auth signs with OAuth 1.0a and the WithOAuth1 credentials, with the
// signature method and parameter placement the collection chose.
type oauth1Auth struct {
	method                string
	inQuery               bool
	realm, version        string
	bodyHash, emptyParams bool
	around                textAround
}

// sign adds the signature to req; without credentials it leaves req as it is,
// as Postman sends a request whose credentials are empty.
func (a oauth1Auth) sign(cfg *config, req *http.Request, body []byte) error {
	if cfg.auth.oauth1 == nil {
		return nil
	}
	c := a.around.wrapAll(cfg.auth.oauth1[:])
	form := strings.HasPrefix(strings.ToLower(req.Header.Get("Content-Type")), "application/x-www-form-urlencoded")
	var newHash func() hash.Hash
	switch a.method {
	case "HMAC-SHA1", "PLAINTEXT":
		newHash = sha1.New
	case "HMAC-SHA256":
		newHash = sha256.New
	case "HMAC-SHA512":
		newHash = sha512.New
	default:
		return fmt.Errorf("OAuth 1.0a: cannot sign with %q", a.method)
	}
	params := [][2]string{{"oauth_consumer_key", c[0]}, {"oauth_token", c[2]}, {"oauth_signature_method", a.method}, {"oauth_timestamp", strconv.FormatInt(cfg.authNow().Unix(), 10)}, {"oauth_nonce", cfg.authNonce()}, {"oauth_version", a.version}}
	// The body hash extension covers bodies that are not form parameters.
	if a.bodyHash && !form {
		params = append(params, [2]string{"oauth_body_hash", base64.StdEncoding.EncodeToString(hashSum(newHash, body))})
	}
	if !a.emptyParams {
		params = slices.DeleteFunc(params, func(p [2]string) bool {
			return p[1] == ""
		})
	}
	all := signedPairs(req.URL.RawQuery)
	if form {
		all = append(all, signedPairs(string(body))...)
	}
	for _, p := range params {
		all = append(all, [2]string{escapeRFC3986(p[0], false), escapeRFC3986(p[1], false)})
	}
	base := req.Method + "&" + escapeRFC3986(oauth1BaseURL(req.URL), false) + "&" + escapeRFC3986(joinPairs(all), false)
	key := escapeRFC3986(c[1], false) + "&" + escapeRFC3986(c[3], false)
	signature := key
	if a.method != "PLAINTEXT" {
		signature = base64.StdEncoding.EncodeToString(hmacSum(newHash, []byte(key), base))
	}
	params = append(params, [2]string{"oauth_signature", signature})
	var encoded []string
	for _, p := range params {
		encoded = append(encoded, escapeRFC3986(p[0], false)+"="+escapeRFC3986(p[1], false))
	}
	switch {
	case !a.inQuery:
		h := "OAuth "
		if a.realm != "" {
			h += "realm=\"" + escapeRFC3986(a.realm, false) + "\", "
		}
		for i, e := range encoded {
			k, v, _ := strings.Cut(e, "=")
			if i > 0 {
				h += ", "
			}
			h += k + "=\"" + v + "\""
		}
		setHeader(req.Header, "Authorization", h)
	case form && (req.Method == "POST" || req.Method == "PUT"):
		data := string(body)
		if data != "" {
			data += "&"
		}
		full := []byte(data + strings.Join(encoded, "&"))
		req.Body = io.NopCloser(bytes.NewReader(full))
		req.ContentLength = int64(len(full))
		req.GetBody = func() (io.ReadCloser, error) {
			return io.NopCloser(bytes.NewReader(full)), nil
		}
	default:
		if req.URL.RawQuery != "" {
			req.URL.RawQuery += "&"
		}
		req.URL.RawQuery += strings.Join(encoded, "&")
	}
	return nil
}

// oauth1BaseURL is the base string URI of RFC 5849 §3.4.1.2: lower-case scheme
// and host, the port only when it is not the scheme's default, and the path.
func oauth1BaseURL(u *url.URL) string {
	scheme := strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Hostname())
	if p := u.Port(); p != "" && !(scheme == "http" && p == "80") && !(scheme == "https" && p == "443") {
		host += ":" + p
	}
	return scheme + "://" + host + cmp.Or(u.EscapedPath(), "/")
}
