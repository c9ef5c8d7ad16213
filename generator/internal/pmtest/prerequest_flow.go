package pmtest

import "maps"

// preReader reads a pre-request script statement by statement. Besides
// the edits preStatement reads, it follows as much control flow as a
// script that fetches an OAuth 2 token needs: functions without
// parameters run where they are called, a loop that returns unless the
// client's credentials are set, an if that fetches only while the token's
// variable is empty, and an if on the request's own auth type, which
// build decides per request.
type preReader struct {
	src string
	// env holds the script's constants and computed values; an object
	// of variables (pm.environment.toObject()) is recorded in its locals
	// under its name and a dot.
	env *scriptEnv
	// funcs are the bodies of the functions declared so far; active
	// those being run, against recursion.
	funcs  map[string][]jsToken
	active map[string]bool
	// guards are the conditions the statement being read runs under.
	guards []fetchGuard
	out    PreRequest
	// unread is the first statement not understood, the innermost one
	// when it sits inside a function or an if.
	unread []jsToken
	// conditional is set while a statement refused because it edits
	// under a guard is unwound: the guard is named, not the edit, which
	// is understood on its own.
	conditional bool
}

// fetchGuard is a condition a token fetch may run under: one that the
// client's grant keeps too.
type fetchGuard struct {
	// unset: only while this variable (the token's) is empty; the
	// client fetches only when no token is given.
	unset string
	// requires: only when these variables (the client's credentials) are
	// set; the client fetches only when they are given.
	requires []string
}

func newPreReader(src string, env *scriptEnv, funcs map[string][]jsToken, active map[string]bool) *preReader {
	return &preReader{src: src, env: env, funcs: funcs, active: active}
}

// statements reads toks; false when a statement is not understood.
func (r *preReader) statements(toks []jsToken) bool {
	for _, stmt := range splitStatements(toks) {
		if !r.statement(stmt) {
			r.refuse(stmt)
			return false
		}
	}
	return true
}

// refuse records stmt as the statement not understood, unless an inner
// one is already, or a guard inside it is yet to be named.
func (r *preReader) refuse(stmt []jsToken) {
	if r.unread == nil && !r.conditional {
		r.unread = stmt
	}
}

func (r *preReader) statement(stmt []jsToken) bool {
	r.env.reason = ""
	if name, body, ok := functionDecl(stmt); ok {
		r.funcs[name] = body
		return true
	}
	if len(stmt) == 3 && stmt[0].kind == tokIdent && stmt[1].text == "(" && stmt[2].text == ")" && r.funcs[stmt[0].text] != nil {
		return r.call(stmt[0].text)
	}
	if matchText(stmt, "if", "(") {
		return r.ifStatement(stmt)
	}
	if matchText(stmt, "pm", ".", "sendRequest", "(") {
		return r.sendRequest(stmt)
	}
	if r.declareObject(stmt) {
		return true
	}
	edits, ok := preStatement(stmt, r.env)
	if !ok {
		return false
	}
	if len(edits) > 0 && len(r.guards) > 0 {
		// An edit under a condition is not followed.
		r.conditional = true
		return false
	}
	for i := range edits {
		edits[i].Source = statementText(r.src, stmt)
	}
	r.out.Edits = append(r.out.Edits, edits...)
	return true
}

// call runs the body of a function without parameters. A loop at the
// top of the body that returns unless variables are set guards the rest
// of the body.
func (r *preReader) call(name string) bool {
	if r.active[name] {
		return false
	}
	r.active[name] = true
	n := len(r.guards)
	defer func() {
		delete(r.active, name)
		r.guards = r.guards[:n]
	}()
	var guard []jsToken
	for _, stmt := range splitStatements(r.funcs[name]) {
		if vars, ok := requiresGuard(stmt, r.env.locals); ok {
			r.guards = append(r.guards, fetchGuard{requires: vars})
			guard = stmt
			continue
		}
		if !r.statement(stmt) {
			if r.conditional && guard != nil {
				r.conditional = false
				r.unread = guard
			}
			r.refuse(stmt)
			return false
		}
	}
	return true
}

// functionDecl reads function f() { ... }, const f = () => { ... } and
// const f = function () { ... }.
func functionDecl(stmt []jsToken) (name string, body []jsToken, ok bool) {
	var fn []jsToken
	switch {
	case matchText(stmt, "function") && len(stmt) > 1 && stmt[1].kind == tokIdent:
		name, fn = stmt[1].text, append([]jsToken{stmt[0]}, stmt[2:]...)
	case isDeclaration(stmt) && len(stmt) > 3 && stmt[1].kind == tokIdent && stmt[2].text == "=" && stmt[2].kind == tokPunct:
		name, fn = stmt[1].text, stmt[3:]
	default:
		return "", nil, false
	}
	i := 0
	switch {
	case matchText(fn, "function", "(", ")"):
		i = 3
	case matchText(fn, "(", ")", "=>"):
		i = 3
	default:
		return "", nil, false
	}
	if i < len(fn) && fn[i].text == "{" && closing(fn, i) == len(fn)-1 {
		return name, fn[i+1 : len(fn)-1], true
	}
	return "", nil, false
}

