package build

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// errorBodies builds a collection of one request per entry, each with a
// 200 and the error examples given (status → body), and returns the
// name of each request's error body types, "op status" → type name.
func errorBodies(t *testing.T, reqs ...[]*load.Response) (map[string]string, *model.API) {
	t.Helper()
	var items []*load.Item
	for i, rs := range reqs {
		it := request(string(rune('A'+i))+" Op", "GET", "{{u}}/x")
		it.Responses = append([]*load.Response{{Code: 200, Body: `{"ok":true}`}}, rs...)
		items = append(items, it)
	}
	api := mustBuild(t, &load.Collection{File: "c.json", Items: items})
	names := map[string]string{}
	for _, op := range api.Root.Ops {
		for _, r := range op.Responses {
			if !r.Success && r.Type != nil && r.Type.Named != nil {
				names[op.Method+" "+strconv.Itoa(r.Status)] = r.Type.Named.Name
			}
		}
	}
	return names, api
}

func resp(status int, body string) *load.Response { return &load.Response{Code: status, Body: body} }

// TestErrorBodyNames checks the sharing and naming rule of error bodies:
// equal fields in any order share one type; the smallest body of a
// status is <Status>Error, the others add the field that sets them apart;
// no name says which operation came first.
func TestErrorBodyNames(t *testing.T) {
	tests := []struct {
		name string
		reqs [][]*load.Response
		want map[string]string
	}{
		{
			"forgerock: two shapes of 401, the larger in two orders",
			[][]*load.Response{
				{resp(401, `{"code":401,"reason":"r","message":"m"}`)},
				{resp(401, `{"code":401,"reason":"r","message":"m","detail":"d"}`)},
				{resp(401, `{"code":401,"message":"m","reason":"r","detail":"d"}`)},
			},
			map[string]string{"AOp 401": "UnauthorizedError", "BOp 401": "UnauthorizedDetailError", "COp 401": "UnauthorizedDetailError"},
		},
		{
			"the smallest shape takes the plain name whatever came first",
			[][]*load.Response{
				{resp(404, `{"message":"m","path":"/x"}`)},
				{resp(404, `{"message":"m"}`)},
			},
			map[string]string{"AOp 404": "NotFoundPathError", "BOp 404": "NotFoundError"},
		},
		{
			"a field typed differently sets a shape apart",
			[][]*load.Response{
				{resp(400, `{"code":1,"message":"m"}`)},
				{resp(400, `{"code":"E1","message":"m"}`)},
			},
			map[string]string{"AOp 400": "BadRequestError", "BOp 400": "BadRequestCodeError"},
		},
		{
			"a distinguishing field another shape took is skipped",
			[][]*load.Response{
				{resp(409, `{"message":"m"}`)},
				{resp(409, `{"message":"m","id":"1","a":1}`)},
				{resp(409, `{"message":"m","id":"1","b":1}`)},
			},
			map[string]string{"AOp 409": "ConflictError", "BOp 409": "ConflictIDError", "COp 409": "ConflictBError"},
		},
		{
			"one shape under several statuses of a class",
			[][]*load.Response{
				{resp(400, `{"error":"bad"}`), resp(404, `{"error":"missing"}`)},
				{resp(500, `{"fault":"x"}`), resp(503, `{"fault":"y"}`)},
			},
			map[string]string{"AOp 400": "ClientError", "AOp 404": "ClientError", "BOp 500": "ServerError", "BOp 503": "ServerError"},
		},
		{
			"a status text that ends in Error says it once",
			[][]*load.Response{
				{resp(500, `{"message":"m"}`)},
				{resp(500, `{"message":"m","trace":"t"}`)},
			},
			map[string]string{"AOp 500": "InternalServerError", "BOp 500": "InternalServerTraceError"},
		},
		{
			"statuses of several classes",
			[][]*load.Response{{resp(404, `{"error":"x"}`), resp(500, `{"error":"y"}`)}},
			map[string]string{"AOp 404": "Error", "AOp 500": "Error"},
		},
		{
			"shapes that differ inside an object are told apart by what differs there",
			[][]*load.Response{
				{resp(403, `{"errors":[{"a":1}]}`)},
				{resp(403, `{"errors":[{"b":1}]}`)},
				{resp(403, `{"error":{"name":"n","details":{"c":1}}}`)},
				{resp(403, `{"error":{"name":"n","details":{"d":1}}}`)},
			},
			map[string]string{"AOp 403": "ForbiddenError", "BOp 403": "ForbiddenBError", "COp 403": "ForbiddenErrorError", "DOp 403": "ForbiddenDError"},
		},
		{
			"no field left to tell shapes apart: numbered",
			[][]*load.Response{
				{resp(403, `{"errors":[{"a":1}]}`)},
				{resp(403, `{"errors":[{"a":"x"}]}`)},
				{resp(403, `{"errors":[{"a":true}]}`)},
			},
			map[string]string{"AOp 403": "ForbiddenError", "BOp 403": "ForbiddenAError", "COp 403": "ForbiddenError2"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := errorBodies(t, tc.reqs...)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("names (-want +got):\n%s", diff)
			}
		})
	}
}

