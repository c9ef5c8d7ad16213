package build

import (
	"encoding/json"
	"net/url"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// nameMockOp names op for the mock server once it has test rows: the
// name the mock logs and answers with ("Sessions.RefreshUsersSession"),
// and the package-level variable a test passes to MockServer.Respond.
func (b *builder) nameMockOp(op *model.Operation) {
	if len(op.Tests) == 0 || b.noMock {
		return
	}
	op.MockName = strings.Join(append(append([]string(nil), op.Chain...), op.Method), ".")
	op.MockOp = b.pkg.Unique("Op" + strings.Join(op.Chain, "") + op.Method)
}

// numberMockRows gives every test row its place in the package's table of
// examples, which lists them in the order of Service.Operations.
func numberMockRows(api *model.API) {
	n := 0
	for _, op := range api.Root.Operations() {
		for _, tc := range op.Tests {
			tc.MockIndex = n
			n++
		}
	}
}

// mockRequest is the saved request example r answers, as the mock server
// matches it: r's original request, or the item's own when r saved none
// (Postman's mock servers fall back the same way).
func mockRequest(it *load.Item, r *load.Response) model.MockRequest {
	req := r.OriginalRequest
	if req == nil {
		req = it.Request
	}
	m := model.MockRequest{ID: r.ID, Name: r.Name, Method: strings.ToUpper(strings.TrimSpace(req.Method)), Path: urlPath(req.URL)}
	if m.Method == "" {
		m.Method = "GET"
	}
	if m.Path == "" {
		m.Path = "/"
	}
	for _, q := range req.URL.Query {
		if !q.Disabled && q.Key != "" {
			m.Query = append(m.Query, model.KeyValue{Key: q.Key, Value: q.Value})
		}
	}
	for _, h := range req.Header {
		// A header whose name is a variable cannot be looked up by name.
		if !h.Disabled && h.Key != "" && !strings.Contains(h.Key, "{{") {
			m.Header = append(m.Header, model.KeyValue{Key: h.Key, Value: h.Value})
		}
	}
	m.Body = mockBody(req.Body)
	return m
}

// mockBody is the text a body is compared as: raw text as saved, a form
// url-encoded, a GraphQL body as the JSON sent. Multipart and file bodies
// are not compared (their bytes are not saved), so they are empty.
func mockBody(body *load.Body) string {
	if body == nil || body.Disabled {
		return ""
	}
	switch body.Mode {
	case "raw":
		return body.Raw
	case "urlencoded":
		v := url.Values{}
		var keys []string
		for _, p := range body.URLEncoded {
			if !p.Disabled {
				if _, ok := v[p.Key]; !ok {
					keys = append(keys, p.Key)
				}
				v.Add(p.Key, p.Value)
			}
		}
		var parts []string
		for _, k := range keys {
			for _, val := range v[k] {
				parts = append(parts, url.QueryEscape(k)+"="+url.QueryEscape(val))
			}
		}
		return strings.Join(parts, "&")
	case "graphql":
		vars := strings.TrimSpace(body.GraphQLVariables)
		if vars == "" {
			vars = "null"
		}
		q, _ := json.Marshal(body.GraphQLQuery)
		return `{"query":` + string(q) + `,"variables":` + vars + `}`
	}
	return ""
}