// declareObject reads const env = pm.environment.toObject(), with
// toObject's options or none: reading env.name or env["name"] is then
// reading the variable.
func (r *preReader) declareObject(stmt []jsToken) bool {
	if !isDeclaration(stmt) || len(stmt) < 4 || stmt[1].kind != tokIdent || stmt[2].text != "=" {
		return false
	}
	for _, scope := range []string{"environment", "variables", "collectionVariables", "globals"} {
		args, ok := callOf(stmt[3:], "pm", scope, "toObject")
		if !ok || len(args) > 1 {
			continue
		}
		if len(args) == 1 && !booleanOptions(args[0]) {
			return false
		}
		r.env.locals[stmt[1].text+"."] = scope
		return true
	}
	return false
}

// booleanOptions reads an object literal of booleans ({excludeDisabled: true}).
func booleanOptions(arg []jsToken) bool {
	if len(arg) < 2 || arg[0].text != "{" || closing(arg, 0) != len(arg)-1 {
		return false
	}
	for _, m := range splitArgs(arg[1 : len(arg)-1]) {
		if len(m) == 0 {
			continue
		}
		if len(m) != 3 || m[0].kind != tokIdent || m[1].text != ":" || m[2].text != "true" && m[2].text != "false" {
			return false
		}
	}
	return true
}

// ifStatement reads an if without else whose condition is the request's
// own auth type, or that the token's variable is empty.
func (r *preReader) ifStatement(stmt []jsToken) bool {
	cond, then, other, ok := splitIf(stmt)
	if !ok || other != nil {
		return false
	}
	if typ, ok := ownAuthTest(cond); ok {
		return r.authBranch(typ, then)
	}
	v, ok := unsetTest(cond, r.env.locals)
	if !ok {
		return false
	}
	n := len(r.guards)
	r.guards = append(r.guards, fetchGuard{unset: v})
	defer func() { r.guards = r.guards[:n] }()
	if !r.statements(then) {
		// An edit under this condition: the if is what is not followed.
		r.conditional = false
		return false
	}
	return true
}

// authBranch reads the body of an if on the request's own auth type on
// its own: build applies it to the requests whose auth block is of that
// type, and to no other.
func (r *preReader) authBranch(typ string, then []jsToken) bool {
	if len(r.guards) > 0 {
		return false
	}
	env := &scriptEnv{locals: maps.Clone(r.env.locals), computed: maps.Clone(r.env.computed), addedQuery: r.env.addedQuery}
	sub := newPreReader(r.src, env, r.funcs, r.active)
	br := AuthBranch{Type: typ}
	switch {
	case !sub.statements(then):
		br.Unread, br.Kind = statementText(r.src, sub.unread), statementKind(sub.unread)
	case sub.out.Fetch != nil || len(sub.out.Branches) > 0:
		// A token fetched for some requests only is not followed.
		br.Unread, br.Kind = statementText(r.src, then), "if"
	default:
		br.Edits = sub.out.Edits
	}
	r.out.Branches = append(r.out.Branches, br)
	return true
}

// ownAuthTest reads `typeof pm.request.auth !== 'undefined' &&
// pm.request.auth.type === 'T'` (or `pm.request.auth && ...`): true for
// the requests whose own auth block is of type T. (pm.request.auth is
// the request's own block; an inherited auth leaves it undefined.)
func ownAuthTest(cond []jsToken) (string, bool) {
	parts := splitOp(cond, "&&")
	if len(parts) != 2 {
		return "", false
	}
	first, second := parts[0], parts[1]
	defined := len(first) == 5 && matchText(first, "pm", ".", "request", ".", "auth") ||
		len(first) == 8 && matchText(first, "typeof", "pm", ".", "request", ".", "auth") &&
			(first[6].text == "!==" || first[6].text == "!=") && first[7].kind == tokString && first[7].value == "undefined"
	if !defined || len(second) != 9 || !matchText(second, "pm", ".", "request", ".", "auth", ".", "type") ||
		second[7].text != "===" && second[7].text != "==" || second[8].kind != tokString || second[8].value == "" {
		return "", false
	}
	return second[8].value, true
}

