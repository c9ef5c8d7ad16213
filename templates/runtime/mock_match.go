package pmruntime

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// MockExample is one saved example as the mock server serves it: the
// response, and the saved request it answers (the example's original
// request, or its item's request when the example saved none), which the
// matcher compares incoming requests with.
type MockExample struct {
	// Op names the client method the example belongs to
	// ("Sessions.RefreshUsersSession"); Name and ID are the example's name
	// and Postman id, which x-mock-response-name and x-mock-response-id
	// select.
	Op, Name, ID string
	// Status, Header and Body are the saved response.
	Status int
	Header [][2]string
	Body   string
	// Method and Path are the saved request's; Path is written as Postman
	// writes it, after the origin: "/users/:id", "/json{{realm}}/sessions".
	Method, Path string
	// Query, RequestHeader and RequestBody are the rest of the saved
	// request; a value holding {{var}} matches any value.
	Query, RequestHeader [][2]string
	RequestBody          string
}

// The headers a caller sends to steer the matcher, as Postman's mock
// servers read them.
const (
	mockHeaderName      = "X-Mock-Response-Name"
	mockHeaderID        = "X-Mock-Response-Id"
	mockHeaderCode      = "X-Mock-Response-Code"
	mockHeaderMatchBody = "X-Mock-Match-Request-Body"
)

// The score of a candidate starts at mockFullScore and loses points for
// each difference that does not rule it out, so that the example whose
// saved request is closest wins.
const (
	mockFullScore     = 1000
	mockFoldedPath    = 100 // the path matches only ignoring case
	mockWildcard      = 1   // per :var or {{var}} the path needed
	mockQueryDiffers  = 10  // per saved parameter missing or different
	mockQueryExtra    = 2   // per parameter the example did not save
	mockHeaderMatches = 1   // per saved header sent with its value (a gain)
)

// mockEntry is an example compiled for matching.
type mockEntry struct {
	ex           *MockExample
	path, folded *regexp.Regexp
	// prefix is the path's text before its first wildcard: a path that
	// does not start with it, in any case, is not matched further.
	prefix    string
	status    string // ex.Status as x-mock-response-code spells it
	wildcards int
	segments  []string // the saved path's segments, for closeness
}

// mockTable is the examples compiled once; it is only read afterwards,
// so any number of requests may match against it at once.
type mockTable struct {
	entries []mockEntry
	// byMethod lists the entries of each method, upper case: a request
	// is scored against those only, unless none matches.
	byMethod map[string][]int
}

func newMockTable(examples []MockExample) *mockTable {
	t := &mockTable{entries: make([]mockEntry, len(examples)), byMethod: map[string][]int{}}
	for i := range examples {
		ex := &examples[i]
		expr, wild := mockPathExpr(ex.Path)
		e := mockEntry{
			ex: ex, wildcards: wild, status: strconv.Itoa(ex.Status),
			path:     regexp.MustCompile("^" + expr + "$"),
			folded:   regexp.MustCompile("(?i)^" + expr + "$"),
			segments: strings.Split(strings.Trim(ex.Path, "/"), "/"),
		}
		e.prefix, _ = e.path.LiteralPrefix()
		t.entries[i] = e
		method := strings.ToUpper(ex.Method)
		t.byMethod[method] = append(t.byMethod[method], i)
	}
	return t
}

// mockPathExpr turns a saved path into a regular expression. A ":var"
// or {{var}} segment matches one segment, as in Postman; a {{var}} glued
// to other text in its segment ("json{{realm}}") matches any text,
// slashes included, because such a variable is a piece of path that may
// hold several segments ({{realm}} is "/realms/root"). A trailing slash
// is optional on both sides.
func mockPathExpr(path string) (string, int) {
	path = strings.TrimSuffix(path, "/")
	var b strings.Builder
	wild := 0
	for i, seg := range strings.Split(path, "/") {
		if i > 0 {
			b.WriteString("/")
		}
		if len(seg) > 1 && seg[0] == ':' || mockWholeVar.MatchString(seg) {
			b.WriteString("[^/]+")
			wild++
			continue
		}
		for seg != "" {
			open := strings.Index(seg, "{{")
			if open < 0 {
				b.WriteString(regexp.QuoteMeta(seg))
				break
			}
			end := strings.Index(seg[open:], "}}")
			if end < 0 {
				b.WriteString(regexp.QuoteMeta(seg))
				break
			}
			b.WriteString(regexp.QuoteMeta(seg[:open]))
			b.WriteString(".*")
			wild++
			seg = seg[open+end+2:]
		}
	}
	b.WriteString("/?")
	return b.String(), wild
}

// mockWholeVar is a path segment that is one {{var}} and nothing else.
var mockWholeVar = regexp.MustCompile(`^\{\{[^{}]*\}\}$`)

