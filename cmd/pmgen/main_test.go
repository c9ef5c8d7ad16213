package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"pmgen": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI scenarios in testdata/script: each is a shell-like
// script with its input files, checking exit codes, messages and files.
func TestScripts(t *testing.T) {
	seed, err := filepath.Abs(filepath.Join("..", "..", "collections", "forgerock-am.postman_collection.json"))
	if err != nil {
		t.Fatal(err)
	}
	seedData, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	goEnv := goEnvironment(t)
	api := fakePostmanAPI(seedData)
	// Scripts run as parallel subtests, which outlive this function's body.
	t.Cleanup(api.Close)
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("SEED", seed)
			env.Setenv("POSTMAN_API_URL", api.URL)
			// Scripts that build a generated client run the go command,
			// which needs its caches; testscript gives it no HOME. Generated
			// packages import only the standard library: no network.
			for k, v := range goEnv {
				env.Setenv(k, v)
			}
			env.Setenv("GOPROXY", "off")
			env.Setenv("GOTOOLCHAIN", "local")
			env.Setenv("GOFLAGS", "")
			return nil
		},
	})
}

// goEnvironment is the go command's cache locations, for scripts that
// build generated clients.
func goEnvironment(t *testing.T) map[string]string {
	out, err := exec.Command("go", "env", "-json", "GOCACHE", "GOPATH", "GOMODCACHE").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	env := map[string]string{}
	if err := json.Unmarshal(out, &env); err != nil {
		t.Fatalf("go env: %v", err)
	}
	return env
}

// fakePostmanAPI answers like the Postman API for the key
// "PMAK-test-key": the seed as collection 11-seed (wrapped, as the API
// returns it), an environment 11-env, a rate limit on 11-busy, and 404
// for anything else.
func fakePostmanAPI(seed []byte) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Api-Key") != "PMAK-test-key" {
			http.Error(w, `{"error": {"name": "AuthenticationError", "message": "Invalid API Key"}}`, http.StatusUnauthorized)
			return
		}
		switch r.URL.Path {
		case "/collections/11-seed":
			fmt.Fprintf(w, `{"collection": %s}`, seed)
		case "/environments/11-env":
			fmt.Fprint(w, `{"environment": {"name": "Alpha", "values": [{"key": "realm", "value": "/realms/root/realms/alpha", "enabled": true}]}}`)
		case "/collections/11-busy":
			w.Header().Set("Retry-After", "30")
			http.Error(w, `{"error": {"name": "rateLimited", "message": "Rate limit exceeded"}}`, http.StatusTooManyRequests)
		default:
			http.Error(w, `{"error": {"name": "instanceNotFoundError", "message": "not found"}}`, http.StatusNotFound)
		}
	}))
}
