package pmruntime

// NewMockServerFor returns a mock server for examples, for a program that
// serves a collection without generating its client (pmgen mock). A
// generated package's NewMockServer passes its own examples.
func NewMockServerFor(examples []MockExample, opts ...MockOption) *MockServer {
	return newMockServer(examples, opts)
}
