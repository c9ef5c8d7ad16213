package build

import (
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// buildTests makes one test row per saved example: the server replays the
// example, and the row says what the client must send and decode.
func (b *builder) buildTests(it *load.Item, op *model.Operation) {
	assertions := statusAssertions(it.Events)
	want := b.wantRequest(op)
	n := 0
	for _, r := range it.Responses {
		if r.Code < 200 || r.Code > 599 {
			continue
		}
		n++
		tc := *want
		tc.Name = r.Name
		if strings.TrimSpace(tc.Name) == "" {
			tc.Name = statusText(r.Code)
		}
		tc.Status = r.Code
		for _, h := range r.Header {
			if replayable(h.Key) && !h.Disabled {
				tc.ResponseHeaders = append(tc.ResponseHeaders, model.KeyValue{Key: h.Key, Value: h.Value})
			}
		}
		// A server cannot send a body with these statuses.
		if r.Code != 204 && r.Code != 304 {
			tc.ResponseBody = r.Body
		}
		tc.ResponseJSON = isJSONResponse(op, r.Code, tc.ResponseBody)
		if len(tc.ResponseBody) > fixtureLimit {
			tc.ResponseFixture = b.fixturePath(op, "response_"+strconv.Itoa(n))
		}
		if success(r.Code) {
			tc.Assertions = assertions
		}
		op.Tests = append(op.Tests, &tc)
		b.api.Stats.TestRows++
	}
}

// isJSONResponse reports whether a row's body is compared as JSON: the
// status has a type and the body is not empty.
func isJSONResponse(op *model.Operation, status int, body string) bool {
	if strings.TrimSpace(body) == "" {
		return false
	}
	for _, r := range op.Responses {
		if r.Status == status {
			return r.Type != nil
		}
	}
	return false
}

// wantRequest predicts what the client sends with the test settings and
// the collection's defaults: the part of every row that is the same.
func (b *builder) wantRequest(op *model.Operation) *model.TestCase {
	tc := &model.TestCase{WantMethod: op.HTTPMethod, WantPath: render(op.URL)}
	if !strings.HasPrefix(tc.WantPath, "/") {
		// An empty path goes out as "/", as in every HTTP client.
		tc.WantPath = "/" + tc.WantPath
	}
	if op.Params != nil {
		for _, p := range op.Params.Fields {
			if !p.Enabled || hasDynamic(p.Default) {
				continue
			}
			kv := model.KeyValue{Key: p.Key, Value: render(p.Default)}
			if p.In == model.InQuery {
				tc.WantQuery = append(tc.WantQuery, kv)
			} else {
				tc.WantHeaders = append(tc.WantHeaders, kv)
			}
		}
	}
	for _, h := range op.FixedHeaders {
		if !hasDynamic(h.Name) && !hasDynamic(h.Value) {
			tc.WantHeaders = append(tc.WantHeaders, model.KeyValue{Key: render(h.Name), Value: render(h.Value)})
		}
	}
	if op.Body != nil {
		tc.WantBody = op.Body.Example
		tc.WantBodyJSON = op.Body.Kind == model.BodyJSON
		if op.Body.ContentType != "" && !hasHeader(tc.WantHeaders, "Content-Type") {
			tc.WantHeaders = append(tc.WantHeaders, model.KeyValue{Key: "Content-Type", Value: op.Body.ContentType})
		}
	}
	return tc
}

func hasHeader(kvs []model.KeyValue, key string) bool {
	for _, kv := range kvs {
		if strings.EqualFold(kv.Key, key) {
			return true
		}
	}
	return false
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
