package pmtest

import (
	"net/url"
	"sort"
	"strings"
)

// TokenFetch is an OAuth 2 client credentials grant that a pre-request
// script runs with pm.sendRequest: a form POSTed to a token URL with the
// client's credentials, whose access_token the script stores in a
// variable.
type TokenFetch struct {
	// URL is the token URL, as written.
	URL string
	// ClientID and ClientSecret are the variables the credentials are
	// read from, as template text ("{{consumer_key}}").
	ClientID, ClientSecret string
	// ClientInBody sends them as client_id and client_secret form fields
	// rather than as HTTP Basic auth.
	ClientInBody bool
	// Scope is the form's scope, when it sends one.
	Scope string
	// Variable is the variable the access token is stored in, and Scope
	// its scope (ScopeEnvironment, ...).
	Variable, VarScope string
	// Source is the pm.sendRequest statement, one line, shortened.
	Source string
}

// AuthBranch is the body of an if on the request's own auth type
// (pm.request.auth.type === "oauth1"): it runs only for requests whose
// own auth block is of Type, never for one that inherits its auth.
type AuthBranch struct {
	Type  string
	Edits []Edit
	// Unread and Kind name the first statement of the body not
	// understood; empty when the body is translated. Would is then what
	// the script does, as PreRequest.Would says it.
	Unread, Kind, Would string
}

// sendRequest reads pm.sendRequest(request, callback) when it is a token
// fetch, under guards the client's grant keeps too.
func (r *preReader) sendRequest(stmt []jsToken) bool {
	args, ok := callOf(stmt, "pm", "sendRequest")
	if !ok || len(args) != 2 || r.out.Fetch != nil {
		return false
	}
	f, ok := tokenRequest(args[0], r.env.locals)
	if !ok {
		return false
	}
	if f.Variable, f.VarScope, ok = tokenCallback(args[1], r.env.locals); !ok {
		return false
	}
	for _, g := range r.guards {
		if g.unset != "" && g.unset != f.Variable {
			return false
		}
		for _, v := range g.requires {
			if "{{"+v+"}}" != f.ClientID && "{{"+v+"}}" != f.ClientSecret {
				return false
			}
		}
	}
	f.Source = statementText(r.src, stmt)
	r.out.Fetch = &f
	return true
}

// member is one property of an object literal.
type member struct {
	key string
	val []jsToken
}

// objectMembers reads an object literal whose keys are names or strings.
func objectMembers(toks []jsToken) ([]member, bool) {
	if len(toks) < 2 || toks[0].text != "{" || closing(toks, 0) != len(toks)-1 {
		return nil, false
	}
	var out []member
	for _, m := range splitArgs(toks[1 : len(toks)-1]) {
		if len(m) == 0 {
			continue
		}
		if len(m) < 3 || m[1].text != ":" || m[0].kind != tokIdent && m[0].kind != tokString {
			return nil, false
		}
		key := m[0].text
		if m[0].kind == tokString {
			key = m[0].value
		}
		out = append(out, member{key, m[2:]})
	}
	return out, true
}

// pairs reads the properties of an object literal, or a list of
// {key, value} objects, as strings.
func pairs(toks []jsToken, locals map[string]string) ([][2]string, bool) {
	var out [][2]string
	if len(toks) >= 2 && toks[0].text == "[" && closing(toks, 0) == len(toks)-1 {
		for _, e := range splitArgs(toks[1 : len(toks)-1]) {
			if len(e) == 0 {
				continue
			}
			ms, ok := objectMembers(e)
			if !ok {
				return nil, false
			}
			var kv [2]string
			for _, m := range ms {
				v, ok := stringValue(m.val, locals)
				switch {
				case !ok:
					return nil, false
				case m.key == "key":
					kv[0] = v
				case m.key == "value":
					kv[1] = v
				case m.key != "type":
					return nil, false
				}
			}
			out = append(out, kv)
		}
		return out, true
	}
	ms, ok := objectMembers(toks)
	if !ok {
		return nil, false
	}
	for _, m := range ms {
		v, ok := stringValue(m.val, locals)
		if !ok {
			return nil, false
		}
		out = append(out, [2]string{m.key, v})
	}
	return out, true
}

