package pmruntime

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// mockUsers is a small collection's examples: the cases of Postman's
// matching rules, one request each.
var mockUsers = []MockExample{
	{Op: "Users.List", Name: "All users", ID: "u-1", Status: 200, Body: `[{"id":1}]`, Method: "GET", Path: "/users",
		Header: [][2]string{{"Content-Type", "application/json"}, {"X-Total", "1"}}},
	{Op: "Users.List", Name: "Second page", ID: "u-2", Status: 200, Body: `[{"id":2}]`, Method: "GET", Path: "/users",
		Query: [][2]string{{"page", "2"}}},
	{Op: "Users.List", Name: "Server error", ID: "u-3", Status: 500, Body: `{"error":"boom"}`, Method: "GET", Path: "/users"},
	{Op: "Users.Get", Name: "Not found", ID: "g-1", Status: 404, Body: `{"error":"no user"}`, Method: "GET", Path: "/users/:id"},
	{Op: "Users.Get", Name: "Found", ID: "g-2", Status: 200, Body: `{"id":7}`, Method: "GET", Path: "/users/:id"},
	{Op: "Users.Me", Name: "Me", Status: 200, Body: `{"id":0}`, Method: "GET", Path: "/users/me"},
	{Op: "Users.Create", Name: "Created admin", Status: 201, Body: `{"role":"admin"}`, Method: "POST", Path: "/users",
		RequestBody: `{"name": "ada", "role": "admin"}`},
	{Op: "Users.Create", Name: "Created", Status: 201, Body: `{"role":"user"}`, Method: "POST", Path: "/users",
		RequestBody: `{"name": "bob"}`},
	{Op: "Realm.Sessions", Name: "Sessions", Status: 200, Body: `{}`, Method: "POST", Path: "/json{{realm}}/sessions",
		Query: [][2]string{{"_action", "refresh"}}, RequestHeader: [][2]string{{"Accept-API-Version", "resource=4.0"}}},
	{Op: "Realm.Logout", Name: "Logout", Status: 200, Body: `{"out":true}`, Method: "POST", Path: "/json{{realm}}/sessions",
		Query: [][2]string{{"_action", "logout"}}},
	{Op: "APIs.Get", Name: "API", Status: 200, Body: `{"api":1}`, Method: "GET", Path: "/apis/{{apiId}}"},
	{Op: "APIs.Version", Name: "Version", Status: 200, Body: `{"version":1}`, Method: "GET", Path: "/apis/{{apiId}}/versions/{{versionId}}"},
	{Op: "Search.Find", Name: "Found", Status: 200, Body: `[]`, Method: "GET", Path: "/search",
		Query: [][2]string{{"q", "<string>"}, {"limit", "{{limit}}"}}},
	{Op: "Search.Find", Name: "Bad query", Status: 400, Body: `{}`, Method: "GET", Path: "/search",
		Query: [][2]string{{"q", ""}}},
}

// mockDo sends one request to m and returns the response's status, body
// and the example it named.
func mockDo(t *testing.T, m *MockServer, method, target, body string, header ...string) (int, string, http.Header) {
	t.Helper()
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	m.ServeHTTP(w, r)
	data, _ := io.ReadAll(w.Result().Body)
	return w.Code, string(data), w.Result().Header
}

