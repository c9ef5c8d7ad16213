package generator

import (
	"errors"
	"net/http"

	"github.com/pmgen/pmgen/generator/internal/model"
	pmruntime "github.com/pmgen/pmgen/templates/runtime"
)

// MockConfig is one run of pmgen mock: a collection served by its saved
// examples, without generating its client.
type MockConfig struct {
	// In and Env are read as for Config.
	In, Env string
	// Log, when set, is called after each request is answered.
	Log func(MockLog)
}

// MockLog is one request the mock answered: which method and example
// answered it, or empty names when none matched and it answered 404.
type MockLog struct {
	Method, Path, RawQuery string
	Op, Example            string
	Status                 int
}

// Mock is a collection's mock server and what loading it found.
type Mock struct {
	Handler http.Handler
	// Examples is how many examples it serves; Warnings are as for
	// Result.
	Examples int
	Warnings []string
}

// NewMock loads and builds the collection as Generate does, so that a
// collection generation rejects is rejected with the same message, and
// returns a handler that answers with its examples. It is the matcher of
// every generated package's NewMockServer (templates/runtime).
func NewMock(cfg MockConfig) (*Mock, error) {
	if cfg.In == "" {
		return nil, errors.New("the collection (-in) is required")
	}
	col, env, err := readInputs(cfg.In, cfg.Env)
	if err != nil {
		return nil, err
	}
	api, diags, err := buildModel(col, env, "", nil, nil)
	if err != nil {
		return nil, err
	}
	examples := mockExamples(api)
	// A server that runs until stopped keeps no record of what it served.
	opts := []pmruntime.MockOption{pmruntime.MockForget()}
	if cfg.Log != nil {
		opts = append(opts, pmruntime.MockOnRequest(func(r pmruntime.MockRequest) {
			cfg.Log(MockLog{Method: r.Method, Path: r.Path, RawQuery: r.RawQuery, Op: r.Op, Example: r.Example, Status: r.Status})
		}))
	}
	m := &Mock{Handler: pmruntime.NewMockServerFor(examples, opts...), Examples: len(examples)}
	for _, d := range diags {
		m.Warnings = append(m.Warnings, d.String())
	}
	return m, nil
}

// mockExamples are the rows the mock serves, in the collection's order:
// one per test row, the same table a generated package's mock.go holds.
func mockExamples(api *model.API) []pmruntime.MockExample {
	var out []pmruntime.MockExample
	for _, op := range api.Root.Operations() {
		for _, tc := range op.Tests {
			out = append(out, pmruntime.MockExample{
				Op: op.MockName, Name: tc.Mock.Name, ID: tc.Mock.ID,
				Status: tc.Status, Header: pairs(tc.ResponseHeaders), Body: tc.ResponseBody,
				Method: tc.Mock.Method, Path: tc.Mock.Path,
				Query: pairs(tc.Mock.Query), RequestHeader: pairs(tc.Mock.Header), RequestBody: tc.Mock.Body,
			})
		}
	}
	return out
}

func pairs(kvs []model.KeyValue) [][2]string {
	var out [][2]string
	for _, kv := range kvs {
		out = append(out, [2]string{kv.Key, kv.Value})
	}
	return out
}
