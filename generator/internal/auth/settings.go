package auth

import (
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// Settings is the effective auth of a request set at site, with the
// scheme's settings decided: defaults filled in, and text made a template
// by template, which turns {{var}} references into client settings. It is
// nil when the request has no auth generated clients can sign.
func Settings(site Site, template func(string) model.Template) *model.Auth {
	if site.Auth == nil {
		return nil
	}
	s, ok, _ := SchemeOf(site.Auth)
	if !ok {
		return nil
	}
	a := site.Auth
	auth := &model.Auth{Scheme: s, From: site.From, Around: around(site.Auth, s)}
	switch s {
	case model.AuthAPIKey:
		auth.Name = template(cmpOr(Param(a, "key"), "X-API-Key"))
		auth.InQuery = strings.EqualFold(Param(a, "in"), "query")
	case model.AuthOAuth2:
		auth.Prefix = template(cmpOr(strings.TrimSpace(Param(a, "headerPrefix")), "Bearer"))
		auth.InQuery = Param(a, "addTokenTo") == "queryParams"
		auth.Grant = grant(a, template)
	case model.AuthAWSV4:
		// Postman's defaults: API Gateway in us-east-1.
		auth.Region = template(cmpOr(Param(a, "region"), "us-east-1"))
		auth.Service = template(cmpOr(Param(a, "service"), "execute-api"))
	case model.AuthOAuth1:
		auth.Method = strings.ToUpper(cmpOr(Param(a, "signatureMethod"), "HMAC-SHA1"))
		// Postman's runtime puts the parameters in the header only when
		// addParamsToHeader is true: a block that leaves it out (older
		// exports) sends them in the query.
		if Param(a, "addParamsToHeader") != "true" {
			auth.Placement = model.OAuth1Query
		}
		auth.Realm = template(Param(a, "realm"))
		auth.Version = Param(a, "version")
		if _, set := ParamOK(a, "version"); !set {
			auth.Version = "1.0"
		}
		auth.BodyHash = Param(a, "includeBodyHash") == "true"
		auth.EmptyParams = Param(a, "addEmptyParamsToSign") == "true"
	case model.AuthDigest:
		// Postman signs the first attempt when the block holds a realm and
		// a nonce (saved by hand or from an earlier challenge); without
		// them it waits for the challenge.
		if realm, nonce := Param(a, "realm"), Param(a, "nonce"); realm != "" && nonce != "" {
			auth.Realm, auth.Nonce = template(realm), template(nonce)
			auth.Opaque = template(Param(a, "opaque"))
			auth.Method = Param(a, "algorithm")
			auth.Qop = Param(a, "qop")
			auth.NonceCount = Param(a, "nonceCount")
		}
	case model.AuthHawk:
		auth.Method = strings.ToLower(cmpOr(Param(a, "algorithm"), "sha256"))
		auth.Ext = template(cmpOr(Param(a, "extraData"), Param(a, "ext")))
		auth.App = template(Param(a, "app"))
		auth.Dlg = template(cmpOr(Param(a, "delegation"), Param(a, "dlg")))
		auth.BodyHash = Param(a, "includePayloadHash") == "true"
	case model.AuthEdgeGrid:
		for _, h := range strings.Split(Param(a, "headersToSign"), ",") {
			if h = strings.TrimSpace(h); h != "" {
				auth.HeadersToSign = append(auth.HeadersToSign, h)
			}
		}
		// Akamai's libraries hash at most 128 KiB of a POST body.
		auth.MaxBody = 131072
		if n, err := strconv.Atoi(Param(a, "maxBodySize")); err == nil && n > 0 {
			auth.MaxBody = n
		}
		auth.BaseURL = template(strings.TrimSpace(Param(a, "baseURL")))
	}
	return auth
}
