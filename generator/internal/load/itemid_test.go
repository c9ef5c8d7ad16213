package load

import "testing"

// TestItemID keeps each item's id, which pmgen diff follows across
// renames: "id", or "_postman_id" as older exports save it.
func TestItemID(t *testing.T) {
	c, _ := mustParse(t, `{"info": {"name": "x", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	  "item": [
	    {"name": "F", "id": "folder-1", "item": [
	      {"name": "A", "id": "a-1", "request": {"method": "GET", "url": "https://example.com/a"}},
	      {"name": "B", "_postman_id": "b-1", "request": {"method": "GET", "url": "https://example.com/b"}},
	      {"name": "C", "id": 42, "request": {"method": "GET", "url": "https://example.com/c"}},
	      {"name": "D", "request": {"method": "GET", "url": "https://example.com/d"}}]}]}`)
	if got := c.Items[0].ID; got != "folder-1" {
		t.Errorf("folder id %q", got)
	}
	want := []string{"a-1", "b-1", "42", ""}
	for i, it := range requests(c.Items) {
		if it.ID != want[i] {
			t.Errorf("%s: id %q, want %q", it.Name, it.ID, want[i])
		}
	}
}
