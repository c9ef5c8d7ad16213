package model

// API is everything pmgen generates one Go package from.
type API struct {
	// Package is the Go package name.
	Package string
	// Title is the collection's name, for prose.
	Title string
	// Doc is the package doc text (Go doc syntax, no comment markers).
	Doc string
	// Markdown is the collection's description as written, for the README.
	Markdown string
	// BaseURL is the setting that leads request URLs ({{baseUrl}}); nil when
	// the collection's URLs are absolute.
	BaseURL *Setting
	// Settings are the client settings, one With<Name> option each, in
	// collection order. BaseURL is among them.
	Settings []*Setting
	// Root holds the requests at the collection root (methods on the client)
	// and the top-level folders (services reached from the client).
	Root *Service
	// Types are the named types, in the order they are emitted.
	Types []*Type
	// Dynamics are the Postman dynamic variables the requests use ("guid"),
	// sorted.
	Dynamics []string
	// Stats are counts for the run summary.
	Stats Stats
}

// Stats counts what was generated, for the one-line summary.
type Stats struct {
	Requests   int
	Operations int
	Types      int
	TestRows   int
}

// Setting is a client-wide value set with an option: a collection or
// environment variable.
type Setting struct {
	// Key is the Postman variable name.
	Key string
	// Field is the unexported Go field on the client that holds the value.
	Field string
	// Option is the exported option constructor, "WithRealm".
	Option string
	// Doc describes the setting.
	Doc string
	// Default is the value used when the option is not given.
	Default string
	// HasDefault is false for secrets and variables without a saved value.
	HasDefault bool
	// Secret marks tokens, passwords and keys: never written as a default.
	Secret bool
	// TestValue is what the generated tests configure, so that their
	// expectations do not depend on defaults.
	TestValue string
	// URL marks a setting that holds a scheme and host (and maybe a path
	// prefix) that request paths are appended to; tests point it at their
	// server.
	URL bool
	// EnvVar is the environment variable that documentation suggests
	// reading a secret from ("DEMO_SSO_TOKEN").
	EnvVar string
}

// Service is a folder: a Go type reached from the client (c.Sessions) that
// holds the folder's requests as methods and its sub-folders as fields.
type Service struct {
	// Name is the folder name in the collection.
	Name string
	// Field is the Go field name on the parent ("Sessions"); empty for Root.
	Field string
	// TypeName is the Go type name ("SessionsService"); empty for Root, whose
	// methods live on Client.
	TypeName string
	// File is the stem of the Go file that holds a top-level service and
	// its sub-services ("sessions" for sessions.go and sessions_test.go).
	File     string
	Doc      string
	Services []*Service
	Ops      []*Operation
}

// Operation is one request item: one Go method.
type Operation struct {
	// Name is the item name in the collection.
	Name string
	// Path is the breadcrumb of folder names down to the item.
	Path []string
	// Chain is the Go field names from the client down to the service that
	// holds the method (["Sessions"] for c.Sessions.Refresh); empty at the root.
	Chain []string
	// Method is the Go method name.
	Method string
	// Doc is the method's full doc comment text; Summary is the request's
	// own description alone, for the README.
	Doc     string
	Summary string
	// HTTPMethod is the verb, upper case ("POST", "PURGE").
	HTTPMethod string
	// Origin is the setting holding the scheme and host the request goes to:
	// the base URL, or another URL setting for requests to a second host.
	Origin *Setting
	// URL is the request path that follows the origin.
	URL Template
	// PathArgs are the path variables, in URL order: method arguments.
	PathArgs []*Param
	// Params is the *<Op>Params struct: query and header parameters.
	Params *ParamsStruct
	// FixedHeaders are sent on every call and are not parameters, because
	// their name is a template ({{cookieName}}) or they describe the body
	// (Content-Type).
	FixedHeaders []Header
	// Body is the request body; nil when there is none.
	Body *Body
	// Result is the decoded type of the success response; nil when the
	// success response has no body to decode.
	Result *TypeRef
	// ResultRaw is set when the success body is returned as []byte (not JSON).
	ResultRaw bool
	// Responses are the statuses that have examples, in ascending order.
	Responses []*Response
	// TestName is the Go test function for this operation, unique in the
	// package ("TestSessionsRefreshUsersSession").
	TestName string
	// Tests are the generated test rows, one per saved example.
	Tests []*TestCase
}

