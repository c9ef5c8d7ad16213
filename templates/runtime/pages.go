package pmruntime

import (
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// pageStyle is how a walk asks for the next page.
type pageStyle int

// The styles of pagination build recognises.
const (
	pageByCursor pageStyle = iota // the next cursor goes in a query parameter
	pageByNumber                  // the page number goes up by one
	pageByOffset                  // the offset moves on by the items received
	pageByLink                    // the next request goes to the URL the page names
)

// pageState is what the next request of a walk asks for.
type pageState struct {
	first  bool   // send the caller's params as they are
	cursor string // the cursor, or the URL of the next page
	number int64  // the page number or the offset
}

// pageInfo is what a page says about the next one. The know* fields say
// whether the page carried the value beside them.
type pageInfo struct {
	items      int
	next       string
	more       bool
	knowMore   bool
	totalPages int64
	knowPages  bool
	totalItems int64
	knowItems  bool
}

// walkPages fetches pages from start on and yields each, until a page is
// empty, says there is no more, or leaves nothing to ask for. A cursor or
// link seen before ends the walk with an error: a server that repeats
// itself would otherwise keep the loop going for ever. firstPage is the
// number of the first page, for counting pages against a total.
func walkPages[T any](name string, style pageStyle, start pageState, firstPage int64, fetch func(pageState) (*T, *Response, error), inspect func(*T, *Response) pageInfo) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		st := start
		seen := map[string]bool{}
		var received int64
		for {
			page, resp, err := fetch(st)
			if err != nil {
				yield(nil, err)
				return
			}
			var info pageInfo
			if page != nil {
				info = inspect(page, resp)
			}
			if !yield(page, nil) {
				return
			}
			received += int64(info.items)
			if info.items == 0 || info.knowMore && !info.more {
				return
			}
			st.first = false
			switch style {
			case pageByCursor, pageByLink:
				if info.next == "" {
					return
				}
				if seen[info.next] || info.next == st.cursor {
					yield(nil, fmt.Errorf(packageName+": %s: the server gave the cursor %q a second time; stopping rather than looping", name, info.next))
					return
				}
				seen[info.next] = true
				st.cursor = info.next
			case pageByNumber:
				if info.knowPages && st.number-firstPage+1 >= info.totalPages || info.knowItems && received >= info.totalItems {
					return
				}
				st.number++
			case pageByOffset:
				st.number += int64(info.items)
				if info.knowItems && st.number >= info.totalItems {
					return
				}
			}
		}
	}
}

// pageItems yields the items of every page of pages. Returning when yield
// says stop ends the range over pages, and with it the walk.
func pageItems[T, I any](pages iter.Seq2[*T, error], items func(*T) []I) iter.Seq2[I, error] {
	return func(yield func(I, error) bool) {
		for page, err := range pages {
			if err != nil {
				var zero I
				yield(zero, err)
				return
			}
			if page == nil {
				continue
			}
			for _, item := range items(page) {
				if !yield(item, nil) {
					return
				}
			}
		}
	}
}

// pageText reads a cursor, link or id from a response field: a string, a
// number, or raw JSON (a field the examples only ever showed as null).
func pageText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case *string:
		if v != nil {
			return *v
		}
	case int64:
		return strconv.FormatInt(v, 10)
	case *int64:
		if v != nil {
			return strconv.FormatInt(*v, 10)
		}
	case json.RawMessage:
		var s string
		if json.Unmarshal(v, &s) == nil {
			return s
		}
	}
	return ""
}

// pageNumber reads a count from a response field: a number, or a string
// holding one (collections often save "<integer>" placeholders).
func pageNumber(v any) (int64, bool) {
	switch n := v.(type) {
	case int64:
		return n, true
	case *int64:
		if n != nil {
			return *n, true
		}
	case float64:
		return int64(n), true
	case *float64:
		if n != nil {
			return int64(*n), true
		}
	case string, *string:
		i, err := strconv.ParseInt(pageText(v), 10, 64)
		return i, err == nil
	}
	return 0, false
}

// pageFlag reads a has_more flag from a response field.
func pageFlag(v any) (bool, bool) {
	switch b := v.(type) {
	case bool:
		return b, true
	case *bool:
		if b != nil {
			return *b, true
		}
	}
	return false, false
}

// pageLinkNext is the target of the Link header entry (RFC 8288) whose rel
// includes "next"; empty when there is none.
func pageLinkNext(h http.Header) string {
	for _, v := range h.Values("Link") {
		for _, link := range strings.Split(v, ",") {
			target, params, _ := strings.Cut(link, ";")
			target = strings.TrimSpace(target)
			if len(target) < 2 || target[0] != '<' || target[len(target)-1] != '>' {
				continue
			}
			for _, p := range strings.Split(params, ";") {
				key, value, _ := strings.Cut(p, "=")
				if !strings.EqualFold(strings.TrimSpace(key), "rel") {
					continue
				}
				for _, rel := range strings.Fields(strings.Trim(strings.TrimSpace(value), "\"")) {
					if strings.EqualFold(rel, "next") {
						return target[1 : len(target)-1]
					}
				}
			}
		}
	}
	return ""
}

// withPageURL sends a call to the link a previous page gave, in place of
// the method's own URL and query.
func withPageURL(u string) Option {
	return func(c *config) {
		c.pageURL = u
	}
}

// resolvePageURL resolves a link, which may be relative ("/items?page=2"),
// against the URL of the request that returned it.
func resolvePageURL(base, ref string) string {
	b, err := url.Parse(base)
	if err != nil {
		return ref
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return b.ResolveReference(r).String()
}
