package templates

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite runtime/testdata/pmgen/sample.txt")

// TestFixtureFileLayout checks FixtureFile on the bodies of
// runtime/testdata/fixtures.json, among them bodies that end without a
// line break, hold CRLF, control bytes or lines that look like the
// layout's own. The runtime's tests read the same file back with
// readFixture and compare each body with the same list, so the writer
// and the reader cannot drift apart.
func TestFixtureFileLayout(t *testing.T) {
	data, err := os.ReadFile("runtime/testdata/fixtures.json")
	if err != nil {
		t.Fatal(err)
	}
	var fixtures []Fixture
	if err := json.Unmarshal(data, &fixtures); err != nil {
		t.Fatal(err)
	}
	got := FixtureFile("sample.go", fixtures)
	const path = "runtime/testdata/pmgen/sample.txt"
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("FixtureFile differs from %s (go test ./templates -run TestFixtureFileLayout -update):\n%s", path, got)
	}
	if !bytes.HasPrefix(got, []byte("# "+Header+"\n")) {
		t.Errorf("FixtureFile does not start with the header line:\n%s", got)
	}
}
