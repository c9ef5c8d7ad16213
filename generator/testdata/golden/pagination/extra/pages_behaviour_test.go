package paginationstyles

// These tests are written by hand, not generated: the compile-and-run test
// of the golden cases copies them beside the generated package of the
// "pagination" case, so that every pagination style pmgen recognises is
// walked against a live httptest server.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"sync"
	"testing"
)

// page is what the test server answers to the nth request of a walk.
type page struct {
	header http.Header
	body   any
}

// pageStyleCase is one pagination style: how its server answers, how to
// walk it, and what each of the three requests must ask for.
type pageStyleCase struct {
	name string
	// serve answers the nth request (1-based); base is the server's URL.
	serve func(n int, base string) page
	// walk ranges over the iterator, stopping after stop items when stop > 0.
	walk func(c *Client, stop int) ([]string, error)
	want []string
	// query lists, per request, the query values that must be sent
	// ("" = absent).
	query []map[string]string
	path  string
}

func collect[T any](seq iter.Seq2[T, error], id func(T) string, stop int) ([]string, error) {
	var ids []string
	for item, err := range seq {
		if err != nil {
			return ids, err
		}
		ids = append(ids, id(item))
		if stop > 0 && len(ids) == stop {
			break
		}
	}
	return ids, nil
}

func items(n int, prefix string, count int) []map[string]any {
	var out []map[string]any
	for i := range count {
		out = append(out, map[string]any{"id": fmt.Sprintf("%s%d_%d", prefix, n, i+1), "clickwrapId": fmt.Sprintf("%s%d_%d", prefix, n, i+1)})
	}
	return out
}

func ids(prefix string, perPage ...int) []string {
	var out []string
	for n, count := range perPage {
		for i := range count {
			out = append(out, fmt.Sprintf("%s%d_%d", prefix, n+1, i+1))
		}
	}
	return out
}

var ctx = context.Background()

