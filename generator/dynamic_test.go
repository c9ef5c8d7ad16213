package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// TestDynamicCaseCoversEveryVariable: the "dynamic-values" golden case,
// whose hand-written tests (extra/) check that each dynamic variable in a
// JSON body is sent fresh and of its form, spells every dynamic variable
// pmgen produces, so a variable added to the list is checked too.
func TestDynamicCaseCoversEveryVariable(t *testing.T) {
	dir := filepath.Join("testdata", "golden", "dynamic-values")
	input, err := os.ReadFile(filepath.Join(dir, "input.postman_collection.json"))
	if err != nil {
		t.Fatal(err)
	}
	extra, err := os.ReadFile(filepath.Join(dir, "extra", "dynamic_behaviour_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range model.DynamicVariables() {
		if !strings.Contains(string(input), `\"`+name+`\": \"{{$`+name+`}}\"`) {
			t.Errorf("the collection's JSON body does not spell {{$%s}}", name)
		}
		if !strings.Contains(string(extra), `"`+name+`"`) {
			t.Errorf("the hand-written test does not list %s", name)
		}
	}
}
