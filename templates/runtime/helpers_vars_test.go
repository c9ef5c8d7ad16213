package pmruntime

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
)

// checkSentValue checks that the value a response gave a variable reached
// the request the replay server recorded: in its path or query (escaped
// or not), in a header's name or value, or in its body. Where the
// variable goes is the collection's business; that it arrives is the
// chain's.
func checkSentValue(t *testing.T, rec *recorded, variable, value string) {
	t.Helper()
	rec.mu.Lock()
	defer rec.mu.Unlock()
	path, _ := url.PathUnescape(rec.path)
	query, _ := url.QueryUnescape(rec.rawQuery)
	if strings.Contains(path, value) || strings.Contains(rec.path, value) ||
		strings.Contains(query, value) || bytes.Contains(rec.body, []byte(value)) {
		return
	}
	for name, values := range rec.header {
		if strings.EqualFold(name, value) {
			return
		}
		for _, v := range values {
			if strings.Contains(v, value) {
				return
			}
		}
	}
	t.Errorf("the request does not send {{%s}} = %q: path %q, query %q, header %v, body %q", variable, value, rec.path, rec.rawQuery, rec.header, rec.body)
}
