// Package project reads pmgen.yaml, the file a team keeps beside its code
// to generate several clients with their overrides: which requests to
// keep, what to call things, which Go types to use, which settings to
// default and which switches to set.
//
// It is pure: Parse takes the file's bytes and returns the project or
// every problem with its line and column, so that a bad file is reported
// whole before anything on disk changes. Paths stay as written; the caller
// resolves them against the file's directory.
package project

import "github.com/pmgen/pmgen/generator/internal/model"

// FileName is the project file's name, looked up in the current directory
// and its parents.
const FileName = "pmgen.yaml"

// SchemaURL is where editors find the JSON Schema of the file; the schema
// is pmgen.schema.json at the root of pmgen's repository.
const SchemaURL = "https://raw.githubusercontent.com/pmgen/pmgen/main/pmgen.schema.json"

// File is a parsed pmgen.yaml. The doc tags are the descriptions the JSON
// Schema carries, so that an editor shows the same help as this type.
type File struct {
	// Version is the file format's version; 1, the only one, when omitted.
	Version int `yaml:"version" doc:"The version of this file's format: 1."`
	// Packages are the clients to generate, in the order they run.
	Packages []*Package `yaml:"packages" doc:"The client packages to generate, one per collection." required:"true"`
}

// Package is one client: a collection, where it goes and how it is
// changed on the way.
type Package struct {
	// Pos is where the package's entry starts in the file.
	Pos model.Pos `yaml:"-"`
	// Input is the collection: a file (relative to pmgen.yaml),
	// postman:UID or git:REF:PATH, as for pmgen -in.
	Input Value `yaml:"input" doc:"The Postman collection: a file (relative to pmgen.yaml), postman:UID or git:REF:PATH, as for pmgen -in." required:"true"`
	// Environment is an optional Postman environment, as for -env.
	Environment Value `yaml:"environment" doc:"A Postman environment export whose values become the client's defaults: a file, postman:UID or git:REF:PATH, as for pmgen -env."`
	// Output is the package directory, relative to pmgen.yaml.
	Output Value `yaml:"output" doc:"The package directory to write, relative to pmgen.yaml. No two packages may share one." required:"true"`
	// Package is the Go package name; empty derives it from the
	// collection's name.
	Package Value `yaml:"package" doc:"The Go package name. The default is derived from the collection's name. pmgen diff accepts it to name this package."`
	// Include keeps only the requests matched, by folder path or request
	// name ("Users/*", "Get user"); Exclude drops those matched.
	Include []Value `yaml:"include" doc:"Keep only the requests these patterns match. A pattern is a folder path with / between names (\"Admin/Users\"), a request's path (\"Admin/Users/Get user\") or a request's name alone, and may hold the glob characters * ? and [...]. A folder matched keeps everything below it."`
	Exclude []Value `yaml:"exclude" doc:"Drop the requests these patterns match (the same patterns as include). A folder matched drops everything below it."`
	// Rename maps a Go name, as pmgen diff prints it, to the name to use
	// instead.
	Rename []Pair `yaml:"rename" doc:"New Go names, keyed by the name pmgen diff prints without overrides: a service (c.Users), a method (c.Users.GetUser, c.Ping at the root), a type (GetUserResponse) or a field (GetUserResponse.CreatedAt). The value is the new identifier."`
	// Types maps a field, as pmgen diff prints it, to a Go type.
	Types []Pair `yaml:"types" doc:"Go types for fields, keyed by the field as pmgen diff prints it (GetUserResponse.CreatedAt). The value is a predeclared type (int64, string), a standard library type (time.Time, json.Number) or IMPORT.Name for a type from another package (github.com/shopspring/decimal.Decimal), which the user's module then requires."`
	// Settings are defaults for the collection's variables, overriding
	// the saved values and the environment's.
	Settings []Pair `yaml:"settings" doc:"Default values for the collection's variables, by variable name: they override the collection's saved values and the environment's."`
	// Secrets are variables whose saved values are dropped before
	// generation: they are never written as defaults.
	Secrets []Value `yaml:"secrets" doc:"Variables whose saved values are secrets: they are never written into the generated code, whatever they look like."`
	// KeepSecrets are variables whose saved values are kept as defaults
	// although they look like credentials (pmgen -keep-secret).
	KeepSecrets []Value `yaml:"keep-secrets" doc:"Variables whose saved values are kept as defaults although pmgen would withhold them as credentials (pmgen -keep-secret)."`
	// Generate holds the generation switches.
	Generate Switches `yaml:"generate" doc:"Switches for what is generated."`
}

// Switches turn parts of the generated package on or off. A nil switch is
// its default.
type Switches struct {
	Tests     *bool `yaml:"tests" doc:"Generate the package's tests, examples and their fixtures (default true)."`
	Iterators *bool `yaml:"iterators" doc:"Give paginated requests page iterators (default true)."`
	Mock      *bool `yaml:"mock" doc:"Generate the package's mock server, NewMockServer, which its tests use (default true; false needs tests: false)."`
}

// On reports whether a switch is set, or else its default.
func On(s *bool, def bool) bool {
	if s == nil {
		return def
	}
	return *s
}

// Value is a scalar as written, with its place in the file.
type Value struct {
	Text string
	Pos  model.Pos
}

// Pair is a key of a mapping and its value, with their places.
type Pair struct {
	Key, Value Value
}

// Label names a package in messages: its package name, or its output.
func (p *Package) Label() string {
	if p.Package.Text != "" {
		return p.Package.Text
	}
	return p.Output.Text
}
