package build

import (
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// TestPreRequestSigning: a script's timestamp and HMAC become the
// operation's script outputs in script order, with the query read after
// the script's first parameter counting it; a header naming a computed
// variable moves there too; the HMAC key's variable is withheld whatever
// its name; a body the request lacks, and a computed value used in the
// URL, are warned about.
func TestPreRequestSigning(t *testing.T) {
	a := withQuery(request("A", "GET", "https://api.example.com/a?x=1"), "x", "1")
	a.Request.Header = []load.Pair{{Key: "X-Sig", Value: "sig={{sig}}"}, {Key: "X-Keep", Value: "k"}}
	a.Events = prerequest(
		`const ts = Date.now()`,
		`pm.request.url.addQueryParams("ts=" + ts)`,
		`pm.variables.set("sig", CryptoJS.HmacSHA256(pm.request.url.getQueryString(), pm.variables.get("seed")).toString())`,
	)
	b := request("B", "GET", "https://api.example.com/b")
	b.Events = prerequest(`pm.request.headers.add({key: "X-Sig", value: CryptoJS.HmacSHA1(pm.request.body.raw, pm.variables.get("seed")).toString()})`)
	c := request("C", "GET", "https://api.example.com/c/{{when}}")
	c.Events = prerequest(`pm.variables.set("when", Math.floor(Date.now() / 1000))`)
	col := &load.Collection{File: "c.json", Items: []*load.Item{a, b, c},
		Variables: []load.Variable{{Key: "seed", Value: "plain-looking-value"}, {Key: "when", Value: "0"}}}
	api, diags := Build(col, Options{})
	if api == nil {
		t.Fatal(diags)
	}
	if !api.ScriptClock {
		t.Error("ScriptClock not set")
	}
	opA := findOp(api.Root, "A")
	if len(opA.Script) != 2 {
		t.Fatalf("A: %d outputs, want 2: %+v", len(opA.Script), opA.Script)
	}
	ts, sig := opA.Script[0], opA.Script[1]
	if !ts.Query || ts.Key != "ts" || len(ts.Value) != 1 || ts.Value[0].Source != model.ScriptMillis {
		t.Errorf("first output %+v, want the query parameter ts = the time in ms", ts)
	}
	if sig.Query || sig.Key != "X-Sig" || len(sig.Value) != 2 || sig.Value[0].Text.String() != "sig=" || sig.Value[1].Source != model.ScriptSignature {
		t.Fatalf("second output %+v, want the header X-Sig = \"sig=\" + HMAC", sig)
	}
	h := sig.Value[1].HMAC
	if h.Hash != "sha256" || h.Key.String() != "{{seed}}" || len(h.Message) != 1 || h.Message[0].Source != model.ScriptQuery || h.Message[0].Added != 1 {
		t.Errorf("HMAC %+v, want sha256 under {{seed}} of the query with the script's first parameter", h)
	}
	if got := strings.Join(headerDefaults(opA), ","); got != "X-Keep=k" {
		t.Errorf("A's header params %s, want only X-Keep: X-Sig is computed", got)
	}
	for _, s := range api.Settings {
		if s.Key == "seed" && (!s.Secret || s.HasDefault) {
			t.Errorf("seed is an HMAC key but not withheld: %+v", s)
		}
	}
	if opB := findOp(api.Root, "B"); opB.Script != nil {
		t.Errorf("B signs a body it lacks, but has outputs %+v", opB.Script)
	}
	var warns []string
	for _, d := range diags {
		if d.Code == codeScriptNotTranslated {
			warns = append(warns, d.Pos.Path[len(d.Pos.Path)-1]+": "+d.Message)
		}
	}
	want := []string{"B: a pre-request script signs the raw body", "C: a pre-request script sets {{when}} to a value it computes"}
	if len(warns) != len(want) {
		t.Fatalf("warnings %q, want %d", warns, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(warns[i], w) {
			t.Errorf("warning %q, want it to start %q", warns[i], w)
		}
	}
}