// tokenRequest reads the request of a token fetch: a POST of
// grant_type=client_credentials (and a scope) to a literal URL, the
// client's credentials read from variables, as Basic auth or as form
// fields, and no header but Content-Type and Accept.
func tokenRequest(toks []jsToken, locals map[string]string) (TokenFetch, bool) {
	var f TokenFetch
	ms, ok := objectMembers(toks)
	if !ok {
		return f, false
	}
	var post, grant, basic bool
	for _, m := range ms {
		switch m.key {
		case "url":
			if len(m.val) != 1 || m.val[0].kind != tokString && (m.val[0].kind != tokTemplate || m.val[0].subst) {
				return f, false
			}
			f.URL = m.val[0].value
			u, err := url.Parse(f.URL)
			if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || strings.ContainsAny(f.URL, "{}") {
				return f, false
			}
		case "method":
			v, ok := stringValue(m.val, locals)
			post = ok && strings.EqualFold(v, "POST")
		case "header", "headers":
			hs, ok := pairs(m.val, locals)
			if !ok {
				return f, false
			}
			for _, h := range hs {
				// The client sends its own form Content-Type.
				if k := strings.ToLower(h[0]); k != "content-type" && k != "accept" {
					return f, false
				}
			}
		case "auth":
			if basic, ok = basicAuth(m.val, locals, &f); !ok {
				return f, false
			}
		case "body":
			if grant, ok = grantBody(m.val, locals, &f); !ok {
				return f, false
			}
		default:
			return f, false
		}
	}
	// The credentials go one way or the other, and come from variables.
	if !post || !grant || basic == f.ClientInBody {
		return f, false
	}
	_, idOK := soleVariable(f.ClientID)
	_, secretOK := soleVariable(f.ClientSecret)
	return f, idOK && secretOK && f.URL != ""
}

// basicAuth reads {type: 'basic', basic: {username: ..., password: ...}}
// (or basic as a list of {key, value}).
func basicAuth(toks []jsToken, locals map[string]string, f *TokenFetch) (bool, bool) {
	ms, ok := objectMembers(toks)
	if !ok {
		return false, false
	}
	var typ string
	for _, m := range ms {
		switch m.key {
		case "type":
			typ, ok = stringValue(m.val, locals)
		case "basic":
			var ps [][2]string
			ps, ok = pairs(m.val, locals)
			for _, p := range ps {
				switch p[0] {
				case "username":
					f.ClientID = p[1]
				case "password":
					f.ClientSecret = p[1]
				default:
					return false, false
				}
			}
		default:
			ok = false
		}
		if !ok {
			return false, false
		}
	}
	return true, typ == "basic"
}

// grantBody reads {mode: 'urlencoded', urlencoded: ...}: a string
// "grant_type=client_credentials&scope=..." or a list of {key, value},
// with client_id and client_secret when the client sends them there.
func grantBody(toks []jsToken, locals map[string]string, f *TokenFetch) (bool, bool) {
	ms, ok := objectMembers(toks)
	if !ok {
		return false, false
	}
	var mode string
	var fields [][2]string
	for _, m := range ms {
		switch m.key {
		case "mode":
			mode, ok = stringValue(m.val, locals)
		case "urlencoded":
			if len(m.val) == 1 && m.val[0].kind == tokString {
				q, err := url.ParseQuery(m.val[0].value)
				if err != nil {
					return false, false
				}
				for _, k := range sortedQueryKeys(q) {
					if len(q[k]) != 1 {
						return false, false
					}
					fields = append(fields, [2]string{k, q[k][0]})
				}
				continue
			}
			fields, ok = pairs(m.val, locals)
		default:
			ok = false
		}
		if !ok {
			return false, false
		}
	}
	var grant bool
	for _, kv := range fields {
		switch kv[0] {
		case "grant_type":
			grant = kv[1] == "client_credentials"
		case "scope":
			if strings.ContainsAny(kv[1], "{}") {
				return false, false
			}
			f.Scope = kv[1]
		case "client_id":
			f.ClientID, f.ClientInBody = kv[1], true
		case "client_secret":
			f.ClientSecret, f.ClientInBody = kv[1], true
		default:
			return false, false
		}
	}
	return grant, mode == "urlencoded"
}

