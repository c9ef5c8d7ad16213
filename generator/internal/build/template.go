package build

import (
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// template splits text holding {{var}} references into a model.Template.
// Known dynamic variables ({{$guid}}) are produced at call time; other
// variables become client settings. pathArgs resolves ":name" path
// variables when the text is a path segment.
func (b *builder) template(text string) model.Template {
	var t model.Template
	lit := func(s string) {
		if s == "" {
			return
		}
		if n := len(t); n > 0 && t[n-1].Kind == model.PartLiteral {
			t[n-1].Text += s
			return
		}
		t = append(t, model.Part{Kind: model.PartLiteral, Text: s})
	}
	for text != "" {
		start := strings.Index(text, "{{")
		if start < 0 {
			lit(text)
			break
		}
		end := strings.Index(text[start+2:], "}}")
		if end < 0 {
			lit(text)
			break
		}
		// Postman replaces {{name}} where name holds no brace, innermost
		// first: the reference is the last "{{" before the first "}}".
		closer := start + 2 + end
		open := strings.LastIndex(text[:closer], "{{")
		key := text[open+2 : closer]
		if strings.ContainsAny(key, "{}") {
			// "{{a}b}}" is no reference: sent as written.
			lit(text[:closer+2])
			text = text[closer+2:]
			continue
		}
		if open >= start+2 && !strings.ContainsAny(text[start+2:open], "{}") {
			// A nested reference ("{{hello_{{var}}}}"): Postman resolves
			// the inner one first and then the name it spells. Not in
			// "{{a}/{{b}}", whose first "{{" can open no name.
			if v, ok := b.nestedName(key); ok {
				text = text[:open] + v + text[closer+2:]
				continue
			}
		}
		lit(text[:open])
		text = text[closer+2:]
		switch {
		case strings.HasPrefix(key, "$") && model.KnownDynamic(key[1:]):
			b.dynamics[key[1:]] = true
			t = append(t, model.Part{Kind: model.PartDynamic, Dynamic: key[1:], Func: dynamicFunc(key[1:])})
		case strings.HasPrefix(key, "$"):
			b.diag(b.pos, model.Warning, "unknown-dynamic-variable",
				"{{"+key+"}} is not one of Postman's dynamic variables that pmgen produces; it is sent as written")
			lit("{{" + key + "}}")
		case strings.TrimSpace(key) == "":
			// Not a variable Postman would resolve: it is sent as written.
			lit("{{" + key + "}}")
		default:
			if v, ok := b.scriptVariable(key); ok {
				// A pre-request script set it: its value, not the
				// client's setting, is what Postman sends.
				for _, p := range v {
					if p.Kind == model.PartLiteral {
						lit(p.Text)
					} else {
						t = append(t, p)
					}
				}
				continue
			}
			s := b.setting(key)
			b.warnCycle(s)
			t = append(t, model.Part{Kind: model.PartSetting, Setting: s})
		}
	}
	return t
}

// nestedName is the value the inner variable of a nested reference
// ("var" in "{{hello_{{var}}}}") has in the collection, which decides the
// name of the variable read. The name is decided here, once, so setting
// the inner variable at call time does not change it: a warning says so.
func (b *builder) nestedName(inner string) (string, bool) {
	s, ok := b.settings[inner]
	if !ok || !s.HasDefault || strings.Contains(s.Default, "{{") {
		return "", false
	}
	b.diag(b.pos, model.Warning, "nested-variable",
		"{{"+inner+"}} inside a variable name is resolved with its saved value "+strconv.Quote(s.Default)+
			" when the client is generated; setting it later does not change which variable is read")
	return s.Default, true
}

// dynamicFunc names the runtime function (templates/runtime/dynamic.go)
// that produces the dynamic variable name: dynamicTimestamp for
// "timestamp". Postman's names keep their case after the first letter,
// except where Go spells an initialism in capitals (dynamicGUID for
// "guid"), so that the generated package passes staticcheck's naming
// check (ST1003).
func dynamicFunc(name string) string {
	switch name {
	case "guid":
		return "dynamicGUID"
	case "randomUrl":
		return "dynamicRandomURL"
	}
	return "dynamic" + strings.ToUpper(name[:1]) + name[1:]
}
