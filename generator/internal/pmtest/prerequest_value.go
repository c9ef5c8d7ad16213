package pmtest

import (
	"sort"
	"strconv"
	"strings"
)

// stringValue reads an expression whose value is a string pmgen can
// spell as Postman template text: a literal, a local, a variable read
// ("{{name}}"), pm.variables.replaceIn of one of those, an ISO time of
// now ("{{$isoTimestamp}}"), and "+" joins of strings.
func stringValue(toks []jsToken, locals map[string]string) (string, bool) {
	parts := splitPlus(toks)
	if len(parts) > 1 {
		var b strings.Builder
		for _, p := range parts {
			// Only strings are joined: with a number, "+" may add.
			if len(p) == 1 && p[0].kind == tokNumber {
				return "", false
			}
			v, ok := stringValue(p, locals)
			if !ok {
				return "", false
			}
			b.WriteString(v)
		}
		return b.String(), true
	}
	if len(toks) > 2 && toks[0].text == "(" && closing(toks, 0) == len(toks)-1 {
		return stringValue(toks[1:len(toks)-1], locals)
	}
	if len(toks) == 1 {
		t := toks[0]
		switch {
		case t.kind == tokString || t.kind == tokTemplate && !t.subst:
			return t.value, true
		case t.kind == tokNumber:
			// A whole number is set as its digits; others may be spelled
			// differently by JavaScript (1.50 is "1.5").
			if _, err := strconv.ParseInt(t.text, 10, 64); err == nil {
				return t.text, true
			}
			return "", false
		case t.kind == tokIdent && (t.text == "true" || t.text == "false"):
			return t.text, true
		case t.kind == tokIdent:
			v, ok := locals[t.text]
			return v, ok
		}
		return "", false
	}
	if len(toks) >= 3 && toks[0].kind == tokIdent {
		// A read of an object of variables (pm.environment.toObject()).
		if _, obj := locals[toks[0].text+"."]; obj {
			switch {
			case len(toks) == 3 && toks[1].text == "." && toks[2].kind == tokIdent:
				return "{{" + toks[2].text + "}}", true
			case toks[1].text == "[" && closing(toks, 1) == len(toks)-1:
				name, ok := stringValue(toks[2:len(toks)-1], locals)
				if !ok || name == "" || strings.ContainsAny(name, "{}") {
					return "", false
				}
				return "{{" + name + "}}", true
			}
			return "", false
		}
	}
	for _, get := range [][]string{
		{"pm", "variables", "get"}, {"pm", "environment", "get"},
		{"pm", "collectionVariables", "get"}, {"pm", "globals", "get"},
		{"postman", "getEnvironmentVariable"}, {"postman", "getGlobalVariable"},
	} {
		if args, ok := callOf(toks, get...); ok {
			if len(args) != 1 {
				return "", false
			}
			name, ok := stringValue(args[0], locals)
			if !ok || name == "" || strings.ContainsAny(name, "{}") {
				return "", false
			}
			return "{{" + name + "}}", true
		}
	}
	if args, ok := callOf(toks, "pm", "variables", "replaceIn"); ok && len(args) == 1 {
		// The text is resolved when the request is sent, where the
		// script resolves it before: the same value, but a dynamic
		// variable used twice draws twice.
		return stringValue(args[0], locals)
	}
	if isoNow(toks) {
		return "{{$isoTimestamp}}", true
	}
	return "", false
}

// isoNow reads new Date().toISOString() and (new Date()).toISOString().
func isoNow(toks []jsToken) bool {
	return matchText(toks, "new", "Date", "(", ")", ".", "toISOString", "(", ")") && len(toks) == 8 ||
		matchText(toks, "(", "new", "Date", "(", ")", ")", ".", "toISOString", "(", ")") && len(toks) == 10
}

// splitPlus cuts toks at top-level "+".
func splitPlus(toks []jsToken) [][]jsToken {
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
		case "+":
			if depth == 0 {
				out = append(out, toks[start:i])
				start = i + 1
			}
		}
	}
	return append(out, toks[start:])
}

// would says what a script that is not translated does, from what it
// calls: "send a request of its own (pm.sendRequest) and set {{token}}".
func would(toks []jsToken) string {
	var acts []string
	has := func(texts ...string) bool {
		for i := range toks {
			if matchText(toks[i:], texts...) {
				return true
			}
		}
		return false
	}
	if has("pm", ".", "sendRequest") {
		acts = append(acts, "send a request of its own (pm.sendRequest)")
	}
	if has("CryptoJS") || has("crypto") || has("KJUR") {
		acts = append(acts, "compute a signature or hash")
	}
	if has("require") || has("pm", ".", "require") {
		acts = append(acts, "load a library")
	}
	if has("pm", ".", "request", ".") {
		acts = append(acts, "edit the request")
	}
	var names []string
	seen := map[string]bool{}
	for i := range toks {
		for _, w := range []string{"set", "setEnvironmentVariable", "setGlobalVariable"} {
			if i+3 < len(toks) && toks[i].text == w && toks[i+1].text == "(" && toks[i+2].kind == tokString && i > 1 && toks[i-1].text == "." {
				if n := toks[i+2].value; !seen[n] {
					seen[n] = true
					names = append(names, "{{"+n+"}}")
				}
			}
		}
	}
	sort.Strings(names)
	if len(names) > 3 {
		names = append(names[:3], "others")
	}
	if len(names) > 0 {
		acts = append(acts, "set "+strings.Join(names, ", "))
	}
	if len(acts) == 0 {
		return "run code pmgen does not translate"
	}
	if len(acts) == 1 {
		return acts[0]
	}
	return strings.Join(acts[:len(acts)-1], ", ") + " and " + acts[len(acts)-1]
}
