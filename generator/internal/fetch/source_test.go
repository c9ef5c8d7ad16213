package fetch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/load"
)

const key = "PMAK-secret-0123456789"

const bare = `{"info": {"name": "Fake API", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": []}`

// fakeAPI answers like the Postman API: the collection 11-aaa, the
// environment 11-env, and the given status for anything else.
func fakeAPI(t *testing.T, status int, header http.Header) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if got := r.Header.Get("X-Api-Key"); got != key {
			w.WriteHeader(http.StatusUnauthorized)
			w.Write([]byte(`{"error": {"name": "AuthenticationError", "message": "Invalid API Key. Every request requires a valid API Key to be sent."}}`))
			return
		}
		for k, v := range header {
			w.Header()[k] = v
		}
		switch {
		case status != http.StatusOK:
			w.WriteHeader(status)
			w.Write([]byte(`{"error": {"name": "error", "message": "key ` + key + ` echoed"}}`))
		case r.URL.Path == "/collections/11-aaa":
			w.Write([]byte(`{"collection": ` + bare + `}`))
		case r.URL.Path == "/collections/11-bare":
			w.Write([]byte(bare))
		case r.URL.Path == "/environments/11-env":
			w.Write([]byte(`{"environment": {"name": "Staging", "values": [{"key": "baseUrl", "value": "https://staging.example.com", "enabled": true}]}}`))
		default:
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte(`{"error": {"name": "instanceNotFoundError", "message": "We could not find the collection you are looking for"}}`))
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestPostman(t *testing.T) {
	tests := []struct {
		name    string
		spec    string
		what    What
		status  int
		header  http.Header
		apiKey  string
		wantErr string // empty: success
	}{
		{name: "wrapped collection", spec: "postman:11-aaa"},
		{name: "bare collection", spec: "postman:11-bare"},
		{name: "environment", spec: "postman:11-env", what: Environment},
		{name: "401", spec: "postman:11-aaa", apiKey: "PMAK-wrong-key",
			wantErr: "postman:11-aaa: the Postman API refused the key in $POSTMAN_API_KEY (401 Unauthorized)"},
		{name: "404", spec: "postman:11-missing",
			wantErr: "postman:11-missing: the Postman API has no collection with this uid that the key can see (404 Not Found)"},
		{name: "404 environment", spec: "postman:11-nope", what: Environment,
			wantErr: "no environment with this uid"},
		{name: "429 with Retry-After seconds", spec: "postman:11-aaa", status: http.StatusTooManyRequests,
			header:  http.Header{"Retry-After": {"37"}},
			wantErr: "postman:11-aaa: the Postman API is limiting requests (429 Too Many Requests); retry after 37 seconds"},
		{name: "429 with Retry-After date", spec: "postman:11-aaa", status: http.StatusTooManyRequests,
			header:  http.Header{"Retry-After": {"Wed, 21 Oct 2026 07:28:00 GMT"}},
			wantErr: "retry after Wed, 21 Oct 2026 07:28:00 UTC"},
		{name: "other status with a message that echoes the key", spec: "postman:11-aaa", status: http.StatusInternalServerError,
			wantErr: "the Postman API answered 500 Internal Server Error: key [POSTMAN_API_KEY] echoed"},
		{name: "no key", spec: "postman:11-aaa", apiKey: "-",
			wantErr: "postman:11-aaa: set $POSTMAN_API_KEY to a Postman API key to fetch the collection"},
		{name: "no uid", spec: "postman:", wantErr: "give the collection's uid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status := tt.status
			if status == 0 {
				status = http.StatusOK
			}
			srv := fakeAPI(t, status, tt.header)
			r := Reader{APIKey: key, APIURL: srv.URL}
			switch tt.apiKey {
			case "-":
				r.APIKey = ""
			case "":
			default:
				r.APIKey = tt.apiKey
			}
			data, err := r.Read(context.Background(), tt.spec, tt.what)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("no error, want %q", tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error %q, want it to contain %q", err, tt.wantErr)
				}
				if r.APIKey != "" && strings.Contains(err.Error(), r.APIKey) {
					t.Errorf("error %q shows the key", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			// What was fetched must be what load reads, wrapper and all.
			if tt.what == Environment {
				vars, diags := load.ParseEnvironment(tt.spec, data)
				if diags.HasErrors() || len(vars) != 1 || vars[0].Value != "https://staging.example.com" {
					t.Errorf("environment: %v %v", vars, diags)
				}
				return
			}
			col, diags := load.Parse(tt.spec, data)
			if diags.HasErrors() || col.Name != "Fake API" {
				t.Errorf("collection: %+v %v", col, diags)
			}
		})
	}
}

func TestGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed; the git:REF:PATH source is not tested")
	}
	dir := t.TempDir()
	gitRun := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	gitRun("init", "-q")
	if err := os.MkdirAll(filepath.Join(dir, "collections"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "collections", "api.json"), []byte("v1"), 0o644); err != nil {
		t.Fatal(err)
	}
	gitRun("add", ".")
	gitRun("commit", "-q", "-m", "one")
	if err := os.WriteFile(filepath.Join(dir, "collections", "api.json"), []byte("v2"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := Reader{Dir: dir}
	data, err := r.Read(context.Background(), "git:HEAD:collections/api.json", Collection)
	if err != nil || string(data) != "v1" {
		t.Errorf("git:HEAD: %q, %v; want the committed v1", data, err)
	}
	_, err = r.Read(context.Background(), "git:HEAD:collections/missing.json", Collection)
	if err == nil || !strings.HasPrefix(err.Error(), "git:HEAD:collections/missing.json: git cannot read collections/missing.json at HEAD: ") {
		t.Errorf("missing path: %v", err)
	}
	_, err = r.Read(context.Background(), "git:HEAD", Collection)
	if err == nil || !strings.Contains(err.Error(), "a git source is git:REF:PATH") {
		t.Errorf("no path: %v", err)
	}
}
