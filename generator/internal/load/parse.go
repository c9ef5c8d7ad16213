// Package load reads Postman collections (schema v2.0 and v2.1) and Postman
// environments into plain data for build.
//
// It is the only importer of github.com/rbretecher/go-postman-collection,
// which stays the typed model of a collection. That library rejects or
// mangles much of what real exports contain (DESIGN.md §4), so Parse runs
// in four steps: read the bytes, once, into an ordjson tree that keeps key
// order and byte offsets; recognise documents that are not collections;
// rewrite the tree into one canonical shape that the library's types hold
// faithfully, and fill them from it (library.go); and convert the
// library's result, reading from the canonical tree what the library
// drops.
package load

import (
	"fmt"
	"runtime"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

// Parse reads a collection from data; file is used in diagnostics only.
//
// On failure the result is nil and the diagnostics hold at least one Error,
// each with a position and a stable code. On success they hold only
// warnings, or nothing.
func Parse(file string, data []byte) (c *Collection, ds model.Diagnostics) {
	// Last line of defence: a bug of ours must not crash the run.
	defer func() {
		if v := recover(); v != nil {
			c = nil
			ds = append(ds, internalError(file, v))
		}
	}()
	canon, r, ds := canonical(file, data)
	if ds != nil {
		return nil, ds
	}
	collectGarbage(len(data))
	c = (&converter{r}).collection(libCollection(canon), canon)
	collectGarbage(len(data))
	return c, r.diags
}

// canonical reads the bytes (the one pass over them), recognises the
// document, and normalises it. On failure the diagnostics hold an Error.
func canonical(file string, data []byte) (*ordjson.Value, *reporter, model.Diagnostics) {
	root, r, ds := decode(file, data)
	if ds != nil {
		return nil, r, ds
	}
	doc, ds := classify(file, root)
	if ds != nil {
		return nil, r, ds
	}
	canon := (&normaliser{r}).collection(doc)
	if r.diags.HasErrors() {
		return nil, r, r.diags
	}
	return canon, r, nil
}

// collectGarbage runs the collector at the two points where most of what
// loading allocated has just become garbage: the input's tree once the
// canonical tree is built, and the canonical tree and the library's types
// once the collection is converted. Left to itself, the collector would
// set the heap goal for the rest of the run at twice a live heap that
// counted them, and the process would keep that memory. Synthetic
// collection of 500 requests (2.8 MB): peak RSS 49-53 -> 37-38 MB; of
// 1,000: 68-70 -> 57-60 MB; no slower (measured when the canonical tree
// still went through text and encoding/json). Inputs under a megabyte,
// the fuzzers' among them, skip it: for them a forced collection costs
// more than it returns.
func collectGarbage(inputSize int) {
	if inputSize >= 1<<20 {
		runtime.GC()
	}
}

// internalError turns a panic or an impossible state into a diagnostic
// that asks for a report instead of crashing.
func internalError(file string, v any) model.Diagnostic {
	return model.Diagnostic{
		Pos:      model.Pos{File: file},
		Severity: model.Error,
		Code:     codeInternal,
		Message:  fmt.Sprintf("pmgen failed while reading this file (%v); please report it with the file attached", v),
	}
}
