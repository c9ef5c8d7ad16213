package pmruntime

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
)

// MockServer is an http.Handler that answers requests with the
// collection's saved examples, matched the way Postman's mock servers
// match them. Start it with httptest.NewServer(mock) and point a client
// at it with WithBaseURL. It is safe for concurrent use: a test may steer
// it and read what it received while requests are served.
type MockServer struct {
	table *mockTable
	// byOp are the examples of each method, in saved order, for Respond.
	byOp      map[string][]*MockExample
	onRequest func(MockRequest)
	forget    bool
	// only, set by a generated package's own tests, answers every request
	// with that example, whatever it matches: each test row checks how the
	// client handles one example, and what it sent.
	only *MockExample

	mu       sync.Mutex
	forced   map[string]mockForced
	received []MockRequest
}

// MockOp names a method of the client for MockServer.Respond and
// MockCalls; Body is the type of its request body ([]byte when the body
// is not JSON or there is none). Each method has one, named Op and its
// service and method (OpSessionsRefreshUsersSession), so that a misspelt
// method does not compile.
type MockOp[Body any] struct{ name string }

// String is the method's name: "Sessions.RefreshUsersSession".
func (o MockOp[Body]) String() string { return o.name }

func (o MockOp[Body]) mockOp() string { return o.name }

// MockOperation is any MockOp, whatever its body type.
type MockOperation interface {
	mockOp() string
}

// MockOption configures a MockServer.
type MockOption func(*MockServer)

// MockOnRequest calls fn with every request the mock serves, after it has
// answered, from the goroutine that served it.
func MockOnRequest(fn func(MockRequest)) MockOption {
	return func(m *MockServer) { m.onRequest = fn }
}

// MockForget keeps no record of the requests served, for a server that
// runs for long: Requests and MockCalls then return none.
func MockForget() MockOption {
	return func(m *MockServer) { m.forget = true }
}

// MockRequest is a request the mock received and what it answered.
type MockRequest struct {
	// Op and Example name the method and example that answered; both are
	// empty when none matched and the mock answered 404. Example is empty
	// too for a response set with RespondWith, or a status set with
	// Respond that no example has.
	Op, Example string
	Status      int
	Method      string
	Path        string
	RawQuery    string
	// RequestURI is the request-target as sent, undecoded.
	RequestURI string
	Header     http.Header
	Body       []byte
}

// MockCall is a request a method sent to the mock, with its body decoded
// into the method's body type.
type MockCall[Body any] struct {
	MockRequest
	Value Body
}

// mockForced is what a test asked a method to answer with.
type mockForced struct {
	status  int
	example string
	value   any
	set     bool // value was given, even nil
}

// newMockServer compiles the examples once.
func newMockServer(examples []MockExample, opts []MockOption) *MockServer {
	m := &MockServer{table: newMockTable(examples), byOp: map[string][]*MockExample{}, forced: map[string]mockForced{}}
	for i := range examples {
		ex := &examples[i]
		m.byOp[ex.Op] = append(m.byOp[ex.Op], ex)
	}
	for _, opt := range opts {
		opt(m)
	}
	return m
}

// Respond makes op answer with its example of the given status from now
// on, whatever the request; a status no example has is answered with an
// empty body.
func (m *MockServer) Respond(op MockOperation, status int) {
	m.force(op, mockForced{status: status})
}

// RespondExample makes op answer with its example of that name.
func (m *MockServer) RespondExample(op MockOperation, name string) {
	m.force(op, mockForced{example: name})
}

// RespondWith makes op answer with status and value as its JSON body; a
// []byte or string value is sent as it is.
func (m *MockServer) RespondWith(op MockOperation, status int, value any) {
	m.force(op, mockForced{status: status, value: value, set: true})
}

func (m *MockServer) force(op MockOperation, f mockForced) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.forced[op.mockOp()] = f
}

// Reset forgets what Respond, RespondExample and RespondWith set and the
// requests received.
func (m *MockServer) Reset() {
	m.mu.Lock()
	defer m.mu.Unlock()
	clear(m.forced)
	m.received = nil
}

