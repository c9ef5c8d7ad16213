package apidoc

import "github.com/pmgen/pmgen/generator/internal/model"

// mockTest chooses the README's and package doc's test of a user's code
// against the package's mock server: the first method with a saved
// example other than a 2xx is forced to answer with it (else the first
// method with examples shows its first). It calls the method as the
// method's Example does, so only examples saved with their request's own
// path take part: the call fills in the path's variables, which an
// example saved with other values would not match. Nil when the package
// has no mock, or no such example.
func mockTest(api *model.API) *model.MockTest {
	var mt *model.MockTest
	for _, ex := range api.Examples {
		op := ex.Op
		if op == nil || op.MockOp == "" {
			continue
		}
		rows := ownPath(op.Tests)
		if mt == nil && len(rows) > 0 {
			mt = &model.MockTest{Example: ex, Status: rows[0].Status}
		}
		if i := firstNon2xx(rows); i >= 0 {
			return &model.MockTest{Example: ex, Status: rows[i].Status}
		}
	}
	return mt
}

// ownPath are the rows whose example saved the request's own path.
func ownPath(rows []*model.TestCase) []*model.TestCase {
	var out []*model.TestCase
	for _, tc := range rows {
		if tc.MockOwnPath {
			out = append(out, tc)
		}
	}
	return out
}

// firstNon2xx is the index of the first row whose status is not 2xx, or
// -1. Statuses the client retries (408, 429, 502, 503, 504) are passed
// over: forced, they would answer every try, and the test would read
// several calls where the reader expects one.
func firstNon2xx(rows []*model.TestCase) int {
	for i, tc := range rows {
		switch tc.Status {
		case 408, 429, 502, 503, 504:
			continue
		}
		if tc.Status < 200 || tc.Status > 299 {
			return i
		}
	}
	return -1
}
