package generator

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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

// TestDynamicVariablesAreNewmans: the dynamic variables pmgen produces are
// exactly those the conformance harness compares by form, which it checks
// newman defines (conformance/dynamic_test.go, checkDynamicForms): a name
// Postman does not define must be sent as written, as newman sends it.
func TestDynamicVariablesAreNewmans(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join("..", "conformance", "dynamic_test.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var forms []string
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != "dynamicForms" || len(vs.Values) != 1 {
			return true
		}
		for _, e := range vs.Values[0].(*ast.CompositeLit).Elts {
			key, _ := strconv.Unquote(e.(*ast.KeyValueExpr).Key.(*ast.BasicLit).Value)
			forms = append(forms, key)
		}
		return false
	})
	want := slices.Sorted(slices.Values(model.DynamicVariables()))
	slices.Sort(forms)
	if !slices.Equal(forms, want) {
		t.Errorf("the harness compares %q by form; pmgen produces %q", forms, want)
	}
}
