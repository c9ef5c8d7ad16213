package pmtest

import (
	"testing"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// FuzzParseScript feeds arbitrary scripts to the pm.test reader and the
// evaluation of what it translates, and to the reader of variable
// setters: none may panic, a refused block keeps no assertions, and every
// translated setter says where its value comes from.
func FuzzParseScript(f *testing.F) {
	for _, seed := range []string{
		`pm.test("a", function () { pm.response.to.have.status(200); });`,
		`const j = pm.response.json(); pm.test('b', () => pm.expect(j.a[0]['b-c']).to.eql({x: [1, "y"]}));`,
		"pm.test(`t${x}`, () => { pm.response.to.have.header('h', 'v').and.have.jsonBody('a.b[1]', -1e3) })",
		`pm.test.skip("s", () => {}); if (x) { pm.test("n", () => {}) }`,
		`pm.test("r", () => pm.expect(pm.response.json().ip).to.match(/^a\/[b]$/)); /* c`,
		`var d = JSON.parse(responseBody); if (d.t) postman.setEnvironmentVariable("t", d.t[0]); pm.environment.unset(k)`,
		`pm.test("u", function (done) { const {a, b: {c}} = pm.response.json(); '\u{1F600}\x41' })`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, script string) {
		sets, _ := ParseSetVars(script)
		for _, s := range sets {
			if s.Source == 0 {
				t.Errorf("set of %q has no source", s.Key)
			}
		}
		for _, b := range ParseScript(script) {
			if b.Refused != "" && b.Asserts != nil {
				t.Errorf("refused block %q keeps assertions", b.Title)
			}
			for _, a := range b.Asserts {
				holds(a, savedResponse{status: 200, header: []model.KeyValue{{Key: "A", Value: "b"}}, body: `{"a":[1,{"b":null}]}`})
			}
		}
	})
}
