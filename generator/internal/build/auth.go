package build

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// Auth follows Postman's inheritance: a request without auth (or with
// "inherit") takes its folder's, a folder's comes from its parent, up to the
// collection's; "noauth" switches it off below where it is set.
//
// Credentials (usernames, passwords, tokens, keys) are never taken from the
// collection: they are often real secrets saved by accident. Each scheme
// gets client options that take them, and requests whose credentials were
// not given are sent without auth, as Postman does when they are empty.
// What is not secret (where an API key goes, the AWS region, the OAuth 1
// signature method) comes from the collection.

// codeAuthNotGenerated marks an auth kind generated clients cannot sign.
const codeAuthNotGenerated = "auth-not-generated"

// authSite is an auth block and where it was set.
type authSite struct {
	auth *load.Auth
	pos  model.Pos
	from string
}

// authPlan is the effective auth of every request item, found before the
// settings are named so that the auth options keep their names.
type authPlan struct {
	of map[*load.Item]authSite
}

// authOptionNames are the credential options of each scheme.
func authOptionNames(s model.AuthScheme) []string {
	switch s {
	case model.AuthBasic:
		return []string{"WithBasicAuth"}
	case model.AuthBearer:
		return []string{"WithBearerToken"}
	case model.AuthAPIKey:
		return []string{"WithAPIKey"}
	case model.AuthOAuth2:
		return []string{"WithOAuth2Token", "WithOAuth2TokenSource"}
	case model.AuthDigest:
		return []string{"WithDigestAuth"}
	case model.AuthAWSV4:
		return []string{"WithAWSCredentials"}
	case model.AuthOAuth1:
		return []string{"WithOAuth1"}
	case model.AuthHawk:
		return []string{"WithHawk"}
	case model.AuthEdgeGrid:
		return []string{"WithEdgeGrid"}
	}
	return nil
}

// schemeOf maps a Postman auth type to a scheme. ok is false for kinds
// generated clients cannot sign; reason then says why, for the warning.
func schemeOf(a *load.Auth) (s model.AuthScheme, ok bool, reason string) {
	switch strings.ToLower(a.Type) {
	case "basic":
		return model.AuthBasic, true, ""
	case "bearer":
		return model.AuthBearer, true, ""
	case "apikey":
		return model.AuthAPIKey, true, ""
	case "oauth2":
		return model.AuthOAuth2, true, ""
	case "digest":
		return model.AuthDigest, true, ""
	case "awsv4":
		return model.AuthAWSV4, true, ""
	case "oauth1":
		m := strings.ToUpper(authParam(a, "signatureMethod"))
		if strings.HasPrefix(m, "RSA-") {
			return 0, false, "oauth1 auth with " + m + " signatures needs a private key"
		}
		return model.AuthOAuth1, true, ""
	case "hawk":
		return model.AuthHawk, true, ""
	case "edgegrid":
		return model.AuthEdgeGrid, true, ""
	}
	return 0, false, a.Type + " auth"
}

// inherits reports whether an auth block defers to its parent.
func inherits(a *load.Auth) bool {
	return a == nil || a.Type == "" || strings.EqualFold(a.Type, "inherit")
}

// planAuth resolves every request's auth, reserves the option and file
// names of the schemes used, and warns once per place that sets an auth
// kind that cannot be generated.
func (b *builder) planAuth() {
	b.auth = &authPlan{of: map[*load.Item]authSite{}}
	used := map[model.AuthScheme][]authSite{}
	type skipped struct {
		site   authSite
		reason string
		first  string
		count  int
	}
	var skips []*skipped
	skipOf := map[*load.Auth]*skipped{}

	var walk func(items []*load.Item, parent authSite)
	walk = func(items []*load.Item, parent authSite) {
		for _, it := range items {
			site := parent
			if it.IsFolder {
				if !inherits(it.Auth) {
					site = authSite{it.Auth, it.Pos, fmt.Sprintf("the folder %q", it.Name)}
				}
				walk(it.Items, site)
				continue
			}
			if !inherits(it.Request.Auth) {
				site = authSite{it.Request.Auth, it.Pos, "the request"}
			}
			b.auth.of[it] = site
			if site.auth == nil || strings.EqualFold(site.auth.Type, "noauth") {
				continue
			}
			s, ok, reason := schemeOf(site.auth)
			if ok {
				if !containsSite(used[s], site) {
					used[s] = append(used[s], site)
				}
				continue
			}
			sk := skipOf[site.auth]
			if sk == nil {
				sk = &skipped{site: site, reason: reason, first: it.Name}
				skipOf[site.auth] = sk
				skips = append(skips, sk)
			}
			sk.count++
		}
	}
	root := authSite{pos: model.Pos{File: b.col.File}, from: "the collection"}
	if !inherits(b.col.Auth) {
		root.auth = b.col.Auth
	}
	walk(b.col.Items, root)

	for _, sk := range skips {
		reqs := fmt.Sprintf("the request %q is", sk.first)
		if sk.count > 1 {
			reqs = fmt.Sprintf("%d requests (the first %q) are", sk.count, sk.first)
		}
		b.diag(sk.site.pos, model.Warning, codeAuthNotGenerated, fmt.Sprintf(
			"%s set on %s is not generated: generated clients cannot sign it, so %s sent without it; "+
				"pass the Authorization header with WithHeader", sk.reason, sk.site.from, reqs))
	}
	if len(used) == 0 {
		return
	}
	// The runtime's signers read the credentials from config.auth, a name
	// the fields of settings avoid.
	set := &model.AuthSet{Field: "auth"}
	for s := model.AuthBasic; s <= model.AuthEdgeGrid; s++ {
		if used[s] == nil {
			continue
		}
		set.Schemes = append(set.Schemes, s)
		set.Clock = set.Clock || readsClock(s)
		set.Nonce = set.Nonce || makesNonce(s)
		for i, name := range authOptionNames(s) {
			// The options are the documented API: they take their names
			// first, and a variable that would be named the same yields.
			name = b.options.Unique(name)
			b.pkg.Unique(name)
			opt := &model.AuthOption{Scheme: s, Name: name, Source: i == 1}
			opt.Doc = authOptionDoc(opt, used[s])
			set.Options = append(set.Options, opt)
		}
	}
	b.api.Auth = set
}

