// Package naming turns the free-form names found in Postman collections
// ("Step 6: Refresh Users' Session", "🔐 Quick Auth Setup", "/pdf/convert/to/csv")
// into Go identifiers, file names and package names.
//
// Every function is pure and deterministic: the same input always gives the
// same output, so regenerating a client never renames anything by accident.
// Collisions are not resolved here but per Go scope, by [Scope].
//
// The package is the only importer of github.com/iancoleman/strcase, and uses
// it only to case single words that have already been split: strcase's own
// word splitting drops colons, apostrophes and braces without starting a word
// and drops non-ASCII letters, and its acronym table is global state, so
// neither is used.
package naming
