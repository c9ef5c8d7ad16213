package pmtest

import "strconv"

// CondKind is what a condition on the response tests.
type CondKind int

const (
	// CondBodyContains: the body holds Value (responseBody.indexOf(s) !== -1).
	CondBodyContains CondKind = iota + 1
	// CondStatusText: the status's reason phrase is Value
	// (pm.response.status === "Forbidden").
	CondStatusText
	// CondStatusCode: the status code is Value (pm.response.code === 403).
	CondStatusCode
)

// Cond is one test on the response that a branch around a setter makes.
type Cond struct {
	Kind  CondKind
	Value string
	// Not negates it: the statement is in the else branch, or the test is
	// written negated.
	Not bool
}

// splitIf cuts `if (cond) then [else other]` into its parts. other is nil
// without an else; ok is false when the statement is not read to its end.
func splitIf(stmt []jsToken) (cond, then, other []jsToken, ok bool) {
	end := closing(stmt, 1)
	if end < 0 || end+1 >= len(stmt) {
		return nil, nil, nil, false
	}
	cond, rest := stmt[2:end], stmt[end+1:]
	thenEnd := len(rest)
	if rest[0].text == "{" {
		thenEnd = closing(rest, 0) + 1
		if thenEnd <= 0 {
			return nil, nil, nil, false
		}
	} else {
		depth := 0
		for i, t := range rest {
			if t.kind == tokPunct {
				switch t.text {
				case "(", "[", "{":
					depth++
				case ")", "]", "}":
					depth--
				}
			}
			if depth == 0 && t.kind == tokIdent && t.text == "else" {
				thenEnd = i
				break
			}
		}
	}
	then = unblock(rest[:thenEnd])
	if thenEnd < len(rest) {
		if rest[thenEnd].text != "else" || thenEnd+1 >= len(rest) {
			return nil, nil, nil, false
		}
		other = unblock(rest[thenEnd+1:])
	}
	return cond, then, other, true
}

// unblock drops the braces around a block.
func unblock(toks []jsToken) []jsToken {
	if len(toks) >= 2 && toks[0].text == "{" && closing(toks, 0) == len(toks)-1 {
		return toks[1 : len(toks)-1]
	}
	return toks
}

// branches reads an if whose condition tests the response (its status or
// whether the body holds some text): the setters of each branch run under
// that condition, or its negation in the else branch, and the generated
// reader tests it the same way. Any other condition lists its setters.
func (p *setParser) branches(stmt []jsToken, aliases map[string][]string) {
	cond, then, other, ok := splitIf(stmt)
	if !ok {
		p.nested(stmt, "runs inside other script code (if)")
		return
	}
	c, known := parseCond(cond)
	if !known {
		p.nested(stmt, "runs under a condition the translation does not follow ("+describe(cond)+")")
		return
	}
	outer := p.conds
	p.conds = append(append([]Cond(nil), outer...), c)
	p.statements(then, aliases)
	if other != nil {
		c.Not = !c.Not
		p.conds = append(append([]Cond(nil), outer...), c)
		if matchText(other, "if", "(") {
			p.statement(other, aliases)
		} else {
			p.statements(other, aliases)
		}
	}
	p.conds = outer
}

// tryStatement reads try { ... } catch (e) { ... }: the setters of the
// try block are lenient (a value that is not there leaves the variable
// alone, as the swallowed exception does), those of catch and finally
// are listed.
func (p *setParser) tryStatement(stmt []jsToken, aliases map[string][]string) {
	end := closing(stmt, 1)
	if end < 0 {
		p.nested(stmt, "could not be read to its end")
		return
	}
	outer := p.lenient
	p.lenient = true
	p.statements(stmt[2:end], aliases)
	p.lenient = outer
	p.nested(stmt[end+1:], "runs in a catch or finally block")
}

// onlyLogs reports whether a statement only writes to the console, which
// a client has no use for.
func onlyLogs(stmt []jsToken) bool {
	return matchText(stmt, "console", ".") && len(stmt) > 3 && stmt[3].text == "(" && closing(stmt, 3) == len(stmt)-1
}

// parseCond reads one test on the response: the body holds a text
// (responseBody.indexOf("x") !== -1, responseBody.includes("x"),
// pm.response.text().includes("x")), or the status is a phrase or code
// (pm.response.status === "Forbidden", pm.response.code == 403,
// responseCode.code === 403), each possibly negated.
func parseCond(toks []jsToken) (Cond, bool) {
	not := false
	for len(toks) > 0 && toks[0].text == "!" {
		not, toks = !not, toks[1:]
	}
	if len(toks) >= 2 && toks[0].text == "(" && closing(toks, 0) == len(toks)-1 {
		c, ok := parseCond(toks[1 : len(toks)-1])
		c.Not = c.Not != not
		return c, ok
	}
	// The operand before a comparison, and the comparison.
	op, i := "", -1
	for j, t := range toks {
		if t.kind == tokPunct && (t.text == "===" || t.text == "!==" || t.text == "==" || t.text == "!=" || t.text == ">" || t.text == ">=" || t.text == "<") {
			op, i = t.text, j
			break
		}
	}
	left := toks
	var right []jsToken
	if i >= 0 {
		left, right = toks[:i], toks[i+1:]
	}
	str := func(ts []jsToken) (string, bool) {
		if len(ts) == 1 && (ts[0].kind == tokString || ts[0].kind == tokTemplate && !ts[0].subst) {
			return ts[0].value, true
		}
		return "", false
	}
	eq := op == "===" || op == "=="
	ne := op == "!==" || op == "!="
	switch {
	case matchText(left, "responseBody", ".", "indexOf", "(") && closing(left, 3) == len(left)-1:
		s, ok := str(left[4 : len(left)-1])
		n := tokensText(right)
		if !ok {
			return Cond{}, false
		}
		switch {
		case (ne || op == ">") && n == "-1", op == ">=" && n == "0":
			return Cond{Kind: CondBodyContains, Value: s, Not: not}, true
		case eq && n == "-1", op == "<" && n == "0":
			return Cond{Kind: CondBodyContains, Value: s, Not: !not}, true
		}
	case op == "" && (matchText(left, "responseBody", ".", "includes", "(") && closing(left, 3) == len(left)-1):
		if s, ok := str(left[4 : len(left)-1]); ok {
			return Cond{Kind: CondBodyContains, Value: s, Not: not}, true
		}
	case op == "" && matchText(left, "pm", ".", "response", ".", "text", "(", ")", ".", "includes", "(") && closing(left, 9) == len(left)-1:
		if s, ok := str(left[10 : len(left)-1]); ok {
			return Cond{Kind: CondBodyContains, Value: s, Not: not}, true
		}
	case (eq || ne) && len(left) == 5 && matchText(left, "pm", ".", "response", ".", "status"):
		if s, ok := str(right); ok {
			return Cond{Kind: CondStatusText, Value: s, Not: not != ne}, true
		}
	case (eq || ne) && (len(left) == 5 && matchText(left, "pm", ".", "response", ".", "code") || len(left) == 3 && matchText(left, "responseCode", ".", "code")):
		if len(right) == 1 && right[0].kind == tokNumber {
			if _, err := strconv.Atoi(right[0].text); err == nil {
				return Cond{Kind: CondStatusCode, Value: right[0].text, Not: not != ne}, true
			}
		}
	}
	return Cond{}, false
}

func tokensText(ts []jsToken) string {
	s := ""
	for _, t := range ts {
		s += t.text
	}
	return s
}