// mockIncoming is the part of a request the matcher reads.
type mockIncoming struct {
	method, path, escapedPath string
	query                     [][2]string
	header                    http.Header
	body                      []byte
}

func newMockIncoming(r *http.Request, body []byte) *mockIncoming {
	return &mockIncoming{
		method: r.Method, path: r.URL.Path, escapedPath: r.URL.EscapedPath(),
		query: mockQuery(r.URL.RawQuery), header: r.Header, body: body,
	}
}

// mockQuery splits a raw query into its pairs, in order, unescaping each
// side when it unescapes.
func mockQuery(raw string) [][2]string {
	var out [][2]string
	for _, part := range strings.Split(raw, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		if u, err := url.QueryUnescape(k); err == nil {
			k = u
		}
		if u, err := url.QueryUnescape(v); err == nil {
			v = u
		}
		out = append(out, [2]string{k, v})
	}
	return out
}

// mockVerdict is how one example fares against a request: its score, or
// why it is ruled out.
type mockVerdict struct {
	entry   *mockEntry
	score   int
	ok      bool     // the example matches
	reasons []string // why it does not, when asked to explain
	// stage says how far it got before being ruled out, for ranking the
	// closest candidates: 0 nothing matched, 1 the method or the path,
	// 2 both, and only a mock header or the body differ.
	stage int
}

// match picks the example that answers in, following Postman's rules:
// the method and path must match; x-mock-response-code,
// x-mock-response-name and x-mock-response-id narrow the candidates, and
// so does the body when x-mock-match-request-body is true; query
// parameters and headers rank the rest. The highest score wins; on a tie a
// 2xx example wins (unless a code was asked for), then the first saved.
// With no winner it returns every example's verdict, explained.
func (t *mockTable) match(in *mockIncoming) (*mockEntry, []mockVerdict) {
	code := in.header.Get(mockHeaderCode)
	var best mockVerdict
	for _, i := range t.byMethod[strings.ToUpper(in.method)] {
		v := t.entries[i].verdict(in, code, false)
		if !v.ok {
			continue
		}
		if best.entry == nil || v.score > best.score ||
			v.score == best.score && code == "" && mockSuccess(v.entry.ex.Status) && !mockSuccess(best.entry.ex.Status) {
			best = v
		}
	}
	if best.entry != nil {
		return best.entry, nil
	}
	verdicts := make([]mockVerdict, len(t.entries))
	for i := range t.entries {
		verdicts[i] = t.entries[i].verdict(in, code, true)
	}
	return nil, verdicts
}

func mockSuccess(status int) bool { return status >= 200 && status <= 299 }

// matchPath reports whether in's path matches e's, and whether only when
// case is ignored. Both the path as sent and as decoded are tried.
func (e *mockEntry) matchPath(in *mockIncoming) (ok, folded bool) {
	paths := [2]string{in.escapedPath, in.path}
	n := 2
	if in.path == in.escapedPath {
		n = 1
	}
	for _, p := range paths[:n] {
		if len(p) >= len(e.prefix) && p[:len(e.prefix)] == e.prefix && e.path.MatchString(p) {
			return true, false
		}
	}
	for _, p := range paths[:n] {
		if len(p) >= len(e.prefix) && strings.EqualFold(p[:len(e.prefix)], e.prefix) && e.folded.MatchString(p) {
			return true, true
		}
	}
	return false, false
}

// verdict scores e against in; code is the x-mock-response-code asked
// for. Unless explain is set it stops at the first reason to rule e out,
// and gives none.
func (e *mockEntry) verdict(in *mockIncoming, code string, explain bool) mockVerdict {
	v := mockVerdict{entry: e, score: mockFullScore, ok: true}
	ex := e.ex
	methodOK := strings.EqualFold(in.method, ex.Method)
	if !methodOK {
		v.ok = false
		if !explain {
			return v
		}
		v.reasons = append(v.reasons, fmt.Sprintf("method is %s, the example's request is %s", in.method, ex.Method))
	}
	pathOK, folded := e.matchPath(in)
	if folded {
		v.score -= mockFoldedPath
	}
	if !pathOK {
		v.ok = false
		if !explain {
			return v
		}
		v.reasons = append(v.reasons, fmt.Sprintf("path %s does not match %s", in.path, ex.Path))
	}
	if methodOK || pathOK {
		v.stage = 1
	}
	if !methodOK || !pathOK {
		return v
	}
	v.stage = 2
	v.score -= e.wildcards * mockWildcard
	if code != "" && code != e.status {
		v.ok = false
		if !explain {
			return v
		}
		v.reasons = append(v.reasons, fmt.Sprintf("status is %d, %s asks for %s", ex.Status, mockHeaderCode, code))
	}
	if name := in.header.Get(mockHeaderName); name != "" && name != ex.Name {
		v.ok = false
		if !explain {
			return v
		}
		v.reasons = append(v.reasons, fmt.Sprintf("name is %q, %s asks for %q", ex.Name, mockHeaderName, name))
	}
	if id := in.header.Get(mockHeaderID); id != "" && id != ex.ID {
		v.ok = false
		if !explain {
			return v
		}
		v.reasons = append(v.reasons, fmt.Sprintf("id is %q, %s asks for %q", ex.ID, mockHeaderID, id))
	}
	if strings.EqualFold(in.header.Get(mockHeaderMatchBody), "true") && !mockBodyMatches(in.body, ex.RequestBody) {
		v.ok = false
		if !explain {
			return v
		}
		v.reasons = append(v.reasons, "the request body differs from the saved one")
	}
	v.score -= mockQueryPenalty(in.query, ex.Query)
	for _, h := range ex.RequestHeader {
		for _, got := range in.header.Values(h[0]) {
			if mockValueMatches(got, h[1]) {
				v.score += mockHeaderMatches
				break
			}
		}
	}
	return v
}

