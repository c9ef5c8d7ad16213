package model

// Example is one Example function of example_test.go: go doc shows it
// beside what it names, go test compiles it, and runs it when it has an
// Output. The README and the package doc show the same bodies.
type Example struct {
	// Name is the function's name, as go doc and go vet read it:
	// "ExampleNew", "ExampleSessionsService_Authenticate",
	// "ExampleClient_ListUsers" for a request at the top of the collection.
	Name string
	// Op is the request the example calls; nil for ExampleNew, which
	// creates a client with every setting.
	Op *Operation
	// Serve, when set, makes the example runnable: a local server answers
	// with a saved response and the example prints one of its values.
	// Without it the example needs a real server and is only compiled.
	Serve *ExampleServe
	// Input is the saved request body the example passes, when it is
	// short: compact JSON decoded into the body's type, or a text body as
	// written. Empty passes the body's zero value, for the reader to fill.
	Input string
	// Form is the saved form an example fills in, field by field, for a
	// url-encoded or multipart body: its text fields with short values.
	Form []ExampleField
}

// ExampleField is a form field an example sets: its Go name and the saved
// values (several for a repeated field).
type ExampleField struct {
	Name     string
	Repeated bool
	Values   []string
}

// ExampleServe is the saved 2xx response a runnable example's server
// answers with, and what the example prints of the decoded result.
type ExampleServe struct {
	// Status is the saved status; ContentType the saved Content-Type.
	Status      int
	ContentType string
	// Body is the saved body cut down to the value printed (and what
	// leads to it), so that the example stays short.
	Body string
	// Index is set when the result is a slice: the example prints a field
	// of its first element.
	Index bool
	// Field is the Go field of the result that is printed.
	Field string
	// Output is what fmt.Println prints for that field: the example's
	// "// Output:" line.
	Output string
}
