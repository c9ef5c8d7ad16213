package generator

import (
	"go/importer"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pmgen/pmgen/generator/internal/output"
)

// conformanceFixture is the file Config.ConformanceFixtures adds.
const conformanceFixture = "conformance_test.go"

// TestConformanceFixtures checks Config.ConformanceFixtures on every
// golden case: a user's package has no conformance_test.go; with the field
// set, the package gains exactly that file, every other file byte for
// byte the same, and the whole type-checks, tests included. The
// conformance harness, which runs the file against newman, is skipped
// unless asked for; this keeps the file compiling in every go test.
func TestConformanceFixtures(t *testing.T) {
	imp := importer.Default()
	for _, c := range goldenCases(t) {
		plain, _ := renderGolden(t, c.name)
		if len(plain) == 0 {
			continue // a rejected case
		}
		t.Run(c.name, func(t *testing.T) {
			var rest []output.File
			fixtures := 0
			with, _ := renderGoldenFixtures(t, c.name)
			for _, f := range with {
				if f.Path == conformanceFixture {
					fixtures++
					continue
				}
				rest = append(rest, f)
			}
			if fixtures != 1 {
				t.Errorf("with ConformanceFixtures: %d files named %s, want 1", fixtures, conformanceFixture)
			}
			for _, f := range plain {
				if f.Path == conformanceFixture {
					t.Errorf("a user's package has %s", conformanceFixture)
				}
			}
			if d := cmp.Diff(plain, rest); d != "" {
				t.Errorf("ConformanceFixtures changed other files (-without +with):\n%s", d)
			}
			if err := typeCheck(with, imp); err != nil {
				t.Errorf("the package with %s does not type-check: %v", conformanceFixture, err)
			}
		})
	}
}
