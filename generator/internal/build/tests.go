package build

import (
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/pmtest"
	"github.com/pmgen/pmgen/generator/internal/wire"
)

// buildTests makes one test row per saved example: the server replays the
// example, and the row says what the client must send and decode.
func (b *builder) buildTests(it *load.Item, op *model.Operation, examples []example) {
	blocks := b.testBlocks(it)
	want := wire.Request(op)
	n := 0
	for _, ex := range examples {
		r, status := ex.resp, ex.status
		if status < 200 || status > 599 {
			continue
		}
		n++
		tc := *want
		tc.Name = r.Name
		if strings.TrimSpace(tc.Name) == "" {
			tc.Name = statusText(status)
		}
		tc.Status = status
		tc.Mock = mockRequest(it, r)
		tc.MockOwnPath = tc.Mock.Path == mockRequest(it, &load.Response{}).Path
		for _, h := range r.Header {
			// The test server would send these as written.
			if !h.Disabled && !validHeaderName(h.Key) {
				b.diag(r.Pos, model.Warning, "invalid-example-header",
					"the example's header name "+strconv.Quote(h.Key)+" is not a valid HTTP field name; it is not replayed")
				continue
			}
			if !h.Disabled && splitsRequest(h.Value) {
				b.diag(r.Pos, model.Warning, "invalid-example-header",
					"the value of the example's header "+strconv.Quote(h.Key)+" holds a line break or NUL; it is not replayed")
				continue
			}
			if replayable(h.Key) && !h.Disabled {
				tc.ResponseHeaders = append(tc.ResponseHeaders, model.KeyValue{Key: h.Key, Value: h.Value})
			}
		}
		// A server cannot send a body with these statuses.
		if status != 204 && status != 304 {
			tc.ResponseBody = ex.body
		}
		tc.ResponseJSON = isJSONResponse(op, status, tc.ResponseBody)
		if tc.ResponseJSON && !success(status) {
			tc.ErrorType = responseType(op, status)
		}
		pmtest.Apply(&tc, blocks)
		op.Tests = append(op.Tests, &tc)
		b.api.Stats.TestRows++
	}
}

// responseType is the typed body of a status, or nil.
func responseType(op *model.Operation, status int) *model.TypeRef {
	for _, r := range op.Responses {
		if r.Status == status {
			return r.Type
		}
	}
	return nil
}

// isJSONResponse reports whether a row's body is compared as JSON: the
// status has a type and the body is not empty.
func isJSONResponse(op *model.Operation, status int, body string) bool {
	return strings.TrimSpace(body) != "" && responseType(op, status) != nil
}

// replayable reports whether a saved response header can be replayed as
// is: length and encoding headers describe the original transfer, not the
// saved body.
func replayable(key string) bool {
	switch strings.ToLower(strings.TrimSpace(key)) {
	case "", "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date":
		return false
	}
	return true
}
