package pmruntime

import (
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"hash"
	"reflect"
	"testing"
	"time"
)

// TestScriptHMACVectors checks the HMACs against RFC 4231's test case 2
// (SHA-256, SHA-512) and RFC 2202's (SHA-1), in hex and base64.
func TestScriptHMACVectors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		hash   func() hash.Hash
		base64 bool
		want   string
	}{
		{"sha256", sha256.New, false, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
		{"sha256-base64", sha256.New, true, "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM="},
		{"sha512", sha512.New, false, "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"},
		{"sha1", sha1.New, false, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &request{method: "GET", url: "https://x"}
			got := r.scriptValue(time.Time{}, 0, []scriptPart{{from: scriptSignature, hmac: &scriptHMAC{
				hash: tc.hash, key: "Jefe", base64: tc.base64,
				message: []scriptPart{{text: "what do ya "}, {text: "want for nothing?"}},
			}}})
			if got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

// TestRunScript signs the clock, the method and the query as encoded
// (a space as %20), sets the header in place of the saved one and
// appends the query parameter after the signed query.
func TestRunScript(t *testing.T) {
	r := &request{method: "GET", url: "https://api.example.com/v1/orders"}
	r.addQuery("a", "1")
	r.addQuery("b", "x y")
	r.addHeader("x-signature", "saved")
	r.addHeader("X-Keep", "1")
	now := time.UnixMilli(1700000000123)
	sig := []scriptPart{{from: scriptSignature, hmac: &scriptHMAC{hash: sha256.New, key: "test-secret",
		message: []scriptPart{{from: scriptMillis}, {from: scriptMethod}, {from: scriptQuery}}}}}
	r.runScript(now, []scriptOutput{
		{key: "X-Timestamp", value: []scriptPart{{from: scriptMillis}}},
		{key: "X-Signature", value: sig},
		{query: true, key: "signature", value: sig},
		{query: true, key: "ts", value: []scriptPart{{from: scriptSeconds}}},
		// The query as it stands after the script's first two additions.
		{key: "X-Query", value: []scriptPart{{from: scriptQuery, added: 2}}},
	})
	const want = "60c24e0b3c94ac1a6951795b027038eb1965a1d795934692107e200f9c829f8b"
	wantHeader := [][2]string{{"X-Keep", "1"}, {"X-Timestamp", "1700000000123"}, {"X-Signature", want}, {"X-Query", "a=1&b=x%20y&signature=" + want + "&ts=1700000000"}}
	if !reflect.DeepEqual(r.header, wantHeader) {
		t.Errorf("headers %q, want %q", r.header, wantHeader)
	}
	if got := encodeQuery(r.url, r.query, r.verbatim); got != "https://api.example.com/v1/orders?a=1&b=x%20y&signature="+want+"&ts=1700000000" {
		t.Errorf("URL %s", got)
	}
}

// TestRunScriptBody signs the body as sent.
func TestRunScriptBody(t *testing.T) {
	r := &request{method: "POST", url: "https://x", body: []byte(`{"a":1}`)}
	r.runScript(time.Time{}, []scriptOutput{{key: "X-Body", value: []scriptPart{{text: "<"}, {from: scriptBody}, {text: ">"}}}})
	if want := [][2]string{{"X-Body", `<{"a":1}>`}}; !reflect.DeepEqual(r.header, want) {
		t.Errorf("headers %q, want %q", r.header, want)
	}
}

// TestScriptTime uses the hook when it is set.
func TestScriptTime(t *testing.T) {
	fixed := time.Unix(42, 0)
	c := &config{scriptNow: func() time.Time { return fixed }}
	if got := c.scriptTime(); !got.Equal(fixed) {
		t.Errorf("scriptTime %v, want %v", got, fixed)
	}
	if got := (&config{}).scriptTime(); got.IsZero() {
		t.Error("scriptTime without a hook is zero")
	}
}