func sortedQueryKeys(q url.Values) []string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// tokenCallback reads the callback that stores the access token:
//
//	(err, res) => {
//	    if (err) { console.error(err) } else {
//	        const {access_token} = res.json();
//	        pm.environment.set('bearer_token', access_token);
//	    }
//	}
//
// with the token also read as res.json().access_token, an error branch
// that only logs (or none), and assignments into an object of variables
// (a copy, which sends nothing).
func tokenCallback(fn []jsToken, locals map[string]string) (variable, scope string, ok bool) {
	errName, res, body, ok := twoParamFunction(fn)
	if !ok {
		return "", "", false
	}
	stmts := splitStatements(body)
	if len(stmts) == 1 && matchText(stmts[0], "if", "(") {
		cond, then, other, ok := splitIf(stmts[0])
		switch {
		case !ok:
			return "", "", false
		case len(cond) == 1 && cond[0].text == errName:
			for _, s := range splitStatements(then) {
				if !isLogging(s) {
					return "", "", false
				}
			}
			body = other
		case len(cond) == 2 && cond[0].text == "!" && cond[1].text == errName && other == nil:
			body = then
		default:
			return "", "", false
		}
		stmts = splitStatements(body)
	}
	token := map[string]bool{}  // locals holding the token
	parsed := map[string]bool{} // locals holding res.json()
	isToken := func(e []jsToken) bool {
		return len(e) == 1 && token[e[0].text] ||
			len(e) == 3 && parsed[e[0].text] && e[1].text == "." && e[2].text == "access_token" ||
			len(e) == 7 && matchText(e, res, ".", "json", "(", ")", ".", "access_token")
	}
	for _, s := range stmts {
		switch {
		case isLogging(s):
		case isDeclaration(s) && len(s) >= 4:
			eq := -1
			for i, t := range s {
				if t.text == "=" && t.kind == tokPunct {
					eq = i
					break
				}
			}
			if eq < 0 {
				return "", "", false
			}
			lhs, rhs := s[1:eq], s[eq+1:]
			isJSON := len(rhs) == 5 && matchText(rhs, res, ".", "json", "(", ")")
			switch {
			case len(lhs) == 1 && lhs[0].kind == tokIdent && isJSON:
				parsed[lhs[0].text] = true
			case len(lhs) == 1 && lhs[0].kind == tokIdent && isToken(rhs):
				token[lhs[0].text] = true
			case isJSON && matchText(lhs, "{", "access_token", "}") && len(lhs) == 3:
				token["access_token"] = true
			case isJSON && matchText(lhs, "{", "access_token", ":") && len(lhs) == 5 && lhs[3].kind == tokIdent && lhs[4].text == "}":
				token[lhs[3].text] = true
			default:
				return "", "", false
			}
		case len(s) == 5 && s[0].kind == tokIdent && s[1].text == "." && s[3].text == "=" && isToken(s[4:]):
			// env.bearer_token = token: a copy of the variables.
			if _, obj := locals[s[0].text+"."]; !obj {
				return "", "", false
			}
		default:
			e, ok := tokenSet(s, isToken)
			if !ok || variable != "" {
				return "", "", false
			}
			variable, scope = e.Key, e.Scope
		}
	}
	return variable, scope, variable != ""
}

// tokenSet reads pm.<scope>.set("name", token) and its postman.* forms.
func tokenSet(s []jsToken, isToken func([]jsToken) bool) (Edit, bool) {
	for _, c := range []struct {
		path  []string
		scope string
	}{
		{[]string{"pm", "environment", "set"}, ScopeEnvironment},
		{[]string{"pm", "variables", "set"}, ScopeLocal},
		{[]string{"pm", "collectionVariables", "set"}, ScopeCollection},
		{[]string{"pm", "globals", "set"}, ScopeGlobal},
		{[]string{"postman", "setEnvironmentVariable"}, ScopeEnvironment},
		{[]string{"postman", "setGlobalVariable"}, ScopeGlobal},
	} {
		args, ok := callOf(s, c.path...)
		if !ok {
			continue
		}
		if len(args) != 2 || len(args[0]) != 1 || args[0][0].kind != tokString || args[0][0].value == "" || !isToken(args[1]) {
			return Edit{}, false
		}
		return Edit{Kind: SetVariable, Key: args[0][0].value, Scope: c.scope}, true
	}
	return Edit{}, false
}

// twoParamFunction reads (a, b) => { ... } and function (a, b) { ... }.
func twoParamFunction(fn []jsToken) (a, b string, body []jsToken, ok bool) {
	i := 0
	switch {
	case matchText(fn, "function", "("):
		fn, i = fn[1:], 5
	case matchText(fn, "(") && len(fn) > 5 && fn[5].text == "=>":
		i = 6
	default:
		return "", "", nil, false
	}
	if len(fn) <= i || fn[i].text != "{" || fn[1].kind != tokIdent || fn[2].text != "," || fn[3].kind != tokIdent || fn[4].text != ")" || closing(fn, i) != len(fn)-1 {
		return "", "", nil, false
	}
	return fn[1].text, fn[3].text, fn[i+1 : len(fn)-1], true
}
