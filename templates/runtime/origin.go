package pmruntime

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// checkOrigin checks the URL a method is about to send to. New demands no
// URL setting, since one that only some requests use must not stop the
// others; so the method that needs one says which option would give it.
// method is the Go method ("Items.Next"), option the one that sets the URL
// ("WithNextLink"; "WithBaseURL, or WithScheme and WithHost" for one made
// of other settings) and key the collection's name for it ("nextLink").
func checkOrigin(method, option, key, value string) error {
	if value == "" {
		return errors.New(packageName + ": " + method + ": no URL for " + key + ": pass " + option)
	}
	if plainOrigin(value) {
		return nil
	}
	if u, err := url.Parse(value); err != nil || u.Scheme == "" || u.Host == "" {
		return fmt.Errorf(packageName+": %s: %q is not an absolute URL: pass %s", method, value, option)
	}
	return nil
}

// plainOrigin reports, without allocating, whether value is certainly an
// absolute URL: a scheme, "://" and a host of characters that need no
// second look. It runs on every call, where url.Parse would allocate; a
// value it is unsure of goes to url.Parse, which decides.
func plainOrigin(value string) bool {
	scheme, rest, ok := strings.Cut(value, "://")
	if !ok || scheme == "" {
		return false
	}
	for i := 0; i < len(scheme); i++ {
		c := scheme[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	if end == 0 {
		return false
	}
	for i := 0; i < end; i++ {
		c := rest[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-' || c == ':') {
			return false
		}
	}
	return true
}
