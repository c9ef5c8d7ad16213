package generated_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/pmgen/pmgen/generated/forgerockam"
)

// TestErrorsAsTypedBody checks that a caller reaches the typed body of an
// error status with errors.As alone, for every method whose examples save
// a 401, and that the body words the error.
func TestErrorsAsTypedBody(t *testing.T) {
	const withDetail = `{"code": 401, "reason": "Unauthorized", "message": "Access Denied", "detail": "session expired"}`
	const plain = `{"code": 401, "reason": "Unauthorized", "message": ""}`
	ctx := context.Background()
	calls := []struct {
		name string
		body string
		call func(*forgerockam.Client) error
		// check reads the typed body errors.As must find.
		check func(t *testing.T, err error)
	}{
		{"RefreshUsersSession", withDetail, func(c *forgerockam.Client) error {
			_, err := c.Sessions.RefreshUsersSession(ctx, nil)
			return err
		}, func(t *testing.T, err error) {
			var unauthorized *forgerockam.UnauthorizedDetailError
			if !errors.As(err, &unauthorized) {
				t.Fatalf("errors.As(%v, *UnauthorizedDetailError) = false", err)
			}
			if unauthorized.Code != 401 || unauthorized.Detail != "session expired" || unauthorized.Error() != "Access Denied" {
				t.Errorf("body = %+v, Error() = %q", unauthorized, unauthorized.Error())
			}
		}},
		{"LogOut", withDetail, func(c *forgerockam.Client) error {
			_, _, err := c.Sessions.LogOut(ctx, nil)
			return err
		}, func(t *testing.T, err error) {
			var unauthorized *forgerockam.UnauthorizedDetailError
			if !errors.As(err, &unauthorized) || unauthorized.Reason != "Unauthorized" {
				t.Fatalf("errors.As(%v, *UnauthorizedDetailError): %+v", err, unauthorized)
			}
		}},
		{"Authenticate", plain, func(c *forgerockam.Client) error {
			_, _, err := c.Sessions.Authenticate(ctx, nil)
			return err
		}, func(t *testing.T, err error) {
			var unauthorized *forgerockam.UnauthorizedError
			if !errors.As(err, &unauthorized) {
				t.Fatalf("errors.As(%v, *UnauthorizedError) = false", err)
			}
			// An empty message falls back to the next field that says one.
			if unauthorized.Error() != "Unauthorized" {
				t.Errorf("Error() = %q, want the reason", unauthorized.Error())
			}
			var other *forgerockam.UnauthorizedDetailError
			if errors.As(err, &other) {
				t.Errorf("errors.As found the other 401 body %+v", other)
			}
		}},
	}
	for _, tc := range calls {
		t.Run(tc.name, func(t *testing.T) {
			srv, _ := server(t, http.StatusUnauthorized, tc.body)
			err := tc.call(seedClient(t, srv.URL))
			tc.check(t, err)
			// The *APIError is still there for the status and the raw body.
			var apiErr *forgerockam.APIError
			if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusUnauthorized || string(apiErr.Body) != tc.body {
				t.Fatalf("errors.As(*APIError) = %+v", apiErr)
			}
		})
	}
}
