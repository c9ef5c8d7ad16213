package dynamicvalues

// These tests are written by hand, not generated: the compile-and-run test
// of the golden cases copies them beside the generated package of the
// "dynamic-values" case. They call each method twice against a live
// httptest server and check that every {{$name}} the collection saved was
// sent as a fresh value of its form, in a JSON body's strings, a text
// body, GraphQL variables and query, a header, a query and a path.

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// savedNames are Postman's dynamic variables that pmgen produces, in the
// order the collection's "values" object spells them.
var savedNames = []string{"guid", "randomUUID", "timestamp", "isoTimestamp",
	"randomInt", "randomBoolean", "randomAlphaNumeric",
	"randomColor", "randomHexColor", "randomIP", "randomIPV6", "randomMACAddress",
	"randomPassword", "randomFirstName", "randomLastName", "randomFullName",
	"randomUserName", "randomEmail", "randomExampleEmail", "randomWord", "randomLoremWord",
	"randomCountryCode", "randomCurrencyCode", "randomLatitude", "randomLongitude",
	"randomPrice", "randomSemver", "randomProtocol", "randomDomainName", "randomUrl",
	"randomFileName", "randomMimeType", "randomLocale"}

// sent is one request the server received.
type sent struct {
	path, query string
	header      http.Header
	body        []byte
}

// capture starts a server that records every request and answers 200 {}.
func capture(t *testing.T) (*httptest.Server, func() []sent) {
	var mu sync.Mutex
	var got []sent
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, sent{r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Clone(), data})
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, "{}")
	}))
	t.Cleanup(srv.Close)
	return srv, func() []sent {
		mu.Lock()
		defer mu.Unlock()
		return append([]sent(nil), got...)
	}
}

// formOf is the form a value of name must have, anchored.
func formOf(t *testing.T, name string) *regexp.Regexp {
	t.Helper()
	form, ok := dynamicForms[name]
	if !ok {
		t.Fatalf("no form for {{$%s}}", name)
	}
	return regexp.MustCompile("^(?:" + form + ")$")
}

// checkValue checks one value sent for {{$name}}: its form, and for those
// with a meaning beyond their form, the meaning (a time near now, a
// number in range).
func checkValue(t *testing.T, where, name, v string) {
	t.Helper()
	if strings.Contains(v, "{{") {
		t.Errorf("%s: {{$%s}} was sent as written: %q", where, name, v)
		return
	}
	if !formOf(t, name).MatchString(v) {
		t.Errorf("%s: {{$%s}} = %q, not of its form %s", where, name, v, dynamicForms[name])
		return
	}
	near := func(at time.Time) {
		if d := time.Since(at); d < -5*time.Second || d > time.Minute {
			t.Errorf("%s: {{$%s}} = %q is not near now", where, name, v)
		}
	}
	number := func(lo, hi float64) {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < lo || f > hi {
			t.Errorf("%s: {{$%s}} = %q is not a number in [%v, %v]", where, name, v, lo, hi)
		}
	}
	switch name {
	case "timestamp":
		n, _ := strconv.ParseInt(v, 10, 64)
		near(time.Unix(n, 0))
	case "isoTimestamp":
		at, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			t.Errorf("%s: {{$isoTimestamp}} = %q: %v", where, v, err)
		}
		near(at)
	case "randomInt":
		number(0, 1000)
	case "randomLatitude":
		number(-90, 90)
	case "randomLongitude":
		number(-180, 180)
	case "randomPrice":
		number(0, 1000)
	}
}

// savedOrder is the collection's saved body of "Create order", which the
// caller sends as it is.
func savedOrder(t *testing.T) *CreateOrderRequest {
	values := map[string]string{}
	for _, n := range savedNames {
		values[n] = "{{$" + n + "}}"
	}
	data, _ := json.Marshal(map[string]any{
		"external_id": "EXT-{{$timestamp}}", "idempotency_key": "{{$randomUUID}}",
		"label": "order {{$randomInt}} of {{$randomInt}}", "values": values,
		"tags": []string{"{{$randomWord}}", "fixed"}, "count": 3,
	})
	var body CreateOrderRequest
	if err := json.Unmarshal(data, &body); err != nil {
		t.Fatal(err)
	}
	return &body
}

