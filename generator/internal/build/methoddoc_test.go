package build

import (
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/load"
)

// TestMethodDoc checks the lead of method docs (from the description's
// verb, else from the request), the request's name after it, and the URL
// line in Go terms.
func TestMethodDoc(t *testing.T) {
	withDoc := func(it *load.Item, doc string) *load.Item {
		it.Description = doc
		return it
	}
	tests := []struct {
		item      *load.Item
		lead      string // the doc's first paragraph
		iface     string // the interface line: the first sentence alone
		urlLine   string
		following string // the paragraph after the lead; "" for none
	}{{
		item:    withDoc(request("Step 1: Authenticate", "POST", "{{amUrl}}/json{{realm}}/authenticate"), "Logs a user in to the realm and returns a session token\n\nMore."),
		lead:    "Authenticate logs a user in to the realm and returns a session token. The\ncollection names this request \"Step 1: Authenticate\".",
		iface:   "Authenticate logs a user in to the realm and returns a session token.",
		urlLine: "\tPOST {baseURL}/json{realm}/authenticate", following: "More.",
	}, {
		// An imperative verb reads in third person; the paragraph's other
		// sentences follow the lead.
		item:    withDoc(request("Search users", "GET", "{{base}}/users/:id?q={{query}}&x=1"), "Search the users, e.g. by name. Results are paged."),
		lead:    "SearchUsers searches the users, e.g. by name. The collection names this request\n\"Search users\".",
		iface:   "SearchUsers searches the users, e.g. by name.",
		urlLine: "\tGET {baseURL}/users/{id}?q={query}&x=1", following: "Results are paged.",
	}, {
		item:    withDoc(request("Purge", "DELETE", "{{base}}/cache"), "This endpoint empties the cache."),
		lead:    "Purge empties the cache.",
		iface:   "Purge empties the cache.",
		urlLine: "\tDELETE {baseURL}/cache",
	}, {
		// A description that does not start with a verb follows a lead made
		// from the request.
		item:    withDoc(request("Get user", "GET", "{{base}}/users/:userId"), "User details, as stored."),
		lead:    "GetUser sends a GET request to /users/{userID}. The collection names this\nrequest \"Get user\".",
		iface:   "GetUser sends a GET request to /users/{userID}.",
		urlLine: "\tGET {baseURL}/users/{userID}", following: "User details, as stored.",
	}, {
		item:    request("Health", "GET", "{{base}}"),
		lead:    "Health sends a GET request to the base URL.",
		iface:   "Health sends a GET request to the base URL.",
		urlLine: "\tGET {baseURL}",
	}}
	for _, tt := range tests {
		col := &load.Collection{File: "c.json", Name: "C", Items: []*load.Item{tt.item},
			Variables: []load.Variable{{Key: "base", Value: "https://x.example.com"}, {Key: "amUrl", Value: "https://am.example.com"}}}
		api := mustBuild(t, col)
		op := api.Root.Ops[0]
		paras := strings.Split(op.Doc, "\n\n")
		if paras[0] != tt.lead {
			t.Errorf("%s: lead\n%s\nwant\n%s", tt.item.Name, paras[0], tt.lead)
		}
		if op.Lead != tt.iface {
			t.Errorf("%s: Lead = %q, want %q", tt.item.Name, op.Lead, tt.iface)
		}
		if last := paras[len(paras)-1]; last != tt.urlLine {
			t.Errorf("%s: URL line %q, want %q", tt.item.Name, last, tt.urlLine)
		}
		if tt.following != "" && (len(paras) < 3 || paras[1] != tt.following) {
			t.Errorf("%s: doc %q, want %q after the lead", tt.item.Name, op.Doc, tt.following)
		}
	}
}

// TestMethodDocNameOmittedWhenSame checks that a request named as its
// method is not named twice.
func TestMethodDocNameOmittedWhenSame(t *testing.T) {
	col := &load.Collection{File: "c.json", Name: "C", Items: []*load.Item{request("Ping", "GET", "https://x.example.com/ping")}}
	op := mustBuild(t, col).Root.Ops[0]
	if strings.Contains(op.Doc, "names this request") {
		t.Errorf("doc %q names the request although its name is the method's", op.Doc)
	}
}
