package pmruntime

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
)

// hawkAuth signs with Hawk and the WithHawk credentials, with the collection's
// algorithm and ext, app and dlg attributes.
type hawkAuth struct {
	algorithm, ext, app, dlg string
	payloadHash              bool
	around                   textAround
}

// sign adds the signature to req; without credentials it leaves req as it is,
// as Postman sends a request whose credentials are empty.
func (a hawkAuth) sign(cfg *config, req *http.Request, body []byte) error {
	if cfg.auth.hawk == nil {
		return nil
	}
	c := a.around.wrapAll(cfg.auth.hawk[:])
	newHash := sha256.New
	if a.algorithm == "sha1" {
		newHash = sha1.New
	}
	ts := strconv.FormatInt(cfg.authNow().Unix(), 10)
	nonce := cfg.authNonce()
	port := req.URL.Port()
	if port == "" {
		port = "80"
		if strings.EqualFold(req.URL.Scheme, "https") {
			port = "443"
		}
	}
	payloadHash := ""
	if a.payloadHash {
		mediaType, _, _ := strings.Cut(req.Header.Get("Content-Type"), ";")
		payload := "hawk.1.payload\n" + strings.ToLower(strings.TrimSpace(mediaType)) + "\n" + string(body) + "\n"
		payloadHash = base64.StdEncoding.EncodeToString(hashSum(newHash, []byte(payload)))
	}
	norm := "hawk.1.header\n" + ts + "\n" + nonce + "\n" + req.Method + "\n" + req.URL.RequestURI() + "\n" + strings.ToLower(req.URL.Hostname()) + "\n" + port + "\n" + payloadHash + "\n" + strings.NewReplacer("\\", "\\\\", "\n", "\\n").Replace(a.ext) + "\n"
	if a.app != "" {
		norm += a.app + "\n" + a.dlg + "\n"
	}
	quote := strings.NewReplacer("\\", "\\\\", "\"", "\\\"").Replace
	h := "Hawk id=\"" + quote(c[0]) + "\", ts=\"" + ts + "\", nonce=\"" + nonce + "\""
	if payloadHash != "" {
		h += ", hash=\"" + payloadHash + "\""
	}
	if a.ext != "" {
		h += ", ext=\"" + quote(a.ext) + "\""
	}
	h += ", mac=\"" + base64.StdEncoding.EncodeToString(hmacSum(newHash, []byte(c[1]), norm)) + "\""
	if a.app != "" {
		h += ", app=\"" + quote(a.app) + "\""
		if a.dlg != "" {
			h += ", dlg=\"" + quote(a.dlg) + "\""
		}
	}
	setHeader(req.Header, "Authorization", h)
	return nil
}
