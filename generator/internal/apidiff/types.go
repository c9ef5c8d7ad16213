package apidiff

import "github.com/pmgen/pmgen/generator/internal/model"

// pairOpTypes pairs the named types that two versions of one method use:
// its body, its result and its typed error bodies, and the types their
// fields hold.
func (d *differ) pairOpTypes(o, n *model.Operation) {
	if o.Body != nil && n.Body != nil {
		d.pairRefs(o.Body.Type, n.Body.Type)
	}
	d.pairRefs(o.Result, n.Result)
	for _, or := range o.Responses {
		for _, nr := range n.Responses {
			if or.Status == nr.Status {
				d.pairRefs(or.Type, nr.Type)
			}
		}
	}
}

// pairRefs pairs the named types in the same place of two type
// expressions, then the types of their fields with the same JSON key. A
// type already paired keeps its first partner.
func (d *differ) pairRefs(o, n *model.TypeRef) {
	for o != nil && n != nil && o.Kind == n.Kind && (o.Kind == model.KindSlice || o.Kind == model.KindMap) {
		o, n = o.Elem, n.Elem
	}
	if o == nil || n == nil || o.Named == nil || n.Named == nil {
		return
	}
	if _, done := d.corr[o.Named]; done || d.taken[n.Named] {
		return
	}
	d.corr[o.Named], d.taken[n.Named] = n.Named, true
	for _, of := range o.Named.Fields {
		if nf := fieldByJSON(n.Named, of.JSONName); nf != nil {
			d.pairRefs(of.Type, nf.Type)
		}
	}
}

func fieldByJSON(t *model.Type, key string) *model.Field {
	for _, f := range t.Fields {
		if f.JSONName == key {
			return f
		}
	}
	return nil
}

// types compares the named types. Types that no method pairs are paired
// by name; the rest were removed or added.
func (d *differ) types(old, new []*model.Type) {
	paired := d.taken
	for _, o := range old {
		if _, ok := d.corr[o]; ok {
			continue
		}
		for _, n := range new {
			if !paired[n] && n.Name == o.Name {
				d.corr[o], paired[n] = n, true
				break
			}
		}
	}
	for _, o := range old {
		n, ok := d.corr[o]
		if !ok {
			d.add(Removed, "type", o.Name, true, "the type is gone")
			continue
		}
		if o.Name != n.Name {
			d.add(Renamed, "type", o.Name, true, "now %s", n.Name)
		}
		d.fields(o, n)
	}
	for _, n := range new {
		if !paired[n] {
			d.add(Added, "type", n.Name, false, "new type")
		}
	}
}

// fields compares two versions of a struct by JSON key: the key is what
// the examples share, the Go name is derived from it.
func (d *differ) fields(o, n *model.Type) {
	for _, of := range o.Fields {
		nf := fieldByJSON(n, of.JSONName)
		name := n.Name + "." + of.Name
		if nf == nil {
			d.add(Removed, "field", name, true, "the JSON key %q is gone", of.JSONName)
			continue
		}
		if of.Name != nf.Name {
			d.add(Renamed, "field", name, true, "now %s.%s", n.Name, nf.Name)
			name = n.Name + "." + nf.Name
		}
		if ot, nt := spellField(of, d.oldName), spellField(nf, ownName); ot != nt {
			d.add(Changed, "field", name, true, "type %s (was %s)%s", nt, ot, optionality(of, nf))
		}
	}
	for _, nf := range n.Fields {
		if fieldByJSON(o, nf.JSONName) == nil {
			d.add(Added, "field", n.Name+"."+nf.Name, false, "new field (JSON key %q) of type %s", nf.JSONName, spellField(nf, ownName))
		}
	}
}

// optionality says when a retyping is a field turning optional or required.
func optionality(o, n *model.Field) string {
	switch {
	case !o.Optional && n.Optional:
		return "; required → optional: some examples lack it"
	case o.Optional && !n.Optional:
		return "; optional → required: every example has it"
	}
	return ""
}