// TestDynamicJSONBodyFreshPerCall: every dynamic variable inside the JSON
// body's strings, and in the header and query, is replaced by a value of
// its form, the text around it kept, and the high-entropy ones differ
// between two calls.
func TestDynamicJSONBodyFreshPerCall(t *testing.T) {
	srv, got := capture(t)
	c := newTestClient(t, srv.URL)
	for range 2 {
		if _, _, err := c.CreateOrder(context.Background(), nil, savedOrder(t)); err != nil {
			t.Fatal(err)
		}
	}
	reqs := got()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	type decoded struct {
		ExternalID     string `json:"external_id"`
		IdempotencyKey string `json:"idempotency_key"`
		Label          string
		Values         map[string]string
		Tags           []string
		Count          int
	}
	var calls [2]decoded
	for i, r := range reqs {
		where := "call " + strconv.Itoa(i+1)
		if err := json.Unmarshal(r.body, &calls[i]); err != nil {
			t.Fatalf("%s: the body is not JSON: %v\n%s", where, err, r.body)
		}
		d := calls[i]
		if len(d.Values) != len(savedNames) {
			t.Errorf("%s: %d values, want %d", where, len(d.Values), len(savedNames))
		}
		for _, n := range savedNames {
			checkValue(t, where+" values."+n, n, d.Values[n])
		}
		ts, ok := strings.CutPrefix(d.ExternalID, "EXT-")
		if !ok {
			t.Errorf("%s: external_id = %q lost its literal prefix", where, d.ExternalID)
		}
		checkValue(t, where+" external_id", "timestamp", ts)
		checkValue(t, where+" idempotency_key", "randomUUID", d.IdempotencyKey)
		if m := regexp.MustCompile(`^order (\S+) of (\S+)$`).FindStringSubmatch(d.Label); m == nil {
			t.Errorf("%s: label = %q lost its literal text", where, d.Label)
		} else {
			checkValue(t, where+" label", "randomInt", m[1])
			checkValue(t, where+" label", "randomInt", m[2])
		}
		if len(d.Tags) != 2 || d.Tags[1] != "fixed" || d.Count != 3 {
			t.Errorf("%s: tags %q, count %d; want [word fixed] and 3", where, d.Tags, d.Count)
		} else {
			checkValue(t, where+" tags[0]", "randomWord", d.Tags[0])
		}
		checkValue(t, where+" header Idempotency-Key", "guid", r.header.Get("Idempotency-Key"))
		sentAt, _ := strings.CutPrefix(r.query, "sent_at=")
		checkValue(t, where+" query sent_at", "timestamp", sentAt)
	}
	for _, n := range []string{"guid", "randomUUID", "randomPassword", "randomIPV6"} {
		if calls[0].Values[n] == calls[1].Values[n] {
			t.Errorf("{{$%s}} repeated itself across calls: %q", n, calls[0].Values[n])
		}
	}
	if calls[0].IdempotencyKey == calls[1].IdempotencyKey {
		t.Errorf("idempotency_key repeated itself: %q", calls[0].IdempotencyKey)
	}
	if reqs[0].header.Get("Idempotency-Key") == reqs[1].header.Get("Idempotency-Key") {
		t.Error("the Idempotency-Key header repeated itself")
	}
}

