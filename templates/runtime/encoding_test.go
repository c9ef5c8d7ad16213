package pmruntime

import (
	"net/http"
	"strings"
	"testing"
)

// A path with a bare '%' (newman's whatwg-url collection sends one) must
// go out byte for byte, as Postman sends it, though Go's parser refuses it.
func TestBarePercentPathIsSentAsWritten(t *testing.T) {
	for _, target := range []string{
		"http://h/a/%/b%20c/%zz",
		"http://h/%?q=%25&r=%",
		"http://h/50%",
		"http://h/plain%41",
	} {
		req, err := http.NewRequest("GET", parsablePath(target), nil)
		if err != nil {
			t.Errorf("%s: %v", target, err)
			continue
		}
		keepRawPath(req, target)
		got := req.URL.RequestURI()
		path, query, _ := strings.Cut(strings.TrimPrefix(target, "http://h"), "?")
		if !strings.HasSuffix(got, path) && !strings.Contains(got, path+"?") {
			t.Errorf("%s: request URI %q, want the path %q as written", target, got, path)
		}
		if query != "" && req.URL.RawQuery != query {
			t.Errorf("%s: query %q, want %q", target, req.URL.RawQuery, query)
		}
	}
}
