package pmtest

import "strings"

// headerEdit reads pm.request.headers.add/upsert/remove(...) and
// pm.request.addHeader/upsertHeader/removeHeader(...).
func headerEdit(stmt []jsToken, env *scriptEnv) (Edit, bool) {
	locals := env.locals
	for _, c := range []struct {
		path []string
		kind EditKind
	}{
		{[]string{"pm", "request", "headers", "add"}, AddHeader},
		{[]string{"pm", "request", "addHeader"}, AddHeader},
		{[]string{"pm", "request", "headers", "upsert"}, UpsertHeader},
		{[]string{"pm", "request", "upsertHeader"}, UpsertHeader},
		{[]string{"pm", "request", "headers", "remove"}, RemoveHeader},
		{[]string{"pm", "request", "removeHeader"}, RemoveHeader},
	} {
		args, ok := callOf(stmt, c.path...)
		if !ok || len(args) != 1 {
			continue
		}
		if c.kind == RemoveHeader {
			name, ok := stringValue(args[0], locals)
			return Edit{Kind: RemoveHeader, Key: name}, ok && name != ""
		}
		key, value, ok := headerArg(args[0], env)
		return withValue(Edit{Kind: c.kind, Key: key}, value), ok
	}
	return Edit{}, false
}

// withValue gives e the value v: as template text, or computed.
func withValue(e Edit, v jsValue) Edit {
	if s, ok := plain(v.parts); ok && v.kind != jsWords {
		e.Value = s
	} else {
		e.Computed = v.text()
	}
	return e
}

// headerArg reads {key: K, value: V} or "Key: value".
func headerArg(arg []jsToken, env *scriptEnv) (key string, value jsValue, ok bool) {
	if len(arg) == 1 && arg[0].kind == tokString {
		k, v, found := strings.Cut(arg[0].value, ":")
		k = strings.TrimSpace(k)
		return k, jsValue{parts: []Part{{Text: strings.TrimSpace(v)}}}, found && k != ""
	}
	if len(arg) < 2 || arg[0].text != "{" || closing(arg, 0) != len(arg)-1 {
		return "", jsValue{}, false
	}
	var haveKey bool
	for _, m := range splitArgs(arg[1 : len(arg)-1]) {
		if len(m) == 0 {
			continue // a trailing comma
		}
		name := m[0].text
		if m[0].kind == tokString {
			name = m[0].value
		} else if m[0].kind != tokIdent {
			return "", jsValue{}, false
		}
		var v jsValue
		switch {
		case len(m) == 1:
			// {key, value}: shorthand for a local.
			v, ok = env.value(m)
		case m[1].text == ":":
			if name == "disabled" {
				// A disabled header is not sent: only an explicit false
				// leaves the edit meaning what it says.
				ok = len(m) == 3 && m[2].text == "false"
				if !ok {
					return "", jsValue{}, false
				}
				continue
			}
			v, ok = env.value(m[2:])
		default:
			ok = false
		}
		if !ok {
			return "", jsValue{}, false
		}
		switch name {
		case "key":
			// A name is text the script writes, not a computed value.
			s, isPlain := plain(v.parts)
			if !isPlain || v.kind == jsWords {
				return "", jsValue{}, false
			}
			key, haveKey = s, true
		case "value":
			value = v
		case "type", "description":
			// Neither changes what is sent.
		default:
			return "", jsValue{}, false
		}
	}
	return key, value, haveKey && key != ""
}

