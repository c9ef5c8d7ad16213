package emit

import "github.com/pmgen/pmgen/generator/internal/model"

// hasMock reports whether the package has a mock server: build names an
// operation for it when the operation has examples, unless the project
// file turned the mock off (build.Options.NoMock).
func hasMock(svc *model.Service) bool {
	for _, op := range svc.Operations() {
		if op.MockOp != "" {
			return true
		}
	}
	return false
}
