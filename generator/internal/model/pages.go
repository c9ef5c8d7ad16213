package model

// PageStyle is how an operation's pages lead from one to the next.
type PageStyle int

const (
	// PageCursor sends the token a page gives (meta.next_token,
	// meta.nextCursor) in a query parameter (next_token, cursor).
	PageCursor PageStyle = iota + 1
	// PageAfter sends the id of a page's last item in a query parameter
	// (Stripe's starting_after) while the page says has_more.
	PageAfter
	// PageNumber counts a query parameter (page, page[number]) up by one
	// until a page is empty, says there is no more, or the page count is
	// reached.
	PageNumber
	// PageOffset moves a query parameter (offset, $skip) on by the items
	// received until a page is empty or the total is reached.
	PageOffset
	// PageLink requests the URL a page gives for the next page
	// (links.next, _links.next.href).
	PageLink
	// PageLinkHeader requests the URL of the response's Link header entry
	// with rel="next".
	PageLinkHeader
)

// String names the style in summaries and documentation.
func (s PageStyle) String() string {
	switch s {
	case PageCursor:
		return "cursor"
	case PageAfter:
		return "after-last-id"
	case PageNumber:
		return "page-number"
	case PageOffset:
		return "offset"
	case PageLink:
		return "next-link"
	case PageLinkHeader:
		return "link-header"
	}
	return "none"
}

// Pagination is how to walk the pages of a GET operation. Build decides
// it from the query parameters and the fields its examples show; emit
// spells out <Method>Pages and <Method>All from it.
type Pagination struct {
	Style PageStyle
	// AllMethod and PagesMethod are the iterator methods' names, unique in
	// the service's scope.
	AllMethod, PagesMethod string
	// PagesDoc and AllDoc are the iterators' doc comments;
	// PagesLine and AllLine their lines in the service's interface.
	PagesDoc, AllDoc, PagesLine, AllLine string
	// Rule is the step from one page to the next in a few words of
	// Markdown, for the package README's table: "`cursor` ← `meta.next`".
	Rule string
	// Param is the query parameter field the walk sets for the next page;
	// nil for PageLink and PageLinkHeader, which follow a URL.
	Param *Param
	// Items is the result's top-level list field; Item its element type.
	Items *Field
	Item  *TypeRef
	// Next is the path from the result to the next cursor (PageCursor) or
	// next link (PageLink); ItemID is the items' id field (PageAfter).
	Next   FieldPath
	ItemID *Field
	// HasMore, Remaining, TotalPages and TotalItems are paths to the
	// fields that say when to stop; nil when the examples show none.
	HasMore, Remaining, TotalPages, TotalItems FieldPath
	// Start is the page number or offset the first request asks for when
	// the caller leaves Param empty: the saved default when it is a
	// number, else 1 for pages and 0 for offsets. First is the number of
	// the first page (0 when the collection counts pages from 0).
	Start, First int64
}

// FieldPath is a chain of struct fields from a response type down to a
// value (meta → next_token).
type FieldPath []*Field

// JSON spells the path as dotted JSON names ("meta.next_token").
func (p FieldPath) JSON() string {
	s := ""
	for i, f := range p {
		if i > 0 {
			s += "."
		}
		s += f.JSONName
	}
	return s
}

// PagedOp names an operation that received iterators, for the run summary.
type PagedOp struct {
	// Where is the request's breadcrumb ("Tweets › Recent Search"); Method
	// the Go method from the client down ("Tweets.RecentSearch").
	Where, Method string
	Style         PageStyle
}
