// Package override applies a project file's overrides to a collection and
// to the model built from it: which requests to keep, which variables to
// default or withhold, what to call services, methods, types and fields,
// and which Go types fields have.
//
// Each override names its target; one that matches nothing is an error
// at its place in the project file with the closest names, so overrides
// do not rot silently when the collection changes. Everything here is
// pure: the collection and model are copied or changed in memory only.
package override

import (
	"fmt"
	"path"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/project"
)

// Diagnostic codes of overrides.
const (
	CodeNoMatch    = "override-no-match"
	CodeBadPattern = "override-bad-pattern"
	CodeBadName    = "override-bad-name"
	CodeNameTaken  = "override-name-taken"
	CodeBadType    = "override-bad-type"
	CodeNoRequests = "override-no-requests"
	CodeSwitches   = "override-switches"
)

// Filter returns col with only the requests that include keeps (all, when
// include is empty) and exclude does not drop. Folders left empty go
// too. col is not changed: the items on the way down are copied. The
// collection is nil only when the patterns leave nothing to build.
func Filter(col *load.Collection, include, exclude []project.Value) (*load.Collection, model.Diagnostics) {
	if len(include) == 0 && len(exclude) == 0 {
		return col, nil
	}
	var diags model.Diagnostics
	for _, p := range append(append([]project.Value(nil), include...), exclude...) {
		if _, err := path.Match(p.Text, ""); err != nil {
			diags = append(diags, errorAt(p.Pos, CodeBadPattern, "%q is not a glob pattern: %v", p.Text, err))
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	f := &filter{include: include, exclude: exclude, used: map[string]bool{}}
	out := *col
	out.Items = f.items(col.Items, nil, len(include) == 0)
	for _, p := range append(append([]project.Value(nil), include...), exclude...) {
		if !f.used[valueKey(p)] {
			diags = append(diags, noMatch(p, "folder or request", f.names))
		}
	}
	if !hasRequest(out.Items) {
		pos := model.Pos{File: col.File}
		if len(include) > 0 {
			pos = include[0].Pos
		} else if len(exclude) > 0 {
			pos = exclude[0].Pos
		}
		diags = append(diags, errorAt(pos, CodeNoRequests, "include and exclude leave no request to generate"))
		return nil, diags
	}
	// A pattern that matched nothing is an error, but the collection
	// filtered by the others is still built, so that every other
	// override's problems are reported with it.
	return &out, diags
}

// filter is the state of one Filter: the patterns, which of them matched,
// and every name seen, for the closest names of one that did not.
type filter struct {
	include, exclude []project.Value
	used             map[string]bool
	names            []string
}

// items filters one folder's items; kept says an include pattern already
// matched a folder above.
func (f *filter) items(items []*load.Item, parents []string, kept bool) []*load.Item {
	var out []*load.Item
	for _, it := range items {
		names := append(append([]string(nil), parents...), it.Name)
		full := strings.Join(names, "/")
		f.names = append(f.names, full)
		if f.match(f.exclude, full, it.Name, it.IsFolder) {
			continue
		}
		in := kept || f.match(f.include, full, it.Name, it.IsFolder)
		if it.IsFolder {
			sub := f.items(it.Items, names, in)
			if len(sub) > 0 {
				c := *it
				c.Items = sub
				out = append(out, &c)
			}
			continue
		}
		if in {
			out = append(out, it)
		}
	}
	return out
}

// match reports whether a pattern matches an item by its path or, for a
// request, its name alone, and marks the patterns that do.
func (f *filter) match(patterns []project.Value, full, name string, folder bool) bool {
	hit := false
	for _, p := range patterns {
		ok, _ := path.Match(p.Text, full)
		if !ok && !folder {
			ok, _ = path.Match(p.Text, name)
		}
		if ok {
			f.used[valueKey(p)] = true
			hit = true
		}
	}
	return hit
}

func hasRequest(items []*load.Item) bool {
	for _, it := range items {
		if !it.IsFolder || hasRequest(it.Items) {
			return true
		}
	}
	return false
}

// noMatch is the error of an override that names nothing, with the
// closest names of its kind.
func noMatch(v project.Value, what string, names []string) model.Diagnostic {
	msg := fmt.Sprintf("%q matches no %s", v.Text, what)
	if c := project.Closest(v.Text, names, 3); len(c) > 0 {
		msg += "; the closest are " + quoteAll(c)
	}
	return errorAt(v.Pos, CodeNoMatch, "%s", msg)
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

func errorAt(pos model.Pos, code, format string, args ...any) model.Diagnostic {
	return model.Diagnostic{Pos: pos, Severity: model.Error, Code: code, Message: fmt.Sprintf(format, args...)}
}

// valueKey tells apart two patterns, even with one text, by their place.
func valueKey(v project.Value) string {
	return v.Pos.String() + "\x00" + v.Text
}
