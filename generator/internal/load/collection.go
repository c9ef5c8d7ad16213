package load

import "github.com/pmgen/pmgen/generator/internal/model"

// Collection is a Postman collection (v2.0 or v2.1) after loading: every
// quirk of real exports has been normalised away, so build sees one shape.
// Strings are unescaped, descriptions are plain Markdown text, and values
// that the collection gave as numbers or booleans are their JSON text.
type Collection struct {
	// File is the path the collection was read from, for diagnostics.
	File string
	// Schema is "v2.0.0" or "v2.1.0"; empty when the collection has no info
	// block (Postman's runner accepts those, and so do we).
	Schema string
	Name   string
	// Version is info.version as text ("1.2.0"); empty when not given.
	Version     string
	Description string
	Auth        *Auth // nil: none set at the collection level
	Variables   []Variable
	Events      []Event
	Items       []*Item
}

// Item is a folder (IsFolder) or a request item.
type Item struct {
	// ID is Postman's id of the item ("id", or "_postman_id" in older
	// exports); empty when the collection saved none.
	ID          string
	Name        string
	Description string
	// Pos has the breadcrumb of names from the root to this item, and the
	// line and column of the item's opening brace.
	Pos       model.Pos
	IsFolder  bool
	Items     []*Item // folders only
	Auth      *Auth   // folders only; nil means inherit
	Variables []Variable
	Events    []Event
	Request   *Request    // requests only; never nil for a request item
	Responses []*Response // requests only
	// DisableBodyPruning is protocolProfileBehavior.disableBodyPruning:
	// Postman sends a body with GET, HEAD, COPY, PURGE and UNLOCK only
	// when it is set.
	DisableBodyPruning bool
	// DisableURLEncoding is protocolProfileBehavior.disableUrlEncoding:
	// Postman then sends the URL's text without percent-encoding it.
	DisableURLEncoding bool
}

// Request is an HTTP request as saved in the collection.
type Request struct {
	// Method is upper case; "GET" when the collection left it missing,
	// null or empty, as Postman does.
	Method      string
	URL         URL
	Header      []Pair
	Body        *Body // nil when there is no body (or "body": {})
	Auth        *Auth // nil means inherit
	Description string
}

// URL is a request URL broken into parts. Raw is rebuilt from the parts
// when the collection saved none.
type URL struct {
	Raw      string
	Protocol string
	Host     []string
	Port     string
	Path     []string
	Query    []Pair
	Hash     string
	// Variables are the path variables (":id") with their values and
	// descriptions.
	Variables []Pair
}

// Pair is a key/value entry: a header, query parameter, path variable,
// urlencoded or form-data field.
type Pair struct {
	Key         string
	Value       string
	Description string
	Disabled    bool
	// Null is set when the value was JSON null (Postman sends the key alone).
	Null bool
	// Type is "text" or "file" for form-data fields; empty elsewhere.
	Type string
	// Src is the file path of a form-data file field.
	Src string
	// ContentType is a form-data field's own content type, when set.
	ContentType string
}

// Body is a request body.
type Body struct {
	// Mode is "raw", "urlencoded", "formdata", "file" or "graphql".
	Mode string
	Raw  string
	// Language is options.raw.language: "json", "text", "xml", "html",
	// "javascript"; empty when unset.
	Language   string
	URLEncoded []Pair
	FormData   []Pair
	// FileSrc is the path of a "file" body.
	FileSrc string
	// GraphQLQuery and GraphQLVariables are the two halves of a graphql body;
	// the variables are JSON text.
	GraphQLQuery string
	// GraphQLVariables is "null" when the collection saved JSON null.
	GraphQLVariables string
	Disabled         bool
}

// Response is a saved example response.
type Response struct {
	Name string
	// ID is Postman's id of the example; empty when it saved none. A
	// mock server's x-mock-response-id header names it.
	ID string
	// Pos has the breadcrumb down to the example: Folder › Request ›
	// response "Not found".
	Pos    model.Pos
	Status string
	// Code is 0 when the example saved none.
	Code            int
	Header          []Pair
	Body            string
	PreviewLanguage string
	// OriginalRequest is nil when the example saved none.
	OriginalRequest *Request
}

// Auth is an auth block: a type and its parameters.
type Auth struct {
	// Type is Postman's name: "basic", "bearer", "apikey", "oauth1",
	// "oauth2", "digest", "awsv4", "hawk", "edgegrid", "ntlm", "noauth".
	Type string
	// Params are the type's parameters; values given as numbers or booleans
	// are their JSON text.
	Params []Pair
}

// Variable is a collection, folder or environment variable.
type Variable struct {
	// Key is the variable name; taken from "id" when "key" is missing.
	Key         string
	Value       string
	Type        string
	Description string
	Disabled    bool
}

// Event is a script attached to an item or the collection.
type Event struct {
	// Listen is "prerequest" or "test".
	Listen   string
	Exec     []string
	Disabled bool
}
