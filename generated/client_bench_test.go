package generated_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/pmgen/pmgen/generated/forgerockam"
)

// sessionInfo is the body the benchmark server answers getSessionInfo with.
const sessionInfo = `{"username":"demo","universalId":"id=demo,ou=user,o=alpha,ou=services,ou=am-config","realm":"/alpha","latestAccessTime":"2024-05-01T10:00:00Z","maxIdleExpirationTime":"2024-05-01T10:30:00Z","maxSessionExpirationTime":"2024-05-01T12:00:00Z","properties":{"AMCtxId":"abc-123"}}`

// benchServer answers every request with sessionInfo, after checking that
// it is the getSessionInfo call both benchmarks make, so that neither side
// can win by sending less.
func benchServer(b *testing.B) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if r.Method != http.MethodPost || r.URL.Path != "/am/json/realms/root/sessions" ||
			r.URL.RawQuery != "_action=getSessionInfo" || r.Header.Get("iPlanetDirectoryPro") != "tok-123" ||
			r.Header.Get("Accept-API-Version") != "resource=4.0" || string(body) != `{"tokenId":"tok-456"}` {
			http.Error(w, fmt.Sprintf("unexpected request %s %s %v %s", r.Method, r.URL, r.Header, body), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, sessionInfo)
	}))
	b.Cleanup(srv.Close)
	return srv
}

// BenchmarkClientGenerated is one generated method call against a local
// server: build the request from params and settings, send it, decode the
// typed response. Compare with BenchmarkClientByHand (issue 6: at most
// 1.15× its ns/op and 5 more allocs/op).
func BenchmarkClientGenerated(b *testing.B) {
	srv := benchServer(b)
	c, err := forgerockam.New(
		forgerockam.WithBaseURL(srv.URL+"/am"),
		forgerockam.WithRealm("/realms/root"),
		forgerockam.WithCookieName("iPlanetDirectoryPro"),
		forgerockam.WithDemoSSOToken("tok-123"),
	)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		got, _, err := c.Sessions.GetSessionInfo(ctx, nil, &forgerockam.GetSessionInfoRequest{TokenID: "tok-456"})
		if err != nil {
			b.Fatal(err)
		}
		if got.Properties.AMCtxID != "abc-123" {
			b.Fatalf("decoded %+v", got)
		}
	}
}

// sessionInfoResponse is what a hand-written client would declare.
type sessionInfoResponse struct {
	Username                 string `json:"username"`
	UniversalID              string `json:"universalId"`
	Realm                    string `json:"realm"`
	LatestAccessTime         string `json:"latestAccessTime"`
	MaxIdleExpirationTime    string `json:"maxIdleExpirationTime"`
	MaxSessionExpirationTime string `json:"maxSessionExpirationTime"`
	Properties               struct {
		AMCtxID string `json:"AMCtxId"`
	} `json:"properties"`
}

// BenchmarkClientByHand makes the same request with net/http and
// encoding/json alone, as a careful hand-written client would.
func BenchmarkClientByHand(b *testing.B) {
	srv := benchServer(b)
	hc := http.DefaultClient
	url := srv.URL + "/am/json/realms/root/sessions?_action=getSessionInfo"
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		data, err := json.Marshal(struct {
			TokenID string `json:"tokenId"`
		}{"tok-456"})
		if err != nil {
			b.Fatal(err)
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		req.Header.Set("Accept-API-Version", "resource=4.0")
		req.Header.Set("Content-Type", "application/json")
		req.Header["iPlanetDirectoryPro"] = []string{"tok-123"}
		req.Header.Set("Accept", "*/*")
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			b.Fatal(err)
		}
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("status %d: %s", resp.StatusCode, body)
		}
		var got sessionInfoResponse
		if err := json.Unmarshal(body, &got); err != nil {
			b.Fatal(err)
		}
		if got.Properties.AMCtxID != "abc-123" {
			b.Fatalf("decoded %+v", got)
		}
	}
}
