package pmruntime

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// recorded is the request the replay server received.
type recorded struct {
	mu       sync.Mutex
	method   string
	path     string
	rawQuery string
	header   http.Header
	body     []byte
}

// replay starts a server that records the request and answers it with a
// saved example.
func replay(t *testing.T, status int, header [][2]string, body string) (*httptest.Server, *recorded) {
	rec := &recorded{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		rec.mu.Lock()
		rec.method, rec.path, rec.rawQuery = r.Method, requestPath(r.RequestURI), r.URL.RawQuery
		rec.header, rec.body = r.Header.Clone(), data
		rec.mu.Unlock()
		for _, h := range header {
			w.Header().Add(h[0], h[1])
		}
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv, rec
}

// mockRecorded is the last request the mock received (a retried call
// sends several), as checkRequest reads it; an empty one when none came.
func mockRecorded(t *testing.T, mock *MockServer) *recorded {
	t.Helper()
	reqs := mock.Requests()
	if len(reqs) == 0 {
		return &recorded{}
	}
	r := reqs[len(reqs)-1]
	return &recorded{method: r.Method, path: requestPath(r.RequestURI), rawQuery: r.RawQuery, header: r.Header, body: r.Body}
}

// checkRequest compares what the client sent with what the collection
// describes. Query pairs must match in order; the wanted headers must be
// present (the transport adds others of its own).
func checkRequest(t *testing.T, rec *recorded, method, path, query string, header [][2]string, body string, bodyJSON bool) {
	t.Helper()
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if rec.method != method {
		t.Errorf("method = %q, want %q", rec.method, method)
	}
	if !pathMatches(rec.path, path) {
		t.Errorf("path = %q, want %q", rec.path, path)
	}
	if !queryMatches(rec.rawQuery, query) {
		t.Errorf("query = %q, want %q", rec.rawQuery, query)
	}
	for _, h := range header {
		if !slices.Contains(rec.header.Values(h[0]), h[1]) {
			t.Errorf("header %s = %q, want %q", h[0], rec.header.Values(h[0]), h[1])
		}
	}
	if bodyJSON {
		checkJSON(t, "request body", rec.body, body)
	} else if string(rec.body) != body {
		t.Errorf("request body = %q, want %q", rec.body, body)
	}
}

// requestPath is the path of a request-target exactly as sent. The client
// may send the absolute form (http://host/path) to keep a path byte for byte.
func requestPath(uri string) string {
	if _, rest, ok := strings.Cut(uri, "://"); ok && !strings.HasPrefix(uri, "/") {
		uri = "/"
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			uri = rest[i:]
		}
	}
	path, _, _ := strings.Cut(uri, "?")
	return path
}

// pathMatches compares paths byte for byte, except that a wanted
// {{$dynamic}} is made afresh on every call: it matches any non-empty text
// inside one path segment.
func pathMatches(got, want string) bool {
	pieces := strings.Split(want, "{{$dynamic}}")
	if len(pieces) == 1 {
		return got == want
	}
	for i, p := range pieces {
		pieces[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile("^" + strings.Join(pieces, "[^/]+") + "$").MatchString(got)
}

// queryMatches compares raw query strings entry by entry, in order. A
// wanted value of {{$dynamic}} is made afresh on every call, so any value matches.
func queryMatches(got, want string) bool {
	g, w := strings.Split(got, "&"), strings.Split(want, "&")
	if len(g) != len(w) {
		return false
	}
	for i := range w {
		if key, ok := strings.CutSuffix(w[i], "={{$dynamic}}"); ok {
			if !strings.HasPrefix(g[i], key+"=") {
				return false
			}
			continue
		}
		if g[i] != w[i] {
			return false
		}
	}
	return true
}

// checkJSON compares two JSON texts as values. A key holding null counts
// as absent, because optional fields are omitted when they are unset;
// numbers compare by value, and so do RFC 3339 timestamps, which a
// time.Time field writes in its own spelling (see timestampKey).
func checkJSON(t *testing.T, what string, got []byte, want string) {
	t.Helper()
	g, err := decodeJSON(got)
	if err != nil {
		t.Errorf("%s: %v\n%s", what, err, got)
		return
	}
	w, err := decodeJSON([]byte(want))
	if err != nil {
		t.Errorf("%s: the example is not JSON: %v", what, err)
		return
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("%s differs from the example:\n got: %s\nwant: %s", what, got, want)
	}
}

// checkDecoded re-encodes a decoded value and compares it with the example
// it was decoded from: the typed value lost nothing. It returns the
// encoding, which is what pm.test blocks read as the body.
func checkDecoded(t *testing.T, what string, v any, want string) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%s: encoding: %v", what, err)
	}
	checkJSON(t, what, data, want)
	return data
}

func decodeJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return normalise(v), nil
}

// normalise drops null members, writes every number the way a float64
// prints, so that 0.0 in an example equals the 0 a float64 field encodes,
// and every timestamp the way a time.Time field encodes it.
func normalise(v any) any {
	switch x := v.(type) {
	case string:
		return timestampKey(x)
	case json.Number:
		if f, err := x.Float64(); err == nil {
			return strconv.FormatFloat(f, 'g', -1, 64)
		}
	case map[string]any:
		for k, e := range x {
			if e == nil {
				delete(x, k)
				continue
			}
			x[k] = normalise(e)
		}
	case []any:
		for i, e := range x {
			x[i] = normalise(e)
		}
	}
	return v
}

