package pmtest

import (
	"strings"
)

// Source says where a Part of a computed value comes from.
type Source int

const (
	// SourceText is Postman template text: literals, {{variables}} and
	// dynamic values.
	SourceText Source = iota
	// SourceMillis is the time the request is sent, in Unix milliseconds
	// (Date.now(), new Date().getTime()).
	SourceMillis
	// SourceSeconds is that time in whole Unix seconds
	// (Math.floor(Date.now() / 1000)).
	SourceSeconds
	// SourceQuery is the request's query string, without "?"
	// (pm.request.url.getQueryString()), with the query parameters the
	// script added before reading it (Part.Added of them).
	SourceQuery
	// SourceBody is the request's raw body (pm.request.body.raw).
	SourceBody
	// SourceMethod is the request's method (pm.request.method).
	SourceMethod
	// SourceHMAC is an HMAC of other parts (CryptoJS.HmacSHA256).
	SourceHMAC
)

// Part is one piece of a value a pre-request script computes from the
// clock and the request as it is sent.
type Part struct {
	Source Source
	Text   string // SourceText
	// Added is, for SourceQuery, how many query parameters the script had
	// added (AddQueryParam) when it read the query.
	Added int
	// Unresolved is, for SourceQuery and SourceBody, set when the script
	// reads the text as saved, {{variables}} unresolved, rather than
	// through pm.variables.replaceIn.
	Unresolved bool
	HMAC       *HMAC // SourceHMAC
}

// HMAC is CryptoJS.Hmac<Hash>(message, key), encoded as hex (CryptoJS's
// default) or base64.
type HMAC struct {
	Hash    string // "SHA1", "SHA256", "SHA512"
	Message []Part
	// Key is template text naming the variable that holds the key: a key
	// written in the script would have to be written into generated code.
	Key    string
	Base64 bool
}

// jsKind is the JavaScript type of a value a script reads: a string, a
// number (which "+" adds) or a CryptoJS word array (which converts to hex).
type jsKind int

const (
	jsString jsKind = iota
	jsNumber
	jsWords
)

// jsValue is the value of an expression, as parts.
type jsValue struct {
	kind  jsKind
	parts []Part
	hmac  *HMAC // jsWords
}

// text is the value as the string JavaScript would convert it to.
func (v jsValue) text() []Part {
	if v.kind == jsWords {
		h := *v.hmac
		return []Part{{Source: SourceHMAC, HMAC: &h}}
	}
	return v.parts
}

// plain is the value as template text, when it needs neither the clock
// nor the request.
func plain(parts []Part) (string, bool) {
	var b strings.Builder
	for _, p := range parts {
		if p.Source != SourceText {
			return "", false
		}
		b.WriteString(p.Text)
	}
	return b.String(), true
}

// scriptEnv is what a pre-request script's earlier statements declared
// and did, for reading the later ones.
type scriptEnv struct {
	locals   map[string]string  // template text
	computed map[string]jsValue // values that need the clock or the request
	// addedQuery counts the query parameters the script has added so far.
	addedQuery int
	// reason says why the statement being read is not understood, when a
	// reader knows better than "not understood"; the first one set stands.
	reason string
}

func (e *scriptEnv) refuse(reason string) {
	if e.reason == "" {
		e.reason = reason
	}
}

// value reads an expression: what stringValue reads, and the clock, the
// request's query, body and method, and CryptoJS HMACs of them.
func (e *scriptEnv) value(toks []jsToken) (jsValue, bool) {
	if len(toks) == 0 {
		return jsValue{}, false
	}
	if s, ok := stringValue(toks, e.locals); ok && !(len(toks) == 1 && toks[0].kind == tokNumber) {
		return jsValue{parts: []Part{{Text: s}}}, true
	}
	if parts := splitPlus(toks); len(parts) > 1 {
		return e.join(parts)
	}
	if toks[0].text == "(" && closing(toks, 0) == len(toks)-1 {
		return e.value(toks[1 : len(toks)-1])
	}
	if len(toks) == 1 {
		t := toks[0]
		switch {
		case t.kind == tokNumber:
			return jsValue{kind: jsNumber, parts: []Part{{Text: t.text}}}, isInteger(t.text)
		case t.kind == tokTemplate && t.subst:
			return e.templateLiteral(t)
		case t.kind == tokIdent:
			v, ok := e.computed[t.text]
			return v, ok
		}
		return jsValue{}, false
	}
	if v, ok := e.clock(toks); ok {
		return v, true
	}
	if v, ok := e.request(toks); ok {
		return v, true
	}
	if v, ok := e.crypto(toks); ok {
		return v, true
	}
	// x.toString() and String(x) of a number or a word array.
	if n := len(toks); n > 4 && matchText(toks[n-4:], ".", "toString", "(", ")") {
		v, ok := e.value(toks[:n-4])
		if ok && v.kind != jsString {
			return jsValue{parts: v.text()}, true
		}
		return jsValue{}, false
	}
	if args, ok := callOf(toks, "String"); ok && len(args) == 1 {
		v, ok := e.value(args[0])
		return jsValue{parts: v.text()}, ok
	}
	if args, ok := callOf(toks, "pm", "variables", "replaceIn"); ok && len(args) == 1 {
		v, ok := e.value(args[0])
		if !ok {
			return jsValue{}, false
		}
		// What replaceIn resolves is the text as sent.
		parts := append([]Part(nil), v.parts...)
		for i := range parts {
			parts[i].Unresolved = false
		}
		return jsValue{kind: v.kind, parts: parts, hmac: v.hmac}, true
	}
	return jsValue{}, false
}