func pageStyleCases() []pageStyleCase {
	return []pageStyleCase{
		{
			name: "cursor/twitter next_token",
			path: "/2/tweets/search/recent",
			serve: func(n int, _ string) page {
				meta := map[string]any{"result_count": 1}
				if n < 3 {
					meta["next_token"] = fmt.Sprintf("t%d", n+1)
				}
				return page{body: map[string]any{"data": items(n, "tw", 1), "meta": meta}}
			},
			walk: func(c *Client, stop int) ([]string, error) {
				return collect(c.Tweets.RecentSearchAll(ctx, &RecentSearchParams{Query: "go"}), func(x RecentSearchResponseDataItem) string { return x.ID }, stop)
			},
			want:  ids("tw", 1, 1, 1),
			query: []map[string]string{{"next_token": "", "query": "go"}, {"next_token": "t2", "query": "go"}, {"next_token": "t3"}},
		},
		{
			name: "cursor/postman api nextCursor",
			path: "/collections",
			serve: func(n int, _ string) page {
				meta := map[string]any{"limit": 2, "total": 5}
				if n < 3 {
					meta["nextCursor"] = fmt.Sprintf("c%d", n+1)
				}
				return page{body: map[string]any{"collections": items(n, "col", 2), "meta": meta}}
			},
			walk: func(c *Client, stop int) ([]string, error) {
				return collect(c.Collections.AllCollectionsAll(ctx, nil), func(x AllCollectionsResponseCollectionsItem) string { return x.ID }, stop)
			},
			want:  ids("col", 2, 2, 2),
			query: []map[string]string{{"cursor": "", "limit": "2"}, {"cursor": "c2"}, {"cursor": "c3"}},
		},
		{
			name: "after-last-id/stripe starting_after",
			path: "/v1/customers",
			serve: func(n int, _ string) page {
				return page{body: map[string]any{"object": "list", "has_more": n < 3, "data": items(n, "cus", 2)}}
			},
			walk: func(c *Client, stop int) ([]string, error) {
				return collect(c.Customers.ListCustomersAll2(ctx, nil), func(x AllCollectionsResponseCollectionsItem) string { return x.ID }, stop)
			},
			want:  ids("cus", 2, 2, 2),
			query: []map[string]string{{"starting_after": ""}, {"starting_after": "cus1_2"}, {"starting_after": "cus2_2"}},
		},
		{
			name: "cursor/stripe search next_page",
			path: "/v1/customers/search",
			serve: func(n int, _ string) page {
				body := map[string]any{"object": "search_result", "has_more": n < 3, "data": items(n, "srch", 1)}
				if n < 3 {
					body["next_page"] = fmt.Sprintf("pg_%d", n+1)
				}
				return page{body: body}
			},
			walk: func(c *Client, stop int) ([]string, error) {
				return collect(c.Customers.SearchCustomersAll(ctx, nil), func(x AllCollectionsResponseCollectionsItem) string { return x.ID }, stop)
			},
			want:  ids("srch", 1, 1, 1),
			query: []map[string]string{{"page": ""}, {"page": "pg_2"}, {"page": "pg_3"}},
		},
		{
			name: "next-link/fastly links.next",
			path: "/wafs/tags",
			serve: func(n int, base string) page {
				links := map[string]any{"next": nil}
				if n < 3 {
					links["next"] = fmt.Sprintf("%s/wafs/tags?page[number]=%d&page[size]=2", base, n+1)
				}
				return page{body: map[string]any{"data": items(n, "tag", 2), "links": links}}
			},
			walk: func(c *Client, stop int) ([]string, error) {
				return collect(c.Tags.ListWAFTagsAll(ctx, nil), func(x ListWAFTagsResponseDataItem) string { return x.ID }, stop)
			},
			want:  ids("tag", 2, 2, 2),
			query: []map[string]string{{"page[size]": "2", "page[number]": ""}, {"page[number]": "2"}, {"page[number]": "3"}},
		},
		{
			name: "page-number/fastly meta.total_pages",
			path: "/tls/subscriptions",
			serve: func(n int, _ string) page {
				return page{body: map[string]any{"data": items(n, "sub", 2), "meta": map[string]any{"current_page": n, "per_page": 2, "record_count": 6, "total_pages": 3}}}
			},
			walk: func(c *Client, stop int) ([]string, error) {
				return collect(c.Tags.ListTLSSubscriptionsAll(ctx, nil), func(x ListWAFTagsResponseDataItem) string { return x.ID }, stop)
			},
			want:  ids("sub", 2, 2, 2),
			query: []map[string]string{{"page[number]": "1"}, {"page[number]": "2"}, {"page[number]": "3"}},
		},
		{
			name: "next-link/docusign _links.next.href (relative)",
			path: "/v1/accounts/42/agreements",
			serve: func(n int, _ string) page {
				links := map[string]any{"self": map[string]any{"href": "/v1/accounts/42/agreements"}}
				if n < 3 {
					links["next"] = map[string]any{"href": fmt.Sprintf("/v1/accounts/42/agreements?ctoken=k%d&limit=2", n+1)}
				}
				return page{body: map[string]any{"data": items(n, "agr", 2), "_links": links}}
			},
			walk: func(c *Client, stop int) ([]string, error) {
				return collect(c.Agreements.ListAgreementsAll(ctx, "42", nil), func(x ListAgreementsResponseDataItem) string { return x.ID }, stop)
			},
			want:  ids("agr", 2, 2, 2),
			query: []map[string]string{{"ctoken": "", "limit": "2"}, {"ctoken": "k2"}, {"ctoken": "k3"}},
		},
		{
			name: "page-number/docusign minimumPagesRemaining",
			path: "/clickwraps",
			serve: func(n int, _ string) page {
				return page{body: map[string]any{"clickwraps": items(n, "cw", 2), "minimumPagesRemaining": fmt.Sprint(3 - n), "page": fmt.Sprint(n), "pageSize": "2"}}
			},
			walk: func(c *Client, stop int) ([]string, error) {
				return collect(c.Clickwraps.ListClickwrapsAll(ctx, nil), func(x ListClickwrapsResponseClickwrapsItem) string { return x.ClickwrapID }, stop)
			},
			want:  ids("cw", 2, 2, 2),
			query: []map[string]string{{"page_number": ""}, {"page_number": "2"}, {"page_number": "3"}},
		},
		{
			name: "offset/box total_count",
			path: "/folders/0/items",
			serve: func(n int, _ string) page {
				count := 2
				if n == 3 {
					count = 1
				}
				return page{body: map[string]any{"entries": items(n, "box", count), "total_count": 5, "offset": 2 * (n - 1), "limit": 2}}
			},
			walk: func(c *Client, stop int) ([]string, error) {
				return collect(c.Folders.ListItemsInFolderAll(ctx, nil), func(x ListWAFTagsResponseDataItem) string { return x.ID }, stop)
			},
			want:  ids("box", 2, 2, 1),
			query: []map[string]string{{"offset": "0", "limit": "2"}, {"offset": "2"}, {"offset": "4"}},
		},
		{
			name: "link-header/github rel=next",
			path: "/search/repositories",
			serve: func(n int, base string) page {
				h := http.Header{}
				last := fmt.Sprintf(`<%s/search/repositories?q=go&per_page=2&page=3>; rel="last"`, base)
				if n < 3 {
					h.Set("Link", fmt.Sprintf(`<%s/search/repositories?q=go&per_page=2&page=%d>; rel="next", %s`, base, n+1, last))
				} else {
					h.Set("Link", last)
				}
				var repos []map[string]any
				for i := range 2 {
					repos = append(repos, map[string]any{"id": n*10 + i + 1, "full_name": "a/b"})
				}
				return page{header: h, body: map[string]any{"total_count": 6, "items": repos}}
			},
			walk: func(c *Client, stop int) ([]string, error) {
				return collect(c.Search.SearchRepositoriesAll(ctx, nil), func(x SearchRepositoriesResponseItemsItem) string { return fmt.Sprint(x.ID) }, stop)
			},
			want:  []string{"11", "12", "21", "22", "31", "32"},
			query: []map[string]string{{"page": "1"}, {"page": "2"}, {"page": "3"}},
		},
	}
}

// pageServer serves tc's pages on 127.0.0.1, failing request failAt (when
// non-zero) with a 500, and records every query it is sent.
type pageServer struct {
	mu      sync.Mutex
	queries []url.Values
}

