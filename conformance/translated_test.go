package conformance

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// untranslated says where pmgen does not translate a pre-request script,
// from the [script-not-translated] warnings of the generation: the
// breadcrumb of the script's owner (folder names, then the request's;
// "" for the collection) → the warning's message. A script pmgen
// translates is run by newman as written and compared like the rest;
// one it does not is removed, and the requests it changes are left out.
type untranslated map[string]string

// warningPos splits a warning line: file, optional :line:col, optional
// breadcrumb, then the message.
var warningPos = regexp.MustCompile(`^(?:.*?\.json)(?::\d+:\d+)?(?:: (.*?))?: warning: (.*) \[script-not-translated\]$`)

func untranslatedScripts(warnings []string) untranslated {
	out := untranslated{}
	for _, w := range warnings {
		m := warningPos.FindStringSubmatch(w)
		if m == nil {
			continue
		}
		if prev, ok := out[m[1]]; ok {
			out[m[1]] = prev + "; " + m[2]
			continue
		}
		out[m[1]] = m[2]
	}
	return out
}

// owns reports whether the warning at path is about the script of the
// owner there (not about a script further up that sets a variable the
// request holds as its URL setting).
func (u untranslated) owns(path []string) bool {
	msg, ok := u[strings.Join(path, " › ")]
	return ok && strings.Contains(msg, "the pre-request script of ")
}

// urlSet is the message saying a script sets the request's URL setting,
// which the client does not follow; "" when none does.
func (u untranslated) urlSet(path []string) string {
	msg := u[strings.Join(path, " › ")]
	if strings.Contains(msg, "which the client holds as the URL setting") {
		return "a pre-request script sets its URL setting, which pmgen does not follow"
	}
	return ""
}

// keptScripts are the pre-request events newman runs as written: those
// of owners whose script pmgen translates.
type keptScripts []struct {
	node   map[string]any
	events []any
}

// keep records node's pre-request events when pmgen translates its script
// (u is not nil and has no warning for path).
func (k *keptScripts) keep(u untranslated, path []string, node map[string]any) bool {
	if u == nil || u.owns(path) {
		return false
	}
	var evs []any
	for _, e := range list(node["event"]) {
		if ev, _ := e.(map[string]any); str(ev["listen"]) == "prerequest" {
			evs = append(evs, withFixedClock(ev))
		}
	}
	if len(evs) > 0 {
		*k = append(*k, struct {
			node   map[string]any
			events []any
		}{node, evs})
	}
	return true
}

// restore puts the kept events back after stripEvents.
func (k keptScripts) restore() {
	for _, e := range k {
		e.node["event"] = e.events
	}
}

// scopedKey is a variable a script sets (or unsets) and the rank of the
// scope it sets it in: 0 local (pm.variables), 1 environment, 2
// collection, 3 global; a lower rank wins in Postman's resolution.
type scopedKey struct {
	key  string
	rank int
}

func scopeRank(call string) int {
	switch {
	case strings.Contains(call, "pm.variables") || strings.Contains(call, "iterationData"):
		return 0
	case strings.Contains(call, "collectionVariables"):
		return 2
	case strings.Contains(call, "globals") || strings.Contains(call, "Global"):
		return 3
	}
	return 1
}

// scriptSets are the variables a node's pre-request script sets by a
// literal name.
func scriptSets(node map[string]any) []scopedKey {
	var src strings.Builder
	for _, e := range list(node["event"]) {
		ev, _ := e.(map[string]any)
		if str(ev["listen"]) != "prerequest" {
			continue
		}
		sc, _ := ev["script"].(map[string]any)
		switch x := sc["exec"].(type) {
		case string:
			src.WriteString(x)
		case []any:
			for _, l := range x {
				src.WriteString(str(l) + "\n")
			}
		}
	}
	var keys []scopedKey
	for _, m := range setCall.FindAllStringSubmatch(stripComments(src.String()), -1) {
		if m[2] != "" {
			keys = append(keys, scopedKey{m[2], scopeRank(m[0])})
		}
	}
	return keys
}

