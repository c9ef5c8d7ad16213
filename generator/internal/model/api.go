package model

// API is everything pmgen generates one Go package from.
type API struct {
	// Package is the Go package name.
	Package string
	// Title is the collection's name, for prose.
	Title string
	// UserAgent is the User-Agent the client sends unless told otherwise:
	// "pmgen (<collection name>/<collection version>)", without the
	// version when the collection has none, and without control characters.
	UserAgent string
	// Doc is the package doc text (Go doc syntax, no comment markers).
	Doc string
	// Prose is what the README and the package doc say.
	Prose *Prose
	// ClientDoc is the doc comment of the Client type.
	ClientDoc string
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
	// Auth is what the client needs for the auth schemes its requests use;
	// nil when no request authenticates.
	Auth *AuthSet
	// ScriptClock is set when an operation has Script outputs: the
	// config gets the scriptNow hook for their clock.
	ScriptClock bool
	// FileType is the name of the generated type of form-data file fields
	// ("File"); empty when no request has one.
	FileType string
	// Examples are the Example functions of example_test.go, in order:
	// ExampleNew, then one per request in collection order.
	Examples []*Example
	// Stats are counts for the run summary.
	Stats Stats
}

// Stats counts what was generated, for the one-line summary.
type Stats struct {
	Requests   int
	Operations int
	Types      int
	TestRows   int
	// Paged lists the operations that received page iterators, in
	// collection order.
	Paged []PagedOp
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
	// Doc is the option's doc comment: what it sets, the collection's
	// description of the variable, and the default.
	Doc string
	// Default is the value used when the option is not given.
	Default string
	// HasDefault is false for secrets and variables without a saved value.
	HasDefault bool
	// Nested is set when the saved value refers to other variables
	// ("{{scheme}}://{{host}}"): it is then resolved at call time from
	// those settings, as Postman does, unless the option is given.
	Nested Template
	// Secret marks tokens, passwords and keys: never written as a default.
	Secret bool
	// TestValue is what the generated tests configure, so that their
	// expectations do not depend on defaults.
	TestValue string
	// Spelled is set for a URL setting that no variable stands for: the
	// collection spells the host out in its requests, and Key is that text.
	Spelled bool
	// URL marks a setting that holds a scheme and host (and maybe a path
	// prefix) that request paths are appended to; tests point it at their
	// server.
	URL bool
	// Unusable marks a URL setting whose default is not an absolute URL:
	// it is kept, but documentation does not offer it as an example.
	Unusable bool
	// EnvVar is the environment variable that documentation suggests
	// reading a secret from ("DEMO_SSO_TOKEN").
	EnvVar string
}

// Service is a folder: a Go type reached from the client (c.Sessions) that
// holds the folder's requests as methods and its sub-folders as fields.
type Service struct {
	// Name is the folder name in the collection.
	Name string
	// ItemID is the collection's id of the folder; empty for Root and for
	// folders saved without one.
	ItemID string
	// Field is the Go field name on the parent ("Sessions"); empty for Root.
	Field string
	// TypeName is the Go type name ("SessionsService"); empty for Root, whose
	// methods live on Client.
	TypeName string
	// Interface is the name of the interface the service's methods make up,
	// for callers to mock ("SessionsAPI"; "ClientAPI" for Root's, which
	// Client satisfies).
	Interface string
	// File is the stem of the Go file that holds a top-level service and
	// its sub-services ("sessions" for sessions.go and sessions_test.go).
	File string
	// Parts are the stems of the further files a top-level service (or
	// Root, whose first file is operations.go) continues in when it has,
	// with its sub-services, more than OpsPerFile operations: File holds
	// the first OpsPerFile, Parts[0] the next, and so on, each with its own
	// _test file.
	Parts []string
	// Doc is the service type's doc comment; FieldDoc the doc comment of
	// its field on the parent; InterfaceDoc that of Interface.
	Doc, FieldDoc, InterfaceDoc string
	Services                    []*Service
	Ops                         []*Operation
}