// TestErrorBodyNamesStable checks that the names do not depend on which
// request comes first when the shapes are the same.
func TestErrorBodyNamesStable(t *testing.T) {
	small, large := resp(401, `{"message":"m"}`), resp(401, `{"message":"m","detail":"d"}`)
	a, _ := errorBodies(t, []*load.Response{small}, []*load.Response{large})
	b, _ := errorBodies(t, []*load.Response{large}, []*load.Response{small})
	if a["AOp 401"] != b["BOp 401"] || a["BOp 401"] != b["AOp 401"] {
		t.Errorf("names follow the order: %v then %v", a, b)
	}
}

// TestErrorBodyFields checks the field that would clash with the Error
// method, and which fields word the error.
func TestErrorBodyFields(t *testing.T) {
	tests := []struct {
		name, body string
		fields     []string // Go names
		sources    []string // the message fields, best first
		fallback   string
	}{
		{"string error", `{"error":"invalid_grant","error_description":"expired"}`, []string{"ErrorText", "ErrorDescription"}, []string{"ErrorDescription", "ErrorText"}, "400 Bad Request"},
		{"number error", `{"Error":5,"msg":"m"}`, []string{"ErrorCode", "Msg"}, []string{"Msg"}, "400 Bad Request"},
		{"bool error", `{"error":true,"message":"m"}`, []string{"ErrorFlag", "Message"}, []string{"Message"}, "400 Bad Request"},
		{"object error", `{"error":{"name":"n","message":"m","details":{"a":1}}}`, []string{"ErrorInfo"}, []string{"ErrorInfo.Message"}, "400 Bad Request"},
		{"name taken", `{"errorText":"a","error":"b"}`, []string{"ErrorText", "ErrorText2"}, []string{"ErrorText2"}, "400 Bad Request"},
		{"nothing to say", `{"code":7,"status":400}`, []string{"Code", "Status"}, nil, "400 Bad Request"},
		{"optional message", `{"title":"t"}`, []string{"Title"}, []string{"Title"}, "400 Bad Request"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, api := errorBodies(t, []*load.Response{resp(400, tc.body)})
			typ := api.Root.Ops[0].Responses[1].Type.Named
			var fields, sources []string
			for _, f := range typ.Fields {
				fields = append(fields, f.Name)
			}
			for _, path := range typ.Error.Sources {
				var parts []string
				for _, f := range path {
					parts = append(parts, f.Name)
				}
				sources = append(sources, strings.Join(parts, "."))
			}
			if diff := cmp.Diff(tc.fields, fields); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.sources, sources); diff != "" {
				t.Errorf("message fields (-want +got):\n%s", diff)
			}
			if typ.Error.Fallback != tc.fallback {
				t.Errorf("fallback = %q, want %q", typ.Error.Fallback, tc.fallback)
			}
		})
	}
}

// TestErrorBodyNestedNames checks that a type nested in an error body is
// named after the body, not after the operation that first had it, and
// that no type name reachable from an error body names an operation.
func TestErrorBodyNestedNames(t *testing.T) {
	_, api := errorBodies(t,
		[]*load.Response{resp(400, `{"error":{"message":"m","details":{"field":"x"}}}`)},
		[]*load.Response{resp(404, `{"errors":[{"message":"m"}]}`)},
	)
	var names []string
	for _, typ := range api.Types {
		names = append(names, typ.Name)
	}
	want := []string{"AOpResponse", "BadRequestError", "BadRequestErrorInfo", "BadRequestErrorInfoDetails", "NotFoundError", "NotFoundErrorsItem"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("type names (-want +got):\n%s", diff)
	}
}
