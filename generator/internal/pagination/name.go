package pagination

import (
	"fmt"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/godoc"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
)

// Name names the iterators of a paginated method, after every method of
// its service is named, and writes their docs: a request that is really
// called "List all" keeps ListAll, and the iterator yields.
func Name(op *model.Operation, members *naming.Scope) {
	op.Pages.PagesMethod = members.Unique(op.Method + "Pages")
	op.Pages.AllMethod = members.Unique(op.Method + "All")
	op.Pages.PagesDoc, op.Pages.AllDoc = pagesDoc(op)
	op.Pages.Rule = pageRule(op.Pages)
}

// pageRule is how one page leads to the next, in a few words for the
// README's table of iterators.
func pageRule(pg *model.Pagination) string {
	switch pg.Style {
	case model.PageCursor:
		return fmt.Sprintf("`%s` ← `%s`", pg.Param.Key, pg.Next.JSON())
	case model.PageAfter:
		return fmt.Sprintf("`%s` ← last item's `%s`", pg.Param.Key, pg.ItemID.JSONName)
	case model.PageNumber:
		return fmt.Sprintf("`%s` + 1", pg.Param.Key)
	case model.PageOffset:
		return fmt.Sprintf("`%s` + items received", pg.Param.Key)
	case model.PageLink:
		return fmt.Sprintf("GET `%s`", pg.Next.JSON())
	case model.PageLinkHeader:
		return "GET the `Link` header's `rel=\"next\"`"
	}
	return ""
}

// pagesDoc is the doc comment of each iterator: what it walks, how one
// page leads to the next, and when it stops.
func pagesDoc(op *model.Operation) (pages, all string) {
	pg := op.Pages
	var how string
	switch pg.Style {
	case model.PageCursor:
		how = fmt.Sprintf("Each next page is asked for with the query parameter %q set to the page's %q, until that is empty", pg.Param.Key, pg.Next.JSON())
	case model.PageAfter:
		how = fmt.Sprintf("Each next page is asked for with the query parameter %q set to the id of the page's last item", pg.Param.Key)
	case model.PageNumber:
		how = fmt.Sprintf("Each next page is asked for by counting the query parameter %q up by one", pg.Param.Key)
	case model.PageOffset:
		how = fmt.Sprintf("Each next page is asked for by moving the query parameter %q on by the items received", pg.Param.Key)
	case model.PageLink:
		how = fmt.Sprintf("Each next page is requested from the link in the page's %q, until that is empty", pg.Next.JSON())
	case model.PageLinkHeader:
		how = "Each next page is requested from the URL of the response's Link header entry with rel=\"next\", until there is none"
	}
	stops := []string{"a page is empty"}
	if pg.HasMore != nil {
		stops = append(stops, fmt.Sprintf("%q is false", pg.HasMore.JSON()))
	}
	if pg.Remaining != nil {
		stops = append(stops, fmt.Sprintf("%q is 0", pg.Remaining.JSON()))
	}
	if pg.Style == model.PageNumber || pg.Style == model.PageOffset {
		if pg.TotalPages != nil {
			stops = append(stops, fmt.Sprintf("the page count in %q is reached", pg.TotalPages.JSON()))
		}
		if pg.TotalItems != nil {
			stops = append(stops, fmt.Sprintf("as many items as %q have arrived", pg.TotalItems.JSON()))
		}
	}
	how += "; it stops when " + strings.Join(stops[:len(stops)-1], ", ")
	if len(stops) > 1 {
		how += " or "
	}
	how += stops[len(stops)-1] + "."
	pages = godoc.FromMarkdown(strings.Join([]string{
		fmt.Sprintf("%s calls %s once per page and yields each page (%s style), starting from params, which it does not change.", pg.PagesMethod, op.Method, pg.Style),
		how,
		"An error ends the walk and is yielded. A server that sends the same cursor or link twice ends it with an error rather than looping for ever. Breaking out of the loop stops the walk without a further request.",
	}, "\n\n"))
	all = godoc.FromMarkdown(fmt.Sprintf("%s yields the items of the %q list on every page that %s walks, in order. An error ends the walk and is yielded with the zero item; breaking out of the loop stops it without a further request.", pg.AllMethod, pg.Items.JSONName, pg.PagesMethod))
	return pages, all
}
