package apidoc

import (
	"fmt"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/godoc"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// paramDoc says what a query or header field sends and when, before the
// collection's description.
func paramDoc(p *model.Param) string {
	where := "query parameter"
	if p.In == model.InHeader {
		where = "header"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s is the %s %q", p.Name, where, p.Key)
	switch {
	case p.Repeated && p.Enabled:
		fmt.Fprintf(&b, ", sent once per value; by default %d values.", len(p.Defaults))
	case p.Repeated:
		b.WriteString(", sent once per value, only when set (disabled in the collection).")
	case !p.Enabled:
		b.WriteString(", sent only when set (disabled in the collection).")
	case p.NoValue:
		b.WriteString(", sent as a bare key when unset, as the collection saves it.")
	case len(p.Default) == 0:
		b.WriteString(", sent empty when unset.")
	case p.Default.IsLiteral() && p.Kind != model.ParamString:
		fmt.Fprintf(&b, "; default %s.", p.Default.Literal())
	case p.Default.IsLiteral():
		fmt.Fprintf(&b, "; default %q.", p.Default.Literal())
	default:
		fmt.Fprintf(&b, "; by default %s.", p.Default.String())
	}
	return paragraphs(godoc.Fill(b.String()), p.Doc)
}

// paramsDoc is the doc comment of a Params type: what a zero field sends,
// how to send a zero value or nothing, and which of the request's
// parameters are no fields.
func paramsDoc(op *model.Operation, ps *model.ParamsStruct) string {
	var b strings.Builder
	b.WriteString(godoc.Fill(fmt.Sprintf("%s holds the query and header parameters of %s. "+
		"A field left at its zero value sends the value saved in the collection, "+
		"and a parameter that the collection disables is sent only when its field "+
		"is set: nil, or an empty %s, sends the request as saved. "+
		"To send a zero value (\"\", 0, false) instead, name the field in %s; "+
		"to leave a parameter out, name it in %s.", ps.TypeName, op.Method, ps.TypeName, ps.ForceSend, ps.Omit)))
	var fixed []string
	for _, p := range op.Entries {
		where := "query parameter"
		if p.In == model.InHeader {
			where = "header"
		}
		switch p.Fixed {
		case model.FixedSelector:
			fixed = append(fixed, fmt.Sprintf("the %s %q is always %q: it selects this request among those sent to the same URL", where, p.Key, p.Default.Literal()))
		case model.FixedSetting:
			fixed = append(fixed, fmt.Sprintf("the %s %q is %s, set with %s", where, p.Key, p.Default.String(), p.Default[0].Setting.Option))
		}
	}
	if len(fixed) > 0 {
		b.WriteString("\n\nNot fields:\n")
		for _, f := range fixed {
			b.WriteString("\n  - " + f + ".")
		}
	}
	return b.String()
}

// sentField is the first field that is sent by default, for an example of
// Omit; the first field when none is.
func sentField(ps *model.ParamsStruct) *model.Param {
	for _, p := range ps.Fields {
		if p.Enabled {
			return p
		}
	}
	return ps.Fields[0]
}

// formFieldDoc says what a field sends and when.
func formFieldDoc(fd *model.FormField) string {
	var b strings.Builder
	switch {
	case fd.File && fd.Repeated:
		fmt.Fprintf(&b, "%s are the files of the field %q, one part each, sent when set", fd.Name, fd.Key)
	case fd.File:
		fmt.Fprintf(&b, "%s is the file field %q, sent when set", fd.Name, fd.Key)
	case fd.Repeated:
		fmt.Fprintf(&b, "%s is the form field %q, sent once per element", fd.Name, fd.Key)
	default:
		fmt.Fprintf(&b, "%s is the form field %q", fd.Name, fd.Key)
	}
	switch {
	case fd.File && !fd.Enabled:
		b.WriteString(" (disabled in the collection).")
	case fd.File && len(fd.Src) > 0:
		fmt.Fprintf(&b, "; the collection attaches %s.", strings.Join(quoteAll(fd.Src), ", "))
	case fd.EmptyPart:
		b.WriteString("; the collection chooses no file, so unset it is sent as an empty part, as Postman sends it.")
	case fd.File:
		b.WriteString(".")
	case !fd.Enabled && fd.Repeated:
		b.WriteString(" and only when set (disabled in the collection).")
	case !fd.Enabled:
		b.WriteString(", sent only when set (disabled in the collection).")
	case len(fd.Defaults) == 0 || (len(fd.Defaults) == 1 && len(fd.Defaults[0]) == 0):
		b.WriteString(", sent empty when unset.")
	default:
		var vs []string
		for _, d := range fd.Defaults {
			if d.IsLiteral() {
				vs = append(vs, fmt.Sprintf("%q", d.Literal()))
			} else {
				vs = append(vs, d.String())
			}
		}
		word := "default"
		if len(vs) > 1 {
			word = "defaults"
		}
		fmt.Fprintf(&b, "; %s %s.", word, strings.Join(vs, ", "))
	}
	return paragraphs(b.String(), fd.Doc)
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// settingDoc is the doc of a setting's option: what it sets (settingLead),
// the collection's description of the variable, and the default.
func settingDoc(s *model.Setting) string {
	d, rest := settingLead(s)
	if rest != "" {
		d += "\n\n" + rest
	}
	switch {
	case s.Nested != nil:
		d += fmt.Sprintf("\n\nBy default it is resolved at each call from %s, as the collection saves it.", s.Nested.String())
	case s.Spelled:
		d += fmt.Sprintf("\n\nThe default is %q.", s.Default)
	case s.HasDefault:
		d += fmt.Sprintf("\n\nThe default is %q, the value saved in the collection.", s.Default)
	case s.Secret:
		d += "\n\nIt has no default: the collection's value looks like a secret, which is never written into source."
	default:
		d += "\n\nIt has no default: the collection saves no value."
	}
	return d
}
