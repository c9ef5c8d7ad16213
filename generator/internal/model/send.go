package model

// Send is how a method sends one query or header entry: a call of the
// request's runtime helper Helper ("addQuery", "addHeader", "addQueryKey",
// "queryParam", "queryFlag", "queryList", "headerParam") with Args. Build
// decides it from the parameter; emit spells it.
type Send struct {
	Helper string
	Args   []SendArg
}

// SendArgKind is what one argument of the call is.
type SendArgKind int

const (
	// ArgText is the string Text.
	ArgText SendArgKind = iota
	// ArgTemplate is Template, resolved at call time.
	ArgTemplate
	// ArgField is the parameter's field (params.Name) as the text sent:
	// an int or bool field is formatted, a []string field passed as is.
	ArgField
	// ArgUse is how the caller gave the field: set, named in the
	// struct's ForceSend or Omit list, or left to the saved value.
	ArgUse
)

// SendArg is one argument of a Send.
type SendArg struct {
	Kind     SendArgKind
	Text     string
	Template Template
}
