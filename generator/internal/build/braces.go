package build

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// checkBraces warns about a {{ without its }}, a }} without its {{, or an
// empty {{}} in text that Postman resolves variables in. Postman leaves
// such text as it is, and so does the generated client; the warning is
// there because the author almost certainly meant a variable
// ("https://{{apihost}/x" lost a brace). where says which part of the
// request holds the text ("URL", "header \"X\"", "body"). strayClose is
// false for bodies, where "}}" closes nested JSON objects.
func (b *builder) checkBraces(pos model.Pos, where, text string, strayClose bool) {
	off, what := malformedBraces(text, strayClose)
	if what == "" {
		return
	}
	b.diag(pos, model.Warning, "malformed-template",
		fmt.Sprintf("%s, byte %d: %s; it is sent as written, as Postman does: %s",
			where, off+1, what, excerpt(text, off)))
}

// checkFormBraces checks the enabled text fields of a form body, whose
// keys and values Postman resolves variables in as it does a URL's.
func (b *builder) checkFormBraces(pos model.Pos, pairs []load.Pair) {
	for _, p := range pairs {
		if p.Disabled || p.Type == "file" {
			continue
		}
		b.checkBraces(pos, "form field "+strconv.Quote(p.Key)+" name", p.Key, true)
		b.checkBraces(pos, "form field "+strconv.Quote(p.Key)+" value", p.Value, true)
	}
}

// malformedBraces finds the first malformed variable reference in text:
// its byte offset and what is wrong, or "" when there is none. References
// may nest ("{{hello_{{var}}}}"), as Postman resolves the inner one first.
func malformedBraces(text string, strayClose bool) (int, string) {
	var open []int
	for i := 0; i+1 < len(text); {
		switch text[i : i+2] {
		case "{{":
			open = append(open, i)
			i += 2
			continue
		case "}}":
			n := len(open)
			switch {
			case n == 0 && strayClose:
				return i, `"}}" has no opening "{{"`
			case n == 0:
			case open[n-1]+2 == i:
				return open[n-1], `"{{}}" names no variable`
			default:
				open = open[:n-1]
			}
			i += 2
			continue
		}
		i++
	}
	if len(open) > 0 {
		return open[0], `"{{" has no closing "}}"`
	}
	return 0, ""
}

// excerpt quotes up to 40 bytes of text around off, so that the warning
// shows the spot without the whole body.
func excerpt(text string, off int) string {
	start, end := max(0, off-20), min(len(text), off+20)
	// Cut at character boundaries, so that the quote stays valid UTF-8.
	for start > 0 && !utf8.RuneStart(text[start]) {
		start--
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	s := text[start:end]
	if start > 0 {
		s = "…" + s
	}
	if end < len(text) {
		s += "…"
	}
	return fmt.Sprintf("%q", strings.ToValidUTF8(s, "?"))
}