// TestDynamicElsewhereFreshPerCall: a text body, a GraphQL document and
// its variables, and a path segment get fresh values too.
func TestDynamicElsewhereFreshPerCall(t *testing.T) {
	srv, got := capture(t)
	c := newTestClient(t, srv.URL)
	ctx := context.Background()
	for range 2 {
		if _, err := c.SendNote(ctx, "note {{$randomUUID}} sent at {{$isoTimestamp}}"); err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.TagItem(ctx, &TagItemVariables{ID: "{{$guid}}", Tag: "t-{{$randomAlphaNumeric}}"}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.OpenSession(ctx); err != nil {
			t.Fatal(err)
		}
	}
	reqs := got()
	if len(reqs) != 6 {
		t.Fatalf("%d requests, want 6", len(reqs))
	}
	var seen [3][]string
	for i, r := range reqs {
		where := "request " + strconv.Itoa(i+1)
		switch i % 3 {
		case 0:
			m := regexp.MustCompile(`^note (\S+) sent at (\S+)$`).FindStringSubmatch(string(r.body))
			if m == nil {
				t.Errorf("%s: text body %q lost its literal text", where, r.body)
				continue
			}
			checkValue(t, where+" text body", "randomUUID", m[1])
			checkValue(t, where+" text body", "isoTimestamp", m[2])
			seen[0] = append(seen[0], m[1])
		case 1:
			var doc struct {
				Query     string
				Variables struct{ ID, Tag string }
			}
			if err := json.Unmarshal(r.body, &doc); err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			m := regexp.MustCompile(`at: "(\d+)"`).FindStringSubmatch(doc.Query)
			if m == nil {
				t.Errorf("%s: the GraphQL query kept no timestamp: %s", where, doc.Query)
			} else {
				checkValue(t, where+" GraphQL query", "timestamp", m[1])
			}
			checkValue(t, where+" variables.id", "guid", doc.Variables.ID)
			tag, ok := strings.CutPrefix(doc.Variables.Tag, "t-")
			if !ok {
				t.Errorf("%s: variables.tag = %q lost its prefix", where, doc.Variables.Tag)
			}
			checkValue(t, where+" variables.tag", "randomAlphaNumeric", tag)
			seen[1] = append(seen[1], doc.Variables.ID)
		case 2:
			id, ok := strings.CutPrefix(r.path, "/sessions/s-")
			if !ok {
				t.Errorf("%s: path %q", where, r.path)
				continue
			}
			checkValue(t, where+" path", "randomUUID", id)
			seen[2] = append(seen[2], id)
		}
	}
	for i, s := range seen {
		if len(s) == 2 && s[0] == s[1] {
			t.Errorf("method %d sent the same value twice: %q", i+1, s[0])
		}
	}
}

// TestDynamicFormFieldsFreshPerCall: form fields left to their defaults
// send a fresh value of their form on every call, urlencoded and
// multipart alike.
func TestDynamicFormFieldsFreshPerCall(t *testing.T) {
	srv, got := capture(t)
	c := newTestClient(t, srv.URL)
	ctx := context.Background()
	for range 2 {
		if _, err := c.SubmitForm(ctx, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := c.UploadForm(ctx, nil); err != nil {
			t.Fatal(err)
		}
	}
	reqs := got()
	if len(reqs) != 4 {
		t.Fatalf("%d requests, want 4", len(reqs))
	}
	var nonces [2][]string
	for i, r := range reqs {
		where := "request " + strconv.Itoa(i+1)
		req, _ := http.NewRequest("POST", "/", strings.NewReader(string(r.body)))
		req.Header = r.header
		if i%2 == 0 {
			if err := req.ParseForm(); err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			checkValue(t, where+" nonce", "randomUUID", req.PostForm.Get("nonce"))
			checkValue(t, where+" who", "randomFullName", req.PostForm.Get("who"))
			if req.PostForm.Get("kind") != "plain" {
				t.Errorf("%s: kind = %q", where, req.PostForm.Get("kind"))
			}
			nonces[0] = append(nonces[0], req.PostForm.Get("nonce"))
			continue
		}
		if err := req.ParseMultipartForm(1 << 20); err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		nonce, ok := strings.CutPrefix(req.FormValue("nonce"), "n-")
		if !ok {
			t.Errorf("%s: nonce = %q lost its prefix", where, req.FormValue("nonce"))
		}
		checkValue(t, where+" nonce", "guid", nonce)
		nonces[1] = append(nonces[1], nonce)
	}
	for i, n := range nonces {
		if len(n) == 2 && n[0] == n[1] {
			t.Errorf("form %d sent the same nonce twice: %q", i+1, n[0])
		}
	}
}
