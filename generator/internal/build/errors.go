package build

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/godoc"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
)

// Error bodies are the struct types inferred for the examples of non-2xx
// statuses. Inference shares those with the same fields in any order
// across the package; here they get names that say what they are (the
// status, and the field that sets a shape apart), never which operation
// came first, and the message their Error method gives.

// errorStatuses maps each error body type to the statuses it is the body
// of, sorted, across every operation of svc and its sub-services.
func errorStatuses(svc *model.Service, into map[*model.Type][]int) map[*model.Type][]int {
	for _, op := range svc.Ops {
		for _, r := range op.Responses {
			if r.Success || r.Type == nil || r.Type.Kind != model.KindStruct || r.Type.Named == nil {
				continue
			}
			t := r.Type.Named
			if !slices.Contains(into[t], r.Status) {
				into[t] = append(into[t], r.Status)
				sort.Ints(into[t])
			}
		}
	}
	for _, sub := range svc.Services {
		errorStatuses(sub, into)
	}
	return into
}

// errorBase is the words an error body's name starts with: the status
// text when the body belongs to one status ("Unauthorized"), "Client" or
// "Server" when to several of one class, nothing otherwise.
func errorBase(statuses []int) string {
	if len(statuses) == 1 {
		return statusText(statuses[0])
	}
	class := statuses[0] / 100
	for _, s := range statuses {
		if s/100 != class {
			return ""
		}
	}
	switch class {
	case 4:
		return "Client"
	case 5:
		return "Server"
	}
	return ""
}

// errorFallback is the message of an error body none of whose message
// fields is set: the status and its text, or the class of its statuses.
func errorFallback(statuses []int) string {
	if len(statuses) == 1 {
		if t := http.StatusText(statuses[0]); t != "" {
			return fmt.Sprintf("%d %s", statuses[0], t)
		}
		return fmt.Sprintf("status %d", statuses[0])
	}
	switch errorBase(statuses) {
	case "Client":
		return "client error"
	case "Server":
		return "server error"
	}
	return "error response"
}

// errorNames decides the name each error body wants, before the package
// scope settles collisions. types is the bodies in first-seen order;
// statuses says which statuses each is the body of.
//
// The rule: bodies whose statuses give the same base (errorBase) form a
// group. The group's smallest body (fewest fields; the first seen among
// equals) is <Base>Error. Each other one, in the same order, adds the name
// of its first field, in its own order, that the smallest lacks or types
// differently: <Base><Field>Error ("UnauthorizedDetailError"). Where both
// hold an object under that name, the first field that differs inside
// names it instead (distinction). When an earlier body of the group took
// that name, the field is compared with that body the same way, then the
// next field is tried. A body with no such field left takes
// <Base>Error too, and the package scope numbers it.
func errorNames(types []*model.Type, statuses map[*model.Type][]int) map[*model.Type]string {
	groups := map[string][]*model.Type{}
	var bases []string
	for _, t := range types {
		base := errorBase(statuses[t])
		if _, ok := groups[base]; !ok {
			bases = append(bases, base)
		}
		groups[base] = append(groups[base], t)
	}
	names := map[*model.Type]string{}
	for _, base := range bases {
		group := slices.Clone(groups[base])
		slices.SortStableFunc(group, func(a, b *model.Type) int { return len(a.Fields) - len(b.Fields) })
		baseWords := naming.Words(base)
		// 500's text ends in the word already: InternalServerError, and
		// InternalServerTraceError for a body set apart by "trace".
		if n := len(baseWords); n > 0 && strings.EqualFold(baseWords[n-1], "Error") {
			baseWords = baseWords[:n-1]
		}
		name := func(extra ...string) string {
			words := append(slices.Clone(baseWords), extra...)
			return naming.Exported(strings.Join(append(words, "Error"), " "), "Error")
		}
		smallest := group[0]
		names[smallest] = name()
		owner := map[string]*model.Type{names[smallest]: smallest}
		for _, t := range group[1:] {
			names[t] = name()
		fields:
			for _, f := range t.Fields {
				if sameField(smallest, f) {
					continue
				}
				// A name taken by an earlier body: look for what differs
				// from that one, under the same field.
				for against, seen := smallest, 0; seen < len(group); seen++ {
					n := name(naming.Words(distinction(against, f, 0))...)
					prev, taken := owner[n]
					if !taken {
						names[t], owner[n] = n, t
						break fields
					}
					if prev == against || sameField(prev, f) {
						break
					}
					against = prev
				}
			}
		}
	}
	return names
}

