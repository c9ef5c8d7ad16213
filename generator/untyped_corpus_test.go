package generator

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/corpus"
	"github.com/pmgen/pmgen/generator/internal/output"
)

// stripeCollection saves no example for any of its 457 requests: every
// method has only a Response, and the 2xx body must reach the caller
// through it.
const stripeCollection = "stripe__stripe-api.postman_collection.json"

// TestStripeUntypedBodies generates the Stripe client from the corpus and
// runs, beside it, a test that serves a JSON answer and decodes it through
// a generated method (testdata/untyped).
func TestStripeUntypedBodies(t *testing.T) {
	dir := corpus.Require(t)
	if testing.Short() {
		t.Skip("runs the go command; skipped with -short")
	}
	r := renderCorpus(t, filepath.Join(dir, stripeCollection))
	if r.readErr != nil || r.err != nil {
		t.Fatalf("rendering %s: %v %v", stripeCollection, r.readErr, r.err)
	}
	extra := extraTests(t, filepath.Join("testdata", "untyped"), "stripe_test.go.txt")
	if len(extra) != 1 {
		t.Fatalf("want one extra test file, found %d", len(extra))
	}
	// The module and directory are those corpusImport gives the package,
	// which its example_test.go imports.
	checkModule(t, "example.com/corpus", map[string][]output.File{
		packageDir(strings.TrimSuffix(stripeCollection, ".postman_collection.json")): withFiles(r.files, extra...),
	}, false)
}
