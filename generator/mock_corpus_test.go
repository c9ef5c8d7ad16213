package generator

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	pmruntime "github.com/pmgen/pmgen/templates/runtime"
)

// mockTemplateVar is a {{var}} or :var a replayed request fills in.
var mockTemplateVar = regexp.MustCompile(`\{\{[^}]*\}\}|(^|/):[^/]+`)

// mockReplay is the request example ex saved, as a client sends it: each
// {{var}} and :var filled with a value of its own, since the saved request
// names variables, not values.
func mockReplay(ex *pmruntime.MockExample, header ...string) *http.Request {
	fill := func(s string) string {
		return mockTemplateVar.ReplaceAllStringFunc(s, func(m string) string {
			if strings.HasSuffix(m, "}}") {
				return "v"
			}
			return m[:strings.Index(m, ":")] + "v"
		})
	}
	var raw []string
	for _, p := range ex.Query {
		raw = append(raw, url.QueryEscape(p[0])+"="+url.QueryEscape(fill(p[1])))
	}
	r := &http.Request{
		Method: ex.Method,
		URL:    &url.URL{Path: fill(ex.Path), RawQuery: strings.Join(raw, "&")},
		Header: http.Header{},
		Body:   io.NopCloser(strings.NewReader(ex.RequestBody)),
	}
	for _, h := range ex.RequestHeader {
		r.Header.Add(h[0], h[1])
	}
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	return r
}

// mockServed reports whether the response is ex's: status, headers and
// body.
func mockServed(w *httptest.ResponseRecorder, ex *pmruntime.MockExample) bool {
	if w.Code != ex.Status || w.Body.String() != ex.Body {
		return false
	}
	for _, h := range ex.Header {
		if !slices.Contains(w.Header().Values(h[0]), h[1]) {
			return false
		}
	}
	return true
}

// sameSavedRequest reports whether two examples saved the same request:
// then no rule of Postman's tells them apart without a mock header.
func sameSavedRequest(a, b *pmruntime.MockExample) bool {
	return a.Method == b.Method && a.Path == b.Path && slices.Equal(a.Query, b.Query) &&
		slices.Equal(a.RequestHeader, b.RequestHeader) && a.RequestBody == b.RequestBody
}

// TestMockCorpusServes replays every example's own saved request against
// the mock of its collection and checks that the example is served:
// status, headers and body. It counts three steps of Postman's rules: the
// request alone; with x-mock-match-request-body: true, for examples told
// apart only by their saved body; and with x-mock-response-name as well,
// for examples that saved the same request as another (a 2xx, then the
// first saved, wins such a tie) or one that scores as well. An example is
// missed only when even the last step does not serve it.
func TestMockCorpusServes(t *testing.T) {
	paths := corpusCollections(t)
	steps := [][]string{nil, {"X-Mock-Match-Request-Body", "true"}, {"X-Mock-Match-Request-Body", "true", "X-Mock-Response-Name", ""}}
	var total, twins int
	counts := make([]int, len(steps))
	var report strings.Builder
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		api, _, err := buildModel(source{path, data}, source{}, "", nil, nil)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(path), err)
			continue
		}
		examples := mockExamples(api)
		if len(examples) == 0 {
			continue
		}
		var answered pmruntime.MockRequest
		mock := pmruntime.NewMockServerFor(examples, pmruntime.MockForget(), pmruntime.MockOnRequest(func(r pmruntime.MockRequest) { answered = r }))
		served := make([]int, len(steps))
		for i := range examples {
			ex := &examples[i]
			total++
			step := -1
			var why string
			for k, header := range steps {
				header = slices.Clone(header)
				if len(header) > 2 {
					header[3] = ex.Name
				}
				w := httptest.NewRecorder()
				mock.ServeHTTP(w, mockReplay(ex, header...))
				if mockServed(w, ex) {
					step = k
					break
				}
				if k == 0 {
					why = mockLoser(answered, ex, examples)
				}
			}
			if step < 0 {
				if twin := slices.IndexFunc(examples, func(o pmruntime.MockExample) bool {
					return o.Name == ex.Name && sameSavedRequest(ex, &o) && !mockSame(&o, ex)
				}); twin >= 0 {
					// No rule of Postman's tells these apart: only an id
					// would, and the collection saved none.
					twins++
					fmt.Fprintf(&report, "    %s %q: never served: %s %q has its name and saved request\n", ex.Op, ex.Name, examples[twin].Op, examples[twin].Name)
					continue
				}
				t.Errorf("%s: %s %q (%s %s) is not served even when named", filepath.Base(path), ex.Op, ex.Name, ex.Method, ex.Path)
				continue
			}
			for k := step; k < len(steps); k++ {
				served[k]++
				counts[k]++
			}
			if step > 0 {
				fmt.Fprintf(&report, "    %s %q: %s\n", ex.Op, ex.Name, why)
			}
		}
		fmt.Fprintf(&report, "  %s: %d examples: %d by request alone, %d matching the body, %d named\n",
			filepath.Base(path), len(examples), served[0], served[1], served[2])
	}
	if total == 0 {
		t.Fatal("no examples in the corpus")
	}
	pct := func(n int) float64 { return 100 * float64(n) / float64(total) }
	t.Logf("mock over the corpus: %d examples served: %d (%.1f%%) by their saved request alone, %d (%.1f%%) with x-mock-match-request-body, %d (%.1f%%) with x-mock-response-name too; %d share their name and saved request with another example, which no rule tells apart\n%s",
		total, counts[0], pct(counts[0]), counts[1], pct(counts[1]), counts[2], pct(counts[2]), twins, report.String())
}

// mockLoser says which example answered instead of ex, and why it won.
func mockLoser(answered pmruntime.MockRequest, ex *pmruntime.MockExample, examples []pmruntime.MockExample) string {
	i := slices.IndexFunc(examples, func(o pmruntime.MockExample) bool { return o.Op == answered.Op && o.Name == answered.Example })
	if i < 0 {
		return fmt.Sprintf("answered %d", answered.Status)
	}
	o := &examples[i]
	switch {
	case sameSavedRequest(ex, o):
		return fmt.Sprintf("%s %q saved the same request and wins the tie", o.Op, o.Name)
	case ex.Method == o.Method && ex.Path == o.Path && slices.Equal(ex.Query, o.Query) && slices.Equal(ex.RequestHeader, o.RequestHeader):
		return fmt.Sprintf("%s %q saved the same request but for its body", o.Op, o.Name)
	}
	return fmt.Sprintf("%s %q (%s %s) scores as well or higher", o.Op, o.Name, o.Method, o.Path)
}

// mockSame reports whether a and b are the same example.
func mockSame(a, b *pmruntime.MockExample) bool { return a == b }
