package build

import (
	"testing"

	"github.com/pmgen/pmgen/generator/internal/load"
)

// TestExampleStatus: an example without a code takes the one its status
// text names, in any case and spacing, by net/http's table or the IANA
// registry's current phrase; one that names none has no status.
func TestExampleStatus(t *testing.T) {
	for _, tt := range []struct {
		status, name string
		code         int
		want         int
	}{
		{code: 204, status: "OK", want: 204},
		{status: "OK", want: 200},
		{status: "Created", want: 201},
		{status: "not found", want: 404},
		{status: "  Not   Found ", want: 404},
		{status: "Unprocessable Entity", want: 422},
		{status: "Unprocessable Content", want: 422},
		{status: "Content Too Large", want: 413},
		{status: "Request Entity Too Large", want: 413},
		{status: "Range Not Satisfiable", want: 416},
		{status: "URI Too Long", want: 414},
		{status: "I'm a teapot", want: 418},
		{status: "404 Not Found", want: 404},
		{name: "Created", want: 201},
		{status: "Everything fine", name: "Get user", want: 0},
		{want: 0},
	} {
		r := &load.Response{Code: tt.code, Status: tt.status, Name: tt.name}
		if got := exampleStatus(r); got != tt.want {
			t.Errorf("exampleStatus(code %d, status %q, name %q) = %d, want %d", tt.code, tt.status, tt.name, got, tt.want)
		}
	}
}

// TestStatusTextExampleIsTested: an example with only a status text feeds
// the types and a test row; one with neither code nor text keeps the
// example-without-status warning and adds no row.
func TestStatusTextExampleIsTested(t *testing.T) {
	it := request("Create", "POST", "https://api.example.com/things")
	it.Responses = []*load.Response{
		{Name: "made", Status: "Created", Body: `{"id": 1}`},
		{Name: "mystery", Body: `{"id": 2}`},
	}
	api, diags := Build(&load.Collection{File: "c.json", Items: []*load.Item{it}}, Options{})
	if api == nil {
		t.Fatalf("Build failed: %v", diags)
	}
	if api.Stats.TestRows != 1 {
		t.Errorf("test rows = %d, want 1", api.Stats.TestRows)
	}
	op := api.Root.Ops[0]
	if len(op.Tests) != 1 || op.Tests[0].Status != 201 {
		t.Errorf("tests %+v, want one for 201", op.Tests)
	}
	var without int
	for _, d := range diags {
		if d.Code == "example-without-status" {
			without++
		}
	}
	if without != 1 {
		t.Errorf("%d example-without-status warnings, want 1: %v", without, diags)
	}
}
