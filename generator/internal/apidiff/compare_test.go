package apidiff

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/build"
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// The collections below are built from small pieces so that each case
// reads as the edit it makes to one base collection.

type obj = map[string]any

func collection(items ...obj) []byte {
	data, err := json.Marshal(obj{
		"info": obj{
			"name":   "Shop",
			"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
		},
		"variable": []obj{{"key": "baseUrl", "value": "https://api.example.com"}},
		"item":     items,
	})
	if err != nil {
		panic(err)
	}
	return data
}

func folder(name, id string, items ...obj) obj {
	return obj{"name": name, "id": id, "item": items}
}

type reqOpt func(r, url obj)

// request is an item sending method to {{baseUrl}} + path; path segments
// starting with ':' are path variables.
func request(name, id, method, path string, opts ...reqOpt) obj {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	var vars []obj
	for _, s := range segs {
		if strings.HasPrefix(s, ":") {
			vars = append(vars, obj{"key": s[1:], "value": "1"})
		}
	}
	url := obj{"raw": "{{baseUrl}}" + path, "host": []string{"{{baseUrl}}"}, "path": segs, "variable": vars}
	r := obj{"method": method, "url": url}
	it := obj{"name": name, "request": r}
	if id != "" {
		it["id"] = id
	}
	for _, o := range opts {
		o(it, url)
	}
	return it
}

// query adds a query parameter; a disabled one is sent only when set.
func query(key, value string, disabled bool) reqOpt {
	return func(_, url obj) {
		q, _ := url["query"].([]obj)
		url["query"] = append(q, obj{"key": key, "value": value, "disabled": disabled})
		var parts []string
		for _, e := range url["query"].([]obj) {
			if e["disabled"] != true {
				parts = append(parts, e["key"].(string)+"="+e["value"].(string))
			}
		}
		raw := strings.SplitN(url["raw"].(string), "?", 2)[0]
		if len(parts) > 0 {
			raw += "?" + strings.Join(parts, "&")
		}
		url["raw"] = raw
	}
}

// example adds a saved JSON response.
func example(code int, body string) reqOpt {
	return func(it, _ obj) {
		rs, _ := it["response"].([]obj)
		it["response"] = append(rs, obj{
			"name": "example", "code": code, "body": body,
			"header": []obj{{"key": "Content-Type", "value": "application/json"}},
		})
	}
}

// body adds a raw JSON request body.
func body(raw string) reqOpt {
	return func(it, _ obj) {
		it["request"].(obj)["body"] = obj{"mode": "raw", "raw": raw, "options": obj{"raw": obj{"language": "json"}}}
	}
}

const userJSON = `{"id": 1, "name": "Ann", "age": 30}`

func getUser(opts ...reqOpt) obj {
	return request("Get user", "item-get", "GET", "/users/:id", append([]reqOpt{query("verbose", "true", false), example(200, userJSON)}, opts...)...)
}

func deleteUser() obj { return request("Delete user", "item-delete", "DELETE", "/users/:id") }

func listOrders() obj { return request("List orders", "item-orders", "GET", "/orders") }

// ordersView is "List orders" with the query parameter view.
func ordersView(view string, opts ...reqOpt) obj {
	return request("List orders", "item-orders", "GET", "/orders", append([]reqOpt{query("view", view, false)}, opts...)...)
}

// base is the collection every case edits.
func base() []byte {
	return collection(
		folder("Users", "folder-users", getUser(), deleteUser()),
		folder("Orders", "folder-orders", listOrders()),
	)
}

func mustBuild(t testing.TB, name string, data []byte) *model.API {
	t.Helper()
	col, diags := load.Parse(name, data)
	if diags.HasErrors() {
		t.Fatalf("%s: %v", name, diags)
	}
	api, diags := build.Build(col, build.Options{})
	if diags.HasErrors() {
		t.Fatalf("%s: %v", name, diags)
	}
	return api
}

