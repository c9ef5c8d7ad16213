package pmruntime

import (
	"errors"
	"fmt"
	"net/url"
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
	if u, err := url.Parse(value); err != nil || u.Scheme == "" || u.Host == "" {
		return fmt.Errorf(packageName+": %s: %q is not an absolute URL: pass %s", method, value, option)
	}
	return nil
}