// mockQueryPenalty is what the query costs: each saved parameter missing
// or with another value, and each parameter the example did not save.
func mockQueryPenalty(got, saved [][2]string) int {
	penalty := 0
	// used marks the pairs sent that a saved one took; most queries are
	// short enough for the array, which costs no allocation.
	var short [16]bool
	var used []bool
	if len(got) <= len(short) {
		used = short[:len(got)]
	} else {
		used = make([]bool, len(got))
	}
	for _, s := range saved {
		found := false
		for i, g := range got {
			if !used[i] && g[0] == s[0] && mockValueMatches(g[1], s[1]) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			penalty += mockQueryDiffers
		}
	}
	for i, g := range got {
		if used[i] {
			continue
		}
		known := false
		for _, s := range saved {
			known = known || s[0] == g[0]
		}
		if !known {
			penalty += mockQueryExtra
		}
	}
	return penalty
}

// mockValueMatches compares a value sent with a saved one. A saved value
// holding {{var}} stands for whatever the variable held, and one such as
// <string> or <integer> is the placeholder Postman's OpenAPI import saves
// in place of a value: both match any value.
func mockValueMatches(got, saved string) bool {
	return got == saved || strings.Contains(saved, "{{") || mockPlaceholder.MatchString(saved)
}

// mockPlaceholder is a value Postman's OpenAPI import saves for a
// parameter: its type in angle brackets.
var mockPlaceholder = regexp.MustCompile(`^<[A-Za-z][A-Za-z0-9 _-]*>$`)

// mockBodyMatches compares a request body with a saved one: as JSON values
// when both parse, as forms when both are url-encoded, else as text with
// surrounding space ignored.
func mockBodyMatches(got []byte, saved string) bool {
	g, s := bytes.TrimSpace(got), strings.TrimSpace(saved)
	if string(g) == s {
		return true
	}
	var gv, sv any
	if json.Unmarshal(g, &gv) == nil && json.Unmarshal([]byte(s), &sv) == nil {
		return reflect.DeepEqual(gv, sv)
	}
	gf, err1 := url.ParseQuery(string(g))
	sf, err2 := url.ParseQuery(s)
	return err1 == nil && err2 == nil && strings.Contains(s, "=") && reflect.DeepEqual(gf, sf)
}

// mockCandidate is one of the closest examples a 404 names, and why it
// did not match.
type mockCandidate struct {
	Operation string   `json:"operation"`
	Example   string   `json:"example"`
	Method    string   `json:"method"`
	Path      string   `json:"path"`
	Status    int      `json:"status"`
	Reasons   []string `json:"reasons"`
}

// mockClosest are the candidates nearest to matching, at most n: those
// that got furthest, then those whose path shares the most leading
// segments with the request's, then in saved order.
func mockClosest(in *mockIncoming, verdicts []mockVerdict, n int) []mockCandidate {
	segs := strings.Split(strings.Trim(in.path, "/"), "/")
	common := func(e *mockEntry) int {
		k := 0
		for k < len(segs) && k < len(e.segments) && strings.EqualFold(segs[k], e.segments[k]) {
			k++
		}
		return k
	}
	order := make([]*mockVerdict, len(verdicts))
	for i := range verdicts {
		order[i] = &verdicts[i]
	}
	slices.SortStableFunc(order, func(a, b *mockVerdict) int {
		if a.stage != b.stage {
			return b.stage - a.stage
		}
		return common(b.entry) - common(a.entry)
	})
	out := []mockCandidate{}
	for _, v := range order[:min(n, len(order))] {
		ex := v.entry.ex
		out = append(out, mockCandidate{Operation: ex.Op, Example: ex.Name, Method: ex.Method, Path: ex.Path, Status: ex.Status, Reasons: v.reasons})
	}
	return out
}