// unsetTest reads a condition that holds while one variable is empty:
// `typeof v === 'undefined' || v === "" || v === null || !v`, any of
// them, on one variable read (env.name, pm.environment.get("name")).
func unsetTest(cond []jsToken, locals map[string]string) (string, bool) {
	var name string
	for _, part := range splitOp(cond, "||") {
		v, ok := emptiness(part, locals)
		if !ok || name != "" && v != name {
			return "", false
		}
		name = v
	}
	return name, name != ""
}

// emptiness reads one test that a variable is empty and names it.
func emptiness(p []jsToken, locals map[string]string) (string, bool) {
	read := func(toks []jsToken) (string, bool) {
		v, ok := stringValue(toks, locals)
		if !ok {
			return "", false
		}
		return soleVariable(v)
	}
	if len(p) > 1 && p[0].text == "!" && p[0].kind == tokPunct {
		return read(p[1:])
	}
	op := -1
	for i, t := range p {
		if t.kind == tokPunct && (t.text == "===" || t.text == "==") {
			op = i
			break
		}
	}
	if op < 1 || op != len(p)-2 {
		return "", false
	}
	left, right := p[:op], p[op+1]
	if left[0].kind == tokIdent && left[0].text == "typeof" {
		if right.kind != tokString || right.value != "undefined" {
			return "", false
		}
		return read(left[1:])
	}
	if right.kind == tokString && right.value == "" || right.kind == tokIdent && (right.text == "null" || right.text == "undefined") {
		return read(left)
	}
	return "", false
}

// soleVariable is the name of the one variable a template is, as in
// "{{name}}".
func soleVariable(v string) (string, bool) {
	if len(v) < 5 || v[:2] != "{{" || v[len(v)-2:] != "}}" {
		return "", false
	}
	name := v[2 : len(v)-2]
	for _, c := range name {
		if c == '{' || c == '}' || c == '$' {
			return "", false
		}
	}
	return name, name != ""
}

// requiresGuard reads the loop that ends the function unless variables
// are set:
//
//	for (const key of ['id', 'secret']) {
//	    if (typeof env[key] === 'undefined' || !env[key]) { console.error(...); return; }
//	}
func requiresGuard(stmt []jsToken, locals map[string]string) ([]string, bool) {
	if !matchText(stmt, "for", "(") || len(stmt) < 8 || !isDeclaration(stmt[2:]) || stmt[3].kind != tokIdent || stmt[4].text != "of" || stmt[5].text != "[" {
		return nil, false
	}
	end := closing(stmt, 1)
	listEnd := closing(stmt, 5)
	if end < 0 || listEnd != end-1 || end+1 >= len(stmt) {
		return nil, false
	}
	key := stmt[3].text
	body := splitStatements(unblock(stmt[end+1:]))
	if len(body) != 1 || !matchText(body[0], "if", "(") {
		return nil, false
	}
	cond, then, other, ok := splitIf(body[0])
	if !ok || other != nil || !onlyReturns(then) {
		return nil, false
	}
	var names []string
	defer delete(locals, key)
	for _, e := range splitArgs(stmt[6:listEnd]) {
		if len(e) != 1 || e[0].kind != tokString || e[0].value == "" {
			return nil, false
		}
		locals[key] = e[0].value
		if v, ok := unsetTest(cond, locals); !ok || v != e[0].value {
			return nil, false
		}
		names = append(names, e[0].value)
	}
	return names, len(names) > 0
}

// onlyReturns reads a block of logging that ends with a bare return.
func onlyReturns(toks []jsToken) bool {
	stmts := splitStatements(toks)
	if len(stmts) == 0 || len(stmts[len(stmts)-1]) != 1 || stmts[len(stmts)-1][0].text != "return" {
		return false
	}
	for _, s := range stmts[:len(stmts)-1] {
		if !isLogging(s) {
			return false
		}
	}
	return true
}

// splitOp cuts toks at a top-level binary operator (&& or ||).
func splitOp(toks []jsToken, op string) [][]jsToken {
	var out [][]jsToken
	start, depth := 0, 0
	for i, t := range toks {
		if t.kind != tokPunct {
			continue
		}
		switch t.text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		case op:
			if depth == 0 {
				out = append(out, toks[start:i])
				start = i + 1
			}
		}
	}
	return append(out, toks[start:])
}

// isLogging reads console.x(...) whose arguments call nothing.
func isLogging(s []jsToken) bool {
	return matchText(s, "console", ".") && len(s) > 4 && s[3].text == "(" && closing(s, 3) == len(s)-1 && !callsAnything(s[4:len(s)-1])
}
