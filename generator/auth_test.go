package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/output"
)

// TestAuthKnownAnswers generates the client of testdata/auth, which uses
// every auth kind pmgen signs, and runs hand-written tests against it in a
// temporary module: each checks what the client sends against a published
// test vector (AWS's SigV4 suite, RFC 5849 and Twitter's OAuth 1.0a
// example, RFC 2617 and RFC 7616 digest, the Hawk README, Akamai's
// EdgeGrid testdata) or an exact header or query value. Beside them,
// runtime_resign_test.go checks what retries and editors do to signed
// requests: a fresh signature per attempt, editors after auth.
func TestAuthKnownAnswers(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command; skipped with -short")
	}
	dir := filepath.Join("testdata", "auth")
	data, err := os.ReadFile(filepath.Join(dir, "auth.postman_collection.json"))
	if err != nil {
		t.Fatal(err)
	}
	files, _, diags, err := render(source{"auth.postman_collection.json", data}, source{}, "authkinds")
	if err != nil {
		t.Fatal(err)
	}
	// The NTLM folder is the one kind that cannot be signed: one warning,
	// at the folder, naming its request. The others say which saved
	// credentials were withheld.
	var warnings []string
	for _, d := range diags {
		if d.Code == "secret-withheld" {
			continue
		}
		warnings = append(warnings, d.String())
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "[auth-not-generated]") ||
		!strings.Contains(warnings[0], `"Windows"`) || !strings.Contains(warnings[0], "WithHeader") {
		t.Errorf("warnings = %q, want one auth-not-generated warning naming \"Windows\"", warnings)
	}
	kats, err := filepath.Glob(filepath.Join(dir, "*_test.go.txt"))
	if err != nil || len(kats) == 0 {
		t.Fatalf("no known-answer tests in %s: %v", dir, err)
	}
	for _, k := range kats {
		src, err := os.ReadFile(k)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, output.File{Path: strings.TrimSuffix(filepath.Base(k), ".txt"), Data: src})
	}
	checkStdlibOnly(t, files)
	runGeneratedPackage(t, files)
}
