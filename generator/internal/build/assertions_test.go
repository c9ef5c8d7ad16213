package build

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pmgen/pmgen/generator/internal/load"
)

// TestApplyBlocks builds a request whose scripts run at three levels and
// whose examples include an error: each row gets the blocks that hold on
// its example, and lists the others with the reason.
func TestApplyBlocks(t *testing.T) {
	it := request("Get", "GET", "{{base}}/things", "Things", "Get")
	it.Events = []load.Event{{Listen: "test", Exec: strings.Split(`pm.test("Status code is 200", function () {
    pm.response.to.have.status(200);
});
pm.test("Has id", () => pm.expect(pm.response.json()).to.have.property('id'));
pm.test("Chunked", () => pm.response.to.have.header('Transfer-Encoding', 'chunked'));`, "\n")}}
	it.Responses = []*load.Response{
		{Name: "OK", Code: 200, Header: []load.Pair{{Key: "Content-Type", Value: "application/json"}, {Key: "Transfer-Encoding", Value: "chunked"}}, Body: `{"id": 1}`},
		{Name: "Denied", Code: 401, Header: []load.Pair{{Key: "Content-Type", Value: "application/json"}}, Body: `{"message": "no"}`},
	}
	folder := &load.Item{Name: "Things", IsFolder: true, Items: []*load.Item{it},
		Events: []load.Event{{Listen: "test", Exec: []string{`pm.test("JSON", () => { pm.response.to.have.header("Content-Type", "application/json"); });`}}}}
	col := &load.Collection{File: "c.json", Name: "C", Items: []*load.Item{folder},
		Variables: []load.Variable{{Key: "base", Value: "https://x.example.com"}},
		Events:    []load.Event{{Listen: "test", Exec: []string{`pm.test.skip("later", () => {});`}}}}
	api := mustBuild(t, col)
	op := api.Root.Services[0].Ops[0]
	type row struct {
		Asserts []string
		Skipped []string
	}
	var got []row
	for _, tc := range op.Tests {
		var r row
		for _, a := range tc.Assertions {
			r.Asserts = append(r.Asserts, a.Name)
		}
		for _, s := range tc.Skipped {
			first, _, _ := strings.Cut(s.Message, "\n")
			r.Skipped = append(r.Skipped, first)
		}
		got = append(got, r)
	}
	skipLater := `pm.test "later" is not translated: it is pm.test.skip in the collection.`
	skipChunked := `pm.test "Chunked" is not translated: it checks the Transfer-Encoding header, which describes the original transfer and is not replayed.`
	want := []row{{
		Asserts: []string{"JSON", "Status code is 200", "Has id"},
		Skipped: []string{skipLater, skipChunked},
	}, {
		Asserts: []string{"JSON"},
		Skipped: []string{
			skipLater,
			`pm.test "Status code is 200" is not checked here: it does not hold on this example (status 401): status is 401, want 200.`,
			`pm.test "Has id" is not checked here: it does not hold on this example (status 401): "id" is missing.`,
			skipChunked,
		},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}
