package pmruntime

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
)

// edgeGridAuth signs with Akamai EdgeGrid and the WithEdgeGrid credentials,
// including the headers the collection lists in the signature.
type edgeGridAuth struct {
	headers []string
	maxBody int
	// baseURL is the auth block's baseURL: Postman signs its host instead
	// of the request's, so that a request sent through a proxy or a local
	// tunnel is signed for the host Akamai sees.
	baseURL string
	around  textAround
}

// sign adds the signature to req; without credentials it leaves req as it is,
// as Postman sends a request whose credentials are empty.
func (a edgeGridAuth) sign(cfg *config, req *http.Request, body []byte) error {
	if cfg.auth.edgeGrid == nil {
		return nil
	}
	c := a.around.wrapAll(cfg.auth.edgeGrid[:])
	ts := cfg.authNow().UTC().Format("20060102T15:04:05+0000")
	auth := "EG1-HMAC-SHA256 client_token=" + c[0] + ";access_token=" + c[2] + ";timestamp=" + ts + ";nonce=" + cfg.authNonce() + ";"
	var canon []string
	for _, name := range a.headers {
		if v := strings.Join(strings.Fields(req.Header.Get(name)), " "); v != "" {
			canon = append(canon, strings.ToLower(name)+":"+v)
		}
	}
	payloadHash := ""
	if req.Method == http.MethodPost && len(body) > 0 {
		b := body
		if len(b) > a.maxBody {
			b = b[:a.maxBody]
		}
		payloadHash = base64.StdEncoding.EncodeToString(hashSum(sha256.New, b))
	}
	data := strings.Join([]string{req.Method, req.URL.Scheme, a.signedHost(req), req.URL.RequestURI(), strings.Join(canon, "\t"), payloadHash, auth}, "\t")
	key := base64.StdEncoding.EncodeToString(hmacSum(sha256.New, []byte(c[1]), ts))
	setHeader(req.Header, "Authorization", auth+"signature="+base64.StdEncoding.EncodeToString(hmacSum(sha256.New, []byte(key), data)))
	return nil
}

// signedHost is the host the signature covers: the baseURL's when it has
// one (a baseURL without a scheme is read as http, as Postman reads it),
// the request's otherwise.
func (a edgeGridAuth) signedHost(req *http.Request) string {
	base := a.baseURL
	if base == "" {
		return req.URL.Host
	}
	if !strings.Contains(base, "://") {
		base = "http://" + base
	}
	if u, err := url.Parse(base); err == nil && u.Host != "" {
		return u.Host
	}
	return req.URL.Host
}
