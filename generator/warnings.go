package generator

import "fmt"

// WarningLines are the lines the command prints for the warnings: each
// distinct warning once, with its count and first places, or with
// verbose every occurrence on its own line, as Warnings holds them.
func (r *Result) WarningLines(verbose bool) []string {
	if verbose {
		return r.Warnings
	}
	lines := make([]string, len(r.groups))
	for i, g := range r.groups {
		lines[i] = g.String()
	}
	return lines
}

// warningCount is the summary's part about warnings: distinct ones, and
// every occurrence when some repeat ("3 warnings (44 in all)").
func (r *Result) warningCount() string {
	if len(r.groups) == len(r.Warnings) {
		return fmt.Sprintf("%d warnings", len(r.Warnings))
	}
	return fmt.Sprintf("%d warnings (%d in all)", len(r.groups), len(r.Warnings))
}
