package build

import (
	"testing"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// A JSON body that does not parse is sent as text, with its comments
// stripped as Postman strips them.
func TestInvalidJSONBodyLosesComments(t *testing.T) {
	op, _, _ := bodyOp(t, "POST", &load.Body{Mode: "raw", Language: "json", Raw: "{\"a\": 1, // c\n\"b\": }"})
	if op.Body == nil || op.Body.Kind != model.BodyText {
		t.Fatalf("body = %+v, want text", op.Body)
	}
	if got, want := op.Body.Example, "{\"a\": 1, \n\"b\": }"; got != want {
		t.Errorf("example = %q, want %q", got, want)
	}
}
