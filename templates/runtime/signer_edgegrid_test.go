package pmruntime

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestEdgeGridVectors signs Akamai's published EdgeGrid test requests
// (their libraries' shared test data: fixed credentials, timestamp and
// nonce) and compares with the published signatures.
func TestEdgeGridVectors(t *testing.T) {
	const host = "https://akaa-baseurl-xxxxxxxxxxx-xxxxxxxxxxxxx.luna.akamaiapis.net"
	ts, err := time.Parse("20060102T15:04:05+0000", "20140321T19:34:21+0000")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &config{auth: authConfig{
		edgeGrid: &[3]string{"akab-client-token-xxx-xxxxxxxxxxxxxxxx", strings.Repeat("x", 43) + "=", "akab-access-token-xxx-xxxxxxxxxxxxxxxx"},
		now:      func() time.Time { return ts },
		nonce:    func() string { return "nonce-xx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" },
	}}
	tests := []struct {
		name, method, url, body string
		baseURL, want           string
	}{
		{"simple GET", "GET", host + "/", "", "", "tL+y4hxyHxgWVD30X3pWnGKHcPzmrIF+LThiAOhMxYU="},
		{"GET with query", "GET", host + "/testapi/v1/t1?p1=1&p2=2", "", "", "hKDH1UlnQySSHjvIcZpDMbQHihTQ0XyVAKZaApabdeA="},
		{"POST within the body limit", "POST", host + "/testapi/v1/t3", "datadatadatadatadatadatadatadata", "", "hXm4iCxtpN22m4cbZb4lVLW5rhX8Ca82vCFqXzSTPe4="},
		{"POST with an empty body", "POST", host + "/testapi/v1/t6", "", "", "1gEDxeQGD5GovIkJJGcBaKnZ+VaPtrc4qBUHixjsPCQ="},
		// Sent to a local address, signed for the baseURL's host: the
		// signature is the one the request to that host gets.
		{"baseURL host signed", "GET", "http://127.0.0.1:8080/", "", host, ""},
		{"baseURL without a scheme", "GET", "https://127.0.0.1:8080/", "", strings.TrimPrefix(host, "https://"), "tL+y4hxyHxgWVD30X3pWnGKHcPzmrIF+LThiAOhMxYU="},
	}
	for _, tt := range tests {
		req, err := http.NewRequest(tt.method, tt.url, strings.NewReader(tt.body))
		if err != nil {
			t.Fatal(err)
		}
		a := edgeGridAuth{maxBody: 2048, headers: []string{"X-Test1", "X-Test2", "X-Test3"}, baseURL: tt.baseURL}
		if err := a.sign(cfg, req, []byte(tt.body)); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got := req.Header.Get("Authorization")
		_, sig, _ := strings.Cut(got, ";signature=")
		switch {
		case tt.want != "" && sig != tt.want:
			t.Errorf("%s: signature %q, want %q", tt.name, sig, tt.want)
		case tt.want == "":
			// The scheme differs (http), so the signature must differ from
			// the https vector while covering the same host.
			if sig == "" || sig == "tL+y4hxyHxgWVD30X3pWnGKHcPzmrIF+LThiAOhMxYU=" {
				t.Errorf("%s: signature %q", tt.name, sig)
			}
			if h := a.signedHost(req); h != strings.TrimPrefix(host, "https://") {
				t.Errorf("%s: signed host %q", tt.name, h)
			}
		}
	}
}