// timestampParts splits an RFC 3339 timestamp: up to the seconds, the
// fraction without its trailing zeros, the offset.
var timestampParts = regexp.MustCompile(`^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d*?)0*)?(Z|[+-]\d\d:\d\d)$`)

// timestampKey spells an RFC 3339 timestamp as time.Time's MarshalJSON
// does: the fraction without trailing zeros, a zero offset as Z. Two
// spellings of one instant at one offset get one key; any other string is
// its own key.
func timestampKey(s string) string {
	if len(s) < len("2006-01-02T15:04:05Z") || s[10] != 'T' {
		return s
	}
	m := timestampParts.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	key := m[1]
	if m[2] != "" {
		key += "." + m[2]
	}
	if m[3] == "+00:00" || m[3] == "-00:00" {
		return key + "Z"
	}
	return key + m[3]
}

// fixtureFiles holds the files under testdata/pmgen/ read so far, each as
// its bodies by name: one file holds the long bodies of a whole service
// file, and is read and parsed once however many tests use it.
var fixtureFiles struct {
	sync.Mutex
	bodies map[string]map[string]string
}

// readFixture returns the saved body name of testdata/pmgen/file, a body
// too long for a literal (see parseFixtures).
func readFixture(t *testing.T, file, name string) string {
	t.Helper()
	fixtureFiles.Lock()
	defer fixtureFiles.Unlock()
	bodies, ok := fixtureFiles.bodies[file]
	if !ok {
		data, err := os.ReadFile(filepath.Join("testdata", "pmgen", file))
		if err != nil {
			t.Fatalf("%v", err)
		}
		if bodies, err = parseFixtures(data); err != nil {
			t.Fatalf("testdata/pmgen/%s: %v", file, err)
		}
		if fixtureFiles.bodies == nil {
			fixtureFiles.bodies = map[string]map[string]string{}
		}
		fixtureFiles.bodies[file] = bodies
	}
	body, ok := bodies[name]
	if !ok {
		t.Fatalf("testdata/pmgen/%s holds no body %s", file, name)
	}
	return body
}

// parseFixtures reads a fixture file: lines starting with "#" and blank
// lines, then for each body a line "-- <name> (<n> bytes) --", the body's
// n bytes as saved and a line break. The length, not a terminator, ends a
// body, so that any bytes round-trip. A checkout that turned every line
// break into CRLF (git's core.autocrlf) is turned back first; a body that
// held CRLF itself cannot be told apart then, and its length says so.
func parseFixtures(data []byte) (map[string]string, error) {
	if first, _, _ := bytes.Cut(data, []byte("\n")); bytes.HasSuffix(first, []byte("\r")) {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	bodies := map[string]string{}
	for len(data) > 0 {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		if len(line) == 0 || line[0] == '#' {
			data = rest
			continue
		}
		head, ok := strings.CutPrefix(string(line), "-- ")
		if ok {
			head, ok = strings.CutSuffix(head, " bytes) --")
		}
		name, size, _ := strings.Cut(head, " (")
		n, err := strconv.Atoi(size)
		if !ok || err != nil || n < 0 || name == "" {
			return nil, fmt.Errorf("line %q is not a body's heading \"-- <name> (<n> bytes) --\"", line)
		}
		if _, dup := bodies[name]; dup {
			return nil, fmt.Errorf("two bodies named %s", name)
		}
		if len(rest) <= n || rest[n] != '\n' {
			return nil, fmt.Errorf("body %s does not end with a line break after its %d bytes: the file was changed after pmgen wrote it (line endings converted?); generate it again, and keep git from converting it (testdata/pmgen/* -text in .gitattributes)", name, n)
		}
		bodies[name] = string(rest[:n])
		data = rest[n+1:]
	}
	return bodies, nil
}

// multipartText replaces a recorded multipart/form-data body with one line
// per part (--- "name" filename="f" content-type="t") followed by its
// content, so that it compares with the expected parts whatever the random
// boundary.
func multipartText(t *testing.T, rec *recorded, _ string) {
	t.Helper()
	rec.mu.Lock()
	defer rec.mu.Unlock()
	// No parts, no body: checkRequest then compares it with an empty want.
	if len(rec.body) == 0 {
		return
	}
	mediaType, params, err := mime.ParseMediaType(rec.header.Get("Content-Type"))
	if err != nil || mediaType != "multipart/form-data" {
		t.Errorf("Content-Type = %q, want multipart/form-data", rec.header.Get("Content-Type"))
		return
	}
	var b strings.Builder
	r := multipart.NewReader(bytes.NewReader(rec.body), params["boundary"])
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Errorf("reading the multipart body: %v", err)
			return
		}
		content, err := io.ReadAll(p)
		if err != nil {
			t.Errorf("reading part %q: %v", p.FormName(), err)
			return
		}
		fmt.Fprintf(&b, "--- %q", p.FormName())
		if name := p.FileName(); name != "" {
			fmt.Fprintf(&b, " filename=%q", name)
		}
		if ct := p.Header.Get("Content-Type"); ct != "" {
			fmt.Fprintf(&b, " content-type=%q", ct)
		}
		fmt.Fprintf(&b, "\n%s\n", content)
	}
	rec.body = []byte(b.String())
}