// distinction is the JSON name that sets field f apart from t: f's own,
// unless t has a field of that name holding a struct (or a list or map
// of structs) as f does, and the two structs differ in a field below;
// then that field's, found the same way, so that two bodies that differ
// inside {"error": {...}} are told apart by what differs there
// ("BadRequestDetailsError"), not by "error".
func distinction(t *model.Type, f *model.Field, depth int) string {
	var g *model.Field
	for _, c := range t.Fields {
		if c.JSONName == f.JSONName {
			g = c
		}
	}
	if g == nil || depth >= 8 {
		return f.JSONName
	}
	a, b := g.Type, f.Type
	for a != nil && b != nil && a.Kind == b.Kind && (a.Kind == model.KindSlice || a.Kind == model.KindMap) {
		a, b = a.Elem, b.Elem
	}
	if a == nil || b == nil || a.Named == nil || b.Named == nil || a.Named == b.Named {
		return f.JSONName
	}
	for _, h := range b.Named.Fields {
		if !sameField(a.Named, h) {
			return distinction(a.Named, h, depth+1)
		}
	}
	return f.JSONName
}

// sameField reports whether t has a field equal to f: same JSON name,
// type and flags.
func sameField(t *model.Type, f *model.Field) bool {
	for _, g := range t.Fields {
		if g.JSONName == f.JSONName {
			return g.Optional == f.Optional && g.Pointer == f.Pointer && sameTypeRef(g.Type, f.Type)
		}
	}
	return false
}

// sameTypeRef reports whether a and b are the same Go type; struct types
// are shared by inference, so the same struct is the same pointer.
func sameTypeRef(a, b *model.TypeRef) bool {
	for a != nil && b != nil {
		if a.Kind != b.Kind || a.Nullable != b.Nullable || a.Named != b.Named {
			return false
		}
		a, b = a.Elem, b.Elem
	}
	return a == nil && b == nil
}

// messageKeys are the JSON names (lower case, without punctuation) of the
// fields that may word an error, best first.
var messageKeys = []string{
	"message", "errormessage", "msg", "errordescription", "detail",
	"title", "error", "description", "reason", "code",
}

// errorMessage finds the string fields of t that may word its error, best
// first: its own, then those of a struct it holds under "error".
func errorMessage(t *model.Type, statuses []int) *model.ErrorMessage {
	m := &model.ErrorMessage{Fallback: errorFallback(statuses)}
	for _, f := range messageFields(t) {
		m.Sources = append(m.Sources, []*model.Field{f})
	}
	for _, f := range t.Fields {
		if f.Type.Kind == model.KindStruct && f.Type.Named != nil && messageKey(f.JSONName) == "error" {
			for _, g := range messageFields(f.Type.Named) {
				m.Sources = append(m.Sources, []*model.Field{f, g})
			}
		}
	}
	return m
}

