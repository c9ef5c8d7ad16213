package generated_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/pmgen/pmgen/generated/forgerockam"
)

// TestParamsOptional: a field left at its zero value sends the saved
// value; ForceSend sends the zero value itself (false, ""), and Omit
// leaves the parameter out, header or query.
func TestParamsOptional(t *testing.T) {
	tests := []struct {
		name      string
		params    *forgerockam.RefreshUsersSessionParams
		wantQuery string
		wantAPI   []string // Accept-API-Version values
	}{
		{"saved", &forgerockam.RefreshUsersSessionParams{}, "_prettyPrint=true&_action=refresh", []string{"resource=4.0"}},
		{"set", &forgerockam.RefreshUsersSessionParams{Fields: "uid", AcceptAPIVersion: "resource=5.0"},
			"_fields=uid&_prettyPrint=true&_action=refresh", []string{"resource=5.0"}},
		{"forced zero", &forgerockam.RefreshUsersSessionParams{ForceSend: []string{"PrettyPrint", "Fields", "AcceptAPIVersion"}},
			"_fields=&_prettyPrint=false&_action=refresh", []string{""}},
		{"omitted", &forgerockam.RefreshUsersSessionParams{PrettyPrint: true, Omit: []string{"PrettyPrint", "AcceptAPIVersion"}},
			"_action=refresh", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, got := server(t, http.StatusOK, "")
			if _, err := seedClient(t, srv.URL).Sessions.RefreshUsersSession(context.Background(), tt.params); err != nil {
				t.Fatal(err)
			}
			got.mu.Lock()
			defer got.mu.Unlock()
			if got.rawQuery != tt.wantQuery {
				t.Errorf("query = %s, want %s", got.rawQuery, tt.wantQuery)
			}
			if v := got.header.Values("Accept-API-Version"); len(v) != len(tt.wantAPI) || (len(v) > 0 && v[0] != tt.wantAPI[0]) {
				t.Errorf("Accept-API-Version = %q, want %q", v, tt.wantAPI)
			}
		})
	}
}

// TestSettingBoundHeaders: the credentials headers of Authenticate are
// its settings, given per client or per call, and no Params fields.
func TestSettingBoundHeaders(t *testing.T) {
	srv, got := server(t, http.StatusOK, `{"tokenId": "t"}`)
	c, err := forgerockam.New(forgerockam.WithBaseURL(srv.URL), forgerockam.WithRealm("/alpha"),
		forgerockam.WithUsername("ann"), forgerockam.WithPassword("client-pw"))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Sessions.Authenticate(context.Background(), nil, forgerockam.WithPassword("call-pw")); err != nil {
		t.Fatal(err)
	}
	got.mu.Lock()
	defer got.mu.Unlock()
	if u, p := got.header.Get("X-OpenAM-Username"), got.header.Get("X-OpenAM-Password"); u != "ann" || p != "call-pw" {
		t.Errorf("credentials headers %q, %q; want ann, call-pw", u, p)
	}
}
