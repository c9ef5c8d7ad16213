package conformance

import (
	"net/http"
	"testing"
)

func TestNormPath(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"/a/%7Bid%7D", "/a/{id}", true},
		{"/a/477,484", "/a/477%2C484", true},
		{"/a%2fb", "/a/b", false},
		{"/a%2Fb", "/a%2fb", true},
		{"/a b", "/a%20b", true},
		{"/x", "/y", false},
	} {
		if got := normPath(tt.a) == normPath(tt.b); got != tt.same {
			t.Errorf("normPath(%q) == normPath(%q) is %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

func TestCompareRequests(t *testing.T) {
	base := func() *request {
		return &request{method: "POST", path: "/v1/users", rawQuery: "a=1&b",
			header: http.Header{"Content-Type": {"application/json"}, "X-Key": {"k"}, "User-Agent": {"newman"}},
			body:   []byte(`{"name": "x", "n": 1}`)}
	}
	tests := []struct {
		name   string
		change func(r *request)
		want   string // the field of the one difference, "" for none
	}{
		{"same meaning", func(r *request) {
			r.header = http.Header{"content-type": {"application/json"}, "x-key": {"k"}, "User-Agent": {"Go"}, "Accept-Encoding": {"gzip"}}
			r.body = []byte(`{"n":1,"name":"x"}`)
		}, ""},
		{"method", func(r *request) { r.method = "PUT" }, "method"},
		{"query order", func(r *request) { r.rawQuery = "b&a=1" }, "query"},
		{"bare key is not key=", func(r *request) { r.rawQuery = "a=1&b=" }, "query"},
		{"header dropped", func(r *request) { delete(r.header, "X-Key") }, "header X-Key"},
		{"empty header is not absent", func(r *request) { r.header["X-Empty"] = []string{""} }, "header X-Empty"},
		{"JSON value", func(r *request) { r.body = []byte(`{"name":"y","n":1}`) }, "body (JSON values differ)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := base()
			tt.change(b)
			diffs := compareRequests(base(), b)
			var got []string
			for _, d := range diffs {
				if d.field != "header Content-Length" {
					got = append(got, d.field)
				}
			}
			switch {
			case tt.want == "" && len(got) > 0:
				t.Errorf("differences %v, want none", got)
			case tt.want != "" && (len(got) != 1 || got[0] != tt.want):
				t.Errorf("differences %v, want [%s]", got, tt.want)
			}
		})
	}
}

func TestSameAuthorization(t *testing.T) {
	aws := func(date, sig string) string {
		return "AWS4-HMAC-SHA256 Credential=AK/" + date + "/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + sig
	}
	if !sameAuthorization(aws("20261125", "aa"), aws("20231114", "bb")) {
		t.Error("AWS signatures made at different times should compare equal")
	}
	if sameAuthorization(aws("20261125", "aa"), "AWS4-HMAC-SHA256 Credential=AK/20261125/eu-west-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=aa") {
		t.Error("AWS signatures for different regions compare equal")
	}
	if !sameAuthorization(`OAuth a="1", b="2"`, `OAuth b="2", a="1"`) {
		t.Error("OAuth parameters in another order should compare equal")
	}
	if sameAuthorization(`Bearer x`, `Bearer y`) {
		t.Error("different bearer tokens compare equal")
	}
}

func TestScriptScope(t *testing.T) {
	node := func(src string) map[string]any {
		return map[string]any{"event": []any{map[string]any{"listen": "prerequest", "script": map[string]any{"exec": []any{src}}}}}
	}
	s := scriptScope{}.with("the collection", node(`pm.environment.set("token", "x");`))
	if got := s.changes([]byte(`{"header":"Bearer {{token}}"}`)); got == "" {
		t.Error("a request using a variable the script sets is not script-dependent")
	}
	if got := s.changes([]byte(`{"header":"{{other}}"}`)); got != "" {
		t.Errorf("a request not using the variable is script-dependent: %s", got)
	}
	s = scriptScope{}.with("the request", node(`// only a comment`))
	if len(s) != 0 {
		t.Error("a comment-only script counts")
	}
	s = scriptScope{}.with("the collection", node(`pm.request.headers.upsert({key:"User-Agent",value:pm.variables.get("ua")})`))
	if len(s) != 0 {
		t.Error("a script setting only User-Agent, which is not compared, counts")
	}
	s = scriptScope{}.with("the request", node(`pm.request.headers.add({key: "a", value: "b"})`))
	if got := s.changes([]byte(`{}`)); got == "" {
		t.Error("a script editing pm.request does not make the request script-dependent")
	}
}