// Header is a request header whose name and value are templates.
type Header struct {
	Name  Template
	Value Template
}

// ParamIn says where a parameter is sent.
type ParamIn int

const (
	// InQuery parameters go in the query string.
	InQuery ParamIn = iota
	// InHeader parameters go in a request header.
	InHeader
	// InPath parameters are path arguments.
	InPath
)

// Param is one query, header or path parameter.
type Param struct {
	// Key is the wire name: the query key, the header name, the path variable.
	Key string
	// Name is the Go identifier: a field name for query and header
	// parameters, an argument name for path arguments.
	Name string
	Doc  string
	In   ParamIn
	// Default is sent when the caller leaves the field empty. It is nil for
	// disabled parameters, which are sent only when set.
	Default Template
	// Enabled is false for parameters that Postman has switched off.
	Enabled bool
	// TestValue is the value the generated tests pass for a path argument.
	TestValue string
}

// ParamsStruct is the *<Op>Params type.
type ParamsStruct struct {
	TypeName string
	Fields   []*Param
}

// BodyKind is how the request body is encoded.
type BodyKind int

const (
	// BodyJSON is a typed struct (or other JSON value) encoded as JSON.
	BodyJSON BodyKind = iota
	// BodyText is a raw string sent as written (text, XML, HTML, or JSON
	// that did not parse).
	BodyText
)

// Body is a request body.
type Body struct {
	Kind BodyKind
	// ContentType is sent unless the collection sets Content-Type itself.
	ContentType string
	// Type is the Go type of the body argument for BodyJSON.
	Type *TypeRef
	// Example is the collection's saved body, used as the test input and in
	// documentation.
	Example string
	// ExampleFixture is the file under the package's testdata/ that holds
	// Example when it is too long for a literal; empty otherwise.
	ExampleFixture string
}

// Response is a status that has saved examples.
type Response struct {
	Status int
	// Type is the decoded body type; nil when there is no JSON body.
	Type *TypeRef
	// Success is set for 2xx statuses.
	Success bool
}

// TestCase is one row of an operation's generated test: a saved example
// replayed by an httptest server.
type TestCase struct {
	// Name is the example's name, used as the subtest name.
	Name string
	// Status, ResponseHeaders and ResponseBody are what the server replays.
	Status          int
	ResponseHeaders []KeyValue
	ResponseBody    string
	// ResponseFixture is the file under the package's testdata/ that holds
	// ResponseBody when it is too long for a literal; empty otherwise.
	ResponseFixture string
	// ResponseJSON says whether ResponseBody parsed as JSON, so that the
	// test compares the decoded value with it semantically.
	ResponseJSON bool

	// Want* are what the client must send.
	WantMethod  string
	WantPath    string
	WantQuery   []KeyValue
	WantHeaders []KeyValue
	WantBody    string
	// WantBodyJSON says whether WantBody is compared as JSON.
	WantBodyJSON bool
	// Assertions are the recognised pm.test checks that apply to this row.
	Assertions []Assertion
}

// KeyValue is an ordered pair.
type KeyValue struct {
	Key   string
	Value string
}

// AssertionKind says what a recognised pm.test checks.
type AssertionKind int

const (
	// AssertStatus checks the response status code.
	AssertStatus AssertionKind = iota
)

// Assertion is a pm.test translated into Go.
type Assertion struct {
	Kind   AssertionKind
	Name   string // the pm.test title
	Status int
}
