package model

import (
	"fmt"
	"strings"
)

// Severity says whether a diagnostic stops generation.
type Severity int

const (
	// Error diagnostics make the run fail; nothing is written.
	Error Severity = iota
	// Warning diagnostics name something pmgen could not represent exactly.
	Warning
)

// Pos locates a problem in the input: the file, a line and column when the
// problem is in the JSON text itself, and the item breadcrumb
// (Folder › Request › response "Not found") when it is in the collection's
// structure. Either part may be empty.
type Pos struct {
	File string
	Line int // 1-based; 0 when unknown
	Col  int // 1-based, in bytes; 0 when unknown
	// Path is the breadcrumb of names from the collection root down to the
	// element at fault.
	Path []string
}

// String renders the position as "file:line:col: A › B" with empty parts left out.
func (p Pos) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", p.Line, p.Col)
	}
	if len(p.Path) > 0 {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(strings.Join(p.Path, " › "))
	}
	return b.String()
}

// Diagnostic is one problem found in the input, with a stable code that
// users can grep for and tests can assert on.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Code     string // stable, kebab-case: "example-invalid-json"
	Message  string // one sentence, lower case, no trailing period
}

// String renders the diagnostic the way the CLI prints it:
//
//	file: Folder › Request: message [code]
func (d Diagnostic) String() string {
	prefix := ""
	if d.Severity == Warning {
		prefix = "warning: "
	}
	pos := d.Pos.String()
	if pos != "" {
		pos += ": "
	}
	return fmt.Sprintf("%s%s%s [%s]", pos, prefix, d.Message, d.Code)
}

// Diagnostics is a list of problems reported together.
type Diagnostics []Diagnostic

// HasErrors reports whether any diagnostic is an Error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns how many diagnostics have severity s.
func (ds Diagnostics) Count(s Severity) int {
	n := 0
	for _, d := range ds {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// Error joins the diagnostics one per line, so that a Diagnostics value can be
// returned as an error that reports everything at once.
func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}
