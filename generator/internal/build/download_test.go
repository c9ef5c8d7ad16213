package build

import (
	"testing"

	"github.com/pmgen/pmgen/generator/internal/load"
)

// TestBinaryMediaType: what counts as a download's media type.
func TestBinaryMediaType(t *testing.T) {
	for value, want := range map[string]bool{
		"application/pdf":                   true,
		"application/octet-stream":          true,
		"image/png":                         true,
		"application/zip; name=x.zip":       true,
		"text/csv; charset=utf-8":           true,
		"application/json":                  false,
		"application/json; charset=utf-8":   false,
		"application/vnd.api+json":          false,
		"application/problem+xml":           false,
		"application/x-yaml":                false,
		"text/plain":                        false,
		"text/html":                         false,
		"*/*":                               false,
		"application/*":                     false,
		"application/x-www-form-urlencoded": false,
		"not a media type":                  false,
		"":                                  false,
	} {
		if got := binaryMediaType(value); got != want {
			t.Errorf("binaryMediaType(%q) = %v, want %v", value, got, want)
		}
	}
}

// TestDownload: the rule's clauses, each on its own.
func TestDownload(t *testing.T) {
	item := func(method string, accept ...string) *load.Item {
		it := &load.Item{Request: &load.Request{Method: method}}
		for _, a := range accept {
			it.Request.Header = append(it.Request.Header, load.Pair{Key: "Accept", Value: a})
		}
		return it
	}
	saved := func(status int, body string, header ...string) example {
		r := &load.Response{Code: status, Body: body}
		for i := 0; i+1 < len(header); i += 2 {
			r.Header = append(r.Header, load.Pair{Key: header[i], Value: header[i+1]})
		}
		return example{resp: r, status: status, empty: body == ""}
	}
	cases := []struct {
		name     string
		it       *load.Item
		examples []example
		want     bool
	}{
		{"no example, no Accept", item("GET"), nil, false},
		{"Accept PDF", item("GET", "application/pdf"), nil, true},
		{"Accept JSON", item("GET", "application/json"), nil, false},
		{"Accept PDF or JSON", item("GET", "application/pdf, application/json"), nil, false},
		{"Accept from a variable", item("GET", "{{accept}}"), nil, false},
		{"HEAD never streams", item("HEAD", "application/pdf"), nil, false},
		{"2xx example of a file", item("GET"), []example{saved(200, "x", "Content-Type", "application/octet-stream")}, true},
		{"2xx attachment", item("GET"), []example{saved(200, "a,b", "Content-Disposition", "attachment; filename=x.txt")}, true},
		{"2xx JSON attachment", item("GET"), []example{saved(200, "{}", "Content-Disposition", "attachment; filename=json.json", "Content-Type", "application/json")}, false},
		{"2xx binary body", item("GET"), []example{saved(200, "\xff\xfe\x00")}, true},
		{"2xx JSON example", item("GET"), []example{saved(200, "{}", "Content-Type", "application/json")}, false},
		{"only an error is a file", item("GET"), []example{saved(404, "x", "Content-Type", "application/pdf")}, false},
	}
	for _, tc := range cases {
		if got := download(tc.it, tc.examples); got != tc.want {
			t.Errorf("%s: download = %v, want %v", tc.name, got, tc.want)
		}
	}
}
