package pmtest

import (
	"reflect"
	"testing"
)

func TestParsePreRequestTranslated(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []Edit
	}{
		{"add header with comment", "// keep this header\npm.request.headers.add({key: \"X-User-Agent\", value: \"graphql-collection/v3.3.2\"})",
			[]Edit{{Kind: AddHeader, Key: "X-User-Agent", Value: "graphql-collection/v3.3.2"}}},
		{"upsert from a variable", `pm.request.headers.upsert({key:"User-Agent",value:pm.variables.get("versionUserAgent")})`,
			[]Edit{{Kind: UpsertHeader, Key: "User-Agent", Value: "{{versionUserAgent}}"}}},
		{"addHeader string form", `pm.request.addHeader("X-A: b c")`,
			[]Edit{{Kind: AddHeader, Key: "X-A", Value: "b c"}}},
		{"remove", `pm.request.headers.remove('X-Old'); pm.request.removeHeader("Y")`,
			[]Edit{{Kind: RemoveHeader, Key: "X-Old"}, {Kind: RemoveHeader, Key: "Y"}}},
		{"locals and shorthand", "const key = 'X-Id'\nconst value = pm.variables.replaceIn('{{$guid}}')\npm.request.headers.add({key, value})",
			[]Edit{{Kind: AddHeader, Key: "X-Id", Value: "{{$guid}}"}}},
		{"sets", `pm.environment.set('u', 'https://x'); pm.variables.set("one", 1); pm.collectionVariables.set("c", "a" + pm.globals.get("g")); postman.setEnvironmentVariable('Today',(new Date()).toISOString());`,
			[]Edit{
				{Kind: SetVariable, Key: "u", Value: "https://x", Scope: ScopeEnvironment},
				{Kind: SetVariable, Key: "one", Value: "1", Scope: ScopeLocal},
				{Kind: SetVariable, Key: "c", Value: "a{{g}}", Scope: ScopeCollection},
				{Kind: SetVariable, Key: "Today", Value: "{{$isoTimestamp}}", Scope: ScopeEnvironment},
			}},
		{"unsets", `pm.environment.unset('e'); postman.clearGlobalVariable("g")`,
			[]Edit{{Kind: UnsetVariable, Key: "e", Scope: ScopeEnvironment}, {Kind: UnsetVariable, Key: "g", Scope: ScopeGlobal}}},
		{"console is nothing", `console.log("foo", 1)`, nil},
		{"empty headers as written", `pm.request.forEachHeader(function (h) { if (!h.value) { pm.request.headers.remove(h.key); } });`,
			[]Edit{{Kind: RemoveEmptyHeaders}}},
		{"empty headers resolved", `pm.request.headers.each(h => { if (pm.variables.replaceIn(h.value) === '') pm.request.removeHeader(h.key) })`,
			[]Edit{{Kind: RemoveEmptyHeaders, Resolved: true}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ParsePreRequest(tc.src)
			if !got.Translated() {
				t.Fatalf("not translated: %q (%s)", got.Unread, got.Kind)
			}
			for i := range got.Edits {
				if got.Edits[i].Source == "" {
					t.Errorf("edit %d has no source", i)
				}
				got.Edits[i].Source = ""
			}
			if !reflect.DeepEqual(got.Edits, tc.want) {
				t.Errorf("edits\n got %+v\nwant %+v", got.Edits, tc.want)
			}
		})
	}
}

