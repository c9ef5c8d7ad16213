package model

// VarsSource says where a variable that a test script sets takes its
// value from.
type VarsSource int

const (
	// VarFromLiteral is a value written in the script (Value).
	VarFromLiteral VarsSource = iota + 1
	// VarFromJSON is a member of the JSON response (Path).
	VarFromJSON
	// VarFromBody is the whole response body as text.
	VarFromBody
	// VarUnset removes the variable: the option that follows the chain
	// gives the setting back its default (Value).
	VarUnset
	// VarFromVariable copies the setting From: the option that follows
	// the chain gives the setting the value From has on the call.
	VarFromVariable
	// VarFromHeader is the response header named Value.
	VarFromHeader
)

// ResponseVars are the variables an operation's test scripts set from its
// response (pm.environment.set("token", pm.response.json().tokenId)). They
// become a struct the caller reads from the method's *Response with a
// generated function, and that hands them, as the settings' options, to
// the later calls the caller chooses. Nothing changes the client's own
// settings behind the caller's back.
type ResponseVars struct {
	// TypeName is the struct ("AuthenticateVariables"); Reader the function
	// that fills it from a *Response ("ReadAuthenticateVariables").
	TypeName, Reader string
	// Doc, ReaderDoc and OptionsDoc are the doc comments of the type, the
	// reader and its Options method.
	Doc, ReaderDoc, OptionsDoc string
	// Vars are the variables, one per key, in the order the scripts first
	// set them.
	Vars []*ResponseVar
	// Fails is set when the reader can fail: a variable is read from the
	// JSON body without a guard.
	Fails bool
	// HasOptions is set when a variable feeds a setting: the type then has
	// an Options method.
	HasOptions bool
	// Test is the generated test of the chain; nil when no saved example
	// gives the variables or no other request sends them.
	Test *VarsTest
}

// ResponseVar is one variable a script sets: the last statement that sets
// or unsets its key, which is the one in force after the script.
type ResponseVar struct {
	// Key is the Postman variable name.
	Key string
	// Field is the struct field that holds the value; empty for VarUnset.
	Field string
	// Doc is the field's doc comment.
	Doc    string
	Source VarsSource
	// Value is the text of a VarFromLiteral, the header name of a
	// VarFromHeader, and for VarUnset the value the setting returns to.
	Value string
	// Path is where a VarFromJSON is in the body (keys and indexes).
	Path []string
	// Guarded is set when the script sets the variable only under
	// `if (value)`: the field is empty when the value is missing or false.
	Guarded bool
	// Lenient is set when the script sets it inside try: a value that is
	// not there leaves the field empty instead of failing the reader.
	Lenient bool
	// Conds are the tests on the response of the branches around the
	// statement: the field is set only when all hold.
	Conds []VarCond
	// Setting is the client setting the variable is, nil when no request
	// uses it: it then has no option and is only there to be read.
	Setting *Setting
	// From is the setting a VarFromVariable copies.
	From *Setting
}

// Optional reports whether the field may be left empty because the
// script would not have set the variable: its option is then passed only
// when the field is set.
func (v *ResponseVar) Optional() bool {
	return v.Guarded || v.Lenient || len(v.Conds) > 0
}

// VarCondKind is what a branch around a setter tests.
type VarCondKind int

const (
	// CondBodyContains: the body holds Value.
	CondBodyContains VarCondKind = iota + 1
	// CondStatusText: the status's reason phrase is Value.
	CondStatusText
	// CondStatusCode: the status code is Value.
	CondStatusCode
)

// VarCond is one test on the response, negated by Not.
type VarCond struct {
	Kind  VarCondKind
	Value string
	Not   bool
}

// VarsTest is the generated test that follows the chain: a saved example
// is replayed, the variables are read from it, and the next request that
// uses them is sent with their options.
type VarsTest struct {
	// Name and Doc are the test function's.
	Name, Doc string
	// Example is the replayed row.
	Example *TestCase
	// Want are the values the reader must give, by field, in Vars order.
	Want []KeyValue
	// Next is the request that sends them, and Sent the variables (key and
	// value) checked on it.
	Next *Operation
	Sent []KeyValue
}
