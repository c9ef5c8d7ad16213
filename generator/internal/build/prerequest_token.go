package build

import (
	"strings"

	"github.com/pmgen/pmgen/generator/internal/auth"
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/pmtest"
)

// scriptFor is a pre-request script as it runs for the requests in its
// scope: a part that runs only for requests whose own auth block is of
// some type (pm.request.auth.type === "oauth1") and that is not
// translated makes the whole script untranslated when a request in scope
// has such a block, and is dead code otherwise. The decision is made per
// script, not per request, so that the warning, the fetched token and
// the conformance harness agree on it.
func scriptFor(s pmtest.PreRequest, ownTypes map[string]bool) pmtest.PreRequest {
	if !s.Translated() {
		return s
	}
	for _, br := range s.Branches {
		if br.Unread != "" && ownTypes[br.Type] {
			return pmtest.PreRequest{Unread: br.Unread, Kind: br.Kind, Would: br.Would}
		}
	}
	return s
}

// ownAuthTypes are the types of the auth blocks that the requests among
// items (or it alone) set for themselves: what pm.request.auth.type is
// for them.
// origType names the type of blocks that stand for another
// (withFetchedTokens).
func ownAuthTypes(items []*load.Item, origType map[*load.Auth]string, out map[string]bool) map[string]bool {
	for _, it := range items {
		switch {
		case it.IsFolder:
			ownAuthTypes(it.Items, origType, out)
		case it.Request != nil && !auth.Inherits(it.Request.Auth):
			out[ownAuthType(it, origType)] = true
		}
	}
	return out
}

// ownAuthType is pm.request.auth.type for a request: "" when it inherits.
func ownAuthType(it *load.Item, origType map[*load.Auth]string) string {
	a := it.Request.Auth
	if auth.Inherits(a) {
		return ""
	}
	if t, ok := origType[a]; ok {
		return t
	}
	return a.Type
}

// withFetchedTokens returns the collection with each bearer auth block
// whose token is a variable that a translated pre-request script fetches
// (an OAuth 2 client credentials grant run with pm.sendRequest) replaced
// by the OAuth 2 block that says the same: the client runs the grant
// itself, caches the token and sends it as the bearer token. A block is
// replaced only when every request that uses it has that fetch in scope.
// The collection itself is not changed; origType maps each new block to
// the type it replaces, which pm.request.auth.type still reads.
func withFetchedTokens(col *load.Collection, env []load.Variable) (out *load.Collection, origType map[*load.Auth]string) {
	envKeys, colKeys := map[string]bool{}, map[string]bool{}
	for _, v := range env {
		if !v.Disabled {
			envKeys[v.Key] = true
		}
	}
	for _, v := range col.Variables {
		if !v.Disabled {
			colKeys[v.Key] = true
		}
	}
	// reaches reports whether the variable a fetch sets is the one the
	// request reads: a scope above the script's may define it.
	reaches := func(f *pmtest.TokenFetch) bool {
		switch f.VarScope {
		case pmtest.ScopeCollection:
			return !envKeys[f.Variable]
		case pmtest.ScopeGlobal:
			return !envKeys[f.Variable] && !colKeys[f.Variable]
		}
		return true
	}
	fetchOf := map[*load.Auth]*pmtest.TokenFetch{}
	conflict := map[*load.Auth]bool{}
	var order []*load.Auth
	var walk func(items []*load.Item, block *load.Auth, fetch *pmtest.TokenFetch)
	scoped := func(fetch *pmtest.TokenFetch, events []load.Event, scope []*load.Item) *pmtest.TokenFetch {
		src := preRequestSource(events)
		if strings.TrimSpace(src) == "" {
			return fetch
		}
		s := scriptFor(pmtest.ParsePreRequest(src), ownAuthTypes(scope, nil, map[string]bool{}))
		if !s.Translated() {
			return fetch
		}
		if s.Fetch != nil && reaches(s.Fetch) {
			return s.Fetch
		}
		return fetch
	}
	walk = func(items []*load.Item, block *load.Auth, fetch *pmtest.TokenFetch) {
		for _, it := range items {
			if it.IsFolder {
				b := block
				if !auth.Inherits(it.Auth) {
					b = it.Auth
				}
				walk(it.Items, b, scoped(fetch, it.Events, it.Items))
				continue
			}
			b := block
			if !auth.Inherits(it.Request.Auth) {
				b = it.Request.Auth
			}
			f := scoped(fetch, it.Events, []*load.Item{it})
			if b == nil || !strings.EqualFold(b.Type, "bearer") {
				continue
			}
			if _, seen := fetchOf[b]; !seen {
				order = append(order, b)
				fetchOf[b] = f
			}
			if f == nil || auth.Param(b, "token") != "{{"+f.Variable+"}}" || fetchOf[b] == nil || *fetchOf[b] != *f {
				conflict[b] = true
			}
		}
	}
	var root *load.Auth
	if !auth.Inherits(col.Auth) {
		root = col.Auth
	}
	walk(col.Items, root, scoped(nil, col.Events, col.Items))

	replace := map[*load.Auth]*load.Auth{}
	origType = map[*load.Auth]string{}
	for _, b := range order {
		if conflict[b] {
			continue
		}
		a := grantBlock(b, fetchOf[b])
		replace[b], origType[a] = a, b.Type
	}
	if len(replace) == 0 {
		return col, nil
	}
	cp := *col
	if a, ok := replace[cp.Auth]; ok {
		cp.Auth = a
	}
	cp.Items = replaceAuth(col.Items, replace)
	return &cp, origType
}

// grantBlock is the OAuth 2 block of a fetched bearer token: the token
// variable stays the access token (a token the caller gives wins, as the
// script fetches none when the variable is set), and the grant is the
// script's.
func grantBlock(bearer *load.Auth, f *pmtest.TokenFetch) *load.Auth {
	clientAuth := "header"
	if f.ClientInBody {
		clientAuth = "body"
	}
	return &load.Auth{Type: "oauth2", Params: []load.Pair{
		{Key: "accessToken", Value: auth.Param(bearer, "token")},
		{Key: "addTokenTo", Value: "header"},
		{Key: "headerPrefix", Value: "Bearer"},
		{Key: "grant_type", Value: "client_credentials"},
		{Key: "accessTokenUrl", Value: f.URL},
		{Key: "clientId", Value: f.ClientID},
		{Key: "clientSecret", Value: f.ClientSecret},
		{Key: "scope", Value: f.Scope},
		{Key: "client_authentication", Value: clientAuth},
	}}
}

// replaceAuth copies the items whose auth block is replaced, and the
// folders that hold them; the others are shared.
func replaceAuth(items []*load.Item, replace map[*load.Auth]*load.Auth) []*load.Item {
	out := make([]*load.Item, len(items))
	for i, it := range items {
		out[i] = it
		switch {
		case it.IsFolder:
			cp := *it
			if a, ok := replace[it.Auth]; ok {
				cp.Auth = a
			}
			cp.Items = replaceAuth(it.Items, replace)
			out[i] = &cp
		case it.Request != nil:
			if a, ok := replace[it.Request.Auth]; ok {
				cp, req := *it, *it.Request
				req.Auth = a
				cp.Request = &req
				out[i] = &cp
			}
		}
	}
	return out
}
