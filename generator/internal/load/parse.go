// Package load reads Postman collections (schema v2.0 and v2.1) and Postman
// environments into plain data for build.
//
// It is the only importer of github.com/rbretecher/go-postman-collection,
// which stays the typed model of a collection. That library rejects or
// mangles much of what real exports contain (DESIGN.md §4), so Parse runs
// in four steps: decode the bytes into a generic tree that keeps key order
// and byte offsets; recognise documents that are not collections; rewrite
// the tree into one canonical shape the library decodes faithfully; and
// convert the library's result, reading from the canonical tree what the
// library drops.
package load

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime"

	postman "github.com/rbretecher/go-postman-collection"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// Parse reads a collection from data; file is used in diagnostics only.
//
// On failure the result is nil and the diagnostics hold at least one Error,
// each with a position and a stable code. On success they hold only
// warnings, or nothing.
func Parse(file string, data []byte) (c *Collection, ds model.Diagnostics) {
	// Last line of defence: the library indexes its input without checks,
	// and a bug of ours must not crash the run either.
	defer func() {
		if v := recover(); v != nil {
			c = nil
			ds = append(ds, internalError(file, v))
		}
	}()
	// Only the size is kept, so that the input can be collected as soon as
	// the tree holds it.
	size := len(data)
	root, r, ds := decode(file, data)
	if ds != nil {
		return nil, ds
	}
	doc, ds := classify(file, root)
	if ds != nil {
		return nil, ds
	}
	canon := (&normaliser{r}).collection(doc)
	if r.diags.HasErrors() {
		return nil, r.diags
	}
	collectGarbage(size)
	var buf bytes.Buffer
	buf.Grow(size) // the canonical form is about the size of the input
	writeJSON(&buf, canon)
	// postman.ParseCollection is json.NewDecoder(r).Decode, which copies
	// the whole text into a buffer of its own, grown by doubling, at the
	// moment the run holds the most. Unmarshalling the bytes into the
	// library's type runs the same decoding without that copy.
	var pc *postman.Collection
	err := json.Unmarshal(buf.Bytes(), &pc)
	if err != nil || pc == nil {
		// The canonical tree is built to be accepted; a rejection is our bug.
		return nil, append(r.diags, internalError(file, fmt.Sprintf("go-postman-collection rejected the normalised collection: %v", err)))
	}
	c = (&converter{r}).collection(pc, canon)
	collectGarbage(size)
	return c, r.diags
}

// collectGarbage runs the collector at the two points where most of what
// loading allocated has just become garbage: the input's tree once the
// canonical tree is built, and the canonical text and trees once the
// library has decoded them. Left to itself, the collector would set the
// heap goal for the rest of the run at twice a live heap that counted
// them, and the process would keep that memory. Synthetic collection of
// 500 requests (2.8 MB): peak RSS 49-53 -> 37-38 MB; of 1,000: 68-70 ->
// 57-60 MB; no slower. Inputs under a megabyte, the fuzzers' among them,
// skip it: for them a forced collection costs more than it returns.
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