func TestMockMatching(t *testing.T) {
	cases := []struct {
		name, method, target, body string
		header                     []string
		status                     int
		want                       string // the body served
	}{
		{name: "2xx preferred over a 500 saved for the same request", method: "GET", target: "/users", status: 200, want: `[{"id":1}]`},
		{name: "query parameters rank the examples", method: "GET", target: "/users?page=2", status: 200, want: `[{"id":2}]`},
		{name: "an unsaved query value falls back to the closest", method: "GET", target: "/users?page=9", status: 200, want: `[{"id":1}]`},
		{name: "trailing slash", method: "GET", target: "/users/", status: 200, want: `[{"id":1}]`},
		{name: "path case", method: "GET", target: "/USERS", status: 200, want: `[{"id":1}]`},
		{name: "path variable is a wildcard", method: "GET", target: "/users/42", status: 200, want: `{"id":7}`},
		{name: "a literal path beats a path variable", method: "GET", target: "/users/me", status: 200, want: `{"id":0}`},
		{name: "x-mock-response-code", method: "GET", target: "/users", header: []string{"X-Mock-Response-Code", "500"}, status: 500, want: `{"error":"boom"}`},
		{name: "x-mock-response-code picks a non-2xx of a path variable", method: "GET", target: "/users/42", header: []string{"x-mock-response-code", "404"}, status: 404, want: `{"error":"no user"}`},
		{name: "x-mock-response-name", method: "GET", target: "/users", header: []string{"X-Mock-Response-Name", "Server error"}, status: 500, want: `{"error":"boom"}`},
		{name: "x-mock-response-id", method: "GET", target: "/users/1", header: []string{"X-Mock-Response-Id", "g-1"}, status: 404, want: `{"error":"no user"}`},
		{name: "body not matched without the header", method: "POST", target: "/users", body: `{"name":"bob"}`, status: 201, want: `{"role":"admin"}`},
		{name: "body matched with the header", method: "POST", target: "/users", body: `{"name":"bob"}`, header: []string{"X-Mock-Match-Request-Body", "true"}, status: 201, want: `{"role":"user"}`},
		{name: "body matched as JSON", method: "POST", target: "/users", body: `{"role":"admin","name":"ada"}`, header: []string{"x-mock-match-request-body", "true"}, status: 201, want: `{"role":"admin"}`},
		{name: "{{var}} spans segments", method: "POST", target: "/json/realms/root/realms/alpha/sessions?_action=logout", status: 200, want: `{"out":true}`},
		{name: "a {{var}} segment is one segment", method: "GET", target: "/apis/a/versions/b", status: 200, want: `{"version":1}`},
		{name: "placeholders and variables match any query value", method: "GET", target: "/search?q=go&limit=5", status: 200, want: `[]`},
		{name: "an exact query beats one with a missing parameter, whatever the status", method: "GET", target: "/search?q=", status: 400, want: `{}`},
		{name: "query picks among requests to one URL", method: "POST", target: "/json/realms/root/sessions?_action=refresh", status: 200, want: `{}`},
	}
	m := newMockServer(mockUsers, nil)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, body, _ := mockDo(t, m, tc.method, tc.target, tc.body, tc.header...)
			if status != tc.status || body != tc.want {
				t.Errorf("got %d %s, want %d %s", status, body, tc.status, tc.want)
			}
		})
	}
}

func TestMockServesHeaders(t *testing.T) {
	m := newMockServer(mockUsers, nil)
	_, _, h := mockDo(t, m, "GET", "/users", "")
	if h.Get("X-Total") != "1" || h.Get("Content-Type") != "application/json" {
		t.Errorf("headers = %v, want the saved X-Total and Content-Type", h)
	}
}

func TestMockNoMatch(t *testing.T) {
	cases := []struct {
		name, method, target, body string
		header                     []string
		first                      string // the closest candidate's example
		reason                     string // one of its reasons
	}{
		{name: "unknown path", method: "GET", target: "/userz", first: "All users", reason: "path /userz does not match /users"},
		{name: "wrong method", method: "DELETE", target: "/users/me", first: "Me", reason: "method is DELETE, the example's request is GET"},
		{name: "no such code", method: "GET", target: "/users", header: []string{"X-Mock-Response-Code", "418"}, first: "All users", reason: "status is 200, X-Mock-Response-Code asks for 418"},
		{name: "no such name", method: "GET", target: "/users", header: []string{"X-Mock-Response-Name", "Nope"}, first: "All users", reason: `name is "All users", X-Mock-Response-Name asks for "Nope"`},
		{name: "no such body", method: "POST", target: "/users", body: `{"name":"eve"}`, header: []string{"X-Mock-Match-Request-Body", "true"}, first: "Created admin", reason: "the request body differs from the saved one"},
	}
	m := newMockServer(mockUsers, nil)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, body, _ := mockDo(t, m, tc.method, tc.target, tc.body, tc.header...)
			if status != 404 {
				t.Fatalf("status = %d, want 404", status)
			}
			var got struct {
				Error      string
				Candidates []mockCandidate
			}
			if err := json.Unmarshal([]byte(body), &got); err != nil {
				t.Fatal(err)
			}
			if len(got.Candidates) == 0 || len(got.Candidates) > 3 {
				t.Fatalf("candidates = %+v, want 1 to 3", got.Candidates)
			}
			c := got.Candidates[0]
			if c.Example != tc.first || !strings.Contains(strings.Join(c.Reasons, "\n"), tc.reason) {
				t.Errorf("closest = %+v, want %q because %q", c, tc.first, tc.reason)
			}
		})
	}
}

