package wire

import (
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// Render evaluates a template with the values the generated tests
// configure, to predict what the client sends.
func Render(t model.Template) string {
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

// HasDynamic reports whether a template's value changes on every call.
func HasDynamic(t model.Template) bool {
	for _, p := range t {
		if p.Kind == model.PartDynamic {
			return true
		}
	}
	return false
}

// FormTestValues is what the generated test sets a text field to: the
// saved literals, or nothing when they refer to client settings or
// dynamic variables, so that the test sees the defaults applied (dynamic
// values are then compared by their form).
func FormTestValues(defaults []model.Template) []string {
	literal := true
	for _, t := range defaults {
		literal = literal && t.IsLiteral()
	}
	if len(defaults) == 0 || !literal {
		return nil
	}
	out := make([]string, len(defaults))
	for i, t := range defaults {
		out[i] = TestText(t)
	}
	return out
}

// TestText renders a template with the test settings, and dynamic values
// as the collection writes them ("{{$guid}}").
func TestText(t model.Template) string {
	var s strings.Builder
	for _, p := range t {
		if p.Kind == model.PartDynamic {
			s.WriteString("{{$" + p.Dynamic + "}}")
			continue
		}
		s.WriteString(Render(model.Template{p}))
	}
	return s.String()
}
