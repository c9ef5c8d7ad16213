package apidoc

import "github.com/pmgen/pmgen/generator/internal/model"

// mockTest chooses the README's and package doc's test of a user's code
// against the package's mock server: the first method with a saved
// example other than a 2xx is forced to answer with it (else the first
// method with examples shows its first). It calls the method as the
// method's Example does. Nil when the package has no mock.
func mockTest(api *model.API) *model.MockTest {
	var mt *model.MockTest
	for _, ex := range api.Examples {
		op := ex.Op
		if op == nil || op.MockOp == "" {
			continue
		}
		if mt == nil {
			mt = &model.MockTest{Example: ex, Status: op.Tests[0].Status}
		}
		if i := firstNon2xx(op.Tests); i >= 0 {
			return &model.MockTest{Example: ex, Status: op.Tests[i].Status}
		}
	}
	return mt
}

// firstNon2xx is the index of the first row whose status is not 2xx, or -1.
func firstNon2xx(rows []*model.TestCase) int {
	for i, tc := range rows {
		if tc.Status < 200 || tc.Status > 299 {
			return i
		}
	}
	return -1
}
