package pmruntime

import (
	"net/http"
	"testing"
)

// TestRequiredVariable: values come out as Postman substitutes them, and a
// missing member or a body that is not JSON is an error naming the
// variable.
func TestRequiredVariable(t *testing.T) {
	body := []byte(`{"tokenId": "a\u00e9", "n": 1.50, "ok": true, "items": [{"id": 7}], "obj": {"b": 1, "a": [ 2 ]}, "nil": null}`)
	resp := &Response{StatusCode: 200, Body: body}
	for _, tc := range []struct {
		path []string
		want string
	}{
		{[]string{"tokenId"}, "aé"},
		{[]string{"n"}, "1.50"},
		{[]string{"ok"}, "true"},
		{[]string{"items", "0", "id"}, "7"},
		{[]string{"obj"}, `{"b":1,"a":[2]}`},
	} {
		got, err := requiredVariable(resp, "v", tc.path...)
		if err != nil || got != tc.want {
			t.Errorf("requiredVariable(%q) = %q, %v; want %q", tc.path, got, err, tc.want)
		}
	}
	for _, tc := range []struct {
		resp *Response
		path []string
		want string
	}{
		{resp, []string{"items", "1", "id"}, `pmruntime: variable "v": the response has no items.1`},
		{resp, []string{"nil"}, `pmruntime: variable "v": the response has no nil`},
		{resp, []string{"tokenId", "x"}, `pmruntime: variable "v": the response has no tokenId.x`},
		{&Response{Body: []byte("<html>")}, []string{"a"}, `pmruntime: variable "v": the response body is not JSON`},
		{nil, nil, `pmruntime: variable "v": no response`},
	} {
		if _, err := requiredVariable(tc.resp, "v", tc.path...); err == nil || err.Error() != tc.want {
			t.Errorf("requiredVariable(%q) error = %v, want %s", tc.path, err, tc.want)
		}
	}
}

// TestGuardedVariable: a value JavaScript's if rejects leaves the variable
// empty.
func TestGuardedVariable(t *testing.T) {
	resp := &Response{Body: []byte(`{"t": "x", "e": "", "z": 0, "f": false, "zf": 0.0, "n": -2, "o": {}}`)}
	want := map[string]string{"t": "x", "e": "", "z": "", "f": "", "zf": "", "n": "-2", "o": "{}", "missing": ""}
	for key, w := range want {
		if got := guardedVariable(resp, key); got != w {
			t.Errorf("guardedVariable(%q) = %q, want %q", key, got, w)
		}
	}
	if got := guardedVariable(&Response{Body: []byte("not json")}, "t"); got != "" {
		t.Errorf("guardedVariable on text = %q", got)
	}
}

// TestBodyVariable: the body as text, and empty without a response.
func TestBodyVariable(t *testing.T) {
	if got := bodyVariable(&Response{Body: []byte("3f2a-guid")}); got != "3f2a-guid" {
		t.Errorf("bodyVariable = %q", got)
	}
	if got := bodyVariable(nil); got != "" {
		t.Errorf("bodyVariable(nil) = %q", got)
	}
}

// TestCheckSentValue: the helper finds a value wherever the request
// carries it.
func TestCheckSentValue(t *testing.T) {
	for _, rec := range []*recorded{
		{path: "/users/a%2Fb"},
		{rawQuery: "id=a%2Fb"},
		{header: http.Header{"X-Token": {"Bearer a/b"}}},
		{header: http.Header{"A/b": {"1"}}},
		{body: []byte(`{"id":"a/b"}`)},
	} {
		checkSentValue(t, rec, "v", "a/b")
	}
}

// TestResponseConditions: the tests a script's branches make on the
// response, and the lenient read of a try block.
func TestResponseConditions(t *testing.T) {
	resp := &Response{StatusCode: 403, Body: []byte(`{"error": "TokenExpired", "a": {"b": 0}}`)}
	if !bodyContains(resp, "TokenExpired") || bodyContains(resp, "nope") || bodyContains(nil, "") {
		t.Error("bodyContains")
	}
	if statusText(resp) != "Forbidden" || statusText(nil) != "" {
		t.Errorf("statusText = %q", statusText(resp))
	}
	if statusCode(resp) != 403 || statusCode(nil) != 0 {
		t.Error("statusCode")
	}
	if got := presentVariable(resp, "a", "b"); got != "0" {
		t.Errorf("presentVariable(a.b) = %q, want 0 (a false value is still set)", got)
	}
	if got := presentVariable(resp, "a", "c"); got != "" {
		t.Errorf("presentVariable(a.c) = %q", got)
	}
	if got := presentVariable(nil, "a"); got != "" {
		t.Errorf("presentVariable(nil) = %q", got)
	}
}

// TestHeaderVariables: a header's value, or an error naming the variable
// and the header when the response lacks it.
func TestHeaderVariables(t *testing.T) {
	resp := &Response{Header: http.Header{"Location": {"/carts/9"}}}
	if got, err := requiredHeader(resp, "loc", "location"); err != nil || got != "/carts/9" {
		t.Errorf("requiredHeader = %q, %v", got, err)
	}
	if _, err := requiredHeader(resp, "etag", "ETag"); err == nil || err.Error() != `pmruntime: variable "etag": the response has no ETag header` {
		t.Errorf("requiredHeader(ETag) error = %v", err)
	}
	if _, err := requiredHeader(nil, "etag", "ETag"); err == nil {
		t.Error("requiredHeader(nil) did not fail")
	}
	if optionalHeader(resp, "ETag") != "" || optionalHeader(nil, "X") != "" || optionalHeader(resp, "Location") != "/carts/9" {
		t.Error("optionalHeader")
	}
}
