package build

import (
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
		lit(text[:start])
		key := text[start+2 : start+2+end]
		text = text[start+2+end+2:]
		switch {
		case strings.HasPrefix(key, "$") && model.KnownDynamic(key[1:]):
			b.dynamics[key[1:]] = true
			t = append(t, model.Part{Kind: model.PartDynamic, Dynamic: key[1:]})
		case strings.HasPrefix(key, "$"):
			b.diag(b.pos, model.Warning, "unknown-dynamic-variable",
				"{{"+key+"}} is not one of Postman's dynamic variables that pmgen produces; it is sent as written")
			lit("{{" + key + "}}")
		case strings.TrimSpace(key) == "":
			// Not a variable Postman would resolve: it is sent as written.
			lit("{{" + key + "}}")
		default:
			t = append(t, model.Part{Kind: model.PartSetting, Setting: b.setting(key)})
		}
	}
	return t
}

// render evaluates a template with the values the generated tests
// configure, to predict what the client sends.
func render(t model.Template) string {
	var s strings.Builder
	for _, p := range t {
		switch p.Kind {
		case model.PartLiteral:
			s.WriteString(p.Text)
		case model.PartSetting:
			s.WriteString(p.Setting.TestValue)
		case model.PartPathArg:
			s.WriteString(p.Arg.TestValue)
		}
	}
	return s.String()
}

// hasDynamic reports whether a template's value changes on every call.
func hasDynamic(t model.Template) bool {
	for _, p := range t {
		if p.Kind == model.PartDynamic {
			return true
		}
	}
	return false
}
