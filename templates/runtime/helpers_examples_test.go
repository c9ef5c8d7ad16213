package pmruntime

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
)

// example is a saved example of a request: the response the package's
// mock server answers with, and what the client must have sent to get it.
type example struct {
	name string // the example's name in the collection
	// mock is the example's row in mockExamples: the saved response.
	mock int
	// status is the saved status, which runExamples reads from the row.
	status       int
	bodyJSON     bool
	errorType    string // the dynamic type of APIError.Value, when typed
	wantMethod   string // the request the client must send
	wantPath     string
	wantQuery    string
	wantHeader   [][2]string
	wantBody     string
	wantBodyJSON bool
	// normaliseBody, when set, rewrites the recorded request's body before
	// it is compared with wantBody: multipartText for a multipart body,
	// whose boundary is random; dynamicJSON or dynamicText for a body whose
	// {{$name}} references are filled afresh on every call.
	normaliseBody func(t *testing.T, rec *recorded, want string)
	// pmTests, when set, checks the collection's translated pm.test blocks
	// against the status, headers and body the client returned.
	pmTests func(t *testing.T, status int, header http.Header, body []byte)
}

// rawBody is a result that is the response body itself: it is compared
// byte for byte, not as JSON.
type rawBody []byte

// rawBytes is the body, for checkResult, which asks for it through an
// interface so that a package without such results has no rawBody.
func (b rawBody) rawBytes() []byte { return b }

// runExamples runs each example as a subtest: the package's mock server
// answers with the saved response, call makes the request through a test
// client, and then the request and what the client returned are checked.
// call returns the decoded result, or nil for a method without one; a 2xx
// example must succeed and decode without loss, any other status must
// come back as an *APIError holding the body.
func runExamples(t *testing.T, examples []example, call func(t *testing.T, c *Client) (any, *Response, error)) {
	t.Helper()
	for _, tt := range examples {
		t.Run(tt.name, func(t *testing.T) {
			saved := mockExamples()
			mock := newMockServer(saved, nil)
			mock.only = &saved[tt.mock]
			tt.status = saved[tt.mock].Status
			body := saved[tt.mock].Body
			srv := httptest.NewServer(mock)
			t.Cleanup(srv.Close)
			got, resp, err := call(t, newTestClient(t, srv.URL))
			rec := mockRecorded(t, mock)
			if tt.normaliseBody != nil {
				tt.normaliseBody(t, rec, tt.wantBody)
			}
			checkRequest(t, rec, tt.wantMethod, tt.wantPath, tt.wantQuery, tt.wantHeader, tt.wantBody, tt.wantBodyJSON)
			if tt.status >= 200 && tt.status <= 299 {
				checkResult(t, tt, body, got, resp, err)
			} else {
				checkAPIError(t, tt, body, err)
			}
		})
	}
}

// checkResult checks a 2xx example: no error, the saved status, and a
// result that re-encodes to the saved body.
func checkResult(t *testing.T, tt example, body string, got any, resp *Response, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	if resp.StatusCode != tt.status {
		t.Errorf("StatusCode = %d, want %d", resp.StatusCode, tt.status)
	}
	// What pm.test blocks read as the body: the typed result re-encoded,
	// so that a decoding loss fails them too.
	result := []byte(body)
	switch got := got.(type) {
	case nil:
	case interface{ rawBytes() []byte }:
		result = got.rawBytes()
		if string(result) != body {
			t.Errorf("body = %q, want %q", result, body)
		}
	default:
		if tt.bodyJSON {
			result = checkDecoded(t, "decoded body", got, body)
		}
	}
	if tt.pmTests != nil {
		tt.pmTests(t, resp.StatusCode, resp.Header, result)
	}
}

// checkAPIError checks an example with any other status: an *APIError
// with the saved status and body, decoded into the typed error body when the
// request has one.
func checkAPIError(t *testing.T, tt example, body string, err error) {
	t.Helper()
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("error = %v, want *APIError", err)
	}
	if apiErr.StatusCode != tt.status {
		t.Errorf("APIError.StatusCode = %d, want %d", apiErr.StatusCode, tt.status)
	}
	if string(apiErr.Body) != body {
		t.Errorf("APIError.Body = %q, want %q", apiErr.Body, body)
	}
	if tt.errorType != "" {
		if got := fmt.Sprintf("%T", apiErr.Value); got != tt.errorType {
			t.Fatalf("APIError.Value is %s, want %s", got, tt.errorType)
		}
		checkDecoded(t, "APIError.Value", apiErr.Value, body)
	}
	if tt.pmTests != nil {
		tt.pmTests(t, apiErr.StatusCode, apiErr.Header, apiErr.Body)
	}
}
