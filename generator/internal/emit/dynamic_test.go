package emit

import (
	"bytes"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// TestDynamicVariablesHaveBodies keeps model.DynamicVariables and the
// emitted functions in step, and checks that a package using every one of
// them renders (gofmt accepts it).
func TestDynamicVariablesHaveBodies(t *testing.T) {
	bodies := dynamicBodies()
	for _, name := range model.DynamicVariables() {
		if bodies[name] == nil {
			t.Errorf("dynamic variable %q has no generated body", name)
		}
	}
	if len(bodies) != len(model.DynamicVariables()) {
		t.Errorf("%d bodies for %d known dynamic variables", len(bodies), len(model.DynamicVariables()))
	}
	api := &model.API{Package: "p", Dynamics: model.DynamicVariables()}
	data, err := render("dynamic.go", dynamicFile(api))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range model.DynamicVariables() {
		if !bytes.Contains(data, []byte("func "+dynamicFunc(name)+"() string")) {
			t.Errorf("dynamic.go lacks %s", dynamicFunc(name))
		}
	}
}
