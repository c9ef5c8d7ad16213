package pmtest

import (
	"strings"
)

// VarSource says where the value a test script gives a variable comes
// from.
type VarSource int

const (
	// VarLiteral is a value written in the script: Value holds the text
	// Postman substitutes for it ("42" for 42).
	VarLiteral VarSource = iota + 1
	// VarJSON is a member of the JSON response, at Path.
	VarJSON
	// VarBody is the response body as text (responseBody, pm.response.text()).
	VarBody
	// VarUnset removes the variable (pm.environment.unset).
	VarUnset
	// VarVariable copies another variable, whose name is Value
	// (pm.environment.get("other")).
	VarVariable
	// VarHeader is a response header, whose name is Value
	// (pm.response.headers.get("Location")).
	VarHeader
)

// VarSet is one statement of a test script that sets or unsets a variable.
type VarSet struct {
	// Key is the variable's name.
	Key    string
	Source VarSource
	// Value is the text of a VarLiteral.
	Value string
	// Path is the keys and indexes of a VarJSON ("value", "0", "id").
	Path []string
	// Guarded is set for `if (x) pm.environment.set("k", x)`: the variable
	// is set only when the value is there and JavaScript counts it true.
	Guarded bool
	// Conds are the conditions on the response of the if and else
	// branches around the statement: it runs when all hold.
	Conds []Cond
	// Lenient is set inside try { } catch: a value that is not there
	// throws, the catch swallows it, and the variable is left alone.
	Lenient bool
	// Statement is the statement's source text.
	Statement string
}

// NotTranslated is a statement that sets a variable in a way the
// translation does not follow.
type NotTranslated struct {
	Statement string
	// Reason says what is not followed, as "uses utils.getVar()".
	Reason string
}

// setters are the calls that set a variable, with the key first and the
// value second; unsetters take the key alone. Every scope is one client
// setting: a Go client has no separate environment, collection and
// global scopes.
var (
	setters = [][]string{
		{"pm", "environment", "set"}, {"pm", "collectionVariables", "set"},
		{"pm", "variables", "set"}, {"pm", "globals", "set"},
		{"postman", "setEnvironmentVariable"}, {"postman", "setGlobalVariable"},
	}
	unsetters = [][]string{
		{"pm", "environment", "unset"}, {"pm", "collectionVariables", "unset"},
		{"pm", "variables", "unset"}, {"pm", "globals", "unset"},
		{"postman", "clearEnvironmentVariable"}, {"postman", "clearGlobalVariable"},
	}
)

// ParseSetVars finds the statements of a test script that set or unset
// variables: at the top level, inside pm.test functions (which Postman
// runs as the script runs), and as the one statement of an if whose
// condition is the value set. It translates those whose key is a literal
// and whose value is a literal, the response body, or a member of the JSON
// response, and lists the others.
func ParseSetVars(src string) ([]VarSet, []NotTranslated) {
	toks, _ := lexJS(src)
	p := &setParser{src: src}
	p.statements(toks, map[string][]string{})
	return p.sets, p.refused
}

type setParser struct {
	src     string
	sets    []VarSet
	refused []NotTranslated
	// conds and lenient are the branches and try blocks the statement
	// being read is in.
	conds   []Cond
	lenient bool
}

// add records a translated set in its context.
func (p *setParser) add(set VarSet) {
	set.Conds = append([]Cond(nil), p.conds...)
	set.Lenient = p.lenient
	p.sets = append(p.sets, set)
}

func (p *setParser) text(toks []jsToken) string {
	if len(toks) == 0 {
		return ""
	}
	return strings.TrimSpace(p.src[toks[0].start:toks[len(toks)-1].end])
}

// statements reads a list of statements, following declarations of
// aliases of the JSON body as ParseScript does.
func (p *setParser) statements(toks []jsToken, aliases map[string][]string) {
	stmts := splitStatements(toks)
	for i := 0; i < len(stmts); i++ {
		stmt := stmts[i]
		// if (c) a(); else b(): the semicolon does not end the if.
		for matchText(stmt, "if", "(") && i+1 < len(stmts) && matchText(stmts[i+1], "else") {
			stmt = append(append([]jsToken(nil), stmt...), stmts[i+1]...)
			i++
		}
		p.statement(stmt, aliases)
	}
}