// carry records that the scripts of owner set keys in this run.
func (c *collection) carry(keys []scopedKey, owner string) {
	if c.carried == nil {
		c.carried = map[string]carriedSet{}
	}
	for _, k := range keys {
		if prev, ok := c.carried[k.key]; !ok || k.rank <= prev.rank {
			c.carried[k.key] = carriedSet{owner, k.rank}
		}
	}
}

// carriedSet is whose script set a variable earlier in the run, and in
// which scope.
type carriedSet struct {
	owner string
	rank  int
}

// carriedInto says why a request depends on the order newman runs the
// collection in: it uses a variable that a translated script of a request
// run before it set, in a scope that no script in its own scope outranks
// or equals. The client's
// method is called on its own, as Postman's Send button sends one
// request; newman's run carries the value over. "" when it does not.
func (c *collection) carriedInto(req []byte, own []scopedKey) string {
	var keys []string
	for k := range c.carried {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !bytes.Contains(req, []byte("{{"+k+"}}")) {
			continue
		}
		set := c.carried[k]
		if !slices.ContainsFunc(own, func(o scopedKey) bool { return o.key == k && o.rank <= set.rank }) {
			return "the pre-request script of " + set.owner + ", run before it, sets {{" + k + "}}, which newman keeps for the rest of the run"
		}
	}
	return ""
}

// originSet says why a request whose origin (scheme, credentials, host,
// port) holds a variable that a translated script in scope sets is left
// out: the harness's own script, which points the request at the
// recorder, runs first, at the collection level, and resolves the origin
// before that script sets it. "" when none does.
func originSet(req map[string]any, sets []scopedKey) string {
	var origin string
	switch u := req["url"].(type) {
	case string:
		origin = u
		if i := strings.Index(origin, "://"); i >= 0 {
			if j := strings.Index(origin[i+3:], "/"); j >= 0 {
				origin = origin[:i+3+j]
			}
		} else if j := strings.Index(origin, "/"); j >= 0 {
			origin = origin[:j]
		}
	case map[string]any:
		data, _ := json.Marshal([]any{u["protocol"], u["host"], u["port"], u["auth"]})
		origin = string(data)
	}
	for _, k := range sets {
		if strings.Contains(origin, "{{"+k.key+"}}") {
			return "a pre-request script sets {{" + k.key + "}} in its URL's host, which the harness resolves before the script runs"
		}
	}
	return ""
}

// fixedClock is the script the harness puts before a translated
// pre-request script that reads the clock (Date.now(), getTime()), so
// that newman computes its timestamps and signatures at fixedUnix (and
// 123 ms), the time the driver gives the client's scriptNow hook: the
// two then sign the same message and their signatures compare exactly.
// Date with arguments, and Date's other functions, are untouched.
var fixedClock = "Date = class extends Date { constructor(...a) { if (a.length) { super(...a) } else { super(" + fixedMillis + ") } } static now() { return " + fixedMillis + " } };"

// fixedMillis is the scripts' fixed time in Unix milliseconds, as
// JavaScript spells it.
var fixedMillis = strconv.FormatInt(fixedUnix*1000+123, 10)

// clockRead is how a script reads the time as a number.
var clockRead = regexp.MustCompile(`Date\s*\.\s*now\b|\.\s*getTime\b|\.\s*valueOf\b`)

// withFixedClock returns a pre-request event whose script reads the clock
// with fixedClock before it; any other event as it is. A script that also
// spells an ISO time keeps the real clock: {{$isoTimestamp}}, which that
// translates to, is compared as a time near now.
func withFixedClock(ev map[string]any) any {
	sc, _ := ev["script"].(map[string]any)
	var lines []string
	switch x := sc["exec"].(type) {
	case string:
		lines = []string{x}
	case []any:
		for _, l := range x {
			lines = append(lines, str(l))
		}
	}
	src := strings.Join(lines, "\n")
	if !clockRead.MatchString(src) || strings.Contains(src, "toISOString") {
		return ev
	}
	exec := []any{fixedClock}
	for _, l := range lines {
		exec = append(exec, l)
	}
	script := map[string]any{}
	for k, v := range sc {
		script[k] = v
	}
	script["exec"] = exec
	out := map[string]any{}
	for k, v := range ev {
		out[k] = v
	}
	out["script"] = script
	return out
}
