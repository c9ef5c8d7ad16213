package model

// Send is how a method sends one query or header entry: a call of the
// request's runtime helper Helper ("addQuery", "addHeader", "addQueryKey",
// "addQueryList", "addQueryParam") with Args, made as Guard says. Build
// decides it from the parameter; emit spells it.
type Send struct {
	Helper string
	Args   []SendArg
	Guard  SendGuard
	// Else is sent instead when Guard is SendIfSet and the field is empty.
	Else *Send
}

// SendGuard says when the call is made.
type SendGuard int

const (
	// SendAlways makes the call once.
	SendAlways SendGuard = iota
	// SendEach makes it once per value of the parameter's []string field;
	// ArgValue is the value.
	SendEach
	// SendIfSet makes it only when the parameter's field is not empty.
	SendIfSet
)

// SendArgKind is what one argument of the call is.
type SendArgKind int

const (
	// ArgText is the string Text.
	ArgText SendArgKind = iota
	// ArgTemplate is Template, resolved at call time.
	ArgTemplate
	// ArgField is the parameter's field (params.Name).
	ArgField
	// ArgValue is the value of the loop that SendEach makes.
	ArgValue
	// ArgFieldOr is the field, or Template when the field is empty.
	ArgFieldOr
)

// SendArg is one argument of a Send.
type SendArg struct {
	Kind     SendArgKind
	Text     string
	Template Template
}
