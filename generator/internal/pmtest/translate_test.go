package pmtest

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// TestParseScriptTranslated covers the forms that become assertions, most
// of them as real collections write them.
func TestParseScriptTranslated(t *testing.T) {
	status := func(codes ...int) model.Assertion { return model.Assertion{Kind: model.AssertStatus, Statuses: codes} }
	equals := func(value string, path ...string) model.Assertion {
		return model.Assertion{Kind: model.AssertJSONEquals, Path: path, Value: value}
	}
	tests := []struct {
		name   string
		script string
		want   []model.Assertion
	}{{
		"status", `pm.test("response is ok", function () {
    pm.response.to.have.status(200);
});`, []model.Assertion{status(200)},
	}, {
		"status by pm.expect", `pm.test("Status code is 200", () => { pm.expect(pm.response.code).to.eql(200); });`,
		[]model.Assertion{status(200)},
	}, {
		"oneOf", `pm.test('response should be 200 or 302', function () {
    pm.expect(pm.response.code).to.be.oneOf([200, 302]);
});`, []model.Assertion{status(200, 302)},
	}, {
		"to.be.ok is 200 exactly", `pm.test('expect response be 200', function () {
    pm.response.to.be.ok
})`, []model.Assertion{status(200)},
	}, {
		"status classes", `pm.test("x", () => { pm.response.to.be.success; pm.response.to.not.be.error; })`,
		[]model.Assertion{{Kind: model.AssertStatusClass, Statuses: []int{2}}, {Kind: model.AssertStatusClass, Statuses: []int{1, 2, 3}}},
	}, {
		"chained headers", `pm.test("response has the headers", function () {
    pm.response.to.have.header('foo1', 'bar1')
        .and.have.header('foo2', 'bar2');
});`, []model.Assertion{
			{Kind: model.AssertHeaderEquals, Header: "foo1", Value: "bar1"},
			{Kind: model.AssertHeaderEquals, Header: "foo2", Value: "bar2"},
		},
	}, {
		"header present and includes", `pm.test("Content type test", function () {
    pm.response.to.have.header("Content-Type");
    pm.expect(pm.response.headers.get("Content-Type")).to.include("text/plain");
});`, []model.Assertion{
			{Kind: model.AssertHeaderPresent, Header: "Content-Type"},
			{Kind: model.AssertHeaderIncludes, Header: "Content-Type", Value: "text/plain"},
		},
	}, {
		"chained jsonBody with paths", `pm.test("items", function () {
    pm.response.to.have.jsonBody('info.schema', 'https://schema.getpostman.com/x.json')
        .and.to.have.jsonBody('item[0].name', 'A simple GET request')
        .and.to.have.jsonBody('headers.my-sample-header', true);
});`, []model.Assertion{
			equals(`"https://schema.getpostman.com/x.json"`, "info", "schema"),
			equals(`"A simple GET request"`, "item", "0", "name"),
			equals(`true`, "headers", "my-sample-header"),
		},
	}, {
		"jsonBody forms", `pm.test("no errors", function () {
    pm.response.to.have.jsonBody();
    pm.response.to.not.have.jsonBody('error');
    pm.response.to.have.jsonBody('folders', []);
});`, []model.Assertion{
			{Kind: model.AssertJSONBody},
			{Kind: model.AssertJSONAbsent, Path: []string{"error"}},
			equals(`[]`, "folders"),
		},
	}, {
		"property and type", `pm.test("collections", function () {
    pm.expect(pm.response.json()).to.have.property('collections').and.be.an('array');
});`, []model.Assertion{
			{Kind: model.AssertJSONPresent, Path: []string{"collections"}},
			{Kind: model.AssertJSONType, Path: []string{"collections"}, Value: "array"},
		},
	}, {
		"property on a path, then its value", `pm.test('args', function () {
    pm.expect(pm.response.json().args).to.have.property('source')
      .and.equal('newman-sample-github-collection')
})`, []model.Assertion{
			{Kind: model.AssertJSONPresent, Path: []string{"args", "source"}},
			equals(`"newman-sample-github-collection"`, "args", "source"),
		},
	}, {
		"alias declared before the block", `const jsonData = pm.response.json();
pm.test("name", function () {
    pm.expect(jsonData.data.name).to.be.equal('New API');
    pm.expect(jsonData["data"].tags[0]).to.equal(-1.5);
});`, []model.Assertion{equals(`"New API"`, "data", "name"), equals(`-1.5`, "data", "tags", "0")},
	}, {
		"destructuring inside the block", `pm.test("Request URL", function () {
    const {url, headers: {host}} =  pm.response.json();
    pm.expect(url).to.equal('https://postman-echo.com/get');
    pm.expect(host).to.equal("postman-echo.com");
});`, []model.Assertion{equals(`"https://postman-echo.com/get"`, "url"), equals(`"postman-echo.com"`, "headers", "host")},
	}, {
		"whole body eql with unquoted keys and comments", `pm.test("date", function () {
    pm.expect(pm.response.json()).to.eql({
        "years": 2016, // the year
        months: 9,
        'note': 'it\'s',
    });
});`, []model.Assertion{equals(`{"years":2016,"months":9,"note":"it's"}`)},
	}, {
		"property with a value, and not.property", `pm.test("p", () => {
    pm.expect(pm.response.json()).to.have.property('a', 1);
    pm.expect(pm.response.json()).to.not.have.property('b');
    pm.expect(pm.response.json()).to.have.nested.property('c.d[1]');
});`, []model.Assertion{
			equals("1", "a"),
			{Kind: model.AssertJSONAbsent, Path: []string{"b"}},
			{Kind: model.AssertJSONPresent, Path: []string{"c", "d", "1"}},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := ParseScript(tt.script)
			if len(blocks) != 1 {
				t.Fatalf("%d blocks, want 1", len(blocks))
			}
			if blocks[0].Refused != "" {
				t.Fatalf("refused: %s", blocks[0].Refused)
			}
			if diff := cmp.Diff(tt.want, blocks[0].Asserts); diff != "" {
				t.Errorf("assertions (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParseScriptRefused covers forms that are listed as skipped, with the
// reason the skip message gives.
func TestParseScriptRefused(t *testing.T) {
	tests := []struct {
		script, reason string
	}{
		{`pm.test('the "foo1" cookie has correct value', function () {
    pm.expect(pm.cookies.toObject()).to.have.property('foo1', 'bar1');
});`, "uses pm.cookies.toObject()"},
		{`pm.test("Response Body: raw", function () {
    var response = pm.response.text();
    pm.expect(response).to.contain('POSTMAN / HTTP/1.1');
});`, "uses pm.response.text()"},
		{`pm.test("ip", function () {
    pm.expect(pm.response.json().ip).to
        // a really gnarly regular expression
        .match(/^(?:[0-9]{1,3}\.){3}[0-9]{1,3}$/);
});`, "uses .match()"},
		{`pm.test("response time", function () {
    pm.expect(pm.response.responseTime).to.be.above(Number(_.get(pm.request, 'url.path[1]')));
});`, "uses pm.response.responseTime"},
		{`pm.test('body', function () {
    if (pm.response.code === 200) {
        pm.response.to.have.jsonBody('cookies.foo1', 'bar1');
    }
});`, "uses if"},
		{`pm.test.skip('"collection_uid" variable should be present', function () {
    pm.expect(pm.variables.get('collection_uid')).to.be.a('string');
});`, "is pm.test.skip in the collection"},
		{`if (err){ pm.test('❌ '+err, ()=>pm.expect.fail(err)); return; }`, "runs inside other script code (if)"},
		{`pm.test("keys", function () {
    pm.expect(pm.response.json()).to.have.property('collection').and.to.include.keys(['id', 'uid']);
});`, "uses .include"},
		{`pm.test("object by identity", () => { pm.expect(pm.response.json().a).to.equal({b: 1}); });`,
			"uses .equal() on an object (chai compares identity)"},
		{`pm.test("async", function (done) { done(); });`, "takes a done callback (it is asynchronous)"},
		{`pm.test("computed", function () { pm.response.to.have.jsonBody('status', Number(_.get(pm.request, 'url.path[1]'))); });`,
			"uses .jsonBody() with a value the script computes"},
		{`pm.test("not status", () => { pm.response.to.not.have.status(200); });`, "uses .not.status()"},
		{`pm.test("unclosed", function () { pm.response.to.have.status(200);`, "could not be read to its end"},
	}
	for _, tt := range tests {
		blocks := ParseScript(tt.script)
		if len(blocks) != 1 {
			t.Errorf("%q: %d blocks, want 1", tt.script, len(blocks))
			continue
		}
		if blocks[0].Refused != tt.reason {
			t.Errorf("%q:\nreason %q\nwant   %q", tt.script, blocks[0].Refused, tt.reason)
		}
		if blocks[0].Asserts != nil {
			t.Errorf("%q: a refused block keeps assertions %v", tt.script, blocks[0].Asserts)
		}
	}
}

// TestParseScriptBlocks checks titles, quoted scripts and that code between
// blocks does not leak into them.
func TestParseScriptBlocks(t *testing.T) {
	script := `var _ = require('lodash');
pm.test("one", function () { pm.response.to.have.status(200); }) // trailing comment
pm.test(` + "`two`" + `, () => pm.response.to.be.ok);
pm.environment.set("x", pm.response.json().id);
pm.test('three "quoted"', () => {});`
	blocks := ParseScript(script)
	var got [][2]string
	for _, b := range blocks {
		got = append(got, [2]string{b.Title, b.Script})
	}
	want := [][2]string{
		{"one", `pm.test("one", function () { pm.response.to.have.status(200); })`},
		{"two", "pm.test(`two`, () => pm.response.to.be.ok)"},
		{`three "quoted"`, `pm.test('three "quoted"', () => {})`},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
	if blocks[2].Refused != "checks nothing" {
		t.Errorf("empty block: refused %q", blocks[2].Refused)
	}
}

// TestHolds evaluates assertions on saved examples, the way the generated
// checkAssertions does on the client's result.
func TestHolds(t *testing.T) {
	ok := savedResponse{
		status: 200,
		header: []model.KeyValue{{Key: "Content-Type", Value: "application/json; charset=utf-8"}, {Key: "Set-Cookie", Value: "a=1"}, {Key: "set-cookie", Value: "b=2"}},
		body:   `{"id": 7, "ratio": 1.0, "tags": ["x"], "owner": null, "nested": {"a": [1, {"b": "c"}]}}`,
	}
	notJSON := savedResponse{status: 401, body: "Unauthorized"}
	tests := []struct {
		a    model.Assertion
		r    savedResponse
		want bool
		why  string
	}{
		{model.Assertion{Kind: model.AssertStatus, Statuses: []int{200, 201}}, ok, true, ""},
		{model.Assertion{Kind: model.AssertStatus, Statuses: []int{200}}, notJSON, false, "status is 401, want 200"},
		{model.Assertion{Kind: model.AssertStatusClass, Statuses: []int{4, 5}}, notJSON, true, ""},
		{model.Assertion{Kind: model.AssertStatusClass, Statuses: []int{2}}, notJSON, false, "status is 401, want 2xx"},
		{model.Assertion{Kind: model.AssertHeaderPresent, Header: "content-type"}, ok, true, ""},
		{model.Assertion{Kind: model.AssertHeaderPresent, Header: "Location"}, ok, false, "header Location is missing"},
		{model.Assertion{Kind: model.AssertHeaderEquals, Header: "Set-Cookie", Value: "b=2"}, ok, true, ""},
		{model.Assertion{Kind: model.AssertHeaderEquals, Header: "Content-Type", Value: "application/json"}, ok, false, `header Content-Type is not "application/json"`},
		{model.Assertion{Kind: model.AssertHeaderIncludes, Header: "Content-Type", Value: "application/json"}, ok, true, ""},
		{model.Assertion{Kind: model.AssertJSONBody}, ok, true, ""},
		{model.Assertion{Kind: model.AssertJSONBody}, notJSON, false, "the body is not JSON"},
		{model.Assertion{Kind: model.AssertJSONPresent, Path: []string{"nested", "a", "1", "b"}}, ok, true, ""},
		{model.Assertion{Kind: model.AssertJSONPresent, Path: []string{"nested", "a", "2"}}, ok, false, `"nested.a.2" is missing`},
		{model.Assertion{Kind: model.AssertJSONPresent, Path: []string{"owner"}}, ok, false, `"owner" is missing`},
		{model.Assertion{Kind: model.AssertJSONAbsent, Path: []string{"error"}}, ok, true, ""},
		{model.Assertion{Kind: model.AssertJSONAbsent, Path: []string{"error"}}, notJSON, true, ""},
		{model.Assertion{Kind: model.AssertJSONAbsent, Path: []string{"id"}}, ok, false, `"id" is present`},
		{model.Assertion{Kind: model.AssertJSONEquals, Path: []string{"ratio"}, Value: "1"}, ok, true, ""},
		{model.Assertion{Kind: model.AssertJSONEquals, Path: []string{"id"}, Value: `"7"`}, ok, false, `"id" is not "7"`},
		{model.Assertion{Kind: model.AssertJSONEquals, Path: []string{"nested"}, Value: `{"a":[1.0,{"b":"c"}]}`}, ok, true, ""},
		{model.Assertion{Kind: model.AssertJSONEquals, Value: `{"id":7,"ratio":1,"tags":["x"],"nested":{"a":[1,{"b":"c"}]}}`}, ok, true, ""},
		{model.Assertion{Kind: model.AssertJSONEquals, Path: []string{"id"}, Value: "7"}, notJSON, false, `"id" is missing`},
		{model.Assertion{Kind: model.AssertJSONType, Path: []string{"tags"}, Value: "array"}, ok, true, ""},
		{model.Assertion{Kind: model.AssertJSONType, Path: []string{"id"}, Value: "number"}, ok, true, ""},
		{model.Assertion{Kind: model.AssertJSONType, Path: []string{"id"}, Value: "string"}, ok, false, `"id" is not of type string`},
	}
	for _, tt := range tests {
		got, why := holds(tt.a, tt.r)
		if got != tt.want || why != tt.why {
			t.Errorf("holds(%+v) on status %d = %v, %q; want %v, %q", tt.a, tt.r.status, got, why, tt.want, tt.why)
		}
	}
}

func TestParseLodashPath(t *testing.T) {
	tests := map[string][]string{
		"args.foo1":                {"args", "foo1"},
		"item[0].name":             {"item", "0", "name"},
		"headers.my-sample-header": {"headers", "my-sample-header"},
		"a['b-c'].d":               {"a", "b-c", "d"},
		`[1]["x"]`:                 {"1", "x"},
		"":                         {""},
	}
	for in, want := range tests {
		if diff := cmp.Diff(want, parseLodashPath(in)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", in, diff)
		}
	}
}

func TestParseLiteral(t *testing.T) {
	tests := []struct {
		src, want string
		ok        bool
	}{
		{`'it\'s'`, `"it's"`, true},
		{`"<b>&"`, `"<b>&"`, true},
		{"`tmpl`", `"tmpl"`, true},
		{"`a${b}`", "", false},
		{`0x1F`, `31`, true},
		{`.5`, `0.5`, true},
		{`-0`, `0`, true},
		{`[1, 'a', null, true,]`, `[1,"a",null,true]`, true},
		{`{a: {"b": [false]}, 1: 2}`, `{"a":{"b":[false]},"1":2}`, true},
		{`{a}`, "", false},
		{`undefined`, "", false},
		{`1 + 1`, "", false},
	}
	for _, tt := range tests {
		toks, lexed := lexJS(tt.src)
		lit, ok := parseLiteral(toks)
		if !lexed || ok != tt.ok || ok && lit.json != tt.want {
			t.Errorf("%s: %q, %v; want %q, %v", tt.src, lit.json, ok, tt.want, tt.ok)
		}
	}
}