// Requests returns every request received so far, in order.
func (m *MockServer) Requests() []MockRequest {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]MockRequest(nil), m.received...)
}

// MockCalls returns the requests op received, in order, each with its
// body decoded into the method's body type.
func MockCalls[Body any](m *MockServer, op MockOp[Body]) ([]MockCall[Body], error) {
	var out []MockCall[Body]
	for _, r := range m.Requests() {
		if r.Op != op.name {
			continue
		}
		c := MockCall[Body]{MockRequest: r}
		if raw, ok := any(&c.Value).(*[]byte); ok {
			*raw = r.Body
		} else if strings.TrimSpace(string(r.Body)) != "" {
			if err := json.Unmarshal(r.Body, &c.Value); err != nil {
				return out, err
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// mockBodyLimit caps what the mock reads of a request body.
const mockBodyLimit = 32 << 20

// ServeHTTP answers r with the example it matches, or with 404 and a JSON
// body naming the closest candidates and why each did not match.
func (m *MockServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, mockBodyLimit))
	in := newMockIncoming(r, body)
	rec := MockRequest{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery, RequestURI: r.RequestURI, Header: r.Header.Clone(), Body: body}
	entry, verdicts := m.table.match(in)
	if m.only != nil {
		entry = &mockEntry{ex: m.only}
	}
	switch {
	case entry == nil:
		rec.Status = http.StatusNotFound
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(rec.Status)
		json.NewEncoder(w).Encode(struct {
			Error      string          `json:"error"`
			Candidates []mockCandidate `json:"candidates"`
		}{"no saved example matches " + r.Method + " " + r.URL.RequestURI(), mockClosest(in, verdicts, 3)})
	default:
		rec.Op = entry.ex.Op
		m.mu.Lock()
		f, ok := m.forced[rec.Op]
		m.mu.Unlock()
		ex := entry.ex
		if ok {
			ex = m.pick(ex, f)
		}
		if ok && (f.set || ex == nil) {
			rec.Status = f.status
			writeMockValue(w, r, f)
			break
		}
		rec.Example, rec.Status = ex.Name, ex.Status
		writeMockExample(w, r, ex)
	}
	if !m.forget {
		m.mu.Lock()
		m.received = append(m.received, rec)
		m.mu.Unlock()
	}
	if m.onRequest != nil {
		m.onRequest(rec)
	}
}

// pick is the example of matched's method that f asks for: matched itself
// when it fits, else the first that does; nil when none does.
func (m *MockServer) pick(matched *MockExample, f mockForced) *MockExample {
	fits := func(ex *MockExample) bool {
		if f.example != "" {
			return ex.Name == f.example
		}
		return ex.Status == f.status
	}
	if f.set {
		return nil
	}
	if fits(matched) {
		return matched
	}
	for _, ex := range m.byOp[matched.Op] {
		if fits(ex) {
			return ex
		}
	}
	return nil
}

func writeMockExample(w http.ResponseWriter, r *http.Request, ex *MockExample) {
	for _, h := range ex.Header {
		w.Header().Add(h[0], h[1])
	}
	w.WriteHeader(ex.Status)
	if mockHasBody(r, ex.Status) {
		io.WriteString(w, ex.Body)
	}
}

// writeMockValue answers with what RespondWith set, or with a bare status.
func writeMockValue(w http.ResponseWriter, r *http.Request, f mockForced) {
	var data []byte
	switch v := f.value.(type) {
	case nil:
	case []byte:
		data = v
	case string:
		data = []byte(v)
	default:
		var err error
		if data, err = json.Marshal(v); err != nil {
			http.Error(w, "mock: encoding the RespondWith value: "+err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
	}
	w.WriteHeader(f.status)
	if mockHasBody(r, f.status) {
		w.Write(data)
	}
}

// mockHasBody reports whether a response may carry a body.
func mockHasBody(r *http.Request, status int) bool {
	return r.Method != http.MethodHead && status != http.StatusNoContent && status != http.StatusNotModified
}