// Operation is one request item: one Go method.
type Operation struct {
	// Name is the item name in the collection.
	Name string
	// ItemID is the collection's id of the request item; empty when it has
	// none. It identifies the operation across versions of a collection,
	// whatever its name or folder.
	ItemID string
	// Path is the breadcrumb of folder names down to the item.
	Path []string
	// Chain is the Go field names from the client down to the service that
	// holds the method (["Sessions"] for c.Sessions.Refresh); empty at the root.
	Chain []string
	// Method is the Go method name.
	Method string
	// Doc is the method's full doc comment text; Summary is the request's
	// own description alone, for the README. Lead is the doc's first
	// sentence, on one line: the method's name and what it does.
	Doc     string
	Summary string
	Lead    string
	// HTTPMethod is the verb, upper case ("POST", "PURGE").
	HTTPMethod string
	// Origin is the setting holding the scheme and host the request goes to:
	// the base URL, or another URL setting for requests to a second host.
	Origin *Setting
	// OriginOptions names the options that give Origin, for the error of a
	// call made without it: "WithBaseURL", or "WithBaseURL, or WithScheme
	// and WithHost" when the URL is made of other settings.
	OriginOptions string
	// URL is the request path that follows the origin.
	URL Template
	// PathArgs are the path variables, in URL order: method arguments.
	PathArgs []*Param
	// Params is the *<Op>Params struct: query and header parameters.
	Params *ParamsStruct
	// Entries are the query and header entries in the collection's order:
	// the fields of Params and the verbatim entries, which are no fields.
	Entries []*Param
	// FixedHeaders are sent on every call and are not parameters, because
	// their name is a template ({{cookieName}}) or they describe the body
	// (Content-Type).
	FixedHeaders []Header
	// Auth is the request's effective auth after Postman's inheritance
	// (collection → folder → request); nil when it sends none.
	Auth *Auth
	// Body is the request body; nil when there is none.
	Body *Body
	// Result is the decoded type of the success response; nil when the
	// success response has no body to decode.
	Result *TypeRef
	// EmptyResultOK is set when a 2xx example (or one without a status)
	// has an empty body: the API is known to answer so, and an empty 2xx
	// body then decodes to the zero value instead of failing the call.
	EmptyResultOK bool
	// ResultRaw is set when the success body is returned as []byte (not JSON).
	ResultRaw bool
	// ResultStream is set when the success body is a download (see
	// build's download rule): returned unread as an io.ReadCloser.
	ResultStream bool
	// VerbatimQuery sends the query text the collection saved without
	// percent-encoding it (protocolProfileBehavior.disableUrlEncoding);
	// the caller's values are still escaped, as they are data, not text
	// the collection's author wrote for the wire.
	VerbatimQuery bool
	// Responses are the statuses that have examples, in ascending order.
	Responses []*Response
	// TestName is the Go test function for this operation, unique in the
	// package ("TestSessionsRefreshUsersSession").
	TestName string
	// TestDoc is the test function's doc comment; InterfaceDoc the method's
	// line in its service's interface.
	TestDoc, InterfaceDoc string
	// Tests are the generated test rows, one per saved example.
	Tests []*TestCase
	// MockName is the operation's name for the mock server
	// ("Sessions.RefreshUsersSession"), and MockOp the package-level
	// variable that names it in Go ("OpSessionsRefreshUsersSession");
	// MockOp is empty when the operation has no examples.
	MockName, MockOp string
	// Pages is how to walk the operation's pages (pages.go); nil when it
	// is not paginated.
	Pages *Pagination
	// Vars are the variables its test scripts set from the response
	// (response_vars.go); nil when they set none.
	Vars *ResponseVars
	// DropEmptyHeaders is set when a pre-request script removes the
	// headers whose value, once resolved, is empty: the call drops them
	// before sending.
	DropEmptyHeaders bool
	// Script are the values its pre-request scripts compute from the clock
	// and the request as sent (timestamps, HMAC signatures), in script
	// order: the call computes and adds them last, before auth.
	Script []ScriptOutput
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
	// Doc is the field's doc comment for a query or header parameter, the
	// collection's description for a path argument.
	Doc string
	In  ParamIn
	// Default is sent when the caller leaves the field empty. It is nil for
	// disabled parameters, which are sent only when set.
	Default Template
	// Enabled is false for parameters that Postman has switched off.
	Enabled bool
	// NoValue is set for a query parameter saved with a null value: Postman
	// sends the key alone ("?debug") unless a value is given.
	NoValue bool
	// Repeated is set when the key occurs several times ("tag=a&tag=b"): the
	// field is a []string, and Defaults holds the saved values in order.
	Repeated bool
	Defaults []Template
	// KeyTemplate is the key of a verbatim entry whose key holds variables
	// ("{{field}}=x"), resolved at call time.
	KeyTemplate Template
	// Verbatim marks an entry with no key (an empty "&&" segment of the
	// saved URL): it is not a field, and is sent as saved so that the query
	// string matches Postman's.
	Verbatim bool
	// TestValue is the value the generated tests pass for a path argument.
	TestValue string
	// Send is how the method sends a query or header entry.
	Send Send
	// Fixed marks a query or header entry that is part of the operation
	// rather than a field of its Params: it is sent as Default on every
	// call. FixedBy says why.
	Fixed FixedBy
	// Kind is the Go type of the field: a string unless every value the
	// collection saves for the key is an integer or a boolean.
	Kind ParamKind
	// SavedValue is what Postman puts in the path for a path argument: the
	// saved value with its {{variables}} unresolved, or ":key" when the
	// collection defines none or saves it empty. The conformance fixtures
	// pass it.
	SavedValue string
}

