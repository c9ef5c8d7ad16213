package model

// MockRequest is the saved request an example answers, as the mock
// server compares incoming requests with it: the example's original
// request, or its item's request when the example saved none. Values are
// as saved; a {{var}} in them matches anything.
type MockRequest struct {
	// ID and Name are the example's Postman id and saved name, which the
	// x-mock-response-id and x-mock-response-name headers select.
	ID, Name string
	Method   string
	// Path follows the origin, written as Postman writes it:
	// "/users/:id", "/json{{realm}}/sessions".
	Path   string
	Query  []KeyValue
	Header []KeyValue
	Body   string
}

// Operations are every operation under s, in the collection's order: a
// service's own before its nested services'.
func (s *Service) Operations() []*Operation {
	out := append([]*Operation(nil), s.Ops...)
	for _, sub := range s.Services {
		out = append(out, sub.Operations()...)
	}
	return out
}

// MockBodyGoType is the type MockCalls decodes op's request body into:
// the body's own type for a typed JSON body, else []byte, the body as
// sent.
func (op *Operation) MockBodyGoType(named func(*Type) string) GoType {
	if b := op.Body; b != nil && b.Kind == BodyJSON && b.Type != nil && b.HasArg() {
		return b.Type.GoType(named)
	}
	return GoType{Prefix: "[]", Name: "byte"}
}