func (p *setParser) statement(stmt []jsToken, aliases map[string][]string) {
	switch {
	case isDeclaration(stmt):
		local := copyAliases(aliases)
		if declare(stmt, local) == "" {
			for k, v := range local {
				aliases[k] = v
			}
		}
		p.nested(stmt, "is part of a declaration")
	case isTestCall(stmt, 0):
		p.testBody(stmt, aliases)
	case matchText(stmt, "if", "("):
		p.ifStatement(stmt, aliases)
	case matchText(stmt, "try", "{"):
		p.tryStatement(stmt, aliases)
	case setterAt(stmt, 0) != nil || unsetterAt(stmt, 0) != nil:
		set, reason := p.call(stmt, aliases)
		if reason != "" {
			p.refused = append(p.refused, NotTranslated{Statement: p.text(stmt), Reason: reason})
			return
		}
		p.add(set)
	case onlyLogs(stmt):
	default:
		reason := "runs inside other script code (" + describe(stmt) + ")"
		p.nested(stmt, reason)
	}
}

// nested lists every setter call inside stmt as not translated: the code
// around it decides whether and with what it runs.
func (p *setParser) nested(stmt []jsToken, reason string) {
	for i := range stmt {
		if setterAt(stmt, i) != nil || unsetterAt(stmt, i) != nil {
			end := i + callEnd(stmt[i:])
			p.refused = append(p.refused, NotTranslated{Statement: p.text(stmt[i : end+1]), Reason: reason})
		}
	}
}

// testBody reads the statements of pm.test("title", function () {...}).
func (p *setParser) testBody(stmt []jsToken, aliases map[string][]string) {
	open := 3
	if stmt[3].text == "." {
		p.nested(stmt, "is in a pm.test.skip block")
		return
	}
	end := closing(stmt, open)
	if end < 0 {
		p.nested(stmt, "could not be read to its end")
		return
	}
	args := splitArgs(stmt[open+1 : end])
	if len(args) < 2 {
		return
	}
	body, reason := functionBody(args[1])
	if reason != "" {
		p.nested(stmt, "is in a pm.test block that "+reason)
		return
	}
	p.statements(body, copyAliases(aliases))
}

// ifStatement translates `if (x) set("k", x)` and `if (x) { set("k", x) }`,
// the guard collections put around a value that may be missing. Any other
// if lists its setters.
func (p *setParser) ifStatement(stmt []jsToken, aliases map[string][]string) {
	cond, then, other, ok := splitIf(stmt)
	if !ok {
		p.nested(stmt, "runs inside other script code (if)")
		return
	}
	inner := splitStatements(then)
	if other != nil || len(inner) != 1 || setterAt(inner[0], 0) == nil {
		p.branches(stmt, aliases)
		return
	}
	set, reason := p.call(inner[0], aliases)
	if reason == "" && !sameSource(cond, set, aliases) {
		if _, known := parseCond(cond); known {
			p.branches(stmt, aliases)
			return
		}
		reason = "runs under a condition other than its value"
	}
	if reason != "" {
		p.refused = append(p.refused, NotTranslated{Statement: p.text(stmt), Reason: reason})
		return
	}
	set.Guarded = true
	set.Statement = p.text(stmt)
	p.add(set)
}

// sameSource reports whether an if's condition is the value it sets.
func sameSource(cond []jsToken, set VarSet, aliases map[string][]string) bool {
	switch set.Source {
	case VarBody:
		return len(cond) == 1 && cond[0].text == "responseBody"
	case VarHeader:
		name, ok := responseHeader(cond)
		return ok && strings.EqualFold(name, set.Value)
	case VarJSON:
		subj, reason := parseSubject(cond, aliases)
		return reason == "" && subj.kind == subjJSON && strings.Join(subj.path, "\x00") == strings.Join(set.Path, "\x00")
	}
	return false
}

