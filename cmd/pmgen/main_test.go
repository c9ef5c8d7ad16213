package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	commands := map[string]func(){
		"pmgen": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	}
	maps.Copy(commands, probes)
	testscript.Main(m, commands)
}

// probes are commands that tests run as a process of their own, each
// under its name as argv[0] (testscript.Main dispatches on it).
var probes = map[string]func(){}

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
	root, err := filepath.Abs(filepath.Join("..", ".."))
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
			// PMGEN_ROOT is this working tree, which a script's
			// throwaway module replaces pmgen with; PMGEN_CACHE keeps
			// the records of unchanged packages inside the script.
			env.Setenv("PMGEN_ROOT", root)
			env.Setenv("PMGEN_CACHE", filepath.Join(env.WorkDir, ".pmgen-cache"))
			// Scripts on corpus collections skip unless it is set; a
			// relative value is from the repository root, as for the
			// generator's corpus tests.
			if dir := os.Getenv("PMGEN_CORPUS"); dir != "" {
				if !filepath.IsAbs(dir) {
					dir = filepath.Join(root, dir)
				}
				env.Setenv("PMGEN_CORPUS", dir)
			}
			env.Setenv("POSTMAN_API_URL", api.URL)
			// Scripts that build or vet what they generate run the go
			// command, which needs its caches; HOME is unset in a script.
			// Generated packages import only the standard library: no network.
			for k, v := range goEnv {
				env.Setenv(k, v)
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){"listing": listing, "freeport": freePort, "http": httpDo},
		// [corpus] holds when $PMGEN_CORPUS names the corpus.
		Condition: func(cond string) (bool, error) {
			if cond == "corpus" {
				return os.Getenv("PMGEN_CORPUS") != "", nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}

// goEnvironment is what the go command needs to run inside a script
// without a network or a home: the caches and GOPATH of this run.
func goEnvironment(t *testing.T) map[string]string {
	out, err := exec.Command("go", "env", "-json", "GOCACHE", "GOPATH", "GOMODCACHE").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	env := map[string]string{}
	if err := json.Unmarshal(out, &env); err != nil {
		t.Fatalf("go env: %v", err)
	}
	env["GOPROXY"], env["GOTOOLCHAIN"], env["GOFLAGS"] = "off", "local", "-mod=mod"
	// Adding pmgen's own requirements to a script's module writes their
	// sums from the module cache; the checksum database is not reachable.
	env["GOSUMDB"] = "off"
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

// listing prints, for each folder named, every entry below it in path
// order: its kind, mode, modification time to the nanosecond, and the
// SHA-256 of a file's bytes or a link's target. Two listings compared with
// cmp show that nothing in a folder was written, created, removed or
// touched, portably, where ls's flags differ between systems.
func listing(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: listing DIR...")
	}
	for _, arg := range args {
		root := ts.MkAbs(arg)
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			var sum string
			switch {
			case d.Type()&fs.ModeSymlink != 0:
				to, err := os.Readlink(p)
				if err != nil {
					return err
				}
				sum = "-> " + to
			case d.Type().IsRegular():
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				sum = fmt.Sprintf("%x", sha256.Sum256(data))
			}
			fmt.Fprintf(ts.Stdout(), "%s/%s %v %s %s\n", arg, filepath.ToSlash(rel), info.Mode(), info.ModTime().UTC().Format("2006-01-02T15:04:05.000000000"), sum)
			return nil
		})
		ts.Check(err)
	}
}