// readsClock and makesNonce report whether the runtime's signer for s
// reads the time or makes a nonce, through the now and nonce hooks of
// authConfig.
func readsClock(s model.AuthScheme) bool {
	switch s {
	case model.AuthAWSV4, model.AuthOAuth1, model.AuthHawk, model.AuthEdgeGrid:
		return true
	}
	return false
}

func makesNonce(s model.AuthScheme) bool {
	switch s {
	case model.AuthDigest, model.AuthOAuth1, model.AuthHawk, model.AuthEdgeGrid:
		return true
	}
	return false
}

func containsSite(sites []authSite, s authSite) bool {
	for _, x := range sites {
		if x.auth == s.auth {
			return true
		}
	}
	return false
}

// buildAuth gives op its effective auth, with the scheme's settings decided:
// defaults filled in, {{var}} references made client settings.
func (b *builder) buildAuth(it *load.Item, op *model.Operation) {
	site, ok := b.auth.of[it]
	if !ok || site.auth == nil {
		return
	}
	s, ok, _ := schemeOf(site.auth)
	if !ok {
		return
	}
	a := site.auth
	auth := &model.Auth{Scheme: s, From: site.from}
	switch s {
	case model.AuthAPIKey:
		auth.Name = b.template(cmpOr(authParam(a, "key"), "X-API-Key"))
		auth.InQuery = strings.EqualFold(authParam(a, "in"), "query")
	case model.AuthOAuth2:
		auth.Prefix = b.template(cmpOr(strings.TrimSpace(authParam(a, "headerPrefix")), "Bearer"))
		auth.InQuery = authParam(a, "addTokenTo") == "queryParams"
	case model.AuthAWSV4:
		// Postman's defaults: API Gateway in us-east-1.
		auth.Region = b.template(cmpOr(authParam(a, "region"), "us-east-1"))
		auth.Service = b.template(cmpOr(authParam(a, "service"), "execute-api"))
	case model.AuthOAuth1:
		auth.Method = strings.ToUpper(cmpOr(authParam(a, "signatureMethod"), "HMAC-SHA1"))
		// Postman's runtime puts the parameters in the header only when
		// addParamsToHeader is true: a block that leaves it out (older
		// exports) sends them in the query.
		if authParam(a, "addParamsToHeader") != "true" {
			auth.Placement = model.OAuth1Query
		}
		auth.Realm = b.template(authParam(a, "realm"))
		auth.Version = authParam(a, "version")
		if _, set := authParamOK(a, "version"); !set {
			auth.Version = "1.0"
		}
		auth.BodyHash = authParam(a, "includeBodyHash") == "true"
		auth.EmptyParams = authParam(a, "addEmptyParamsToSign") == "true"
	case model.AuthDigest:
		// Postman signs the first attempt when the block holds a realm and
		// a nonce (saved by hand or from an earlier challenge); without
		// them it waits for the challenge.
		if realm, nonce := authParam(a, "realm"), authParam(a, "nonce"); realm != "" && nonce != "" {
			auth.Realm, auth.Nonce = b.template(realm), b.template(nonce)
			auth.Opaque = b.template(authParam(a, "opaque"))
			auth.Method = authParam(a, "algorithm")
			auth.Qop = authParam(a, "qop")
			auth.NonceCount = authParam(a, "nonceCount")
		}
	case model.AuthHawk:
		auth.Method = strings.ToLower(cmpOr(authParam(a, "algorithm"), "sha256"))
		auth.Ext = b.template(cmpOr(authParam(a, "extraData"), authParam(a, "ext")))
		auth.App = b.template(authParam(a, "app"))
		auth.Dlg = b.template(cmpOr(authParam(a, "delegation"), authParam(a, "dlg")))
		auth.BodyHash = authParam(a, "includePayloadHash") == "true"
	case model.AuthEdgeGrid:
		for _, h := range strings.Split(authParam(a, "headersToSign"), ",") {
			if h = strings.TrimSpace(h); h != "" {
				auth.HeadersToSign = append(auth.HeadersToSign, h)
			}
		}
		// Akamai's libraries hash at most 128 KiB of a POST body.
		auth.MaxBody = 131072
		if n, err := strconv.Atoi(authParam(a, "maxBodySize")); err == nil && n > 0 {
			auth.MaxBody = n
		}
	}
	op.Auth = auth
}

// authParam returns an auth parameter's value, "" when it is missing.
func authParam(a *load.Auth, key string) string {
	v, _ := authParamOK(a, key)
	return v
}

func authParamOK(a *load.Auth, key string) (string, bool) {
	for _, p := range a.Params {
		if p.Key == key {
			return strings.TrimSpace(p.Value), true
		}
	}
	return "", false
}

func cmpOr(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