func TestParsePreRequestRefused(t *testing.T) {
	for _, tc := range []struct {
		name, src, unread, kind, would string
	}{
		{"send request", "const env = pm.environment.toObject({});\npm.sendRequest({url: 'x'}, (e, r) => pm.environment.set('bearer_token', r.json().t));",
			"pm.sendRequest({url: 'x'}, (e, r) => pm.environment.set('bearer_token', r.jso...", "pm.sendRequest()", "send a request of its own (pm.sendRequest) and set {{bearer_token}}"},
		{"condition", "pm.environment.set('a', 'b')\nif (x) { pm.environment.set('c', 'd') }",
			"if (x) { pm.environment.set('c', 'd') }", "if", "set {{a}}, {{c}}"},
		{"computed name", `pm.variables.set(name, "x")`, `pm.variables.set(name, "x")`, "pm.variables.set()", "run code pmgen does not translate"},
		{"numbers added", `pm.variables.set("n", 1 + 2 + "a")`, `pm.variables.set("n", 1 + 2 + "a")`, "pm.variables.set()", "set {{n}}"},
		{"console with a call", `console.log(pm.environment.set("a", "b"))`, `console.log(pm.environment.set("a", "b"))`, "console.log()", "set {{a}}"},
		{"unknown date", `postman.setEnvironmentVariable('NextWeek',(new Date().addDays(7)).toISOString());`,
			`postman.setEnvironmentVariable('NextWeek',(new Date().addDays(7)).toISOString())`, "postman.setEnvironmentVariable()", "set {{NextWeek}}"},
		{"disabled header", `pm.request.headers.add({key: "A", value: "b", disabled: true})`, `pm.request.headers.add({key: "A", value: "b", disabled: true})`, "pm.request.headers.add()", "edit the request"},
		{"unclosed", `pm.variables.set("a", "b`, "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ParsePreRequest(tc.src)
			if got.Translated() {
				t.Fatalf("translated to %+v", got.Edits)
			}
			if got.Edits != nil {
				t.Errorf("edits kept: %+v", got.Edits)
			}
			if tc.unread != "" && (got.Unread != tc.unread || got.Kind != tc.kind) {
				t.Errorf("unread %q (%s), want %q (%s)", got.Unread, got.Kind, tc.unread, tc.kind)
			}
			if tc.would != "" && got.Would != tc.would {
				t.Errorf("would %q, want %q", got.Would, tc.would)
			}
		})
	}
}

// TestParsePreRequestPrefixes reads every prefix of scripts of each shape
// translated: cut anywhere (an unclosed bracket, string or call), a
// script never panics, and one not translated keeps no edits and names
// its statement.
func TestParsePreRequestPrefixes(t *testing.T) {
	for _, src := range []string{
		"// c\npm.request.headers.add({key: \"X-A\", value: 'v-' + pm.variables.get(\"x\")})",
		`pm.request.forEachHeader(function (h) { if (!h.value) { pm.request.headers.remove(h.key); } });`,
		`pm.request.headers.each(h => { if (pm.variables.replaceIn(h.value) === '') pm.request.removeHeader(h.key) })`,
		"const key = 'K', value = (new Date()).toISOString()\npm.request.upsertHeader({key, value, disabled: false})",
		`postman.setEnvironmentVariable('a', 1); pm.globals.unset("b"); console.log("c")`,
		tokenScript,
		"const ts = Math.floor(Date.now() / 1000).toString()\npm.request.url.addQueryParams(\"ts=\" + ts)\n" +
			"const sig = CryptoJS.HmacSHA256(pm.request.url.getQueryString(), pm.environment.get('k')).toString(CryptoJS.enc.Hex)\n" +
			"pm.request.url.addQueryParams([{key: 'signature', value: sig}])",
		"const p = `${new Date().getTime()}${pm.request.method}${pm.variables.replaceIn(pm.request.body.raw)}`\n" +
			"pm.request.headers.upsert({key: 'X-Sign', value: CryptoJS.enc.Base64.stringify(CryptoJS.HmacSHA512(p, pm.variables.get('k')))})",
	} {
		for i := 0; i <= len(src); i++ {
			p := ParsePreRequest(src[:i])
			if !p.Translated() && (p.Edits != nil || p.Kind == "" || p.Would == "") {
				t.Errorf("prefix %q: untranslated but edits %v, kind %q, would %q", src[:i], p.Edits, p.Kind, p.Would)
			}
		}
		if p := ParsePreRequest(src); !p.Translated() {
			t.Errorf("%q is not translated: %s", src, p.Unread)
		}
	}
}
