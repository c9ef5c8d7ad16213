package generator

import (
	"github.com/pmgen/pmgen/generator/internal/apidiff"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// DiffReport is what changed between two versions of a collection, as the
// callers of the generated client see it: each change, whether it breaks
// them, and the suggested semantic version bump. Markdown renders it for
// people; it marshals to JSON for machines.
type DiffReport = apidiff.Report

// DiffChange is one change of a DiffReport.
type DiffChange = apidiff.Change

// Diff builds the API model of two versions of a collection and compares
// them. Each of old and new is a file, "git:REF:PATH" or "postman:UID"
// (see Config.In). Problems with either input come back as an
// *InputError; warnings about them are not reported, since Generate
// reports them where they matter.
func Diff(old, new string) (*DiffReport, error) {
	var apis [2]*model.API
	for i, spec := range []string{old, new} {
		col, _, err := readInputs(spec, "")
		if err != nil {
			return nil, err
		}
		if apis[i], _, err = buildModel(col, source{}, "", nil, nil); err != nil {
			return nil, err
		}
	}
	return apidiff.Compare(old, apis[0], new, apis[1]), nil
}
