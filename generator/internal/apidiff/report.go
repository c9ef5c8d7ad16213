// Package apidiff compares two API models, the one a collection built
// before a change and the one it builds after, and says what the change
// does to the callers of the generated Go client: which services, methods,
// parameters, types and fields were added, removed or changed, which of
// those changes break callers, and the semantic version bump they call for.
//
// It compares models, not JSON: a change that pmgen does not carry into Go
// (a reordered key, an edited description) is no change here, and one JSON
// edit that retypes a shared type is reported once, on the type.
//
// A change is breaking when a caller's code that compiled against the old
// client stops compiling (a method, field or argument removed or retyped, a
// new path argument), or keeps compiling but silently does something else
// (a parameter that was sent by default is no longer sent).
package apidiff

import (
	"fmt"
	"strings"
)

// Bump is the semantic version increment a report calls for.
type Bump string

const (
	// BumpNone: nothing a caller can see changed.
	BumpNone Bump = "none"
	// BumpPatch: behaviour follows the collection, the Go API is the same.
	BumpPatch Bump = "patch"
	// BumpMinor: only additions.
	BumpMinor Bump = "minor"
	// BumpMajor: at least one breaking change.
	BumpMajor Bump = "major"
)

// Kind is what happened to a subject.
type Kind string

const (
	Added   Kind = "added"
	Removed Kind = "removed"
	Changed Kind = "changed"
	Renamed Kind = "renamed"
	Moved   Kind = "moved"
)

// Change is one difference a caller can notice.
type Change struct {
	Kind Kind `json:"kind"`
	// Subject says what changed: "service", "method", "parameter",
	// "path argument", "body", "result", "type", "field", "option".
	Subject string `json:"subject"`
	// Name is the Go name a caller writes: "c.Users.GetUser",
	// "GetUserResponse.Age", "WithRegion"; after the change for additions,
	// before it otherwise.
	Name string `json:"name"`
	// Detail is a sentence that says what changed.
	Detail   string `json:"detail"`
	Breaking bool   `json:"breaking"`
}

// Report is the outcome of Compare.
type Report struct {
	Old     string   `json:"old"`
	New     string   `json:"new"`
	Bump    Bump     `json:"bump"`
	Changes []Change `json:"changes"`
}

// Breaking reports whether any change breaks callers.
func (r *Report) Breaking() bool {
	for _, c := range r.Changes {
		if c.Breaking {
			return true
		}
	}
	return false
}

// bump derives the suggested increment from the changes.
func bump(changes []Change) Bump {
	b := BumpNone
	for _, c := range changes {
		switch {
		case c.Breaking:
			return BumpMajor
		case c.Kind == Added:
			b = BumpMinor
		case b == BumpNone:
			b = BumpPatch
		}
	}
	return b
}

// Markdown is the report for people: a heading, the suggested bump, then
// breaking changes and the others, each a bullet naming the Go identifier.
func (r *Report) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# API changes: %s → %s\n\n", r.Old, r.New)
	if len(r.Changes) == 0 {
		b.WriteString("No changes: the generated client's API is the same.\n\n**Suggested version bump: none.**\n")
		return b.String()
	}
	var breaking, other []Change
	for _, c := range r.Changes {
		if c.Breaking {
			breaking = append(breaking, c)
		} else {
			other = append(other, c)
		}
	}
	fmt.Fprintf(&b, "**Suggested version bump: %s** (%s, %s).\n", r.Bump,
		plural(len(breaking), "breaking change"), plural(len(other), "other change"))
	section := func(title string, cs []Change) {
		if len(cs) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n## %s\n\n", title)
		for _, c := range cs {
			fmt.Fprintf(&b, "- %s %s `%s`: %s\n", c.Kind, c.Subject, c.Name, c.Detail)
		}
	}
	section("Breaking changes", breaking)
	section("Other changes", other)
	return b.String()
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
