package pmtest

import (
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// subjKind is what a pm.expect subject reads from the response.
type subjKind int

const (
	subjStatus   subjKind = iota + 1 // pm.response.code
	subjJSON                         // pm.response.json() and a path into it
	subjHeader                       // pm.response.headers.get(name)
	subjResponse                     // pm.response itself: pm.response.to...
)

type subject struct {
	kind   subjKind
	path   []string
	header string
}

// chaiWords are chai's language chains: they read well and assert nothing.
var chaiWords = map[string]bool{
	"to": true, "be": true, "been": true, "is": true, "that": true, "which": true,
	"and": true, "has": true, "have": true, "with": true, "at": true, "of": true,
	"same": true, "but": true, "does": true, "still": true, "also": true, "own": true,
}

// translateStatement translates one statement of a pm.test body. A
// declaration of an alias of the body updates aliases and asserts nothing.
// reason says what is not recognised, as "uses pm.cookies.toObject()".
func translateStatement(stmt []jsToken, aliases map[string][]string) ([]model.Assertion, string) {
	switch {
	case isDeclaration(stmt):
		return nil, declare(stmt, aliases)
	case setterAt(stmt, 0) != nil || unsetterAt(stmt, 0) != nil:
		// Setting a variable asserts nothing; ParseSetVars reads it.
		return nil, ""
	case matchText(stmt, "pm", ".", "response", ".", "to"):
		return chain(subject{kind: subjResponse}, stmt[3:])
	case matchText(stmt, "pm", ".", "expect", "("):
		end := closing(stmt, 3)
		if end < 0 {
			return nil, "uses pm.expect without closing it"
		}
		args := splitArgs(stmt[4:end])
		if len(args) == 0 || len(args[0]) == 0 {
			return nil, "uses pm.expect()"
		}
		subj, reason := parseSubject(args[0], aliases)
		if reason != "" {
			return nil, reason
		}
		return chain(subj, stmt[end+1:])
	}
	return nil, "uses " + describe(stmt)
}

// describe names what a statement or expression starts with: its leading
// dotted name up to the first call ("pm.cookies.toObject()"), or its
// first token.
func describe(toks []jsToken) string {
	if len(toks) > 0 && jsKeywords[toks[0].text] {
		return toks[0].text
	}
	var b strings.Builder
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.kind == tokIdent && (i == 0 || toks[i-1].text == "."):
			b.WriteString(t.text)
		case t.text == "." && i > 0:
			b.WriteString(".")
		case t.text == "(" && i > 0:
			b.WriteString("()")
			return b.String()
		default:
			if b.Len() > 0 {
				return strings.TrimSuffix(b.String(), ".")
			}
			return t.text
		}
	}
	return b.String()
}

// jsKeywords start statements that are not assertions.
var jsKeywords = map[string]bool{
	"if": true, "else": true, "for": true, "while": true, "do": true, "switch": true,
	"try": true, "return": true, "throw": true, "function": true, "class": true,
}

func isDeclaration(stmt []jsToken) bool {
	return len(stmt) > 0 && stmt[0].kind == tokIdent && (stmt[0].text == "var" || stmt[0].text == "let" || stmt[0].text == "const")
}

// declare records the aliases that var x = pm.response.json() and
// const {url, headers: {host}} = pm.response.json() declare.
func declare(stmt []jsToken, aliases map[string][]string) string {
	for _, d := range splitArgs(stmt[1:]) {
		eq := -1
		for i, t := range d {
			if t.text == "=" && t.kind == tokPunct {
				eq = i
				break
			}
		}
		if eq < 1 {
			return "uses a variable declared without a value"
		}
		subj, reason := parseSubject(d[eq+1:], aliases)
		if reason != "" {
			return reason
		}
		if subj.kind != subjJSON {
			return "uses " + describe(d[eq+1:])
		}
		if reason := bindPattern(d[:eq], subj.path, aliases); reason != "" {
			return reason
		}
	}
	return ""
}

// bindPattern binds a name, or each name of an object pattern, to its path.
func bindPattern(pat []jsToken, path []string, aliases map[string][]string) string {
	if len(pat) == 1 && pat[0].kind == tokIdent {
		aliases[pat[0].text] = path
		return ""
	}
	if len(pat) < 2 || pat[0].text != "{" || closing(pat, 0) != len(pat)-1 {
		return "uses a destructuring pattern"
	}
	for _, m := range splitArgs(pat[1 : len(pat)-1]) {
		if len(m) == 0 {
			continue
		}
		if m[0].kind != tokIdent && m[0].kind != tokString {
			return "uses a destructuring pattern"
		}
		key := m[0].text
		if m[0].kind == tokString {
			key = m[0].value
		}
		sub := append(append([]string(nil), path...), key)
		switch {
		case len(m) == 1 && m[0].kind == tokIdent:
			aliases[key] = sub
		case len(m) > 2 && m[1].text == ":":
			if reason := bindPattern(m[2:], sub, aliases); reason != "" {
				return reason
			}
		default:
			return "uses a destructuring pattern"
		}
	}
	return ""
}