// FixedBy says why an entry is no Params field.
type FixedBy int

const (
	// NotFixed is a Params field.
	NotFixed FixedBy = iota
	// FixedSelector is a protocol selector: its literal value tells apart
	// the requests that share the operation's method and URL
	// ("_action=refresh"), so it names the operation itself.
	FixedSelector
	// FixedSetting is a value that is exactly one client setting
	// ("{{username}}"): its option (WithUsername) sets it, for the client
	// or for one call.
	FixedSetting
)

// ParamKind is the Go type of a parameter's field.
type ParamKind int

const (
	// ParamString is a string field.
	ParamString ParamKind = iota
	// ParamInt is an int field, sent in decimal.
	ParamInt
	// ParamBool is a bool field, sent as "true" or "false".
	ParamBool
)

// ParamsStruct is the *<Op>Params type.
type ParamsStruct struct {
	TypeName string
	Fields   []*Param
	// Omit and ForceSend are the names of its two []string fields that
	// say, by Go field name, which parameters are not sent at all and
	// which are sent even when their field holds the zero value.
	Omit, ForceSend string
	// OmitDoc and ForceSendDoc are their doc comments.
	OmitDoc, ForceSendDoc string
	// Doc is the type's doc comment.
	Doc string
}

// BodyKind is how the request body is encoded.
type BodyKind int

const (
	// BodyJSON is a typed struct (or other JSON value) encoded as JSON.
	BodyJSON BodyKind = iota
	// BodyText is a raw string sent as written (text, XML, HTML, or JSON
	// that did not parse).
	BodyText
	// BodyURLEncoded is a form struct (Body.Form) sent as
	// application/x-www-form-urlencoded.
	BodyURLEncoded
	// BodyMultipart is a form struct (Body.Form) with text and file fields,
	// sent as multipart/form-data.
	BodyMultipart
	// BodyBinary is an io.Reader sent as it is (Postman's "file" mode).
	BodyBinary
	// BodyGraphQL is a fixed GraphQL document (Body.Query) with typed
	// variables (Body.Type, nil when the collection saved none), sent as
	// JSON.
	BodyGraphQL
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
	// ExampleFixture is where the package's testdata keeps Example when
	// it is too long for a literal; nil otherwise.
	ExampleFixture *Fixture
	// ExampleUnsaved is Example with each bare {{variable}} that has no
	// saved value left as the reference ("id": {{id}}), where Example has
	// null: the conformance fixtures resolve it with the value newman is
	// given, as a caller sets the field. Empty when no such variable, or
	// when the saved JSON needed rewriting (comments, trailing commas).
	ExampleUnsaved string
	// Form holds the fields of a BodyURLEncoded or BodyMultipart body.
	Form *Form
	// Query is the GraphQL document of a BodyGraphQL body, and QueryConst
	// the exported constant that holds it.
	Query      string
	QueryConst string
	// NullVariables is set when the collection saved the GraphQL
	// variables as null, which Postman sends as "variables": null.
	NullVariables bool
	// QueryDoc is the doc comment of QueryConst.
	QueryDoc string
	// Dynamics are the dynamic variables ({{$timestamp}}) that the saved
	// text, JSON or GraphQL body spells, as PartDynamic parts, each once in
	// order of first use: the method fills these names afresh in the body
	// it encodes on every call, as Postman does.
	Dynamics []Part
}

// Form is the typed struct of a urlencoded or form-data body: one field per
// key, sent in the collection's order.
type Form struct {
	TypeName string
	Fields   []*FormField
	// FileType is API.FileType when a field is a file; empty otherwise.
	FileType string
	// Doc is the type's doc comment; ListDoc that of the method listing its
	// pairs or parts.
	Doc, ListDoc string
}