// messageFields is t's string fields named as messageKeys names them, in
// that order; of two fields with the same key, the first.
func messageFields(t *model.Type) []*model.Field {
	var out []*model.Field
	for _, key := range messageKeys {
		for _, f := range t.Fields {
			if f.Type.Kind == model.KindString && messageKey(f.JSONName) == key {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// messageKey is a JSON name in lower case without punctuation:
// "error_description" and "errorDescription" are "errordescription".
func messageKey(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// errorFieldNames names the fields of an error body. Its Error method
// takes the name Error, so a field that would be Error is named, after the
// others have their names, for the kind of value it holds: ErrorText for a
// string ({"error": "not found"}), ErrorCode for a number, ErrorFlag for a
// bool, ErrorInfo for an object, a list or mixed values.
func errorFieldNames(t *model.Type) {
	fields := naming.NewScope("Error")
	var clash []*model.Field
	for _, f := range t.Fields {
		name := naming.Exported(f.JSONName, "Field")
		if name == "Error" {
			clash = append(clash, f)
			continue
		}
		f.Name = fields.Unique(name)
	}
	for _, f := range clash {
		want := "ErrorInfo"
		switch f.Type.Kind {
		case model.KindString:
			want = "ErrorText"
		case model.KindInt, model.KindFloat:
			want = "ErrorCode"
		case model.KindBool:
			want = "ErrorFlag"
		}
		f.Name = fields.Unique(want)
	}
}

// rehomeNested re-hints the types nested in error body t that inference
// hinted from the operation whose example first had them: they are named
// after t instead, by the Go name of t's field and the JSON keys below it
// ("ClientErrorInfo" for the object under "error" in ClientError), so that
// no name reachable from an error body names an operation. A type that
// another place had first keeps its hint; rehomed marks types done.
func rehomeNested(t *model.Type, rehomed map[*model.Type]bool) {
	stem := strings.TrimSuffix(t.Name, "Error")
	if stem == "" {
		stem = t.Name
	}
	var walk func(ref *model.TypeRef, words []string)
	walk = func(ref *model.TypeRef, words []string) {
		for ref != nil && (ref.Kind == model.KindSlice || ref.Kind == model.KindMap) {
			if ref.Kind == model.KindSlice {
				words = append(words, "Item")
			} else {
				words = append(words, "Value")
			}
			ref = ref.Elem
		}
		if ref == nil || ref.Named == nil || rehomed[ref.Named] {
			return
		}
		n := ref.Named
		if len(n.Hint) <= len(t.Hint) || !slices.Equal(n.Hint[:len(t.Hint)], t.Hint) {
			return
		}
		rehomed[n] = true
		n.Hint = append([]string{stem}, words...)
		for _, f := range n.Fields {
			walk(f.Type, append(slices.Clone(words), f.JSONName))
		}
	}
	for _, f := range t.Fields {
		walk(f.Type, []string{f.Name})
	}
}

// errorDoc says what an error body is and how a caller reaches it.
func errorDoc(name string, statuses []int, ops []string) string {
	codes := make([]string, len(statuses))
	for i, s := range statuses {
		codes[i] = fmt.Sprint(s)
	}
	var status string
	switch len(codes) {
	case 1:
		status = "a " + codes[0] + " response"
	default:
		status = strings.Join(codes[:len(codes)-1], ", ") + " and " + codes[len(codes)-1] + " responses"
	}
	var from string
	switch len(ops) {
	case 0:
		from = "the collection's saved examples"
	case 1:
		from = ops[0]
	default:
		from = strings.Join(ops[:len(ops)-1], ", ") + " and " + ops[len(ops)-1]
	}
	return godoc.Fill(name + " is the body of " + status + " to " + from + ", inferred from the saved examples. " +
		"The *APIError such a call returns unwraps to it (errors.As).")
}

// errorMethodDoc says which fields word an error body's error.
func errorMethodDoc(m *model.ErrorMessage) string {
	fallback := strconv.Quote(m.Fallback)
	var names []string
	for _, path := range m.Sources {
		parts := make([]string, len(path))
		for i, f := range path {
			parts[i] = f.Name
		}
		names = append(names, strings.Join(parts, "."))
	}
	switch len(names) {
	case 0:
		return godoc.Fill("Error returns " + fallback + ": the body has no field that words its error.")
	case 1:
		return godoc.Fill("Error returns " + names[0] + " when it is set, otherwise " + fallback + ".")
	}
	return godoc.Fill("Error returns the first of " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] +
		" that is set, otherwise " + fallback + ".")
}
