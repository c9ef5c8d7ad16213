package pmruntime

import (
	"bytes"
	"cmp"
	"crypto/md5"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"net/http"
	"strings"
)

// digestAuth signs with HTTP Digest auth and the WithDigestAuth credentials.
// With the realm and nonce the collection saved, it signs the first attempt
// as Postman does; without them the first attempt carries no credentials,
// and answer responds to the server's challenge.
type digestAuth struct {
	realm, nonce, opaque, algorithm, qop, nc string
	around                                   textAround
}

// sign adds the signature to req; without credentials it leaves req as it is,
// as Postman sends a request whose credentials are empty.
func (a digestAuth) sign(cfg *config, req *http.Request, body []byte) error {
	if cfg.auth.digest == nil {
		return nil
	}
	c := a.around.wrapAll(cfg.auth.digest[:])
	if c[0] == "" || a.realm == "" || a.nonce == "" {
		return nil
	}
	// Postman names MD5 in the header when the collection names no algorithm.
	ch := map[string]string{
		"algorithm": cmp.Or(a.algorithm, "MD5"),
		"nonce":     a.nonce,
		"opaque":    a.opaque,
		"qop":       a.qop,
		"realm":     a.realm,
	}
	h, err := digestAuthorization(c[0], c[1], req.Method, req.URL.RequestURI(), body, ch, cfg.authNonce(), a.nc)
	if err != nil {
		return err
	}
	setHeader(req.Header, "Authorization", h)
	return nil
}

// answer retries req once with an Authorization header when resp is a 401
// with a Digest challenge and credentials were given; otherwise it returns resp.
func (a digestAuth) answer(cfg *config, req *http.Request, body []byte, resp *http.Response) (*http.Response, error) {
	if cfg.auth.digest == nil || resp.StatusCode != http.StatusUnauthorized {
		return resp, nil
	}
	c := a.around.wrapAll(cfg.auth.digest[:])
	challenge := digestChallenge(resp.Header.Values("Www-Authenticate"))
	if challenge == nil {
		return resp, nil
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	h, err := digestAuthorization(c[0], c[1], req.Method, req.URL.RequestURI(), body, challenge, cfg.authNonce(), "00000001")
	if err != nil {
		return nil, err
	}
	retry := req.Clone(req.Context())
	if body != nil {
		retry.Body = io.NopCloser(bytes.NewReader(body))
	}
	setHeader(retry.Header, "Authorization", h)
	return cfg.httpClient.Do(retry)
}

// digestChallenge parses the parameters of the first Digest challenge among
// WWW-Authenticate values, with quoted strings unescaped; nil when there is none.
func digestChallenge(values []string) map[string]string {
	for _, v := range values {
		scheme, rest, _ := strings.Cut(strings.TrimSpace(v), " ")
		if !strings.EqualFold(scheme, "Digest") {
			continue
		}
		params := map[string]string{}
		for rest != "" {
			rest = strings.TrimLeft(rest, " \t,")
			key, after, ok := strings.Cut(rest, "=")
			if !ok {
				break
			}
			key = strings.ToLower(strings.TrimSpace(key))
			if !strings.HasPrefix(after, "\"") {
				var value string
				value, rest, _ = strings.Cut(after, ",")
				params[key] = strings.TrimSpace(value)
				continue
			}
			var b strings.Builder
			i := 1
			for i < len(after) && after[i] != byte(0x22) {
				if after[i] == byte(0x5c) && i+1 < len(after) {
					i++
				}
				b.WriteByte(after[i])
				i++
			}
			params[key] = b.String()
			rest = after[min(i+1, len(after)):]
		}
		return params
	}
	return nil
}

// digestAuthorization computes the Authorization header that answers challenge
// ch (RFC 7616 §3.4), preferring qop "auth", with nonce count nc (left out of
// the header when empty, as Postman leaves it out when none was saved).
func digestAuthorization(user, pass, method, uri string, body []byte, ch map[string]string, cnonce, nc string) (string, error) {
	algorithm := strings.ToUpper(cmp.Or(ch["algorithm"], "MD5"))
	var newHash func() hash.Hash
	switch strings.TrimSuffix(algorithm, "-SESS") {
	case "MD5":
		newHash = md5.New
	case "SHA-256":
		newHash = sha256.New
	case "SHA-512-256":
		newHash = sha512.New512_256
	default:
		return "", fmt.Errorf("digest auth: the server asks for algorithm %q", ch["algorithm"])
	}
	hexHash := func(s string) string {
		return hex.EncodeToString(hashSum(newHash, []byte(s)))
	}
	ha1 := hexHash(user + ":" + ch["realm"] + ":" + pass)
	if strings.HasSuffix(algorithm, "-SESS") {
		ha1 = hexHash(ha1 + ":" + ch["nonce"] + ":" + cnonce)
	}
	qop := ""
	for _, q := range strings.Split(ch["qop"], ",") {
		switch strings.TrimSpace(q) {
		case "auth":
			qop = "auth"
		case "auth-int":
			if qop == "" {
				qop = "auth-int"
			}
		}
	}
	ha2 := hexHash(method + ":" + uri)
	if qop == "auth-int" {
		ha2 = hexHash(method + ":" + uri + ":" + hex.EncodeToString(hashSum(newHash, body)))
	}
	response := hexHash(ha1 + ":" + ch["nonce"] + ":" + ha2)
	if qop != "" {
		response = hexHash(ha1 + ":" + ch["nonce"] + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2)
	}
	quote := func(s string) string {
		return "\"" + strings.NewReplacer("\\", "\\\\", "\"", "\\\"").Replace(s) + "\""
	}
	h := "Digest username=" + quote(user) + ", realm=" + quote(ch["realm"]) + ", nonce=" + quote(ch["nonce"]) + ", uri=" + quote(uri)
	if ch["algorithm"] != "" {
		h += ", algorithm=" + ch["algorithm"]
	}
	if qop != "" {
		h += ", qop=" + qop
		if nc != "" {
			h += ", nc=" + nc
		}
		h += ", cnonce=" + quote(cnonce)
	}
	h += ", response=" + quote(response)
	if ch["opaque"] != "" {
		h += ", opaque=" + quote(ch["opaque"])
	}
	return h, nil
}