// call translates one setter or unsetter call that is a whole statement.
func (p *setParser) call(stmt []jsToken, aliases map[string][]string) (VarSet, string) {
	name := setterAt(stmt, 0)
	unset := name == nil
	if unset {
		name = unsetterAt(stmt, 0)
	}
	open := 2*len(name) - 1
	end := closing(stmt, open)
	if end < 0 || end != len(stmt)-1 {
		return VarSet{}, "uses " + describe(stmt) + " in a longer expression"
	}
	args := splitArgs(stmt[open+1 : end])
	set := VarSet{Statement: p.text(stmt)}
	if len(args) == 0 || len(args[0]) != 1 || args[0][0].kind != tokString && !(args[0][0].kind == tokTemplate && !args[0][0].subst) {
		return set, "names the variable with an expression"
	}
	set.Key = args[0][0].value
	if unset {
		set.Source = VarUnset
		return set, ""
	}
	if len(args) != 2 || len(args[1]) == 0 {
		return set, "sets no value"
	}
	val := args[1]
	if lit, ok := parseLiteral(val); ok && lit.primitive() {
		set.Source, set.Value = VarLiteral, literalText(lit)
		return set, ""
	}
	if len(val) == 1 && val[0].text == "responseBody" ||
		matchText(val, "pm", ".", "response", ".", "text", "(", ")") && len(val) == 7 {
		set.Source = VarBody
		return set, ""
	}
	if key, ok := variableGet(val); ok {
		set.Source, set.Value = VarVariable, key
		return set, ""
	}
	if name, ok := responseHeader(val); ok {
		set.Source, set.Value = VarHeader, name
		return set, ""
	}
	subj, reason := parseSubject(val, aliases)
	if reason == "" && subj.kind == subjJSON {
		set.Source, set.Path = VarJSON, subj.path
		return set, ""
	}
	return set, "sets a value the script computes (" + describe(val) + ")"
}

// literalText is the text Postman substitutes for a literal value.
func literalText(l jsLiteral) string {
	if l.kind == "string" {
		return l.str
	}
	return l.json
}

// setterAt returns the dotted name of the setter call at toks[i:], or nil.
func setterAt(toks []jsToken, i int) []string { return callAt(toks, i, setters) }

func unsetterAt(toks []jsToken, i int) []string { return callAt(toks, i, unsetters) }

func callAt(toks []jsToken, i int, names [][]string) []string {
	if i > 0 && toks[i-1].text == "." {
		return nil // part of a longer name
	}
	for _, name := range names {
		var texts []string
		for j, n := range name {
			if j > 0 {
				texts = append(texts, ".")
			}
			texts = append(texts, n)
		}
		if matchText(toks[i:], append(texts, "(")...) {
			return name
		}
	}
	return nil
}

// getters read a variable by a literal name.
var getters = [][]string{
	{"pm", "environment", "get"}, {"pm", "collectionVariables", "get"},
	{"pm", "variables", "get"}, {"pm", "globals", "get"},
	{"postman", "getEnvironmentVariable"}, {"postman", "getGlobalVariable"},
}

// variableGet reads pm.environment.get("k") and its kin, and the legacy
// environment.k, environment["k"], globals.k: the name of the variable
// read.
func variableGet(toks []jsToken) (string, bool) {
	if name := callAt(toks, 0, getters); name != nil {
		open := 2*len(name) - 1
		if closing(toks, open) == len(toks)-1 && len(toks) == open+3 && toks[open+1].kind == tokString {
			return toks[open+1].value, true
		}
		return "", false
	}
	if len(toks) == 3 && (toks[0].text == "environment" || toks[0].text == "globals") && toks[1].text == "." && toks[2].kind == tokIdent {
		return toks[2].text, true
	}
	if len(toks) == 4 && (toks[0].text == "environment" || toks[0].text == "globals") && toks[1].text == "[" && toks[2].kind == tokString && toks[3].text == "]" {
		return toks[2].value, true
	}
	return "", false
}

// responseHeader reads pm.response.headers.get("Name") and the legacy
// postman.getResponseHeader("Name"): the header's name.
func responseHeader(toks []jsToken) (string, bool) {
	switch {
	case matchText(toks, "pm", ".", "response", ".", "headers", ".", "get", "(") && len(toks) == 10 &&
		toks[8].kind == tokString && toks[9].text == ")":
		return toks[8].value, true
	case matchText(toks, "postman", ".", "getResponseHeader", "(") && len(toks) == 6 &&
		toks[4].kind == tokString && toks[5].text == ")":
		return toks[4].value, true
	}
	return "", false
}
