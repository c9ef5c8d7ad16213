package pmtest

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

// jsLiteral is a JavaScript literal of a script, as JSON text.
type jsLiteral struct {
	json string
	// kind is "string", "number", "boolean", "null", "array" or "object".
	kind string
	// str is the value of a string literal.
	str string
}

// primitive reports whether chai's strict equality (===) can hold between
// the literal and a value parsed from JSON: objects and arrays compare by
// identity, so a literal one never equals the body's.
func (l jsLiteral) primitive() bool { return l.kind != "array" && l.kind != "object" }

// parseLiteral converts toks, which must be exactly one literal (strings in
// either quote, template literals without ${}, numbers, true, false, null,
// and arrays and objects of those, keys quoted or not), to JSON.
func parseLiteral(toks []jsToken) (jsLiteral, bool) {
	var b bytes.Buffer
	p := &litParser{toks: toks, out: &b}
	lit, ok := p.value()
	if !ok || p.i != len(toks) {
		return jsLiteral{}, false
	}
	lit.json = b.String()
	return lit, true
}

type litParser struct {
	toks []jsToken
	i    int
	out  *bytes.Buffer
}

func (p *litParser) peek() (jsToken, bool) {
	if p.i >= len(p.toks) {
		return jsToken{}, false
	}
	return p.toks[p.i], true
}

func (p *litParser) value() (jsLiteral, bool) {
	t, ok := p.peek()
	if !ok {
		return jsLiteral{}, false
	}
	p.i++
	switch {
	case t.kind == tokString || t.kind == tokTemplate && !t.subst:
		writeJSONString(p.out, t.value)
		return jsLiteral{kind: "string", str: t.value}, true
	case t.kind == tokNumber:
		return p.number("", t)
	case t.kind == tokPunct && (t.text == "-" || t.text == "+"):
		n, ok := p.peek()
		if !ok || n.kind != tokNumber {
			return jsLiteral{}, false
		}
		p.i++
		return p.number(t.text, n)
	case t.kind == tokIdent && (t.text == "true" || t.text == "false"):
		p.out.WriteString(t.text)
		return jsLiteral{kind: "boolean"}, true
	case t.kind == tokIdent && t.text == "null":
		p.out.WriteString("null")
		return jsLiteral{kind: "null"}, true
	case t.text == "[":
		return jsLiteral{kind: "array"}, p.list("]", func() bool {
			_, ok := p.value()
			return ok
		})
	case t.text == "{":
		return jsLiteral{kind: "object"}, p.list("}", p.member)
	}
	return jsLiteral{}, false
}

// list reads elements up to close, allowing a trailing comma.
func (p *litParser) list(close string, elem func() bool) bool {
	open := map[string]string{"]": "[", "}": "{"}[close]
	p.out.WriteString(open)
	first := true
	for {
		t, ok := p.peek()
		if !ok {
			return false
		}
		if t.text == close {
			p.i++
			p.out.WriteString(close)
			return true
		}
		if !first {
			p.out.WriteByte(',')
		}
		first = false
		if !elem() {
			return false
		}
		t, ok = p.peek()
		if !ok {
			return false
		}
		if t.text == "," {
			p.i++
		} else if t.text != close {
			return false
		}
	}
}

// member reads key: value; shorthand members name script variables.
func (p *litParser) member() bool {
	t, ok := p.peek()
	if !ok {
		return false
	}
	p.i++
	switch t.kind {
	case tokIdent:
		writeJSONString(p.out, t.text)
	case tokString:
		writeJSONString(p.out, t.value)
	case tokNumber:
		lit, ok := numberJSON(t.text)
		if !ok {
			return false
		}
		writeJSONString(p.out, lit)
	default:
		return false
	}
	if c, ok := p.peek(); !ok || c.text != ":" {
		return false
	}
	p.i++
	p.out.WriteByte(':')
	_, ok = p.value()
	return ok
}

func (p *litParser) number(sign string, t jsToken) (jsLiteral, bool) {
	text, ok := numberJSON(t.text)
	if !ok {
		return jsLiteral{}, false
	}
	if sign == "-" && text != "0" {
		text = "-" + text
	}
	p.out.WriteString(text)
	return jsLiteral{kind: "number", str: text}, true
}

// jsonNumber is the grammar of a JSON number without its sign.
var jsonNumber = regexp.MustCompile(`^(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// numberJSON spells a JavaScript number literal as JSON: as written when
// JSON allows it, else by value (0x1F, .5, 1_000).
func numberJSON(text string) (string, bool) {
	if jsonNumber.MatchString(text) {
		return text, true
	}
	clean := strings.ReplaceAll(text, "_", "")
	lower := strings.ToLower(clean)
	if strings.HasPrefix(lower, "0x") || strings.HasPrefix(lower, "0o") || strings.HasPrefix(lower, "0b") {
		n, err := strconv.ParseInt(clean, 0, 64)
		if err != nil {
			return "", false
		}
		return strconv.FormatInt(n, 10), true
	}
	f, err := strconv.ParseFloat(clean, 64)
	if err != nil {
		return "", false
	}
	return strconv.FormatFloat(f, 'g', -1, 64), true
}

// writeJSONString writes s as a JSON string, in ordjson's one escaping
// policy (which leaves <, > and & as they are, so that generated tests
// read like the script).
func writeJSONString(b *bytes.Buffer, s string) {
	b.Write(ordjson.AppendString(b.AvailableBuffer(), s))
}

// parseLodashPath splits a lodash property path ("args.foo1",
// "item[0].name", "a['b-c']") into keys, as _.get and _.has read it.
func parseLodashPath(path string) []string {
	var keys []string
	var cur strings.Builder
	flush := func() {
		keys = append(keys, cur.String())
		cur.Reset()
	}
	afterBracket := false
	for i := 0; i < len(path); i++ {
		c := path[i]
		switch {
		case c == '.':
			if !afterBracket {
				flush()
			}
			afterBracket = false
		case c == '[':
			if !afterBracket && (cur.Len() > 0 || i > 0) {
				flush()
			}
			end := strings.IndexByte(path[i:], ']')
			if end < 0 {
				cur.WriteString(path[i:])
				i = len(path)
				continue
			}
			inner := path[i+1 : i+end]
			if len(inner) >= 2 && (inner[0] == '"' || inner[0] == '\'') && inner[len(inner)-1] == inner[0] {
				inner = inner[1 : len(inner)-1]
			}
			cur.WriteString(inner)
			flush()
			afterBracket = true
			i += end
		default:
			if afterBracket {
				// "a[0]b" reads as keys a, 0, b.
				afterBracket = false
			}
			cur.WriteByte(c)
		}
	}
	if !afterBracket || cur.Len() > 0 {
		flush()
	}
	return keys
}
