package build

import (
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// A variable whose saved value refers back to itself (a = "{{b}}",
// b = "{{a}}") cannot be resolved; Postman gives up and sends the text as
// written. Such a cycle touches only the requests that use it: they get a
// warning naming the variable and the cycle, and everything else generates
// as usual.

// breakCycles finds the settings whose saved value leads into a cycle and
// records it for each, so that requests using them are warned; the
// members of a cycle then stop resolving and send their saved text as
// written ("{{b}}"), unless the caller passes the option. A URL setting in
// a cycle has no usable default: the caller must pass it.
func (b *builder) breakCycles() {
	b.cycles = map[string][]string{}
	for _, s := range b.api.Settings {
		if cycle := settingCycle(s, nil); cycle != nil {
			b.cycles[s.Key] = cycle
		}
	}
	for _, cycle := range b.cycles {
		for _, k := range cycle {
			s := b.settings[k]
			if s.Nested == nil {
				continue // already broken, from another variable leading here
			}
			s.Nested = nil
			s.HasDefault = !s.URL
		}
	}
}

// warnCycle warns, once per request and variable, that the request uses a
// variable that leads into a cycle.
func (b *builder) warnCycle(s *model.Setting) {
	if s == nil {
		return
	}
	cycle, ok := b.cycles[s.Key]
	if !ok || len(b.pos.Path) == 0 {
		return
	}
	key := strings.Join(b.pos.Path, "\x00") + "\x00" + s.Key
	if b.cycleWarned[key] {
		return
	}
	b.cycleWarned[key] = true
	b.cycleUsed[s.Key] = true
	for _, k := range cycle {
		b.cycleUsed[k] = true
	}
	b.diag(b.pos, model.Warning, codeVariableCycle, "{{"+s.Key+"}} "+cycleText(s.Key, cycle)+"; "+cycleSends(s))
}

// warnUnusedCycles reports, at the variable, the cycles no request uses.
func (b *builder) warnUnusedCycles() {
	reported := map[string]bool{}
	for _, s := range b.api.Settings {
		cycle, ok := b.cycles[s.Key]
		if !ok || b.cycleUsed[s.Key] || reported[cycle[0]] {
			continue
		}
		if !memberOf(s.Key, cycle) {
			continue // leads into a cycle: reported at the cycle's members
		}
		for _, k := range cycle {
			reported[k] = true
		}
		b.diag(model.Pos{Path: []string{"variable \"" + s.Key + "\""}}, model.Warning, codeVariableCycle,
			"the variable "+cycleText(s.Key, cycle)+"; no request uses it")
	}
}

const codeVariableCycle = "variable-cycle"

// cycleText says how key reaches its cycle.
func cycleText(key string, cycle []string) string {
	if memberOf(key, cycle) {
		return "refers to itself through " + strings.Join(cycle, " → ")
	}
	return "leads into the variable cycle " + strings.Join(cycle, " → ")
}

// cycleSends says what a request sends for a setting that leads into a
// broken cycle.
func cycleSends(s *model.Setting) string {
	switch {
	case s.Nested != nil:
		return "the request sends it resolved up to the cycle, whose text stays as written, unless " + s.Option + " sets it"
	case s.HasDefault:
		return "the request sends its saved text " + strconv.Quote(s.Default) + " unresolved, as Postman does, unless " + s.Option + " sets it"
	}
	return "it has no usable value: pass " + s.Option
}

func memberOf(key string, cycle []string) bool {
	for _, k := range cycle {
		if k == key {
			return true
		}
	}
	return false
}
