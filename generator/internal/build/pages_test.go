package build

import (
	"encoding/json"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// pagedCollection is a one-request collection whose single example has
// body and, when link is set, a Link header.
func pagedCollection(t *testing.T, method, raw, body, link string) []byte {
	t.Helper()
	header := []map[string]string{{"key": "Content-Type", "value": "application/json"}}
	if link != "" {
		header = append(header, map[string]string{"key": "Link", "value": link})
	}
	col := map[string]any{
		"info": map[string]any{"name": "P", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": []any{map[string]any{
			"name":     "List things",
			"request":  map[string]any{"method": method, "url": raw},
			"response": []any{map[string]any{"name": "ok", "code": 200, "header": header, "body": body}},
		}},
	}
	data, err := json.Marshal(col)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestPlanPages(t *testing.T) {
	tests := []struct {
		name, method, url, body, link string
		// want is the style; param the query key the walk sets; next the
		// JSON path of the cursor or link. A zero want means no iterators.
		want        model.PageStyle
		param, next string
	}{{
		name: "twitter next_token",
		url:  "https://x.example.com/search?query=a&next_token=",
		body: `{"data":[{"id":"1"}],"meta":{"next_token":"n"}}`,
		want: model.PageCursor, param: "next_token", next: "meta.next_token",
	}, {
		name: "postman cursor and meta.nextCursor",
		url:  "https://x.example.com/collections?cursor=&limit=2",
		body: `{"collections":[{"id":"1"}],"meta":{"nextCursor":"c","total":4}}`,
		want: model.PageCursor, param: "cursor", next: "meta.nextCursor",
	}, {
		name: "slack cursor and response_metadata.next_cursor",
		url:  "https://x.example.com/conversations.list?cursor=&limit=2",
		body: `{"ok":true,"channels":[{"id":"C1"}],"response_metadata":{"next_cursor":"dGVhbTpD"}}`,
		want: model.PageCursor, param: "cursor", next: "response_metadata.next_cursor",
	}, {
		name: "stripe starting_after and has_more",
		url:  "https://x.example.com/v1/customers?limit=3&starting_after=",
		body: `{"object":"list","has_more":true,"data":[{"id":"cus_1"}]}`,
		want: model.PageAfter, param: "starting_after",
	}, {
		name: "stripe search page and next_page",
		url:  "https://x.example.com/v1/customers/search?query=a&page=",
		body: `{"object":"search_result","has_more":true,"next_page":"p2","data":[{"id":"cus_1"}]}`,
		want: model.PageCursor, param: "page", next: "next_page",
	}, {
		name: "fastly links.next",
		url:  "https://x.example.com/wafs/tags?page[size]=2",
		body: `{"data":[{"id":"t"}],"links":{"next":"https://x.example.com/wafs/tags?page[number]=2"}}`,
		want: model.PageLink, next: "links.next",
	}, {
		name: "HAL _links.next.href",
		url:  "https://x.example.com/agreements?limit=2",
		body: `{"data":[{"id":"a"}],"_links":{"next":{"href":"/agreements?ctoken=x"}}}`,
		want: model.PageLink, next: "_links.next.href",
	}, {
		name: "page number with total_pages",
		url:  "https://x.example.com/subs?page[number]=1&page[size]=2",
		body: `{"data":[{"id":"s"}],"meta":{"total_pages":3}}`,
		want: model.PageNumber, param: "page[number]",
	}, {
		name: "offset with total_count",
		url:  "https://x.example.com/items?offset=0&limit=2",
		body: `{"entries":[{"id":"f"}],"total_count":5}`,
		want: model.PageOffset, param: "offset",
	}, {
		name: "Link header",
		url:  "https://x.example.com/search?q=go&per_page=2&page=1",
		body: `{"total_count":5,"items":[{"id":1}]}`,
		link: `<https://x.example.com/search?page=2>; rel="next"`,
		want: model.PageLinkHeader,
	}, {
		name:   "POST is never paginated",
		method: "POST",
		url:    "https://x.example.com/search?cursor=",
		body:   `{"data":[{"id":"1"}],"next_cursor":"n"}`,
	}, {
		name: "a limit alone says nothing about the next page",
		url:  "https://x.example.com/items?limit=2",
		body: `{"data":[{"id":"1"}]}`,
	}, {
		name: "a next cursor without a parameter to send it in",
		url:  "https://x.example.com/items?sort=asc",
		body: `{"data":[{"id":"1"}],"next_cursor":"n"}`,
	}, {
		name: "a bare array has no fields to read",
		url:  "https://x.example.com/items?page=1",
		body: `[{"id":"1"}]`,
	}, {
		name: "two lists, neither named like records",
		url:  "https://x.example.com/items?cursor=",
		body: `{"users":[{"id":"1"}],"groups":[{"id":"g"}],"next_cursor":"n"}`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := tt.method
			if method == "" {
				method = "GET"
			}
			col, diags := load.Parse("p.json", pagedCollection(t, method, tt.url, tt.body, tt.link))
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			api := mustBuild(t, col)
			op := api.Root.Ops[0]
			if op.Pages == nil {
				if tt.want != 0 {
					t.Fatalf("no pagination, want %s", tt.want)
				}
				if len(api.Stats.Paged) != 0 {
					t.Errorf("Stats.Paged = %v, want none", api.Stats.Paged)
				}
				return
			}
			pg := op.Pages
			if pg.Style != tt.want {
				t.Fatalf("style %s, want %s", pg.Style, tt.want)
			}
			param := ""
			if pg.Param != nil {
				param = pg.Param.Key
			}
			if param != tt.param || pg.Next.JSON() != tt.next {
				t.Errorf("param %q next %q, want %q and %q", param, pg.Next.JSON(), tt.param, tt.next)
			}
			if pg.PagesMethod != "ListThingsPages" || pg.AllMethod != "ListThingsAll" {
				t.Errorf("iterators %s and %s", pg.PagesMethod, pg.AllMethod)
			}
			if len(api.Stats.Paged) != 1 || api.Stats.Paged[0].Method != "ListThings" || api.Stats.Paged[0].Style != tt.want {
				t.Errorf("Stats.Paged = %+v", api.Stats.Paged)
			}
		})
	}
}

// A request really named like an iterator keeps its name; the iterator
// takes the next free one.
func TestPagesNamesYieldToRequests(t *testing.T) {
	data := pagedCollection(t, "GET", "https://x.example.com/items?cursor=", `{"data":[{"id":"1"}],"next_cursor":"n"}`, "")
	var col map[string]any
	if err := json.Unmarshal(data, &col); err != nil {
		t.Fatal(err)
	}
	items := col["item"].([]any)
	col["item"] = append(items, map[string]any{"name": "List things all", "request": map[string]any{"method": "GET", "url": "https://x.example.com/all"}})
	data, _ = json.Marshal(col)
	c, diags := load.Parse("p.json", data)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	api := mustBuild(t, c)
	if got := api.Root.Ops[1].Method; got != "ListThingsAll" {
		t.Errorf("the request is %s, want ListThingsAll", got)
	}
	if pg := api.Root.Ops[0].Pages; pg == nil || pg.AllMethod != "ListThingsAll2" {
		t.Errorf("iterator = %+v, want ListThingsAll2", pg)
	}
}
