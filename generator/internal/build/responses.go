package build

import (
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

// example is a saved response with its status settled and its body parsed
// once.
type example struct {
	resp *load.Response
	// status is the saved code, or the one the status text names when the
	// example saved no code; 0 when neither says.
	status int
	value  *ordjson.Value // nil when the body is empty or not JSON
	isJSON bool
	empty  bool
	// body is the body to replay: as saved, or rewritten as standard JSON
	// when the example saved comments or trailing commas.
	body string
}

// parseExamples parses every example body once, reporting bodies that claim
// to be JSON but do not parse.
func (b *builder) parseExamples(it *load.Item) []example {
	var out []example
	for _, r := range it.Responses {
		ex := example{resp: r, status: exampleStatus(r), empty: strings.TrimSpace(r.Body) == "", body: r.Body}
		if it.Request.Method == "HEAD" {
			// A HEAD response has no body, whatever the example saved.
			ex.empty, ex.body = true, ""
		}
		if ex.status == 0 {
			b.diag(r.Pos, model.Warning, "example-without-status",
				"the example saves no status code and its status text names none; it is left out of the types and tests")
		}
		if !ex.empty {
			v, extended, err := b.json.Parse(r.Body)
			switch {
			case err == nil && !extended:
				ex.value, ex.isJSON = v, true
			case err == nil:
				// Comments or trailing commas: documentation rather than a
				// real response, so it is typed and replayed as standard JSON.
				ex.value, ex.isJSON, ex.body = v, true, ordjson.Marshal(v)
				b.diag(r.Pos, model.Warning, "example-json-extension",
					"body is JSON with comments or trailing commas; it is typed and replayed as standard JSON")
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
func (b *builder) buildResponses(it *load.Item, op *model.Operation) []example {
	examples := b.parseExamples(it)
	byStatus := map[int][]example{}
	for _, ex := range examples {
		if ex.empty && (ex.status == 0 || success(ex.status)) {
			op.EmptyResultOK = true
		}
		if ex.status == 0 {
			continue
		}
		byStatus[ex.status] = append(byStatus[ex.status], ex)
	}
	statuses := make([]int, 0, len(byStatus))
	for s := range byStatus {
		statuses = append(statuses, s)
	}
	sort.Ints(statuses)

	// The result: JSON when every 2xx body with content is JSON, raw bytes
	// when one is not, nothing when all are empty.
	var okSamples []*ordjson.Value
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
	case download(it, examples):
		op.ResultStream = true
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
			var samples []*ordjson.Value
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
				r.Type = b.infer.InferError(append(hint, "Error"), samples...)
			}
		}
		op.Responses = append(op.Responses, r)
	}
	return examples
}

// exampleStatus is the example's code, or the status its text names
// ("Not Found", "404 Not Found", "201") when it saved no code.
func exampleStatus(r *load.Response) int {
	if r.Code != 0 {
		return r.Code
	}
	for _, text := range []string{r.Status, r.Name} {
		text = strings.TrimSpace(text)
		if n, err := strconv.Atoi(strings.Fields(text + " x")[0]); err == nil && n >= 100 && n <= 599 {
			return n
		}
		if code, ok := reasonPhrases[strings.ToLower(strings.Join(strings.Fields(text), " "))]; ok {
			return code
		}
	}
	return 0
}

// reasonPhrases maps a status text, lower-cased, to its code: net/http's
// table, plus the IANA registry's current phrases where RFC 9110 renamed
// one that net/http still spells the old way ("Content Too Large" for
// "Request Entity Too Large"), and the names in between that exports
// still carry.
var reasonPhrases = func() map[string]int {
	m := map[string]int{}
	for code := 100; code <= 599; code++ {
		if t := http.StatusText(code); t != "" {
			m[strings.ToLower(t)] = code
		}
	}
	for text, code := range map[string]int{
		"content too large":     413,
		"payload too large":     413,
		"uri too long":          414,
		"range not satisfiable": 416,
		"unprocessable content": 422,
		"moved temporarily":     302,
	} {
		m[text] = code
	}
	return m
}()

// syntaxDetail renders a parse error as "(line 3, column 7): what".
func syntaxDetail(err error) string {
	var se *ordjson.SyntaxError
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

// linkHeader reports whether a 2xx example carries a Link header that
// names a next page.
func linkHeader(examples []example) bool {
	for _, ex := range examples {
		if !success(ex.status) {
			continue
		}
		for _, h := range ex.resp.Header {
			if strings.EqualFold(h.Key, "Link") && strings.Contains(strings.ToLower(h.Value), "rel=\"next\"") {
				return true
			}
		}
	}
	return false
}
