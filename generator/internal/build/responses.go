package build

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/infer"
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
)

// example is a saved response with its body parsed once.
type example struct {
	resp   *load.Response
	value  infer.Value // nil when the body is empty or not JSON
	isJSON bool
	empty  bool
}

// parseExamples parses every example body once, reporting bodies that claim
// to be JSON but do not parse.
func (b *builder) parseExamples(it *load.Item) []example {
	var out []example
	for _, r := range it.Responses {
		ex := example{resp: r, empty: strings.TrimSpace(r.Body) == ""}
		if !ex.empty {
			v, err := infer.Parse(r.Body)
			switch {
			case err == nil && json.Valid([]byte(r.Body)):
				ex.value, ex.isJSON = v, true
			case err == nil:
				// Comments or trailing commas: no client could decode it.
				b.diag(r.Pos, model.Warning, "example-json-extension",
					"body is JSON with comments or trailing commas, which servers do not send; it is tested as raw bytes")
			case strings.EqualFold(r.PreviewLanguage, "json"):
				b.diag(r.Pos, model.Warning, "example-invalid-json",
					"body is not valid JSON "+syntaxDetail(err)+"; it is tested as raw bytes")
			}
		}
		out = append(out, ex)
	}
	return out
}

// buildResponses types the responses: every 2xx example feeds one result
// type; every other status gets its own error type.
func (b *builder) buildResponses(it *load.Item, op *model.Operation) {
	examples := b.parseExamples(it)
	byStatus := map[int][]example{}
	for _, ex := range examples {
		if ex.resp.Code == 0 {
			continue
		}
		byStatus[ex.resp.Code] = append(byStatus[ex.resp.Code], ex)
	}
	statuses := make([]int, 0, len(byStatus))
	for s := range byStatus {
		statuses = append(statuses, s)
	}
	sort.Ints(statuses)

	// The result: JSON when every 2xx body with content is JSON, raw bytes
	// when one is not, nothing when all are empty.
	var okSamples []infer.Value
	raw := false
	for _, s := range statuses {
		if !success(s) {
			continue
		}
		for _, ex := range byStatus[s] {
			switch {
			case ex.empty:
			case ex.isJSON:
				okSamples = append(okSamples, ex.value)
			default:
				raw = true
			}
		}
	}
	switch {
	case raw:
		op.ResultRaw = true
	case len(okSamples) > 0:
		op.Result = b.infer.Infer([]string{op.Method, "Response"}, okSamples...)
	}

	for _, s := range statuses {
		r := &model.Response{Status: s, Success: success(s)}
		if r.Success {
			r.Type = op.Result
		} else {
			var samples []infer.Value
			allJSON := true
			for _, ex := range byStatus[s] {
				if ex.isJSON {
					samples = append(samples, ex.value)
				} else if !ex.empty {
					allJSON = false
				}
			}
			if allJSON && len(samples) > 0 {
				hint := append([]string{op.Method}, naming.Words(statusText(s))...)
				r.Type = b.infer.Infer(append(hint, "Error"), samples...)
			}
		}
		op.Responses = append(op.Responses, r)
	}
}

// syntaxDetail renders a parse error as "(line 3, column 7): what".
func syntaxDetail(err error) string {
	var se *infer.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("(line %d, column %d): %s", se.Line, se.Column, se.Msg)
	}
	return "(" + err.Error() + ")"
}

func success(status int) bool { return status >= 200 && status <= 299 }

// statusText names a status for type names: 401 -> "Unauthorized".
func statusText(status int) string {
	if t := http.StatusText(status); t != "" {
		return t
	}
	return fmt.Sprintf("Status %d", status)
}
