package generated_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/pmgen/pmgen/generated/forgerockam"
)

// TestSeedMock is the seed client against its own mock server, as a user
// tests their code: every method answers with its saved 2xx example, and
// a test forces the 401 example of RefreshUsersSession to see how the code
// handles it.
func TestSeedMock(t *testing.T) {
	mock := forgerockam.NewMockServer()
	srv := httptest.NewServer(mock)
	t.Cleanup(srv.Close)
	c := seedClient(t, srv.URL)
	ctx := context.Background()

	if resp, err := c.Sessions.RefreshUsersSession(ctx, nil); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("RefreshUsersSession = %v, %v; want the saved 200", resp, err)
	}
	if out, _, err := c.Sessions.LogOut(ctx, nil); err != nil || out.Result != "Successfully logged out" {
		t.Fatalf("LogOut = %+v, %v; want the saved 200", out, err)
	}

	mock.Respond(forgerockam.OpSessionsRefreshUsersSession, http.StatusUnauthorized)
	_, err := c.Sessions.RefreshUsersSession(ctx, nil)
	var unauthorized *forgerockam.UnauthorizedDetailError
	if !errors.As(err, &unauthorized) {
		t.Fatalf("error = %v, want the typed 401 body", err)
	}
	if unauthorized.Code != 93541721 || unauthorized.Detail != "veniam id qui" {
		t.Errorf("401 body = %+v, want the saved example's", unauthorized)
	}
	var apiErr *forgerockam.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusUnauthorized {
		t.Errorf("error = %v, want an *APIError with status 401", err)
	}

	// The mock records what it received, typed where the body is.
	if _, _, err := c.Sessions.GetSessionInfo(ctx, nil, &forgerockam.GetSessionInfoRequest{TokenID: "tok-123"}); err != nil {
		t.Fatal(err)
	}
	calls, err := forgerockam.MockCalls(mock, forgerockam.OpSessionsGetSessionInfo)
	if err != nil || len(calls) != 1 || calls[0].Value.TokenID != "tok-123" || calls[0].Example != "Session details" {
		t.Errorf("MockCalls = %+v, %v; want one call with tokenId tok-123 answered by \"Session details\"", calls, err)
	}
	refreshes, err := forgerockam.MockCalls(mock, forgerockam.OpSessionsRefreshUsersSession)
	if err != nil || len(refreshes) != 2 || refreshes[1].Status != http.StatusUnauthorized || refreshes[1].Header.Get("iPlanetDirectoryPro") != "tok-123" {
		t.Errorf("MockCalls(Refresh) = %+v, %v", refreshes, err)
	}
}