func isInteger(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// join reads a + b + ...: left to right, as JavaScript adds, so two
// numbers side by side are added, which pmgen does not follow.
func (e *scriptEnv) join(terms [][]jsToken) (jsValue, bool) {
	acc, ok := e.value(terms[0])
	if !ok {
		return jsValue{}, false
	}
	for _, t := range terms[1:] {
		v, ok := e.value(t)
		if !ok {
			return jsValue{}, false
		}
		if acc.kind == jsNumber && v.kind == jsNumber {
			e.refuse("it adds numbers")
			return jsValue{}, false
		}
		acc = jsValue{parts: append(append([]Part(nil), acc.text()...), v.text()...)}
	}
	return acc, true
}

// templateLiteral reads `${a}:${b}`: its text between substitutions
// (without escapes) and each substitution as an expression.
func (e *scriptEnv) templateLiteral(t jsToken) (jsValue, bool) {
	if len(t.text) < 2 || !strings.HasSuffix(t.text, "`") {
		return jsValue{}, false // not closed
	}
	raw := t.text[1 : len(t.text)-1]
	var out []Part
	for raw != "" {
		i := strings.Index(raw, "${")
		lit := raw
		if i >= 0 {
			lit = raw[:i]
		}
		if strings.ContainsRune(lit, '\\') {
			return jsValue{}, false
		}
		if lit != "" {
			out = append(out, Part{Text: lit})
		}
		if i < 0 {
			break
		}
		end := strings.IndexByte(raw[i:], '}')
		if end < 0 {
			return jsValue{}, false
		}
		toks, ok := lexJS(raw[i+2 : i+end])
		if !ok {
			return jsValue{}, false
		}
		v, ok := e.value(toks)
		if !ok {
			return jsValue{}, false
		}
		out = append(out, v.text()...)
		raw = raw[i+end+1:]
	}
	return jsValue{parts: out}, true
}

// clock reads Date.now(), new Date().getTime() (and valueOf) in
// milliseconds, and Math.floor (or Math.trunc, parseInt) of one divided by
// 1000 in seconds.
func (e *scriptEnv) clock(toks []jsToken) (jsValue, bool) {
	ms := jsValue{kind: jsNumber, parts: []Part{{Source: SourceMillis}}}
	switch {
	case matchText(toks, "Date", ".", "now", "(", ")") && len(toks) == 5:
		return ms, true
	case len(toks) == 8 && (matchText(toks, "new", "Date", "(", ")", ".", "getTime", "(", ")") || matchText(toks, "new", "Date", "(", ")", ".", "valueOf", "(", ")")):
		return ms, true
	case len(toks) == 10 && (matchText(toks, "(", "new", "Date", "(", ")", ")", ".", "getTime", "(", ")") || matchText(toks, "(", "new", "Date", "(", ")", ")", ".", "valueOf", "(", ")")):
		return ms, true
	}
	for _, f := range [][]string{{"Math", "floor"}, {"Math", "trunc"}, {"parseInt"}} {
		args, ok := callOf(toks, f...)
		if !ok || len(args) != 1 {
			continue
		}
		a := args[0]
		if len(a) > 2 && a[0].text == "(" && closing(a, 0) == len(a)-1 {
			a = a[1 : len(a)-1]
		}
		if n := len(a); n > 2 && a[n-2].text == "/" && a[n-1].text == "1000" {
			if v, ok := e.value(a[:n-2]); ok && len(v.parts) == 1 && v.parts[0].Source == SourceMillis {
				return jsValue{kind: jsNumber, parts: []Part{{Source: SourceSeconds}}}, true
			}
		}
		e.refuse("it rounds a number other than the time in seconds")
		return jsValue{}, false
	}
	return jsValue{}, false
}

// request reads the request's query string, raw body and method.
func (e *scriptEnv) request(toks []jsToken) (jsValue, bool) {
	one := func(p Part) (jsValue, bool) { return jsValue{parts: []Part{p}}, true }
	switch {
	case matchText(toks, "pm", ".", "request", ".", "url", ".", "getQueryString", "(", ")") && len(toks) == 9,
		matchText(toks, "pm", ".", "request", ".", "url", ".", "query", ".", "toString", "(", ")") && len(toks) == 11:
		return one(Part{Source: SourceQuery, Added: e.addedQuery, Unresolved: true})
	case matchText(toks, "pm", ".", "request", ".", "body", ".", "raw") && len(toks) == 7,
		matchText(toks, "pm", ".", "request", ".", "body", ".", "toString", "(", ")") && len(toks) == 9:
		return one(Part{Source: SourceBody, Unresolved: true})
	case matchText(toks, "pm", ".", "request", ".", "method") && len(toks) == 5:
		return one(Part{Source: SourceMethod})
	}
	return jsValue{}, false
}

// hmacHashes are the CryptoJS HMACs translated, by their hash's name.
var hmacHashes = map[string]string{"HmacSHA1": "SHA1", "HmacSHA256": "SHA256", "HmacSHA512": "SHA512"}

// crypto reads CryptoJS.Hmac<Hash>(message, key), its .toString() with
// or without CryptoJS.enc.Hex or CryptoJS.enc.Base64, and
// CryptoJS.enc.Hex/Base64.stringify of it.
func (e *scriptEnv) crypto(toks []jsToken) (jsValue, bool) {
	if !matchText(toks, "CryptoJS", ".") || len(toks) < 3 {
		return jsValue{}, false
	}
	for _, enc := range []string{"Hex", "Base64"} {
		if args, ok := callOf(toks, "CryptoJS", "enc", enc, "stringify"); ok {
			if len(args) != 1 {
				return jsValue{}, false
			}
			v, ok := e.value(args[0])
			if !ok || v.kind != jsWords {
				return jsValue{}, false
			}
			h := *v.hmac
			h.Base64 = enc == "Base64"
			return jsValue{parts: []Part{{Source: SourceHMAC, HMAC: &h}}}, true
		}
	}
	// CryptoJS.HmacX(m, k) alone, or followed by .toString(...).
	if len(toks) < 4 || toks[3].text != "(" {
		e.refuse("CryptoJS." + toks[2].text + " is not translated")
		return jsValue{}, false
	}
	end := closing(toks, 3)
	if end < 0 {
		return jsValue{}, false
	}
	hash, ok := hmacHashes[toks[2].text]
	if !ok {
		e.refuse("CryptoJS." + toks[2].text + " is not translated (HmacSHA1, HmacSHA256 and HmacSHA512 are)")
		return jsValue{}, false
	}
	args := splitArgs(toks[4:end])
	if len(args) != 2 {
		return jsValue{}, false
	}
	msg, ok := e.value(args[0])
	if !ok {
		e.refuse("its HMAC's message is not read")
		return jsValue{}, false
	}
	key, ok := e.value(args[1])
	if !ok {
		e.refuse("its HMAC's key is not a variable's value")
		return jsValue{}, false
	}
	keyText, ok := plain(key.parts)
	if !ok || key.kind == jsWords {
		e.refuse("its HMAC's key is computed")
		return jsValue{}, false
	}
	if !strings.Contains(keyText, "{{") {
		e.refuse("its HMAC's key is written in the script; pmgen keeps keys out of generated code, so read it from a variable")
		return jsValue{}, false
	}
	h := &HMAC{Hash: hash, Message: msg.text(), Key: keyText}
	rest := toks[end+1:]
	switch {
	case len(rest) == 0:
		return jsValue{kind: jsWords, hmac: h}, true
	case matchText(rest, ".", "toString", "(", ")") && len(rest) == 4,
		matchText(rest, ".", "toString", "(", "CryptoJS", ".", "enc", ".", "Hex", ")") && len(rest) == 9:
		return jsValue{parts: []Part{{Source: SourceHMAC, HMAC: h}}}, true
	case matchText(rest, ".", "toString", "(", "CryptoJS", ".", "enc", ".", "Base64", ")") && len(rest) == 9:
		h.Base64 = true
		return jsValue{parts: []Part{{Source: SourceHMAC, HMAC: h}}}, true
	}
	e.refuse("its HMAC is encoded in a way pmgen does not translate (hex and base64 are)")
	return jsValue{}, false
}
