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

// A URL with no path whose query holds a '/' keeps an empty path: the '/'
// belongs to the query (newman's whatwg-url "query encoding" request).
func TestSlashInQueryIsNotAPath(t *testing.T) {
	for _, tc := range []struct{ target, wantURI string }{
		{"http://h?q=a/b", "/?q=a/b"},
		{"http://h:4041?q=,-./0?@", "/?q=,-./0?@"},
		{"http://h#x/y", "/"},
		{"http://h/p?q=a/b", "/p?q=a/b"},
	} {
		req, err := http.NewRequest("GET", parsablePath(tc.target), nil)
		if err != nil {
			t.Fatalf("%s: %v", tc.target, err)
		}
		keepRawPath(req, tc.target)
		if got := req.URL.RequestURI(); got != tc.wantURI {
			t.Errorf("%s: request URI %q, want %q", tc.target, got, tc.wantURI)
		}
	}
}

// Under disableUrlEncoding the saved query goes out as written; a value
// the caller gives is still escaped.
func TestEncodeQueryVerbatim(t *testing.T) {
	pairs := []queryPair{{key: "q", value: `"'<=>{}`}, {key: "a b", value: "x&y", strict: true}, {key: "k", bare: true}}
	for _, tc := range []struct {
		verbatim bool
		want     string
	}{
		{false, `http://h/?q=%22%27%3C%3D%3E{}&a%20b=x%26y&k`},
		{true, `http://h/?q="'<=>{}&a%20b=x%26y&k`},
	} {
		if got := encodeQuery("http://h/", pairs, tc.verbatim); got != tc.want {
			t.Errorf("verbatim=%v: %s, want %s", tc.verbatim, got, tc.want)
		}
	}
}
