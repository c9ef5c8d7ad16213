package pmtest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is the kind of a JavaScript token, as far as reading pm.test
// scripts needs: pmgen does not run scripts, it recognises a small set of
// assertion shapes, so the lexer only has to keep strings, comments and
// regular expressions from being mistaken for code.
type tokKind int

const (
	tokIdent tokKind = iota
	tokNumber
	tokString
	tokTemplate // a template literal; tok.subst says whether it has ${}
	tokRegexp
	tokPunct
)

// jsToken is one token of a script.
type jsToken struct {
	kind tokKind
	// text is the source text; for strings and templates without
	// substitutions, value is the decoded string.
	text  string
	value string
	subst bool
	// start and end are byte offsets in the script.
	start, end int
	// nl says a line break precedes the token, for automatic semicolons.
	nl bool
}

// puncts are the multi-character operators, longest first.
var puncts = []string{"===", "!==", "...", "**=", "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "**"}

// lexJS splits a script into tokens, dropping comments. ok is false when
// a string, template, comment or regular expression is not closed.
func lexJS(src string) (toks []jsToken, ok bool) {
	nl := false
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\n' || c == '\r':
			nl = true
			i++
			continue
		case c == ' ' || c == '\t' || c == '\f' || c == '\v':
			i++
			continue
		case strings.HasPrefix(src[i:], "//"):
			end := strings.IndexAny(src[i:], "\r\n")
			if end < 0 {
				return toks, true
			}
			i += end
			continue
		case strings.HasPrefix(src[i:], "/*"):
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				return toks, false
			}
			if strings.ContainsAny(src[i:i+2+end], "\r\n") {
				nl = true
			}
			i += end + 4
			continue
		}
		t := jsToken{start: i, nl: nl}
		nl = false
		var good bool
		switch {
		case c == '"' || c == '\'':
			t.kind = tokString
			t.value, i, good = lexString(src, i)
		case c == '`':
			t.kind = tokTemplate
			t.value, t.subst, i, good = lexTemplate(src, i)
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
			t.kind = tokNumber
			i, good = lexNumber(src, i), true
		case isIdentStart(src[i:]):
			t.kind = tokIdent
			i, good = lexIdent(src, i), true
		case c == '/' && regexpAllowed(toks):
			t.kind = tokRegexp
			i, good = lexRegexp(src, i)
		default:
			t.kind = tokPunct
			n := 1
			for _, p := range puncts {
				if strings.HasPrefix(src[i:], p) {
					n = len(p)
					break
				}
			}
			if c >= utf8.RuneSelf {
				_, n = utf8.DecodeRuneInString(src[i:])
			}
			i, good = i+n, true
		}
		if !good {
			return toks, false
		}
		t.end = i
		t.text = src[t.start:t.end]
		toks = append(toks, t)
	}
	return toks, true
}

func isIdentStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '_' || r == '$' || unicode.IsLetter(r)
}

func lexIdent(src string, i int) int {
	for i < len(src) {
		r, n := utf8.DecodeRuneInString(src[i:])
		if r != '_' && r != '$' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		i += n
	}
	return i
}

func lexNumber(src string, i int) int {
	for i < len(src) {
		c := src[i]
		switch {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '.', c == '_':
			i++
		case (c == '+' || c == '-') && (src[i-1] == 'e' || src[i-1] == 'E') && !strings.HasPrefix(strings.ToLower(src[:i]), "0x"):
			i++
		default:
			return i
		}
	}
	return i
}

// lexString reads a quoted string starting at src[i] and decodes its
// escapes.
func lexString(src string, i int) (string, int, bool) {
	quote := src[i]
	var b strings.Builder
	for i++; i < len(src); {
		c := src[i]
		switch {
		case c == quote:
			return b.String(), i + 1, true
		case c == '\n':
			return "", i, false
		case c == '\\':
			var ok bool
			i, ok = lexEscape(src, i, &b)
			if !ok {
				return "", i, false
			}
		default:
			b.WriteByte(c)
			i++
		}
	}
	return "", i, false
}

// lexTemplate reads a template literal; subst reports a ${} in it, whose
// value the script computes.
func lexTemplate(src string, i int) (value string, subst bool, end int, ok bool) {
	var b strings.Builder
	for i++; i < len(src); {
		c := src[i]
		switch {
		case c == '`':
			return b.String(), subst, i + 1, true
		case c == '\\':
			if i, ok = lexEscape(src, i, &b); !ok {
				return "", subst, i, false
			}
		case c == '$' && i+1 < len(src) && src[i+1] == '{':
			subst = true
			depth := 0
			for i += 2; i < len(src); i++ {
				if src[i] == '{' {
					depth++
				} else if src[i] == '}' {
					if depth == 0 {
						break
					}
					depth--
				}
			}
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	return "", subst, i, false
}

// lexEscape decodes the escape at src[i] ('\\') into b.
func lexEscape(src string, i int, b *strings.Builder) (int, bool) {
	if i+1 >= len(src) {
		return i, false
	}
	c := src[i+1]
	simple := map[byte]string{'n': "\n", 't': "\t", 'r': "\r", 'b': "\b", 'f': "\f", 'v': "\v", '0': "\x00"}
	switch {
	case simple[c] != "":
		b.WriteString(simple[c])
		return i + 2, true
	case c == '\n':
		return i + 2, true // a line continuation
	case c == 'x' || c == 'u':
		hex := src[i+2:]
		n := 2
		if c == 'u' {
			n = 4
			if strings.HasPrefix(hex, "{") {
				end := strings.IndexByte(hex, '}')
				if end < 0 {
					return i, false
				}
				r, ok := parseHex(hex[1:end])
				if !ok {
					return i, false
				}
				b.WriteRune(r)
				return i + 3 + end + 1, true
			}
		}
		if len(hex) < n {
			return i, false
		}
		r, ok := parseHex(hex[:n])
		if !ok {
			return i, false
		}
		b.WriteRune(r)
		return i + 2 + n, true
	}
	r, n := utf8.DecodeRuneInString(src[i+1:])
	b.WriteRune(r)
	return i + 1 + n, true
}

func parseHex(s string) (rune, bool) {
	if s == "" || len(s) > 6 {
		return 0, false
	}
	var r rune
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			r = r*16 + c - '0'
		case c >= 'a' && c <= 'f':
			r = r*16 + c - 'a' + 10
		case c >= 'A' && c <= 'F':
			r = r*16 + c - 'A' + 10
		default:
			return 0, false
		}
	}
	return r, true
}

// regexpAllowed reports whether a '/' starts a regular expression: when
// the token before it cannot end an operand.
func regexpAllowed(toks []jsToken) bool {
	if len(toks) == 0 {
		return true
	}
	last := toks[len(toks)-1]
	switch last.kind {
	case tokIdent:
		return last.text == "return" || last.text == "typeof"
	case tokNumber, tokString, tokTemplate, tokRegexp:
		return false
	}
	return last.text != ")" && last.text != "]" && last.text != "}"
}

// lexRegexp reads /body/flags.
func lexRegexp(src string, i int) (int, bool) {
	inClass := false
	for i++; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '\n':
			return i, false
		case '/':
			if !inClass {
				return lexIdent(src, i+1), true
			}
		}
	}
	return i, false
}