// want is a change a report must hold: Detail is a substring.
type want struct {
	kind     Kind
	subject  string
	name     string
	detail   string
	breaking bool
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name string
		old  []byte // nil: base()
		new  []byte
		want []want
		bump Bump
	}{{
		name: "identical",
		new:  base(),
		bump: BumpNone,
	}, {
		name: "request added",
		new: collection(
			folder("Users", "folder-users", getUser(), deleteUser()),
			folder("Orders", "folder-orders", listOrders(), request("Cancel order", "item-cancel", "POST", "/orders/:id/cancel")),
		),
		want: []want{{Added, "method", "c.Orders.CancelOrder", `"Cancel order" (POST {{baseUrl}}/orders/:id/cancel)`, false}},
		bump: BumpMinor,
	}, {
		name: "request removed",
		new: collection(
			folder("Users", "folder-users", getUser()),
			folder("Orders", "folder-orders", listOrders()),
		),
		want: []want{{Removed, "method", "c.Users.DeleteUser", `"Delete user" (DELETE {{baseUrl}}/users/:id) is gone`, true}},
		bump: BumpMajor,
	}, {
		name: "new required path variable",
		new: collection(
			folder("Users", "folder-users",
				request("Get user", "item-get", "GET", "/orgs/:org/users/:id", query("verbose", "true", false), example(200, userJSON)),
				deleteUser()),
			folder("Orders", "folder-orders", listOrders()),
		),
		want: []want{
			{Changed, "method", "c.Users.GetUser", "now sends GET {{baseUrl}}/orgs/:org/users/:id (was GET {{baseUrl}}/users/:id)", false},
			// Path arguments are positional: :org takes the place of :id.
			{Changed, "path argument", "c.Users.GetUser", "argument 1 is now the path variable :org (was :id)", true},
			{Added, "path argument", "c.Users.GetUser", "new required path variable :id", true},
		},
		bump: BumpMajor,
	}, {
		name: "new optional query parameter",
		new: collection(
			folder("Users", "folder-users", getUser(query("expand", "groups", true)), deleteUser()),
			folder("Orders", "folder-orders", listOrders()),
		),
		want: []want{{Added, "parameter", "GetUserParams.Expand", `new optional query parameter "expand", sent only when set`, false}},
		bump: BumpMinor,
	}, {
		name: "query parameter required to optional",
		new: collection(
			folder("Users", "folder-users",
				request("Get user", "item-get", "GET", "/users/:id", query("verbose", "true", true), example(200, userJSON)),
				deleteUser()),
			folder("Orders", "folder-orders", listOrders()),
		),
		want: []want{{Changed, "parameter", "GetUserParams.Verbose", "required → optional", true}},
		bump: BumpMajor,
	}, {
		name: "response field removed",
		new: collection(
			folder("Users", "folder-users",
				request("Get user", "item-get", "GET", "/users/:id", query("verbose", "true", false), example(200, `{"id": 1, "name": "Ann"}`)),
				deleteUser()),
			folder("Orders", "folder-orders", listOrders()),
		),
		want: []want{{Removed, "field", "GetUserResponse.Age", `the JSON key "age" is gone`, true}},
		bump: BumpMajor,
	}, {
		name: "response field retyped from number to string",
		new: collection(
			folder("Users", "folder-users",
				request("Get user", "item-get", "GET", "/users/:id", query("verbose", "true", false), example(200, `{"id": 1, "name": "Ann", "age": "30"}`)),
				deleteUser()),
			folder("Orders", "folder-orders", listOrders()),
		),
		want: []want{{Changed, "field", "GetUserResponse.Age", "type string (was int64)", true}},
		bump: BumpMajor,
	}, {
		name: "response field added",
		new: collection(
			folder("Users", "folder-users",
				request("Get user", "item-get", "GET", "/users/:id", query("verbose", "true", false), example(200, `{"id": 1, "name": "Ann", "age": 30, "email": "a@example.com"}`)),
				deleteUser()),
			folder("Orders", "folder-orders", listOrders()),
		),
		want: []want{{Added, "field", "GetUserResponse.Email", `new field (JSON key "email") of type string`, false}},
		bump: BumpMinor,
	}, {
		name: "request moved to another folder",
		new: collection(
			folder("Users", "folder-users", getUser()),
			folder("Orders", "folder-orders", listOrders(), deleteUser()),
		),
		want: []want{{Moved, "method", "c.Users.DeleteUser", "now c.Orders.DeleteUser (folder «Orders», was «Users»)", true}},
		bump: BumpMajor,
	}, {
		name: "item renamed with the same id",
		new: collection(
			folder("Users", "folder-users",
				request("Fetch user", "item-get", "GET", "/users/:id", query("verbose", "true", false), example(200, userJSON)),
				deleteUser()),
			folder("Orders", "folder-orders", listOrders()),
		),
		want: []want{
			{Renamed, "method", "c.Users.GetUser", `now c.Users.FetchUser (request "Fetch user", was "Get user")`, true},
			{Renamed, "type", "GetUserParams", "now FetchUserParams", true},
			// The result type follows its method and is compared as one type.
			{Renamed, "type", "GetUserResponse", "now FetchUserResponse", true},
		},
		bump: BumpMajor,
	}, {
		name: "renamed only in ordinal, case and punctuation",
		new: collection(
			folder("Users", "folder-users",
				request("Step 2: get User!", "item-get", "GET", "/users/:id", query("verbose", "true", false), example(200, userJSON)),
				deleteUser()),
			folder("Orders", "folder-orders", listOrders()),
		),
		want: []want{{Renamed, "request", "c.Users.GetUser", `now "Step 2: get User!" (was "Get user"); the Go name is unchanged`, false}},
		bump: BumpPatch,
	}, {
		name: "a short word put in capitals keeps them, which renames",
		new: collection(
			folder("Users", "folder-users",
				request("Get user", "item-get", "GET", "/users/:id", query("verbose", "true", false), example(200, userJSON)),
				request("Delete user SFTP keys", "item-delete", "DELETE", "/users/:id")),
			folder("Orders", "folder-orders", listOrders()),
		),
		old: collection(
			folder("Users", "folder-users",
				request("Get user", "item-get", "GET", "/users/:id", query("verbose", "true", false), example(200, userJSON)),
				request("Delete user sftp KEYS", "item-delete", "DELETE", "/users/:id")),
			folder("Orders", "folder-orders", listOrders()),
		),
		want: []want{{Renamed, "method", "c.Users.DeleteUserSftpKEYS", `now c.Users.DeleteUserSFTPKeys (request "Delete user SFTP keys", was "Delete user sftp KEYS")`, true}},
		bump: BumpMajor,
	}, {
		name: "renamed without ids, matched by method and URL",
		new: collection(
			folder("Users", "folder-users", getUser(), request("Remove user", "", "DELETE", "/users/:id")),
			folder("Orders", "folder-orders", listOrders()),
		),
		want: []want{{Renamed, "method", "c.Users.DeleteUser", "now c.Users.RemoveUser", true}},
		bump: BumpMajor,
	}, {
		name: "one of two requests to one URL removed, without ids",
		old: collection(folder("Search", "",
			request("Search users", "", "GET", "/search", query("type", "user", false)),
			request("Search groups", "", "GET", "/search", query("type", "group", false)))),
		new: collection(folder("Search", "",
			request("Search groups", "", "GET", "/search", query("type", "group", false)))),
		want: []want{
			{Removed, "method", "c.Search.SearchUsers", `"Search users"`, true},
			// type told the two apart, so it was sent as a constant; alone,
			// the request has nothing to be told from, and type is a field.
			{Added, "parameter", "c.Search.SearchGroups", `gains a *SearchGroupsParams argument (query parameter "type")`, true},
		},
		bump: BumpMajor,
	}, {
		name: "request body added",
		new: collection(
			folder("Users", "folder-users", getUser(), request("Delete user", "item-delete", "DELETE", "/users/:id", body(`{"reason": "spam"}`))),
			folder("Orders", "folder-orders", listOrders()),
		),
		want: []want{
			{Added, "body", "c.Users.DeleteUser", "gains a body argument of type *DeleteUserRequest", true},
			{Added, "type", "DeleteUserRequest", "new type", false},
		},
		bump: BumpMajor,
	}, {
		name: "request body field added",
		old: collection(folder("Users", "folder-users",
			request("Create user", "item-create", "POST", "/users", body(`{"name": "Ann"}`)))),
		new: collection(folder("Users", "folder-users",
			request("Create user", "item-create", "POST", "/users", body(`{"name": "Ann", "admin": false}`)))),
		want: []want{{Added, "field", "CreateUserRequest.Admin", `new field (JSON key "admin") of type bool`, false}},
		bump: BumpMinor,
	}, {
		name: "response gained where there was none",
		new: collection(
			folder("Users", "folder-users", getUser(), request("Delete user", "item-delete", "DELETE", "/users/:id", example(200, `{"deleted": true}`))),
			folder("Orders", "folder-orders", listOrders()),
		),
		want: []want{
			{Changed, "result", "c.Users.DeleteUser", "now returns (*DeleteUserResponse, *Response, error) (was (*Response, error))", true},
			{Added, "type", "DeleteUserResponse", "new type", false},
		},
		bump: BumpMajor,
	}, {
		name: "setting removed",
		old: collection(folder("Users", "folder-users",
			request("Get user", "item-get", "GET", "/users/:id", func(it, _ obj) {
				it["request"].(obj)["header"] = []obj{{"key": "X-Region", "value": "{{region}}"}}
			}))),
		new: collection(folder("Users", "folder-users", request("Get user", "item-get", "GET", "/users/:id"))),
		want: []want{
			// X-Region was exactly {{region}}: set with WithRegion, no field.
			{Removed, "option", "WithRegion", "the setting for {{region}} is gone", true},
		},
		bump: BumpMajor,
	}, {
		name: "absolute URL removed",
		old: collection(request("Ping", "item-ping", "GET", "/ping"),
			obj{"name": "Status", "id": "item-status", "request": obj{"method": "GET", "url": "https://status.example.com/v1/status"}}),
		new: collection(request("Ping", "item-ping", "GET", "/ping")),
		want: []want{
			{Removed, "method", "c.Status", `"Status" (GET https://status.example.com/v1/status) is gone`, true},
			{Removed, "option", "WithStatusExampleComURL", "the setting for https://status.example.com is gone", true},
		},
		bump: BumpMajor,
	}, {
		// Error bodies are named for status and shape: a smaller 404 body
		// added elsewhere takes the plain name, and the one that had it is
		// renamed for its distinguishing field.
		name: "error body renamed by a smaller sibling",
		old: collection(folder("Users", "folder-users",
			getUser(example(404, `{"message": "no such user", "path": "/users/1"}`)),
			deleteUser())),
		new: collection(folder("Users", "folder-users",
			getUser(example(404, `{"message": "no such user", "path": "/users/1"}`)),
			request("Delete user", "item-delete", "DELETE", "/users/:id", example(404, `{"message": "no such user"}`)))),
		want: []want{
			{Renamed, "type", "NotFoundError", "now NotFoundPathError", true},
			{Added, "type", "NotFoundError", "new type", false},
		},
		bump: BumpMajor,
	}, {
		// The same fields in another order are the same error body: the
		// second method's 401 shares the first's type, nothing is renamed.
		name: "error body shared in another field order",
		old: collection(folder("Users", "folder-users",
			getUser(example(401, `{"code": 1, "message": "m"}`)),
			deleteUser())),
		new: collection(folder("Users", "folder-users",
			getUser(example(401, `{"code": 1, "message": "m"}`)),
			request("Delete user", "item-delete", "DELETE", "/users/:id", example(401, `{"message": "m", "code": 1}`)))),
		want: nil,
		bump: BumpNone,
	}, {
		name: "folder removed",
		new:  collection(folder("Users", "folder-users", getUser(), deleteUser())),
		want: []want{
			{Removed, "service", "c.Orders", `the folder "Orders" is gone`, true},
			{Removed, "method", "c.Orders.ListOrders", "is gone", true},
		},
		bump: BumpMajor,
	}, {
		// A second request to GET /orders that differs in view alone makes
		// view a protocol selector: no longer a field of the first.
		name: "query parameter becomes a selector",
		old: collection(
			folder("Users", "folder-users", getUser(), deleteUser()),
			folder("Orders", "folder-orders", ordersView("summary")),
		),
		new: collection(
			folder("Users", "folder-users", getUser(), deleteUser()),
			folder("Orders", "folder-orders", ordersView("summary"), request("Orders in full", "item-full", "GET", "/orders", query("view", "full", false))),
		),
		want: []want{
			{Added, "method", "c.Orders.OrdersInFull", "new request", false},
			// The struct is left without fields, so the argument goes.
			{Removed, "parameter", "c.Orders.ListOrders", "the *ListOrdersParams argument is gone", true},
		},
		bump: BumpMajor,
	}, {
		name: "selector field removed, others kept",
		old: collection(
			folder("Users", "folder-users", getUser(), deleteUser()),
			folder("Orders", "folder-orders", ordersView("summary", query("limit", "x", true))),
		),
		new: collection(
			folder("Users", "folder-users", getUser(), deleteUser()),
			folder("Orders", "folder-orders", ordersView("summary", query("limit", "x", true)), request("Orders in full", "item-full", "GET", "/orders", query("view", "full", false))),
		),
		want: []want{
			{Added, "method", "c.Orders.OrdersInFull", "new request", false},
			{Removed, "parameter", "ListOrdersParams.View", `the query parameter "view" is now part of the method, always sent as "summary"`, true},
		},
		bump: BumpMajor,
	}, {
		name: "selector value changed",
		old: collection(
			folder("Users", "folder-users", getUser(), deleteUser()),
			folder("Orders", "folder-orders", ordersView("summary"), request("Orders in full", "item-full", "GET", "/orders", query("view", "full", false))),
		),
		new: collection(
			folder("Users", "folder-users", getUser(), deleteUser()),
			folder("Orders", "folder-orders", ordersView("brief"), request("Orders in full", "item-full", "GET", "/orders", query("view", "full", false))),
		),
		want: []want{
			{Changed, "parameter", "c.Orders.ListOrders", `the query parameter "view" is now always sent as "brief" (was "summary")`, true},
		},
		bump: BumpMajor,
	}, {
		name: "query parameter bound to a setting",
		new: collection(
			folder("Users", "folder-users", getUser(query("region", "{{region}}", false)), deleteUser()),
			folder("Orders", "folder-orders", listOrders()),
		),
		old: collection(
			folder("Users", "folder-users", getUser(query("region", "eu", false)), deleteUser()),
			folder("Orders", "folder-orders", listOrders()),
		),
		want: []want{
			{Removed, "parameter", "GetUserParams.Region", `the query parameter "region" is now {{region}}, set with WithRegion`, true},
			{Added, "option", "WithRegion", "", false},
		},
		bump: BumpMajor,
	}, {
		name: "query parameter retyped from string to int",
		old: collection(
			folder("Users", "folder-users", getUser(query("limit", "ten", false)), deleteUser()),
			folder("Orders", "folder-orders", listOrders()),
		),
		new: collection(
			folder("Users", "folder-users", getUser(query("limit", "10", false)), deleteUser()),
			folder("Orders", "folder-orders", listOrders()),
		),
		want: []want{
			{Changed, "parameter", "GetUserParams.Limit", "type int (was string)", true},
			{Changed, "parameter", "GetUserParams.Limit", `default "10" (was "ten")`, false},
		},
		bump: BumpMajor,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.old == nil {
				tt.old = base()
			}
			old := mustBuild(t, "old.json", tt.old)
			r := Compare("old.json", old, "new.json", mustBuild(t, "new.json", tt.new))
			if r.Bump != tt.bump {
				t.Errorf("bump = %s, want %s", r.Bump, tt.bump)
			}
			breaking := false
			for _, w := range tt.want {
				breaking = breaking || w.breaking
				if !hasChange(r.Changes, w) {
					t.Errorf("no change %+v", w)
				}
			}
			if r.Breaking() != breaking {
				t.Errorf("Breaking() = %v, want %v", r.Breaking(), breaking)
			}
			if len(r.Changes) != len(tt.want) {
				t.Errorf("%d changes, want %d", len(r.Changes), len(tt.want))
			}
			if t.Failed() || testing.Verbose() {
				t.Logf("report:\n%s", r.Markdown())
			}
		})
	}
}

func hasChange(cs []Change, w want) bool {
	for _, c := range cs {
		if c.Kind == w.kind && c.Subject == w.subject && c.Name == w.name && c.Breaking == w.breaking && strings.Contains(c.Detail, w.detail) {
			return true
		}
	}
	return false
}