func TestMockRespond(t *testing.T) {
	list := MockOp[[]byte]{"Users.List"}
	create := MockOp[struct{ Name string }]{"Users.Create"}
	m := newMockServer(mockUsers, nil)

	m.Respond(list, 500)
	if status, body, _ := mockDo(t, m, "GET", "/users?page=2", ""); status != 500 || body != `{"error":"boom"}` {
		t.Errorf("Respond(500): got %d %s", status, body)
	}
	m.RespondExample(list, "Second page")
	if status, body, _ := mockDo(t, m, "GET", "/users", ""); status != 200 || body != `[{"id":2}]` {
		t.Errorf("RespondExample: got %d %s", status, body)
	}
	m.Respond(list, 503)
	if status, body, _ := mockDo(t, m, "GET", "/users", ""); status != 503 || body != "" {
		t.Errorf("Respond(503) with no such example: got %d %q", status, body)
	}
	m.RespondWith(create, 409, map[string]string{"error": "taken"})
	status, body, h := mockDo(t, m, "POST", "/users", `{"Name":"ada"}`)
	if status != 409 || body != `{"error":"taken"}` || h.Get("Content-Type") != "application/json" {
		t.Errorf("RespondWith: got %d %s %v", status, body, h)
	}

	calls, err := MockCalls(m, create)
	if err != nil || len(calls) != 1 || calls[0].Value.Name != "ada" || calls[0].Status != 409 {
		t.Errorf("MockCalls = %+v, %v; want one call with Name ada", calls, err)
	}
	raw, err := MockCalls(m, list)
	if err != nil || len(raw) != 3 || string(raw[0].Value) != "" || raw[1].Example != "Second page" {
		t.Errorf("MockCalls(list) = %+v, %v", raw, err)
	}

	m.Reset()
	if status, _, _ := mockDo(t, m, "GET", "/users", ""); status != 200 {
		t.Errorf("after Reset: status %d, want 200", status)
	}
	if n := len(m.Requests()); n != 1 {
		t.Errorf("after Reset: %d requests, want 1", n)
	}
}

// TestMockConcurrent serves and steers from many goroutines at once; run
// with -race it shows the server needs no other locking.
func TestMockConcurrent(t *testing.T) {
	var logged sync.Map
	m := newMockServer(mockUsers, []MockOption{MockOnRequest(func(r MockRequest) { logged.Store(r.RawQuery, r.Example) })})
	srv := httptest.NewServer(m)
	defer srv.Close()
	list := MockOp[[]byte]{"Users.List"}
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%5 == 0 {
				m.Respond(list, 200)
			}
			resp, err := http.Get(fmt.Sprintf("%s/users?n=%d", srv.URL, i))
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			m.Requests()
		}()
	}
	wg.Wait()
	if n := len(m.Requests()); n != 20 {
		t.Errorf("%d requests recorded, want 20", n)
	}
	if ex, _ := logged.Load("n=3"); ex != "All users" {
		t.Errorf("logged example for n=3 = %v, want All users", ex)
	}
}
