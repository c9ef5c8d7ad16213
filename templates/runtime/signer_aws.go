package pmruntime

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"net/http"
	"slices"
	"strings"
)

// awsV4Auth signs with AWS Signature Version 4 and the WithAWSCredentials
// credentials, for the collection's region and service.
type awsV4Auth struct {
	region, service string
	around          textAround
}

// sign adds the signature to req; without credentials it leaves req as it is,
// as Postman sends a request whose credentials are empty.
func (a awsV4Auth) sign(cfg *config, req *http.Request, body []byte) error {
	if cfg.auth.aws == nil {
		return nil
	}
	c := a.around.wrapAll(cfg.auth.aws[:])
	stamp := cfg.authNow().UTC().Format("20060102T150405Z")
	day := stamp[:8]
	payload := hex.EncodeToString(hashSum(sha256.New, body))
	deleteHeader(req.Header, "Authorization")
	setHeader(req.Header, "X-Amz-Date", stamp)
	// S3 requires the payload hash as a header; other services take it from the signature.
	if a.service == "s3" {
		setHeader(req.Header, "X-Amz-Content-Sha256", payload)
	}
	if c[2] != "" {
		setHeader(req.Header, "X-Amz-Security-Token", c[2])
	}
	host := cmp.Or(req.Host, req.URL.Host)
	headers := map[string]string{"host": host}
	for k, vs := range req.Header {
		k = strings.ToLower(k)
		switch k {
		case "user-agent", "expect", "connection", "x-amzn-trace-id":
			continue
		}
		values := make([]string, len(vs))
		for i, v := range vs {
			values[i] = strings.Join(strings.Fields(v), " ")
		}
		headers[k] = strings.Join(values, ",")
	}
	names := slices.Sorted(maps.Keys(headers))
	var canon strings.Builder
	for _, n := range names {
		canon.WriteString(n + ":" + headers[n] + "\n")
	}
	signed := strings.Join(names, ";")
	path := cmp.Or(req.URL.EscapedPath(), "/")
	// Every service but S3 wants the path encoded a second time.
	if a.service != "s3" {
		path = escapeRFC3986(path, true)
	}
	creq := strings.Join([]string{req.Method, path, canonicalQuery(req.URL.RawQuery), canon.String(), signed, payload}, "\n")
	scope := day + "/" + a.region + "/" + a.service + "/aws4_request"
	toSign := "AWS4-HMAC-SHA256\n" + stamp + "\n" + scope + "\n" + hex.EncodeToString(hashSum(sha256.New, []byte(creq)))
	key := hmacSum(sha256.New, []byte("AWS4"+c[1]), day)
	for _, s := range []string{a.region, a.service, "aws4_request"} {
		key = hmacSum(sha256.New, key, s)
	}
	setHeader(req.Header, "Authorization", "AWS4-HMAC-SHA256 Credential="+c[0]+"/"+scope+", SignedHeaders="+signed+", Signature="+hex.EncodeToString(hmacSum(sha256.New, key, toSign)))
	return nil
}
