package conformance

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestUntranslatedScripts: the harness reads pmgen's warnings to tell
// the scripts newman may run as written from those it must remove.
func TestUntranslatedScripts(t *testing.T) {
	u := untranslatedScripts([]string{
		"/tmp/x/c.postman_collection.json: warning: the pre-request script of the collection is not translated: pmgen does not understand “if (a)”; the client does not run code pmgen does not translate [script-not-translated]",
		"/tmp/x/c.postman_collection.json:12:5: Auth › Get: warning: the pre-request script of the request is not translated: x [script-not-translated]",
		"/tmp/x/c.postman_collection.json:20:5: Other: warning: a pre-request script sets {{base}}, which the client holds as the URL setting WithBaseURL; x [script-not-translated]",
		"/tmp/x/c.postman_collection.json:12:5: Auth › Get: warning: something else [secret-withheld]",
	})
	if !u.owns(nil) || !u.owns([]string{"Auth", "Get"}) || u.owns([]string{"Other"}) || u.owns([]string{"Auth"}) {
		t.Errorf("owners misread: %q", u)
	}
	if u.urlSet([]string{"Other"}) == "" || u.urlSet([]string{"Auth", "Get"}) != "" {
		t.Errorf("URL setting warnings misread: %q", u)
	}
}

// TestCarriedVariables: a variable set by an earlier request's script,
// which newman keeps for the rest of the run, makes a later request that
// uses it script-dependent unless its own scripts set it in a scope as
// high.
func TestCarriedVariables(t *testing.T) {
	var root map[string]any
	col := `{"item": [
	 {"name": "first", "event": [{"listen": "prerequest", "script": {"exec": ["pm.variables.set('v', 'a'); pm.environment.set('e', 'b')"]}}],
	  "request": {"url": "http://h/{{v}}"}},
	 {"name": "env only", "event": [{"listen": "prerequest", "script": {"exec": ["pm.environment.set('v', 'c')"]}}],
	  "request": {"url": "http://h/{{v}}"}},
	 {"name": "local again", "event": [{"listen": "prerequest", "script": {"exec": ["pm.variables.set('v', 'c')"]}}],
	  "request": {"url": "http://h/{{v}}/{{e}}"}},
	 {"name": "unrelated", "request": {"url": "http://h/x"}}
	]}`
	if err := json.Unmarshal([]byte(col), &root); err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(root)
	c, err := readCollection(data, untranslated{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range c.items {
		got = append(got, it.path[0]+"="+map[bool]string{true: "excluded", false: "compared"}[it.scripted != ""])
	}
	if want := "first=compared env only=excluded local again=excluded unrelated=compared"; strings.Join(got, " ") != want {
		t.Errorf("got %s\nwant %s", strings.Join(got, " "), want)
	}
	// Translated scripts stay for newman to run; test scripts do not.
	if evs := list(list(c.root["item"])[0].(map[string]any)["event"]); len(evs) != 1 {
		t.Errorf("the first request's script was not kept: %v", evs)
	}
}

// TestWithFixedClock: a script that reads the clock as a number runs
// after fixedClock; one that spells an ISO time, or reads no clock, is
// left as it is.
func TestWithFixedClock(t *testing.T) {
	ev := func(lines ...any) map[string]any {
		return map[string]any{"listen": "prerequest", "script": map[string]any{"type": "text/javascript", "exec": lines}}
	}
	exec := func(e any) []any { return e.(map[string]any)["script"].(map[string]any)["exec"].([]any) }
	signed := ev("const ts = Date.now();", "pm.request.headers.add({key: 'X-T', value: String(ts)})")
	got := exec(withFixedClock(signed))
	if len(got) != 3 || got[0] != fixedClock || got[1] != "const ts = Date.now();" {
		t.Errorf("clock-reading script: %q", got)
	}
	if len(exec(signed)) != 2 {
		t.Error("the collection's own event was changed")
	}
	for _, e := range []map[string]any{ev("pm.variables.set('d', new Date().toISOString()); const n = Date.now()"), ev("pm.request.headers.add('A: b')")} {
		if got := exec(withFixedClock(e)); len(got) != 1 {
			t.Errorf("script changed: %q", got)
		}
	}
	if !strings.Contains(fixedClock, "1700000000123") {
		t.Errorf("fixedClock %q is not at fixedUnix and 123 ms", fixedClock)
	}
}