// parseSubject reads what pm.expect(...) checks.
func parseSubject(toks []jsToken, aliases map[string][]string) (subject, string) {
	switch {
	case matchText(toks, "pm", ".", "response", ".", "code") && len(toks) == 5:
		return subject{kind: subjStatus}, ""
	case matchText(toks, "pm", ".", "response", ".", "headers", ".", "get", "(") && len(toks) == 10 &&
		toks[8].kind == tokString && toks[9].text == ")":
		return subject{kind: subjHeader, header: toks[8].value}, ""
	case matchText(toks, "pm", ".", "response", ".", "json", "(", ")"):
		return accessPath(toks[7:], nil, toks)
	case matchText(toks, "JSON", ".", "parse", "(", "responseBody", ")"):
		return accessPath(toks[6:], nil, toks)
	case len(toks) > 0 && toks[0].kind == tokIdent:
		if base, ok := aliases[toks[0].text]; ok {
			return accessPath(toks[1:], base, toks)
		}
	}
	return subject{}, "uses " + describe(toks)
}

// accessPath reads .key, ?.key, ['key'] and [0] after the body.
func accessPath(toks []jsToken, base []string, all []jsToken) (subject, string) {
	path := append([]string(nil), base...)
	for i := 0; i < len(toks); {
		t := toks[i]
		switch {
		case (t.text == "." || t.text == "?.") && i+1 < len(toks) && toks[i+1].kind == tokIdent:
			if i+2 < len(toks) && toks[i+2].text == "(" {
				return subject{}, "uses " + describe(all)
			}
			path = append(path, toks[i+1].text)
			i += 2
		case t.text == "[" && i+2 < len(toks) && toks[i+2].text == "]" && toks[i+1].kind == tokString:
			path = append(path, toks[i+1].value)
			i += 3
		case t.text == "[" && i+2 < len(toks) && toks[i+2].text == "]" && toks[i+1].kind == tokNumber && isIndex(toks[i+1].text):
			path = append(path, toks[i+1].text)
			i += 3
		default:
			return subject{}, "uses " + describe(all)
		}
	}
	return subject{kind: subjJSON, path: path}, ""
}

func isIndex(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 0 && strconv.Itoa(n) == s
}

// chainState is what chai's flags hold while a chain is read.
type chainState struct {
	subj      subject
	not, deep bool
	nested    bool
	out       []model.Assertion
}

// chain reads .word and .word(args) after the subject and translates each
// assertion in it.
func chain(subj subject, toks []jsToken) ([]model.Assertion, string) {
	st := &chainState{subj: subj}
	for i := 0; i < len(toks); {
		if toks[i].text != "." || i+1 >= len(toks) || toks[i+1].kind != tokIdent {
			return nil, "uses " + strings.TrimSpace(toks[i].text) + " after an assertion"
		}
		word := toks[i+1].text
		i += 2
		var args [][]jsToken
		call := i < len(toks) && toks[i].text == "("
		if call {
			end := closing(toks, i)
			if end < 0 {
				return nil, "uses ." + word + "( without closing it"
			}
			args = splitArgs(toks[i+1 : end])
			i = end + 1
		}
		if reason := st.word(word, call, args); reason != "" {
			return nil, reason
		}
	}
	if len(st.out) == 0 {
		return nil, "uses " + describeChain(subj) + " without an assertion"
	}
	return st.out, ""
}

func describeChain(s subject) string {
	switch s.kind {
	case subjResponse:
		return "pm.response.to"
	case subjStatus:
		return "pm.expect(pm.response.code)"
	case subjHeader:
		return "pm.expect(pm.response.headers.get())"
	}
	return "pm.expect(pm.response.json())"
}

// word applies one element of a chain.
func (st *chainState) word(word string, call bool, args [][]jsToken) string {
	used := "uses ." + word
	if call {
		used += "()"
	}
	if !call {
		switch {
		case chaiWords[word]:
			return ""
		case word == "not":
			st.not = true
			return ""
		case word == "deep":
			st.deep = true
			return ""
		case word == "nested":
			st.nested = true
			return ""
		}
	}
	if st.not && !negatable(st.subj.kind, word) {
		return "uses .not." + strings.TrimPrefix(used, "uses .")
	}
	var lits []jsLiteral
	for _, a := range args {
		lit, ok := parseLiteral(a)
		if !ok && chaiTerminals[word] {
			return used + " with a value the script computes"
		}
		if !ok {
			return used
		}
		lits = append(lits, lit)
	}
	switch st.subj.kind {
	case subjResponse:
		return st.response(word, call, lits, used)
	case subjStatus:
		return st.status(word, call, lits, used)
	case subjHeader:
		return st.header(word, call, lits, used)
	}
	return st.json(word, call, lits, used)
}

// negatable lists the assertions .not is translated for.
func negatable(kind subjKind, word string) bool {
	switch kind {
	case subjResponse:
		return word == "jsonBody" || statusClasses[word] != nil
	case subjJSON:
		return word == "property" || word == "exist"
	}
	return false
}

func (st *chainState) add(a model.Assertion) { st.out = append(st.out, a) }
