package pmtest

import (
	"reflect"
	"testing"
)

// The parts the signing shapes are made of.
var (
	millis  = Part{Source: SourceMillis}
	seconds = Part{Source: SourceSeconds}
	method  = Part{Source: SourceMethod}
	query   = Part{Source: SourceQuery, Unresolved: true}
	body    = Part{Source: SourceBody, Unresolved: true}
)

func text(s string) Part { return Part{Text: s} }

func hmacOf(hash, key string, base64 bool, msg ...Part) Part {
	return Part{Source: SourceHMAC, HMAC: &HMAC{Hash: hash, Key: key, Base64: base64, Message: msg}}
}

func TestParsePreRequestComputed(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []Edit
	}{
		{"timestamps", `const a = Date.now(); const b = new Date().getTime().toString(); let c = Math.floor(Date.now() / 1000);
pm.environment.set("a", a); pm.variables.set("b", b); pm.variables.set("c", String(c)); pm.variables.set("d", (new Date()).valueOf())`,
			[]Edit{
				{Kind: SetVariable, Key: "a", Scope: ScopeEnvironment, Computed: []Part{millis}},
				{Kind: SetVariable, Key: "b", Scope: ScopeLocal, Computed: []Part{millis}},
				{Kind: SetVariable, Key: "c", Scope: ScopeLocal, Computed: []Part{seconds}},
				{Kind: SetVariable, Key: "d", Scope: ScopeLocal, Computed: []Part{millis}},
			}},
		{"binance: timestamp added, query signed, signature added", `const ts = Date.now();
pm.request.url.addQueryParams("timestamp=" + ts);
const sig = CryptoJS.HmacSHA256(pm.request.url.getQueryString(), pm.environment.get("apiSecret")).toString(CryptoJS.enc.Hex);
pm.request.url.addQueryParams([{key: "signature", value: sig}]);
pm.request.headers.upsert({key: "X-MBX-APIKEY", value: pm.environment.get("apiKey")});`,
			[]Edit{
				{Kind: AddQueryParam, Key: "timestamp", Computed: []Part{millis}},
				{Kind: AddQueryParam, Key: "signature", Computed: []Part{hmacOf("SHA256", "{{apiSecret}}", false, Part{Source: SourceQuery, Added: 1, Unresolved: true})}},
				{Kind: UpsertHeader, Key: "X-MBX-APIKEY", Value: "{{apiKey}}"},
			}},
		{"bybit: template literal, body resolved, base64 by stringify", "var secret = pm.variables.get('secret')\n" +
			"var payload = `${Date.now()}${pm.variables.get(\"key\")}5000${pm.variables.replaceIn(pm.request.body.raw)}`\n" +
			"var h = CryptoJS.HmacSHA512(payload, secret)\n" +
			"pm.request.headers.add({key: 'X-SIGN', value: CryptoJS.enc.Base64.stringify(h)})",
			[]Edit{{Kind: AddHeader, Key: "X-SIGN", Computed: []Part{hmacOf("SHA512", "{{secret}}", true,
				millis, text("{{key}}"), text("5000"), Part{Source: SourceBody})}}}},
		{"okx: method and query joined, default hex, header string set through a variable", `const m = pm.request.method + "?" + pm.request.url.query.toString();
pm.collectionVariables.set("sig", CryptoJS.HmacSHA1(m, "{{k}}") + "")`,
			[]Edit{{Kind: SetVariable, Key: "sig", Scope: ScopeCollection, Computed: []Part{hmacOf("SHA1", "{{k}}", false, method, text("?"), query), text("")}}}},
		{"query add of an object, body as string", `pm.request.url.query.add({key: "sig", value: CryptoJS.HmacSHA256(pm.request.body.toString(), pm.variables.get("s")).toString(CryptoJS.enc.Base64)})`,
			[]Edit{{Kind: AddQueryParam, Key: "sig", Computed: []Part{hmacOf("SHA256", "{{s}}", true, body)}}}},
		{"plain query add", `pm.request.addQueryParams("a=1")`, []Edit{{Kind: AddQueryParam, Key: "a", Value: "1"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ParsePreRequest(tc.src)
			if !got.Translated() {
				t.Fatalf("not translated: %q (%s; %s)", got.Unread, got.Kind, got.Reason)
			}
			for i := range got.Edits {
				got.Edits[i].Source = ""
			}
			if !reflect.DeepEqual(got.Edits, tc.want) {
				t.Errorf("edits\n got %+v\nwant %+v", got.Edits, tc.want)
			}
		})
	}
}

func TestParsePreRequestComputedRefused(t *testing.T) {
	for _, tc := range []struct {
		name, src, unread, reason string
	}{
		{"key in the script", `pm.variables.set("s", CryptoJS.HmacSHA256("m", "s3cret").toString())`,
			`pm.variables.set("s", CryptoJS.HmacSHA256("m", "s3cret").toString())`, "its HMAC's key is written in the script; pmgen keeps keys out of generated code, so read it from a variable"},
		{"other hash", `const h = CryptoJS.MD5(pm.request.body.raw).toString()`,
			`const h = CryptoJS.MD5(pm.request.body.raw).toString()`, "CryptoJS.MD5 is not translated (HmacSHA1, HmacSHA256 and HmacSHA512 are)"},
		{"other encoding", `const h = CryptoJS.HmacSHA256("m", pm.variables.get("k")).toString(CryptoJS.enc.Latin1)`,
			`const h = CryptoJS.HmacSHA256("m", pm.variables.get("k")).toString(CryptoJS.enc.Latin1)`, "its HMAC is encoded in a way pmgen does not translate (hex and base64 are)"},
		{"times added", `const t = Date.now() + 5000`, `const t = Date.now() + 5000`, "it adds numbers"},
		{"minutes", `const t = Math.floor(Date.now() / 60000)`, `const t = Math.floor(Date.now() / 60000)`, "it rounds a number other than the time in seconds"},
		{"message not read", `const h = CryptoJS.HmacSHA256(JSON.stringify(pm.request.body), pm.variables.get("k"))`,
			`const h = CryptoJS.HmacSHA256(JSON.stringify(pm.request.body), pm.variables.get("k"))`, "its HMAC's message is not read"},
		{"computed header name", "const n = Date.now()\npm.request.headers.add({key: n, value: 'x'})", `pm.request.headers.add({key: n, value: 'x'})`, ""},
		{"two params in one string", `pm.request.url.addQueryParams("a=" + Date.now() + "&b=1")`, `pm.request.url.addQueryParams("a=" + Date.now() + "&b=1")`, "it adds several query parameters in one string"},
		{"sorted query object", `const q = pm.request.url.query.toObject()`, `const q = pm.request.url.query.toObject()`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ParsePreRequest(tc.src)
			if got.Translated() {
				t.Fatalf("translated to %+v", got.Edits)
			}
			if r := []rune(tc.unread); len(r) > 80 {
				tc.unread = string(r[:77]) + "..."
			}
			if got.Unread != tc.unread || got.Reason != tc.reason {
				t.Errorf("unread %q (%q), want %q (%q)", got.Unread, got.Reason, tc.unread, tc.reason)
			}
			if got.Would == "" {
				t.Error("no would")
			}
		})
	}
}