// variableEdit reads the ways scripts set and unset variables.
func variableEdit(stmt []jsToken, env *scriptEnv) (Edit, bool) {
	locals := env.locals
	scopes := []struct{ word, scope string }{
		{"variables", ScopeLocal}, {"environment", ScopeEnvironment},
		{"collectionVariables", ScopeCollection}, {"globals", ScopeGlobal},
	}
	type call struct {
		path  []string
		kind  EditKind
		scope string
	}
	var calls []call
	for _, s := range scopes {
		calls = append(calls,
			call{[]string{"pm", s.word, "set"}, SetVariable, s.scope},
			call{[]string{"pm", s.word, "unset"}, UnsetVariable, s.scope})
	}
	calls = append(calls,
		call{[]string{"postman", "setEnvironmentVariable"}, SetVariable, ScopeEnvironment},
		call{[]string{"postman", "setGlobalVariable"}, SetVariable, ScopeGlobal},
		call{[]string{"postman", "clearEnvironmentVariable"}, UnsetVariable, ScopeEnvironment},
		call{[]string{"postman", "clearGlobalVariable"}, UnsetVariable, ScopeGlobal})
	for _, c := range calls {
		args, ok := callOf(stmt, c.path...)
		if !ok {
			continue
		}
		want := 2
		if c.kind == UnsetVariable {
			want = 1
		}
		if len(args) != want {
			return Edit{}, false
		}
		key, ok := stringValue(args[0], locals)
		if !ok || key == "" {
			return Edit{}, false
		}
		e := Edit{Kind: c.kind, Key: key, Scope: c.scope}
		if c.kind == SetVariable {
			v, ok := env.value(args[1])
			if !ok {
				return Edit{}, false
			}
			e = withValue(e, v)
		}
		return e, true
	}
	return Edit{}, false
}

// emptyHeaderRemoval reads a loop over the request's headers that removes
// those whose value is empty:
//
//	pm.request.forEachHeader(h => { if (!h.value) pm.request.headers.remove(h.key) })
//	pm.request.headers.each(function (h) { if (pm.variables.replaceIn(h.value) === '') { ... } })
func emptyHeaderRemoval(stmt []jsToken) (Edit, bool) {
	var args [][]jsToken
	for _, p := range [][]string{
		{"pm", "request", "forEachHeader"},
		{"pm", "request", "headers", "each"},
		{"pm", "request", "headers", "forEach"},
	} {
		if a, ok := callOf(stmt, p...); ok {
			args = a
			break
		}
	}
	if len(args) != 1 {
		return Edit{}, false
	}
	param, body, ok := oneParamFunction(args[0])
	if !ok {
		return Edit{}, false
	}
	stmts := splitStatements(body)
	if len(stmts) != 1 || stmts[0][0].text != "if" || len(stmts[0]) < 4 || stmts[0][1].text != "(" {
		return Edit{}, false
	}
	ifs := stmts[0]
	end := closing(ifs, 1)
	if end < 0 {
		return Edit{}, false
	}
	resolved, ok := emptyTest(ifs[2:end], param)
	if !ok {
		return Edit{}, false
	}
	then := ifs[end+1:]
	if len(then) > 1 && then[0].text == "{" && closing(then, 0) == len(then)-1 {
		then = then[1 : len(then)-1]
		if ts := splitStatements(then); len(ts) == 1 {
			then = ts[0]
		} else {
			return Edit{}, false
		}
	}
	if !removesParam(then, param) {
		return Edit{}, false
	}
	return Edit{Kind: RemoveEmptyHeaders, Resolved: resolved}, true
}

// oneParamFunction reads function (h) { ... }, (h) => { ... }, h => { ... }
// and h => statement.
func oneParamFunction(fn []jsToken) (param string, body []jsToken, ok bool) {
	i := 0
	switch {
	case matchText(fn, "function", "(") && len(fn) > 3 && fn[2].kind == tokIdent && fn[3].text == ")":
		param, i = fn[2].text, 4
		if i >= len(fn) || fn[i].text != "{" || closing(fn, i) != len(fn)-1 {
			return "", nil, false
		}
		return param, fn[i+1 : len(fn)-1], true
	case matchText(fn, "(") && len(fn) > 3 && fn[1].kind == tokIdent && fn[2].text == ")" && fn[3].text == "=>":
		param, i = fn[1].text, 4
	case len(fn) > 1 && fn[0].kind == tokIdent && fn[1].text == "=>":
		param, i = fn[0].text, 2
	default:
		return "", nil, false
	}
	if i < len(fn) && fn[i].text == "{" && closing(fn, i) == len(fn)-1 {
		return param, fn[i+1 : len(fn)-1], true
	}
	return param, fn[i:], i < len(fn)
}

