// Package pagination decides which requests are paginated and how one
// page leads to the next, from the query parameters a request sends and
// the fields or headers its saved examples show; it names the iterators
// and writes their docs.
package pagination

import (
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// Pagination is decided from two sides that must agree: the query
// parameters a GET request sends (page, offset, limit, cursor) and the
// fields its saved examples show (a next cursor or link, has_more, a
// total) or a Link header. A request with only one side is left alone:
// a "limit" alone says nothing about how to reach the next page, and a
// "total" alone nothing about how to ask for it.

// paramKinds sorts query keys, normalised to lower-case letters and
// digits ("page[number]" is "pagenumber", "$skip" is "skip").
var (
	cursorParams = []string{"cursor", "nexttoken", "paginationtoken", "pagetoken", "continuationtoken", "continuation", "ctoken", "marker", "after", "nextcursor", "pagecursor"}
	afterParams  = []string{"startingafter"}
	pageParams   = []string{"page", "pagenumber", "pageno", "pagenum", "pageindex"}
	offsetParams = []string{"offset", "skip", "start", "startindex"}
	sizeParams   = []string{"limit", "pagesize", "perpage", "size", "maxresults", "top", "pagelimit", "count"}
)

// Response field names, normalised the same way.
var (
	cursorFields    = []string{"nexttoken", "nextcursor", "nextpagetoken", "continuationtoken", "nextmarker", "nextpagecursor", "paginationtoken"}
	linkFields      = []string{"nextlink", "nextpageurl", "nexturl", "odatanextlink", "nextpagelink"}
	linkParents     = []string{"links", "link", "pagination", "paging", "meta"}
	hasMoreFields   = []string{"hasmore", "hasnext", "hasnextpage", "moreavailable"}
	remainingFields = []string{"pagesremaining", "minimumpagesremaining", "remainingpages"}
	pagesFields     = []string{"totalpages", "pagecount", "numpages", "lastpage"}
	totalFields     = []string{"total", "totalcount", "totalitems", "totalresults", "recordcount", "totalsize", "totalrecords"}
	itemsFields     = []string{"data", "items", "results", "entries", "records", "values", "value", "list", "elements", "objects"}
)

// normKey is a key in lower-case letters and digits only.
func normKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func oneOf(key string, set []string) bool {
	for _, s := range set {
		if key == s {
			return true
		}
	}
	return false
}

// Plan decides whether op is paginated, and how; linkHeader says whether
// a successful saved example carries a Link header with rel="next". The
// iterator names are given later by Name, once every method of the
// service has its name.
func Plan(op *model.Operation, linkHeader bool) {
	if op.HTTPMethod != "GET" || op.Params == nil || op.Result == nil || op.Result.Kind != model.KindStruct || op.Body != nil {
		return
	}
	find := func(set []string) *model.Param {
		for _, p := range op.Params.Fields {
			if p.In == model.InQuery && !p.Repeated && oneOf(normKey(p.Key), set) {
				return p
			}
		}
		return nil
	}
	cursor, after, page, offset, size := find(cursorParams), find(afterParams), find(pageParams), find(offsetParams), find(sizeParams)
	if cursor == nil && after == nil && page == nil && offset == nil && size == nil {
		return
	}
	res := op.Result.Named
	items, item := listField(res)
	if items == nil {
		return
	}
	pg := &model.Pagination{
		Items:      items,
		Item:       item,
		HasMore:    findField(res, hasMoreFields, isFlag),
		Remaining:  findField(res, remainingFields, isNumber),
		TotalPages: findField(res, pagesFields, isNumber),
		TotalItems: findField(res, totalFields, isNumber),
	}
	next := findField(res, cursorFields, isText)
	if next == nil && (page != nil && cursor == nil) {
		// Stripe's search: the page parameter takes the page's next_page token.
		next = findField(res, []string{"nextpage"}, isText)
	}
	link := nextLink(res)
	switch {
	case linkHeader:
		pg.Style = model.PageLinkHeader
	case next != nil && (cursor != nil || page != nil):
		pg.Style, pg.Next, pg.Param = model.PageCursor, next, cursor
		if cursor == nil {
			pg.Param = page
		}
	case after != nil && pg.HasMore != nil && itemID(item) != nil:
		pg.Style, pg.Param, pg.ItemID = model.PageAfter, after, itemID(item)
	case link != nil:
		pg.Style, pg.Next = model.PageLink, link
	case page != nil && (pg.HasMore != nil || pg.Remaining != nil || pg.TotalPages != nil || pg.TotalItems != nil):
		pg.Style, pg.Param = model.PageNumber, page
		pg.Start, pg.First = numericDefault(page, 1), 1
		if pg.Start == 0 {
			pg.First = 0
		}
	case offset != nil && (pg.HasMore != nil || pg.TotalItems != nil):
		pg.Style, pg.Param = model.PageOffset, offset
		pg.Start = numericDefault(offset, 0)
	default:
		return
	}
	op.Pages = pg
}

// listField is the result's top-level list: the only one, or the one
// named like a list of records ("data", "items", "results").
func listField(t *model.Type) (*model.Field, *model.TypeRef) {
	var lists []*model.Field
	for _, f := range t.Fields {
		if f.Type.Kind == model.KindSlice {
			lists = append(lists, f)
		}
	}
	if len(lists) == 1 {
		return lists[0], lists[0].Type.Elem
	}
	for _, name := range itemsFields {
		for _, f := range lists {
			if normKey(f.JSONName) == name {
				return f, f.Type.Elem
			}
		}
	}
	return nil, nil
}

func isText(t *model.TypeRef) bool {
	return t.Kind == model.KindString || t.Kind == model.KindAny
}

func isNumber(t *model.TypeRef) bool {
	// "<integer>" placeholders make a count a string; it is parsed at run time.
	return t.Kind == model.KindInt || t.Kind == model.KindFloat || t.Kind == model.KindString
}

func isFlag(t *model.TypeRef) bool { return t.Kind == model.KindBool }

// findField looks for a field named in names, breadth first through
// nested objects (meta.next_token before a.b.next_token), and returns the
// path to the first whose type fits.
func findField(t *model.Type, names []string, fits func(*model.TypeRef) bool) model.FieldPath {
	type node struct {
		t    *model.Type
		path model.FieldPath
	}
	queue := []node{{t, nil}}
	for depth := 0; depth < 3 && len(queue) > 0; depth++ {
		var nextLevel []node
		for _, n := range queue {
			for _, f := range n.t.Fields {
				path := append(append(model.FieldPath(nil), n.path...), f)
				if oneOf(normKey(f.JSONName), names) && fits(f.Type) {
					return path
				}
				if f.Type.Kind == model.KindStruct {
					nextLevel = append(nextLevel, node{f.Type.Named, path})
				}
			}
		}
		queue = nextLevel
	}
	return nil
}

// nextLink finds the URL of the next page in the body: a top-level
// "next_link"/"@odata.nextLink", or "next" (or "next.href", HAL) inside
// "links", "_links", "pagination" or "meta".
func nextLink(t *model.Type) model.FieldPath {
	if p := findField(t, linkFields, isText); p != nil {
		return p
	}
	for _, f := range t.Fields {
		if f.Type.Kind != model.KindStruct || !oneOf(normKey(f.JSONName), linkParents) {
			continue
		}
		for _, g := range f.Type.Named.Fields {
			if normKey(g.JSONName) != "next" {
				continue
			}
			if isText(g.Type) {
				return model.FieldPath{f, g}
			}
			if g.Type.Kind == model.KindStruct {
				for _, h := range g.Type.Named.Fields {
					if normKey(h.JSONName) == "href" && isText(h.Type) {
						return model.FieldPath{f, g, h}
					}
				}
			}
		}
	}
	return nil
}

// itemID is the "id" field of a list's items, when they are objects.
func itemID(item *model.TypeRef) *model.Field {
	if item == nil || item.Kind != model.KindStruct {
		return nil
	}
	for _, f := range item.Named.Fields {
		if f.JSONName == "id" && (f.Type.Kind == model.KindString || f.Type.Kind == model.KindInt) {
			return f
		}
	}
	return nil
}

// numericDefault is the parameter's saved value when it is a whole
// number, else fallback.
func numericDefault(p *model.Param, fallback int64) int64 {
	if p.Enabled && p.Default.IsLiteral() {
		if n, err := strconv.ParseInt(strings.TrimSpace(p.Default.Literal()), 10, 64); err == nil {
			return n
		}
	}
	return fallback
}
