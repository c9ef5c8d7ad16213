package pmtest

import (
	"strings"
)

// PreRequest is a pre-request script as pmgen reads it: the edits it makes
// to the request and to variables, in script order. A script is translated
// whole or not at all: when one statement is not understood (Unread), the
// statements around it may depend on it, so Edits is empty.
type PreRequest struct {
	Edits []Edit
	// Unread is the first statement pmgen does not translate, as written
	// (one line, shortened); empty when the script is translated.
	Unread string
	// Kind classifies Unread for reports: "pm.sendRequest()", "if",
	// "declaration", "assignment".
	Kind string
	// Would says what an untranslated script does, as a verb phrase:
	// "send a request of its own (pm.sendRequest) and set {{token}}".
	Would string
	// Fetch is the OAuth 2 token the script fetches, when it fetches one.
	Fetch *TokenFetch
	// Branches are the parts of the script that run only for requests
	// whose own auth block is of a given type, in script order.
	Branches []AuthBranch
	// Reason says, when pmgen knows, why Unread is not translated: "its
	// HMAC's key is written in the script".
	Reason string
}

// Translated reports whether every statement of the script is understood.
func (p PreRequest) Translated() bool { return p.Unread == "" }

// EditKind is what one Edit does.
type EditKind int

const (
	// AddHeader appends the header Key: Value, beside any of that name.
	AddHeader EditKind = iota
	// UpsertHeader sets the value of the header Key (matched without
	// regard to case), or appends it when there is none.
	UpsertHeader
	// RemoveHeader removes every header called Key, without regard to case.
	RemoveHeader
	// RemoveEmptyHeaders removes each header whose value is empty: as
	// written, or, with Resolved, once its {{variables}} are resolved.
	RemoveEmptyHeaders
	// SetVariable gives the variable Key the value Value in Scope.
	SetVariable
	// UnsetVariable removes the variable Key from Scope.
	UnsetVariable
	// AddQueryParam appends the query parameter Key=Value.
	AddQueryParam
)

// Variable scopes, from the highest precedence down.
const (
	ScopeLocal       = "local"
	ScopeEnvironment = "environment"
	ScopeCollection  = "collection"
	ScopeGlobal      = "global"
)

// Edit is one translated statement. Values are Postman template text:
// {{name}} stands for a variable's value and {{$guid}} for a dynamic
// value, both resolved when the request is sent, as Postman resolves them.
type Edit struct {
	Kind     EditKind
	Key      string
	Value    string
	Scope    string
	Resolved bool
	// Computed, when set, is the value in place of Value: one the script
	// computes from the clock or the request as it is sent (a timestamp,
	// an HMAC signature), as parts.
	Computed []Part
	// Source is the statement as written, one line, shortened.
	Source string
}

// ParsePreRequest reads a pre-request script.
func ParsePreRequest(src string) PreRequest {
	toks, lexed := lexJS(src)
	env := &scriptEnv{locals: map[string]string{}, computed: map[string]jsValue{}}
	r := newPreReader(src, env, map[string][]jsToken{}, map[string]bool{})
	if !r.statements(toks) {
		return PreRequest{Unread: statementText(src, r.unread), Kind: statementKind(r.unread), Would: would(toks), Reason: env.reason}
	}
	if !lexed {
		return PreRequest{
			Unread: "the script could not be read to its end (an unclosed string, comment or regular expression)",
			Kind:   "unreadable",
			Would:  would(toks),
		}
	}
	for i := range r.out.Branches {
		if r.out.Branches[i].Unread != "" {
			r.out.Branches[i].Would = would(toks)
		}
	}
	return r.out
}

// preStatement translates one statement, recording declarations in
// locals. ok is false when it is not understood.
func preStatement(stmt []jsToken, env *scriptEnv) ([]Edit, bool) {
	if isDeclaration(stmt) {
		return nil, declareLocals(stmt, env)
	}
	if matchText(stmt, "console", ".") && len(stmt) > 3 && stmt[3].text == "(" && closing(stmt, 3) == len(stmt)-1 {
		// Logging changes nothing that is sent; its arguments are read
		// only as far as to know they call nothing.
		return nil, !callsAnything(stmt[4 : len(stmt)-1])
	}
	if e, ok := headerEdit(stmt, env); ok {
		return []Edit{e}, true
	}
	if e, ok := variableEdit(stmt, env); ok {
		return []Edit{e}, true
	}
	if es, ok := queryAdd(stmt, env); ok {
		env.addedQuery += len(es)
		return es, true
	}
	if e, ok := emptyHeaderRemoval(stmt); ok {
		return []Edit{e}, true
	}
	return nil, false
}

// declareLocals reads const a = "x", b = pm.variables.get("y"), and
// values computed from the clock and the request (ts = Date.now()).
func declareLocals(stmt []jsToken, env *scriptEnv) bool {
	for _, d := range splitArgs(stmt[1:]) {
		if len(d) < 3 || d[0].kind != tokIdent || d[1].text != "=" || d[1].kind != tokPunct {
			return false
		}
		name := d[0].text
		delete(env.locals, name)
		delete(env.computed, name)
		if v, ok := stringValue(d[2:], env.locals); ok && !(len(d) == 3 && d[2].kind == tokNumber) {
			env.locals[name] = v
			continue
		}
		v, ok := env.value(d[2:])
		if !ok {
			return false
		}
		if s, isPlain := plain(v.parts); isPlain && v.kind != jsWords {
			env.locals[name] = s
			continue
		}
		env.computed[name] = v
	}
	return true
}

// callsAnything reports whether toks hold a call or an assignment, which
// could change state even inside console.log's arguments.
func callsAnything(toks []jsToken) bool {
	for i, t := range toks {
		if t.kind != tokPunct {
			continue
		}
		switch t.text {
		case "(":
			if i > 0 && (toks[i-1].kind == tokIdent || toks[i-1].text == ")") {
				return true
			}
		case "=", "+=", "-=", "++", "--":
			return true
		}
	}
	return false
}

// callOf returns the arguments of a statement that is exactly a call of
// the dotted name path (pm.request.headers.add(...)).
func callOf(stmt []jsToken, path ...string) ([][]jsToken, bool) {
	var texts []string
	for i, p := range path {
		if i > 0 {
			texts = append(texts, ".")
		}
		texts = append(texts, p)
	}
	texts = append(texts, "(")
	if !matchText(stmt, texts...) {
		return nil, false
	}
	open := len(texts) - 1
	if closing(stmt, open) != len(stmt)-1 {
		return nil, false
	}
	return splitArgs(stmt[open+1 : len(stmt)-1]), true
}

// statementText is the statement as written, on one line and shortened.
func statementText(src string, stmt []jsToken) string {
	s := strings.Join(strings.Fields(src[stmt[0].start:stmt[len(stmt)-1].end]), " ")
	if r := []rune(s); len(r) > 80 {
		s = string(r[:77]) + "..."
	}
	return s
}

// statementKind classifies a statement that is not translated, for
// counting them across collections.
func statementKind(stmt []jsToken) string {
	switch {
	case jsKeywords[stmt[0].text]:
		return stmt[0].text
	case isDeclaration(stmt):
		return "declaration"
	case len(stmt) > 1 && stmt[1].text == "=" && stmt[1].kind == tokPunct:
		return "assignment"
	}
	return describe(stmt)
}
