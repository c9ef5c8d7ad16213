package apidoc

import (
	"reflect"
	"slices"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// TestExampleNames checks that examples are named as go doc attaches them
// (Example<Type>_<Method>, Client for the top of the collection), and that
// a method whose name go vet would misread gets none.
func TestExampleNames(t *testing.T) {
	top := &model.Operation{Method: "ListUsers"}
	get := &model.Operation{Method: "GetUser"}
	odd := &model.Operation{Method: "Get_v2"}
	users := &model.Service{TypeName: "UsersService", Ops: []*model.Operation{get, odd}}
	api := &model.API{Root: &model.Service{Ops: []*model.Operation{top}, Services: []*model.Service{users}}}
	var names []string
	for _, ex := range examples(api) {
		names = append(names, ex.Name)
	}
	want := []string{"ExampleNew", "ExampleClient_ListUsers", "ExampleUsersService_GetUser"}
	if !slices.Equal(names, want) {
		t.Errorf("examples = %q, want %q", names, want)
	}
}

// TestServe checks which saved response a runnable example replays and
// what it prints: the first plain scalar of the first 2xx JSON example,
// cut down to that value.
func TestServe(t *testing.T) {
	str := &model.TypeRef{Kind: model.KindString}
	user := &model.Type{Name: "User", Fields: []*model.Field{
		{JSONName: "nick", Name: "Nick", Type: str, Pointer: true},
		{JSONName: "bio", Name: "Bio", Type: str},
		{JSONName: "id", Name: "ID", Type: &model.TypeRef{Kind: model.KindInt}},
		{JSONName: "name", Name: "Name", Type: str},
	}}
	obj := &model.TypeRef{Kind: model.KindStruct, Named: user}
	list := &model.TypeRef{Kind: model.KindSlice, Elem: obj}
	saved := `{"nick": "ada", "bio": "line one\nline two", "id": 42, "name": "Ada"}`
	json := []model.KeyValue{{Key: "content-type", Value: "application/vnd.api+json"}}
	for _, c := range []struct {
		name  string
		op    *model.Operation
		want  *model.ExampleServe
		input string
	}{
		{"object", &model.Operation{Result: obj, Tests: []*model.TestCase{
			{Status: 404, ResponseJSON: true, ResponseBody: `{"id": 1}`, ErrorType: obj},
			{Status: 201, ResponseJSON: true, ResponseBody: saved, ResponseHeaders: json},
		}}, &model.ExampleServe{Status: 201, ContentType: "application/vnd.api+json", Body: `{"id":42}`, Field: "ID", Output: "42"}, ""},
		{"list", &model.Operation{Result: list, Tests: []*model.TestCase{
			{Status: 200, ResponseJSON: true, ResponseBody: `[{"bio": " padded", "name": "Ada"}, {"id": 1}]`},
		}}, &model.ExampleServe{Status: 200, ContentType: "application/json", Body: `[{"name":"Ada"}]`, Index: true, Field: "Name", Output: "Ada"}, ""},
		{"only an error saved", &model.Operation{Result: obj, Tests: []*model.TestCase{
			{Status: 500, ResponseJSON: true, ResponseBody: saved},
		}}, nil, ""},
		{"raw result", &model.Operation{Result: obj, ResultRaw: true, Tests: []*model.TestCase{
			{Status: 200, ResponseJSON: true, ResponseBody: saved},
		}}, nil, ""},
	} {
		if got := serve(c.op); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: serve = %+v, want %+v", c.name, got, c.want)
		}
	}
}

// TestInput checks which saved request bodies an example passes as
// written: short JSON, compacted, and never one that spells variables.
func TestInput(t *testing.T) {
	obj := &model.TypeRef{Kind: model.KindStruct, Named: &model.Type{Name: "Body"}}
	for _, c := range []struct {
		body *model.Body
		want string
	}{
		{&model.Body{Kind: model.BodyJSON, Type: obj, Example: "{\n  \"name\": \"Ada\"\n}"}, `{"name":"Ada"}`},
		{&model.Body{Kind: model.BodyJSON, Type: obj, Example: `{"token": "{{token}}"}`}, ""},
		{&model.Body{Kind: model.BodyJSON, Type: obj, Example: `{"a": 1}`, ExampleFixture: &model.Fixture{File: "x.txt", Name: "Op"}}, ""},
		{&model.Body{Kind: model.BodyText, Example: "hello"}, "hello"},
		{nil, ""},
	} {
		if got := input(c.body); got != c.want {
			t.Errorf("input(%+v) = %q, want %q", c.body, got, c.want)
		}
	}
}
