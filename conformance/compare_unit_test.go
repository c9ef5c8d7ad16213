package conformance

import (
	"net/http"
	"strconv"
	"testing"
	"time"
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
			diffs := compareRequests(base(), b, nil)
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

// TestCompareDynamic: where the collection spells a value with a dynamic
// variable, two different values of the variable's form match, with the
// text around them as saved; a value of another form, the placeholder
// sent as written, or a difference elsewhere still fails.
func TestCompareDynamic(t *testing.T) {
	now := time.Now()
	ts := func(d time.Duration) string { return strconv.FormatInt(now.Add(d).Unix(), 10) }
	const g1, g2 = "0b7e2a7c-4a0d-4c4e-9a53-1f0c6a7d2e11", "73859d2f-2654-46c8-b7ad-2c1ee63657d8"
	col := map[string]any{
		"method": "POST",
		"header": []any{
			map[string]any{"key": "Idempotency-Key", "value": "{{$guid}}"},
			map[string]any{"key": "X-Trace", "value": "t-{{$randomInt}}"},
			map[string]any{"key": "X-Key", "value": "{{key}}"},
		},
		"url": map[string]any{"raw": "{{baseUrl}}/orders/{{$randomInt}}?sent_at={{$timestamp}}&fixed=1",
			"query": []any{map[string]any{"key": "sent_at", "value": "{{$timestamp}}"}, map[string]any{"key": "fixed", "value": "1"}}},
		"body": map[string]any{"mode": "raw", "raw": `{"ext": "EXT-{{$timestamp}}", "at": "{{$isoTimestamp}}", "id": "{{$randomUUID}}", "n": "fixed"}`},
	}
	s := savedOf(col, map[string]string{"baseUrl": "https://api.example.com/v1", "key": "k"})
	if s == nil {
		t.Fatal("savedOf found no dynamic variable")
	}
	iso := func(d time.Duration) string { return now.Add(d).UTC().Format("2006-01-02T15:04:05.000Z") }
	body := func(ext, at, id, n string) []byte {
		return []byte(`{"ext":"` + ext + `","at":"` + at + `","id":"` + id + `","n":"` + n + `"}`)
	}
	newman := func() *request {
		return &request{method: "POST", path: "/v1/orders/7", rawQuery: "sent_at=" + ts(0) + "&fixed=1",
			header: http.Header{"Idempotency-Key": {g1}, "X-Trace": {"t-12"}, "X-Key": {"k"}, "Content-Type": {"text/plain"}},
			body:   body("EXT-"+ts(0), iso(0), g1, "fixed")}
	}
	tests := []struct {
		name   string
		change func(r *request)
		want   string
	}{
		{"fresh values of each form", func(r *request) {
			r.path = "/v1/orders/998"
			r.rawQuery = "sent_at=" + ts(3*time.Second) + "&fixed=1"
			r.header.Set("Idempotency-Key", g2)
			r.header.Set("X-Trace", "t-1000")
			r.body = body("EXT-"+ts(2*time.Second), iso(time.Second), g2, "fixed")
		}, ""},
		{"header sent as written", func(r *request) { r.header.Set("Idempotency-Key", "{{$guid}}") }, "header Idempotency-Key"},
		{"header literal text lost", func(r *request) { r.header.Set("X-Trace", "12") }, "header X-Trace"},
		{"static header still exact", func(r *request) { r.header.Set("X-Key", "other") }, "header X-Key"},
		{"int out of range in path", func(r *request) { r.path = "/v1/orders/1001" }, "path"},
		{"static path still exact", func(r *request) { r.path = "/v2/orders/7" }, "path"},
		{"timestamp far from now", func(r *request) { r.rawQuery = "sent_at=1000000000&fixed=1" }, "query"},
		{"static query still exact", func(r *request) { r.rawQuery = "sent_at=" + ts(0) + "&fixed=2" }, "query"},
		{"JSON string of another form", func(r *request) { r.body = body("EXT-"+ts(0), iso(0), "not-a-uuid", "fixed") }, "body (JSON values differ)"},
		{"JSON literal prefix lost", func(r *request) { r.body = body(ts(0), iso(0), g1, "fixed") }, "body (JSON values differ)"},
		{"static JSON string still exact", func(r *request) { r.body = body("EXT-"+ts(0), iso(0), g1, "other") }, "body (JSON values differ)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newman()
			tt.change(b)
			var got []string
			for _, d := range compareRequests(newman(), b, s) {
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
	// Without the saved spelling, fresh values are differences.
	b := newman()
	b.header.Set("Idempotency-Key", g2)
	if len(compareRequests(newman(), b, nil)) == 0 {
		t.Error("different guids match without a saved spelling")
	}
}

// TestCompareDynamicBodies: form, multipart and text bodies compare
// dynamic fields by form, the others exactly.
func TestCompareDynamicBodies(t *testing.T) {
	const g1, g2 = "0b7e2a7c-4a0d-4c4e-9a53-1f0c6a7d2e11", "73859d2f-2654-46c8-b7ad-2c1ee63657d8"
	form := savedOf(map[string]any{"body": map[string]any{"mode": "urlencoded", "urlencoded": []any{
		map[string]any{"key": "id", "value": "{{$guid}}"}, map[string]any{"key": "a", "value": "1"}}}}, nil)
	ct := "application/x-www-form-urlencoded"
	if d := compareBodies(ct, []byte("id="+g1+"&a=1"), ct, []byte("id="+g2+"&a=1"), form); d != "" {
		t.Errorf("form with fresh guids: %s", d)
	}
	if d := compareBodies(ct, []byte("id="+g1+"&a=1"), ct, []byte("id="+g2+"&a=2"), form); d == "" {
		t.Error("form with a static field changed matches")
	}
	if d := compareBodies(ct, []byte("id="+g1+"&a=1"), ct, []byte("id=x&a=1"), form); d == "" {
		t.Error("form with a guid of the wrong form matches")
	}
	parts := []part{{disposition: "name=id", content: g1}, {disposition: "name=a", content: "1"}}
	other := []part{{disposition: "name=id", content: g2}, {disposition: "name=a", content: "1"}}
	if !sameParts(form.form, parts, other) {
		t.Error("multipart with fresh guids differs")
	}
	other[1].content = "2"
	if sameParts(form.form, parts, other) {
		t.Error("multipart with a static part changed matches")
	}
	text := savedOf(map[string]any{"body": map[string]any{"mode": "raw", "raw": "note {{$randomUUID}}"}}, nil)
	if d := compareBodies("text/plain", []byte("note "+g1), "text/plain", []byte("note "+g2), text); d != "" {
		t.Errorf("text with fresh UUIDs: %s", d)
	}
	if d := compareBodies("text/plain", []byte("note "+g1), "text/plain", []byte("memo "+g2), text); d == "" {
		t.Error("text with its literal part changed matches")
	}
	if savedOf(map[string]any{"url": "https://x/{{$randomCity}}"}, nil) != nil {
		t.Error("a name neither side defines makes the request dynamic")
	}
}

// TestSavedPathWithoutRaw: a URL object saved without raw gives its path
// from its parts, objects ({"value": ...}) included.
func TestSavedPathWithoutRaw(t *testing.T) {
	s := savedOf(map[string]any{"url": map[string]any{"host": []any{"{{baseUrl}}"},
		"path": []any{"orders", map[string]any{"type": "segment", "value": "o-{{$randomInt}}"}}}}, nil)
	if s == nil || !s.samePath("/v1/orders/o-5", "/v1/orders/o-77") {
		t.Errorf("fresh ints in a path part do not match: %+v", s)
	}
	if s.samePath("/v1/orders/o-5", "/v1/orders/x-77") {
		t.Error("a path part that lost its literal prefix matches")
	}
}
