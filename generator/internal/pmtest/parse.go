// Package pmtest translates the pm.test blocks of Postman test scripts
// into model assertions. It reads the JavaScript only as far as the forms
// collections use (a lexer, a reader of statements and literals), turns
// chai's chains into assertions, and evaluates them on a saved example so
// that a row keeps only the checks that hold on it. It knows neither the
// collection nor the build: a script's text goes in, assertions come out.
package pmtest

import (
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// Block is one pm.test call of a test script.
type Block struct {
	Title string
	// Script is the call's source text, quoted in skip messages.
	Script string
	// Refused says why the block is not translated; empty when it is.
	Refused string
	// Asserts are the block's checks, without their Name.
	Asserts []model.Assertion
}

// ParseScript finds the pm.test blocks of one script and translates each
// whose every statement is a recognised assertion. Code outside the blocks
// is ignored, except declarations that name the parsed body
// (const jsonData = pm.response.json()), which blocks may use.
func ParseScript(src string) []Block {
	toks, lexed := lexJS(src)
	var blocks []Block
	aliases := map[string][]string{}
	for _, stmt := range splitStatements(toks) {
		if isTestCall(stmt, 0) {
			blocks = append(blocks, parseBlock(src, stmt, aliases))
			// Anything after the call's closing parenthesis (a chained
			// call) is not a pm.test of its own.
			continue
		}
		if isDeclaration(stmt) {
			local := copyAliases(aliases)
			if declare(stmt, local) == "" {
				aliases = local
			}
		}
		// pm.test calls inside other code (an if, a function) run only
		// when the script decides: they are listed, not translated.
		for i := 1; i < len(stmt); i++ {
			if isTestCall(stmt, i) {
				b := parseBlock(src, stmt[i:], aliases)
				b.Refused = "runs inside other script code (" + stmt[0].text + ")"
				b.Asserts = nil
				blocks = append(blocks, b)
				i += callEnd(stmt[i:])
			}
		}
	}
	if !lexed {
		// The script could not be read to its end: the last block may be
		// cut short.
		if n := len(blocks); n > 0 && blocks[n-1].Refused == "" {
			blocks[n-1].Refused = "could not be read to its end (an unclosed string, comment or regular expression)"
			blocks[n-1].Asserts = nil
		}
	}
	return blocks
}

func copyAliases(m map[string][]string) map[string][]string {
	out := make(map[string][]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// isTestCall reports whether toks[i:] starts with pm.test( or
// pm.test.skip(.
func isTestCall(toks []jsToken, i int) bool {
	return matchText(toks[i:], "pm", ".", "test", "(") || matchText(toks[i:], "pm", ".", "test", ".", "skip", "(")
}

// matchText reports whether toks starts with the given texts.
func matchText(toks []jsToken, texts ...string) bool {
	if len(toks) < len(texts) {
		return false
	}
	for i, s := range texts {
		if toks[i].text != s || toks[i].kind == tokString || toks[i].kind == tokTemplate {
			return false
		}
	}
	return true
}

// callEnd is the index of the parenthesis that closes the first call of
// toks, or the last index when it is not closed.
func callEnd(toks []jsToken) int {
	open := -1
	for i, t := range toks {
		if t.text == "(" && t.kind == tokPunct {
			open = i
			break
		}
	}
	if open < 0 {
		return len(toks) - 1
	}
	if end := closing(toks, open); end >= 0 {
		return end
	}
	return len(toks) - 1
}

// closing returns the index of the bracket that closes toks[open], or -1.
func closing(toks []jsToken, open int) int {
	depth := 0
	for i := open; i < len(toks); i++ {
		if toks[i].kind != tokPunct {
			continue
		}
		switch toks[i].text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// splitStatements cuts toks at semicolons and, as JavaScript inserts them,
// at line breaks between two operands, outside brackets.
func splitStatements(toks []jsToken) [][]jsToken {
	var out [][]jsToken
	start, depth := 0, 0
	cut := func(end int) {
		if end > start {
			out = append(out, toks[start:end])
		}
	}
	for i, t := range toks {
		if t.kind == tokPunct {
			switch t.text {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				depth--
			case ";":
				if depth == 0 {
					cut(i)
					start = i + 1
				}
				continue
			}
		}
		if depth == 0 && i > start && t.nl && startsOperand(t) && endsOperand(toks[i-1]) {
			cut(i)
			start = i
		}
		if depth < 0 {
			depth = 0
		}
	}
	cut(len(toks))
	return out
}

func startsOperand(t jsToken) bool {
	switch t.kind {
	case tokIdent:
		// "else", "catch" and "finally" continue the statement before.
		return t.text != "else" && t.text != "catch" && t.text != "finally"
	case tokNumber, tokString, tokTemplate:
		return true
	}
	return false
}

func endsOperand(t jsToken) bool {
	switch t.kind {
	case tokIdent, tokNumber, tokString, tokTemplate, tokRegexp:
		return true
	}
	return t.text == ")" || t.text == "]" || t.text == "}"
}

// splitArgs cuts the tokens between a call's parentheses at top-level
// commas.
func splitArgs(toks []jsToken) [][]jsToken {
	if len(toks) == 0 {
		return nil
	}
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
		case ",":
			if depth == 0 {
				out = append(out, toks[start:i])
				start = i + 1
			}
		}
	}
	return append(out, toks[start:])
}

// parseBlock reads pm.test(title, fn) at the start of toks and translates
// fn's body.
func parseBlock(src string, toks []jsToken, aliases map[string][]string) Block {
	skip := toks[3].text == "."
	open := 3
	if skip {
		open = 5
	}
	end := closing(toks, open)
	if end < 0 {
		b := Block{Title: "pm.test", Script: strings.TrimSpace(src[toks[0].start:])}
		b.Refused = "could not be read to its end"
		return b
	}
	b := Block{Script: strings.TrimSpace(src[toks[0].start:toks[end].end])}
	args := splitArgs(toks[open+1 : end])
	if len(args) == 0 || len(args[0]) == 0 {
		b.Title = "pm.test"
		b.Refused = "has no title"
		return b
	}
	b.Title = titleOf(src, args[0])
	if skip {
		b.Refused = "is pm.test.skip in the collection"
		return b
	}
	if len(args) < 2 {
		b.Refused = "has no test function"
		return b
	}
	body, reason := functionBody(args[1])
	if reason != "" {
		b.Refused = reason
		return b
	}
	local := copyAliases(aliases)
	for _, stmt := range splitStatements(body) {
		as, reason := translateStatement(stmt, local)
		if reason != "" {
			b.Refused, b.Asserts = reason, nil
			return b
		}
		b.Asserts = append(b.Asserts, as...)
	}
	if len(b.Asserts) == 0 {
		b.Refused = "checks nothing"
	}
	return b
}

// titleOf is the title argument's value when it is a literal, else its
// source text.
func titleOf(src string, arg []jsToken) string {
	if len(arg) == 1 && (arg[0].kind == tokString || arg[0].kind == tokTemplate && !arg[0].subst) {
		return arg[0].value
	}
	return src[arg[0].start:arg[len(arg)-1].end]
}

// functionBody returns the statements' tokens of function () { ... },
// () => { ... } or () => expression.
func functionBody(fn []jsToken) ([]jsToken, string) {
	if len(fn) == 0 {
		return nil, "has no test function"
	}
	if fn[0].text == "async" {
		return nil, "is asynchronous"
	}
	i := 0
	switch {
	case fn[0].text == "function" && fn[0].kind == tokIdent:
		i = 1
		if i < len(fn) && fn[i].kind == tokIdent {
			i++ // a named function expression
		}
		if i >= len(fn) || fn[i].text != "(" {
			return nil, "has no test function"
		}
		if i+1 >= len(fn) || fn[i+1].text != ")" {
			return nil, "takes a done callback (it is asynchronous)"
		}
		i += 2
		if i >= len(fn) || fn[i].text != "{" || closing(fn, i) != len(fn)-1 {
			return nil, "has no test function"
		}
		return fn[i+1 : len(fn)-1], ""
	case fn[0].text == "(":
		if len(fn) < 3 || fn[1].text != ")" {
			return nil, "takes a done callback (it is asynchronous)"
		}
		i = 2
	case fn[0].kind == tokIdent:
		return nil, "takes a done callback (it is asynchronous)"
	default:
		return nil, "has no test function"
	}
	if i >= len(fn) || fn[i].text != "=>" {
		return nil, "has no test function"
	}
	i++
	if i < len(fn) && fn[i].text == "{" && closing(fn, i) == len(fn)-1 {
		return fn[i+1 : len(fn)-1], ""
	}
	return fn[i:], ""
}
