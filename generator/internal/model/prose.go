package model

// Prose is what the README and the package doc are written from: the
// sentences and examples build composes, which the templates lay out.
type Prose struct {
	Package string
	Title   string
	// Doc is the collection's description as Markdown.
	Doc      string
	Settings []ProseSetting
	Services []ProseService
	// Auth lists the credential options, one line each.
	Auth []ProseAuth
	// Pages lists the paginated methods; PagesExample walks the first.
	Pages        []ProsePages
	PagesExample string
	// UserAgent is the User-Agent calls send by default.
	UserAgent string
	// TunedCall is the package's first method called with per-call
	// options, for the README's section on them.
	TunedCall string
	// Interface names the interface of the first service with methods, and
	// Implementer the client expression that satisfies it ("c.Sessions").
	Interface, Implementer string
	// MockTest is the test of a user's code against the package's
	// MockServer that example_test.go holds and the README shows; nil
	// when the package has no mock.
	MockTest *MockTest
}

// MockTest is TestWithMock: it forces Example's method to answer with its
// saved example of Status, calls it as Example does, and reads what the
// mock received.
type MockTest struct {
	Example *Example
	Status  int
}

// ProsePages is a paginated method in the README's table.
type ProsePages struct {
	Method, All, Pages, Style, How string
}

// ProseAuth is a credential option in the README.
type ProseAuth struct {
	Option, Summary string
}

// ProseSetting is a row of the README's table of settings.
type ProseSetting struct {
	// Variable is how the collection refers to the setting: "{{realm}}",
	// or the host it spells out.
	Variable, Option, Example, DefaultText string
}

// ProseService is a service and its methods in the README.
type ProseService struct {
	Title   string
	Methods []ProseMethod
}

// ProseMethod is a method in the README: its HTTP request, summary and a
// call. Example names the function of example_test.go whose body the
// README shows as the call; when the method has none, Call is shown.
// Vars reads the variables its test script sets, when it sets some.
type ProseMethod struct {
	Name, HTTP, Summary, Call, Example, Vars string
}