// FormField is one key of a form body. Like a query parameter, an empty
// field sends the values saved in the collection, and a field disabled in
// the collection is sent only when set.
type FormField struct {
	// Key is the wire name; Name the Go field; Doc its doc comment.
	Key  string
	Name string
	Doc  string
	// File marks a form-data file part: the field is a *File (a []*File
	// when Repeated). Files are sent only when set.
	File bool
	// Repeated is set when the key occurs several times or ends in "[]"
	// (Stripe's "expand[]"): the field is a slice, one pair per element.
	Repeated bool
	Enabled  bool
	// Defaults are the saved values sent when the field is empty, in order;
	// nil for disabled fields and files.
	Defaults []Template
	// ContentType is the part's saved content type (form-data only).
	ContentType string
	// Src are the saved file paths of a file field, for documentation.
	Src []string
	// TestValues are what the generated test sets the field to (file
	// names and contents for files); nil leaves it unset.
	TestValues []string
	// EmptyPart marks an enabled file field for which the collection
	// chose no file: left unset, it is sent as Postman sends it, a part
	// with an empty filename, no Content-Type and no content.
	EmptyPart bool
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
	// ResponseJSON says whether ResponseBody parsed as JSON, so that the
	// test compares the decoded value with it semantically.
	ResponseJSON bool
	// ErrorType is the type APIError.Value must hold for this non-2xx
	// row; nil when the row's status or body has no typed error.
	ErrorType *TypeRef

	// Want* are what the client must send. WantPath and WantRawQuery are
	// the bytes on the wire, encoded as Postman encodes them; a value that
	// changes on every call appears in WantRawQuery as DynamicMarker.
	WantMethod   string
	WantPath     string
	WantRawQuery string
	WantQuery    []KeyValue
	WantHeaders  []KeyValue
	WantBody     string
	// WantBodyJSON says whether WantBody is compared as JSON.
	WantBodyJSON bool
	// WantBodyDynamic says whether WantBody spells dynamic variables
	// ({{$guid}}) whose values are made afresh on every call: the test
	// compares what was sent there by form.
	WantBodyDynamic bool
	// Mock is the saved request the example answers, for the mock
	// server's matcher; MockIndex is the row's place in the package's
	// table of examples (mock.go), which the test serves it from.
	Mock      MockRequest
	MockIndex int
	// MockOwnPath is set when the example saved its request's own path
	// (with its variables), so that a call that fills them in reaches
	// the example; one saved with values ("/customer/x4xC/billing")
	// answers only those values.
	MockOwnPath bool
	// Assertions are the translated pm.test checks that hold on this row's
	// example, in script order.
	Assertions []Assertion
	// Skipped are the pm.test blocks that are not checked on this row: not
	// translated, or not holding on this example. Tests list them as skipped.
	Skipped []SkippedTest
}

// SkippedTest is a pm.test block a row does not check, and why.
type SkippedTest struct {
	// Name is the pm.test title.
	Name string
	// Message is the whole skip message: the reason, then the script.
	Message string
}

// DynamicMarker stands in an expected query string for a value made
// afresh on every call, such as {{$guid}}.
const DynamicMarker = "{{$dynamic}}"

// KeyValue is an ordered pair.
type KeyValue struct {
	Key   string
	Value string
	// Dynamic marks a value made afresh on every call ({{$guid}}): tests
	// check that it is there, not what it is.
	Dynamic bool
	// NoValue marks a query entry sent as a bare key ("?debug"), as Postman
	// sends a parameter whose value is null.
	NoValue bool
}

// AssertionKind says what a translated pm.test statement checks.
type AssertionKind int

const (
	// AssertStatus checks that the status is one of Statuses.
	AssertStatus AssertionKind = iota
	// AssertStatusClass checks that the status's hundreds digit is one of
	// Statuses (2 for 2xx).
	AssertStatusClass
	// AssertHeaderPresent checks that the response has the header Header.
	AssertHeaderPresent
	// AssertHeaderEquals checks that a value of Header is Value.
	AssertHeaderEquals
	// AssertHeaderIncludes checks that a value of Header contains Value.
	AssertHeaderIncludes
	// AssertJSONBody checks that the body is JSON.
	AssertJSONBody
	// AssertJSONPresent checks that Path leads to a value in the JSON body.
	AssertJSONPresent
	// AssertJSONAbsent checks that Path leads nowhere in the JSON body.
	AssertJSONAbsent
	// AssertJSONEquals checks that the value at Path equals the JSON text
	// Value (deeply, numbers by value). An empty Path is the whole body.
	AssertJSONEquals
	// AssertJSONType checks that the value at Path is of the JSON type Value:
	// "array", "object", "string", "number" or "boolean".
	AssertJSONType
)

// Assertion is one check of a pm.test block, translated. A member holding
// null counts as absent, as in the generated tests' JSON comparisons.
type Assertion struct {
	Kind AssertionKind
	// Name is the pm.test title.
	Name     string
	Statuses []int
	Header   string
	// Path is the keys and array indexes from the body's root.
	Path  []string
	Value string
}