// emptyTest reads a condition that holds when the header's value is
// empty: !h.value, h.value === "" (or ==) or !h.value.length,
// on h.value or on pm.variables.replaceIn(h.value) (resolved).
func emptyTest(cond []jsToken, param string) (resolved, ok bool) {
	value := func(toks []jsToken) (rest []jsToken, resolved, ok bool) {
		if matchText(toks, param, ".", "value") {
			return toks[3:], false, true
		}
		if matchText(toks, "pm", ".", "variables", ".", "replaceIn", "(", param, ".", "value", ")") {
			return toks[10:], true, true
		}
		return nil, false, false
	}
	if len(cond) > 0 && cond[0].text == "!" {
		rest, res, ok := value(cond[1:])
		if ok && (len(rest) == 0 || matchText(rest, ".", "length") && len(rest) == 2) {
			return res, true
		}
		return false, false
	}
	rest, res, ok := value(cond)
	if !ok || len(rest) != 2 || (rest[0].text != "===" && rest[0].text != "==") || rest[1].kind != tokString || rest[1].value != "" {
		return false, false
	}
	return res, true
}

// removesParam reads pm.request.headers.remove(h.key) (or h itself, or
// pm.request.removeHeader(h.key)).
func removesParam(stmt []jsToken, param string) bool {
	for _, p := range [][]string{{"pm", "request", "headers", "remove"}, {"pm", "request", "removeHeader"}} {
		args, ok := callOf(stmt, p...)
		if !ok || len(args) != 1 {
			continue
		}
		a := args[0]
		return len(a) == 1 && a[0].text == param || len(a) == 3 && matchText(a, param, ".", "key")
	}
	return false
}

// queryAdd reads pm.request.url.addQueryParams(...) (also on
// pm.request) of "key=" + value, {key, value} or a list of them, and
// pm.request.url.query.add({key, value}).
func queryAdd(stmt []jsToken, env *scriptEnv) ([]Edit, bool) {
	var args [][]jsToken
	var list bool
	for _, c := range []struct {
		path []string
		list bool
	}{
		{[]string{"pm", "request", "url", "addQueryParams"}, true},
		{[]string{"pm", "request", "addQueryParams"}, true},
		{[]string{"pm", "request", "url", "query", "add"}, false},
	} {
		if a, ok := callOf(stmt, c.path...); ok {
			args, list = a, c.list
			break
		}
	}
	if len(args) != 1 {
		return nil, false
	}
	arg := args[0]
	if list && len(arg) > 1 && arg[0].text == "[" && closing(arg, 0) == len(arg)-1 {
		var out []Edit
		for _, item := range splitArgs(arg[1 : len(arg)-1]) {
			if len(item) == 0 {
				continue // a trailing comma
			}
			e, ok := queryParamArg(item, env, false)
			if !ok {
				return nil, false
			}
			out = append(out, e)
		}
		return out, len(out) > 0
	}
	e, ok := queryParamArg(arg, env, list)
	if !ok {
		return nil, false
	}
	return []Edit{e}, true
}

// queryParamArg reads {key: K, value: V}, or, when text is allowed,
// "key=" + value.
func queryParamArg(arg []jsToken, env *scriptEnv, text bool) (Edit, bool) {
	if len(arg) > 1 && arg[0].text == "{" {
		key, value, ok := headerArg(arg, env)
		return withValue(Edit{Kind: AddQueryParam, Key: key}, value), ok
	}
	if !text {
		return Edit{}, false
	}
	v, ok := env.value(arg)
	if !ok || v.kind == jsWords || len(v.parts) == 0 || v.parts[0].Source != SourceText {
		return Edit{}, false
	}
	key, first, found := strings.Cut(v.parts[0].Text, "=")
	if !found || key == "" {
		return Edit{}, false
	}
	rest := append([]Part{{Text: first}}, v.parts[1:]...)
	for _, p := range rest {
		if p.Source == SourceText && strings.Contains(p.Text, "&") || strings.Contains(key, "&") {
			env.refuse("it adds several query parameters in one string")
			return Edit{}, false
		}
	}
	if first == "" {
		rest = rest[1:]
	}
	return withValue(Edit{Kind: AddQueryParam, Key: key}, jsValue{parts: rest}), true
}