func (ps *pageServer) requests() []url.Values {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return slices.Clone(ps.queries)
}

func startPages(t *testing.T, tc pageStyleCase, failAt int) (*Client, *pageServer) {
	t.Helper()
	ps := &pageServer{}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ps.mu.Lock()
		ps.queries = append(ps.queries, r.URL.Query())
		n := len(ps.queries)
		ps.mu.Unlock()
		if r.URL.Path != tc.path {
			t.Errorf("request %d went to %s, want %s", n, r.URL.Path, tc.path)
		}
		if n == failAt {
			http.Error(w, `{"error":"boom"}`, http.StatusInternalServerError)
			return
		}
		if n > 3 {
			t.Errorf("request %d: the walk went on past the last page", n)
			http.Error(w, "no such page", http.StatusNotFound)
			return
		}
		p := tc.serve(n, srv.URL)
		for k, vs := range p.header {
			w.Header()[k] = vs
		}
		w.Header().Set("Content-Type", "application/json")
		if err := json.NewEncoder(w).Encode(p.body); err != nil {
			t.Error(err)
		}
	}))
	t.Cleanup(srv.Close)
	c, err := New(WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	return c, ps
}

// Each style walks three pages, asks for each as its API expects, and
// stops after the last without a fourth request.
func TestPagesWalkThreePagesAndStop(t *testing.T) {
	for _, tc := range pageStyleCases() {
		t.Run(tc.name, func(t *testing.T) {
			c, ps := startPages(t, tc, 0)
			got, err := tc.walk(c, 0)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("items = %v, want %v", got, tc.want)
			}
			reqs := ps.requests()
			if len(reqs) != 3 {
				t.Fatalf("%d requests, want 3", len(reqs))
			}
			for i, want := range tc.query {
				for k, v := range want {
					if got := reqs[i].Get(k); got != v {
						t.Errorf("request %d: %s = %q, want %q (query %v)", i+1, k, got, v, reqs[i])
					}
				}
			}
		})
	}
}

// Breaking out of the loop ends the walk: no request after the one whose
// item the loop stopped at.
func TestPagesStopWhenTheLoopBreaks(t *testing.T) {
	for _, tc := range pageStyleCases() {
		t.Run(tc.name, func(t *testing.T) {
			c, ps := startPages(t, tc, 0)
			got, err := tc.walk(c, 1)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tc.want[:1]) {
				t.Errorf("items = %v, want %v", got, tc.want[:1])
			}
			if n := len(ps.requests()); n != 1 {
				t.Errorf("%d requests after breaking on the first item, want 1", n)
			}
		})
	}
}

// An error on page 2 is yielded after page 1's items, and ends the walk.
func TestPagesYieldAnErrorOnPage2(t *testing.T) {
	for _, tc := range pageStyleCases() {
		t.Run(tc.name, func(t *testing.T) {
			c, ps := startPages(t, tc, 2)
			got, err := tc.walk(c, 0)
			var apiErr *APIError
			if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusInternalServerError {
				t.Fatalf("err = %v, want the page-2 *APIError with status 500", err)
			}
			perPage := len(tc.want) / 3
			if tc.name == "offset/box total_count" {
				perPage = 2
			}
			if !slices.Equal(got, tc.want[:perPage]) {
				t.Errorf("items before the error = %v, want page 1's %v", got, tc.want[:perPage])
			}
			if n := len(ps.requests()); n != 2 {
				t.Errorf("%d requests, want 2", n)
			}
		})
	}
}

// A server that hands out the same cursor again ends the walk with an
// error instead of looping for ever.
func TestPagesStopOnARepeatedCursor(t *testing.T) {
	tc := pageStyleCases()[0]
	tc.serve = func(n int, _ string) page {
		return page{body: map[string]any{"data": items(n, "tw", 1), "meta": map[string]any{"next_token": "same"}}}
	}
	c, ps := startPages(t, tc, 0)
	got, err := tc.walk(c, 0)
	if err == nil {
		t.Fatal("no error for a cursor the server repeats")
	}
	if len(got) != 2 {
		t.Errorf("items = %v, want the two pages before the repeat", got)
	}
	if n := len(ps.requests()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

// Pages yields whole pages, and the walk never writes to the caller's params.
func TestPagesYieldPagesAndKeepParams(t *testing.T) {
	tc := pageStyleCases()[0]
	c, _ := startPages(t, tc, 0)
	params := &RecentSearchParams{Query: "go"}
	var tokens []string
	for p, err := range c.Tweets.RecentSearchPages(ctx, params) {
		if err != nil {
			t.Fatal(err)
		}
		token := ""
		if p.Meta.NextToken != nil {
			token = *p.Meta.NextToken
		}
		tokens = append(tokens, token)
	}
	if want := []string{"t2", "t3", ""}; !slices.Equal(tokens, want) {
		t.Errorf("next tokens of the pages = %v, want %v", tokens, want)
	}
	if !reflect.DeepEqual(*params, RecentSearchParams{Query: "go"}) {
		t.Errorf("params changed to %+v", *params)
	}
}
