package build

import (
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// withQuery sets the item's query entries, which load reads from the URL.
func withQuery(it *load.Item, kv ...string) *load.Item {
	for i := 0; i+1 < len(kv); i += 2 {
		it.Request.URL.Query = append(it.Request.URL.Query, load.Pair{Key: kv[i], Value: kv[i+1]})
	}
	return it
}

func prerequest(lines ...string) []load.Event {
	return []load.Event{{Listen: "prerequest", Exec: lines}}
}

// headerDefaults spells each header entry of op as "Key=default".
func headerDefaults(op *model.Operation) []string {
	var out []string
	for _, p := range op.Entries {
		if p.In == model.InHeader {
			out = append(out, p.Key+"="+p.Default.String())
		}
	}
	return out
}

// TestPreRequestScripts: collection, folder and request scripts apply in
// Postman's order; translated ones leave no warning, the others warn once
// where they stand and are named in the doc of every method they cover.
func TestPreRequestScripts(t *testing.T) {
	a := withQuery(request("A", "GET", "https://api.example.com/a?v={{ver}}", "F"), "v", "{{ver}}")
	a.Request.Header = []load.Pair{{Key: "X-Old", Value: "1"}, {Key: "x-up", Value: "old"}, {Key: "X-Empty", Value: ""}}
	a.Events = prerequest(
		`pm.request.headers.remove("x-old")`,
		`pm.request.headers.upsert({key: "X-Up", value: "{{ver}}"})`,
		`pm.variables.set("ver", "3")`,
		`pm.request.forEachHeader(h => { if (!h.value) pm.request.headers.remove(h.key) })`,
	)
	b := withQuery(request("B", "GET", "https://api.example.com/b?v={{ver}}&t={{when}}", "F"), "v", "{{ver}}", "t", "{{when}}")
	folder := &load.Item{Name: "F", IsFolder: true, Pos: model.Pos{Path: []string{"F"}}, Items: []*load.Item{a, b},
		Events: prerequest(`pm.environment.set("when", new Date().toISOString())`)}
	c := withQuery(request("C", "GET", "https://api.example.com/c?v={{ver}}"), "v", "{{ver}}")
	c.Events = prerequest(`if (pm.environment.get("x")) { pm.environment.set("ver", "9") }`)
	col := &load.Collection{File: "c.json", Items: []*load.Item{folder, c},
		Auth:      &load.Auth{Type: "bearer", Params: []load.Pair{{Key: "token", Value: "{{tok}}"}}},
		Events:    prerequest(`// keep it`, `pm.request.headers.add({key: "X-User-Agent", value: "coll/1"})`),
		Variables: []load.Variable{{Key: "ver", Value: "1"}, {Key: "when", Value: "x"}}}
	api, diags := Build(col, Options{})
	if api == nil {
		t.Fatal(diags)
	}
	var warns []string
	for _, d := range diags {
		if d.Code == codeScriptNotTranslated {
			warns = append(warns, d.String())
		}
	}
	if len(warns) != 1 || !strings.Contains(warns[0], "C: warning: the pre-request script of the request is not translated: pmgen does not understand “if (pm.environment.get(\"x\"))") || !strings.Contains(warns[0], "set {{ver}}") {
		t.Errorf("warnings: %q", warns)
	}
	f := api.Root.Services[0]
	opA, opB, opC := f.Ops[0], f.Ops[1], api.Root.Ops[0]
	// X-Up's value is resolved with the script's {{ver}}.
	if got, want := strings.Join(headerDefaults(opA), " "), "X-Up=3 X-User-Agent=coll/1"; got != want {
		t.Errorf("A headers %q, want %q", got, want)
	}
	if got := opA.Entries[0].Default.String(); got != "3" {
		t.Errorf("A's ?v= is %q, want the script's 3", got)
	}
	if got := opB.Entries[1].Default.String(); got != "{{$isoTimestamp}}" {
		t.Errorf("B's ?t= is %q, want the folder script's ISO time", got)
	}
	if got := opB.Entries[0].Default.String(); got != "{{ver}}" {
		t.Errorf("B's ?v= is %q: A's script reached it", got)
	}
	for _, op := range []*model.Operation{opA, opB, opC} {
		if op.Auth == nil {
			t.Errorf("%s lost the collection's bearer auth", op.Name)
		}
	}
	if got := strings.Join(headerDefaults(opC), " "); got != "X-User-Agent=coll/1" {
		t.Errorf("C headers %q", got)
	}
	if !strings.Contains(strings.Join(strings.Fields(opC.Doc), " "), "Not done by this method: the pre-request script of the request would set {{ver}}.") {
		t.Errorf("C's doc does not say what its script would do:\n%s", opC.Doc)
	}
	if strings.Contains(opA.Doc, "Not done") {
		t.Errorf("A's doc names a script although every one is translated:\n%s", opA.Doc)
	}
}

// TestPreRequestScope: a script's set reaches the request only where no
// higher scope defines the variable, and a script that sets the URL
// setting is not followed.
func TestPreRequestScope(t *testing.T) {
	a := withQuery(request("A", "GET", "{{base}}/a?g={{g}}&c={{c}}&e={{e}}"), "g", "{{g}}", "c", "{{c}}", "e", "{{e}}")
	a.Events = prerequest(
		`pm.globals.set("g", "G")`, `pm.collectionVariables.set("c", "C")`,
		`pm.collectionVariables.set("e", "E")`, `pm.environment.set("base", "https://other.example.com")`)
	col := &load.Collection{File: "c.json", Items: []*load.Item{a},
		Variables: []load.Variable{{Key: "base", Value: "https://api.example.com"}, {Key: "g", Value: "saved"}}}
	api, diags := Build(col, Options{Environment: []load.Variable{{Key: "e", Value: "env"}}})
	if api == nil {
		t.Fatal(diags)
	}
	var got []string
	for _, p := range api.Root.Ops[0].Entries {
		got = append(got, p.Key+"="+p.Default.String())
	}
	if want := "g={{g}} c=C e={{e}}"; strings.Join(got, " ") != want {
		t.Errorf("query %q, want %q", strings.Join(got, " "), want)
	}
	n := 0
	for _, d := range diags {
		if d.Code == codeScriptNotTranslated {
			n++
			if !strings.Contains(d.Message, "{{base}}") {
				t.Errorf("unexpected warning %s", d)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d script warnings, want 1 about {{base}}: %v", n, diags)
	}
}
