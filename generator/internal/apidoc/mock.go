package apidoc

import (
	"fmt"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// mockTest is the README's and package doc's test of a user's code
// against the package's mock server: the first method with a saved
// example other than a 2xx is forced to answer with it (else the first
// method with examples shows its first), and the test reads what the mock
// received. Empty when the collection saves no examples.
func mockTest(api *model.API) string {
	var op *model.Operation
	status := 0
	for _, o := range api.Root.Operations() {
		if o.MockOp == "" {
			continue
		}
		if op == nil {
			op, status = o, o.Tests[0].Status
		}
		if i := firstNon2xx(o.Tests); i >= 0 {
			op, status = o, o.Tests[i].Status
			break
		}
	}
	if op == nil {
		return ""
	}
	pkg := api.Package + "."
	call := usage(api, op)
	results, rest, _ := strings.Cut(call, " := ")
	blanks := strings.Repeat("_, ", strings.Count(results, ","))
	call = blanks + "err = " + rest
	check := fmt.Sprintf("var apiErr *%sAPIError\n\tif !errors.As(err, &apiErr) || apiErr.StatusCode != %d {\n\t\tt.Errorf(\"err = %%v, want the saved %d\", err)\n\t}", pkg, status, status)
	if status >= 200 && status <= 299 {
		check = "if err != nil {\n\t\tt.Fatal(err)\n\t}"
	}
	return fmt.Sprintf(`func TestWithMock(t *testing.T) {
	mock := %[1]sNewMockServer()
	srv := httptest.NewServer(mock)
	defer srv.Close()
	c, err := %[1]sNew(%[1]sWithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	// Each method answers with the saved example its request matches (a
	// 2xx first); make one answer with its saved %[2]d instead:
	mock.Respond(%[1]s%[3]s, %[2]d)
	%[4]s
	%[5]s

	// What the mock received, each body decoded into its type:
	calls, err := %[1]sMockCalls(mock, %[1]s%[3]s)
	if err != nil || len(calls) != 1 {
		t.Fatalf("calls = %%v, %%v", calls, err)
	}
}`, pkg, status, op.MockOp, strings.ReplaceAll(call, "\n", "\n\t"), check)
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
