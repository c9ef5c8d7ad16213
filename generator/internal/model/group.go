package model

import (
	"fmt"
	"strings"
)

// groupPlaces is how many places a grouped warning names before "…":
// enough to find the pattern, few enough to keep the line readable.
const groupPlaces = 3

// Group is one problem that recurs: the same code and message (the
// auth block saved on every request, the same variable everywhere) at
// each of its places, in input order.
type Group struct {
	First  Diagnostic
	Places []Pos
}

// Group gathers diagnostics that say the same thing (same severity, file,
// code and message) in the order each first appears, so that a collection
// that repeats a problem on 400 requests reads as one line, not 400.
func (ds Diagnostics) Group() []Group {
	var groups []Group
	index := map[[4]string]int{}
	for _, d := range ds {
		k := [4]string{fmt.Sprint(d.Severity), d.Pos.File, d.Code, d.Message}
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, Group{First: d})
		}
		groups[i].Places = append(groups[i].Places, d.Pos)
	}
	return groups
}

// String renders a group the way the CLI prints it: a lone diagnostic as
// Diagnostic.String, a repeated one once with its count and first places:
//
//	file: warning: message [code] in 41 places: A › B, A › C, D, …
func (g Group) String() string {
	if len(g.Places) == 1 {
		return g.First.String()
	}
	places := make([]string, 0, groupPlaces+1)
	for i, p := range g.Places {
		if i == groupPlaces {
			places = append(places, "…")
			break
		}
		places = append(places, p.place())
	}
	prefix := ""
	if g.First.Severity == Warning {
		prefix = "warning: "
	}
	file := ""
	if g.First.Pos.File != "" {
		file = g.First.Pos.File + ": "
	}
	return fmt.Sprintf("%s%s%s [%s] in %d places: %s", file, prefix, g.First.Message, g.First.Code,
		len(g.Places), strings.Join(places, ", "))
}

// place is the position without its file, which a group names once: the
// breadcrumb, else the line and column, else "the collection".
func (p Pos) place() string {
	switch {
	case len(p.Path) > 0:
		return strings.Join(p.Path, " › ")
	case p.Line > 0:
		return fmt.Sprintf("line %d:%d", p.Line, p.Col)
	}
	return "the collection"
}
