package build

import (
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// placeFixtures files each saved request body too long for a literal
// (fixtureLimit) under testdata/pmgen/, in the one file of the service
// file its operation sits in: a large collection gets a fixture file per
// service file, not one per request, and the bodies of one service read
// and diff together. It runs once the service files are named.
func placeFixtures(root *model.Service) {
	for _, f := range model.OpFiles(root) {
		for _, op := range f.Ops {
			if op.Body != nil && len(op.Body.Example) > fixtureLimit {
				op.Body.ExampleFixture = &model.Fixture{File: f.Stem + ".txt", Name: strings.TrimPrefix(op.TestName, "Test")}
			}
		}
	}
}
