package generator

import (
	"os"
	"slices"

	"github.com/pmgen/pmgen/generator/internal/load"
)

// RequestItem is one request of a collection as pmgen reads it.
type RequestItem struct {
	// Path is the breadcrumb of folder names down to the request's own
	// name, as the generated code and diagnostics name it.
	Path []string
	// Method is the HTTP method, upper case.
	Method string
}

// Requests lists the requests of a collection file in the order Postman
// runs them (depth first), read by the same loader that Generate uses. It
// is the seam that lets other readers of collections, such as the
// conformance harness, check that they see what pmgen sees. An
// *InputError carries every diagnostic when the collection cannot load.
func Requests(file string) ([]RequestItem, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, &InputError{[]string{err.Error()}}
	}
	c, diags := load.Parse(file, data)
	if diags.HasErrors() {
		return nil, inputError(diags)
	}
	var out []RequestItem
	var walk func([]*load.Item)
	walk = func(items []*load.Item) {
		for _, it := range items {
			if it.IsFolder {
				walk(it.Items)
				continue
			}
			out = append(out, RequestItem{Path: slices.Clone(it.Pos.Path), Method: it.Request.Method})
		}
	}
	walk(c.Items)
	return out, nil
}
