package apidiff

import (
	"slices"

	"github.com/pmgen/pmgen/generator/internal/model"
)

func flattenOps(root *model.Service) []*model.Operation {
	var out []*model.Operation
	var walk func(s *model.Service)
	walk = func(s *model.Service) {
		out = append(out, s.Ops...)
		for _, sub := range s.Services {
			walk(sub)
		}
	}
	if root != nil {
		walk(root)
	}
	return out
}

type opPair struct{ old, new *model.Operation }

// operations pairs the methods of both sides and reports the unpaired
// ones as removed or added. An operation is the same one when its item id
// is (whatever its name or folder), else when it sends the same method to
// the same URL, else when it has the same Go name. Pairs that agree on
// both URL and Go name are made first, so that of two requests to one URL
// (differing in their query) the one that is gone is the one reported.
func (d *differ) operations(old, new []*model.Operation) []opPair {
	match := make([]int, len(old))
	used := make([]bool, len(new))
	for i := range match {
		match[i] = -1
	}
	keys := []func(*model.Operation) string{
		func(op *model.Operation) string { return op.ItemID },
		func(op *model.Operation) string { return describeOp(op) + " " + opName(op) },
		describeOp,
		opName,
	}
	for _, key := range keys {
		for i, o := range old {
			k := key(o)
			if match[i] >= 0 || k == "" {
				continue
			}
			for j, n := range new {
				if !used[j] && key(n) == k {
					match[i], used[j] = j, true
					break
				}
			}
		}
	}
	var pairs []opPair
	for i, o := range old {
		if match[i] < 0 {
			d.add(Removed, "method", opName(o), true, "the request %q (%s) is gone", o.Name, describeOp(o))
			continue
		}
		p := opPair{o, new[match[i]]}
		d.operation(p.old, p.new)
		pairs = append(pairs, p)
	}
	for j, n := range new {
		if !used[j] {
			d.add(Added, "method", opName(n), false, "new request %q (%s)", n.Name, describeOp(n))
		}
	}
	return pairs
}

// operation compares one paired method: its name and place, the request
// it sends, its path arguments and parameters.
func (d *differ) operation(o, n *model.Operation) {
	name := opName(o)
	switch {
	case !slices.Equal(o.Chain, n.Chain):
		d.add(Moved, "method", name, true, "moved to another service: now %s (folder %s, was %s)", opName(n), folderOf(n), folderOf(o))
	case o.Method != n.Method:
		d.add(Renamed, "method", name, true, "now %s (request %q, was %q)", opName(n), n.Name, o.Name)
	case o.Name != n.Name:
		d.add(Renamed, "request", name, false, "the request is now %q (was %q); the Go name is unchanged", n.Name, o.Name)
	}
	name = opName(n)
	if describeOp(o) != describeOp(n) {
		d.add(Changed, "method", name, false, "now sends %s (was %s)", describeOp(n), describeOp(o))
	}
	d.pathArgs(name, o.PathArgs, n.PathArgs)
	d.params(name, o, n)
	d.form(name, o.Body, n.Body)
}

func folderOf(op *model.Operation) string {
	if len(op.Path) <= 1 {
		return "the collection root"
	}
	s := ""
	for i, p := range op.Path[:len(op.Path)-1] {
		if i > 0 {
			s += " › "
		}
		s += p
	}
	return "«" + s + "»"
}

// pathArgs compares the positional path arguments: callers pass them in
// order, so any change but a Go rename breaks them.
func (d *differ) pathArgs(name string, old, new []*model.Param) {
	for i := 0; i < len(old) || i < len(new); i++ {
		switch {
		case i >= len(new):
			d.add(Removed, "path argument", name, true, "the path variable :%s (argument %s) is gone", old[i].Key, old[i].Name)
		case i >= len(old):
			d.add(Added, "path argument", name, true, "new required path variable :%s (argument %s); existing calls no longer compile", new[i].Key, new[i].Name)
		case old[i].Key != new[i].Key:
			d.add(Changed, "path argument", name, true, "argument %d is now the path variable :%s (was :%s); existing calls compile but fill the wrong variable", i+1, new[i].Key, old[i].Key)
		}
	}
}

// params compares the *<Op>Params struct field by field.
func (d *differ) params(name string, o, n *model.Operation) {
	d.fixedEntries(name, o, n)
	switch {
	case o.Params == nil && n.Params == nil:
		return
	case o.Params == nil:
		d.add(Added, "parameter", name, true, "the method gains a *%s argument (%s); existing calls no longer compile", n.Params.TypeName, paramKeys(n.Params.Fields))
		return
	case n.Params == nil:
		d.add(Removed, "parameter", name, true, "the *%s argument is gone; existing calls no longer compile", o.Params.TypeName)
		return
	case o.Params.TypeName != n.Params.TypeName:
		d.add(Renamed, "type", o.Params.TypeName, true, "now %s", n.Params.TypeName)
	}
	typ := n.Params.TypeName
	newFields := map[string]*model.Param{}
	for _, p := range n.Params.Fields {
		newFields[p.Name] = p
	}
	for _, op := range o.Params.Fields {
		np, ok := newFields[op.Name]
		field := typ + "." + op.Name
		if !ok {
			switch fx := fixedEntry(n, op); {
			case fx != nil && fx.Fixed == model.FixedSelector:
				d.add(Removed, "parameter", field, true, "the %s %q is now part of the method, always sent as %q: it selects the request among those sent to the same URL", where(op), op.Key, defaults(fx))
			case fx != nil:
				d.add(Removed, "parameter", field, true, "the %s %q is now %s, set with %s", where(op), op.Key, defaults(fx), fx.Default[0].Setting.Option)
			default:
				d.add(Removed, "parameter", field, true, "the %s %q is gone", where(op), op.Key)
			}
			continue
		}
		if ot, nt := op.GoType().String(), np.GoType().String(); ot != nt {
			d.add(Changed, "parameter", field, true, "type %s (was %s)", nt, ot)
		}
		if op.Key != np.Key || op.In != np.In {
			d.add(Changed, "parameter", field, false, "now the %s %q (was the %s %q)", where(np), np.Key, where(op), op.Key)
		}
		switch {
		case op.Enabled && !np.Enabled:
			d.add(Changed, "parameter", field, true, "required → optional: no longer sent by default, only when set; calls that left it empty stop sending it")
		case !op.Enabled && np.Enabled:
			d.add(Changed, "parameter", field, false, "optional → required: now sent by default as %q", defaults(np))
		case op.Enabled && defaults(op) != defaults(np):
			d.add(Changed, "parameter", field, false, "default %q (was %q)", defaults(np), defaults(op))
		}
	}
	old := map[string]bool{}
	for _, p := range o.Params.Fields {
		old[p.Name] = true
	}
	for _, np := range n.Params.Fields {
		if old[np.Name] {
			continue
		}
		if np.Enabled {
			d.add(Added, "parameter", typ+"."+np.Name, false, "new %s %q, sent by default as %q", where(np), np.Key, defaults(np))
		} else {
			d.add(Added, "parameter", typ+"."+np.Name, false, "new optional %s %q, sent only when set", where(np), np.Key)
		}
	}
}

func where(p *model.Param) string {
	if p.In == model.InHeader {
		return "header"
	}
	return "query parameter"
}

// fixedEntry is the entry of op that sends the key of the old field p
// and is no field (a protocol selector, or a setting's value); nil when
// there is none.
func fixedEntry(op *model.Operation, p *model.Param) *model.Param {
	for _, e := range op.Entries {
		if e.Fixed != model.NotFixed && e.In == p.In && e.Key == p.Key {
			return e
		}
	}
	return nil
}

// fixedEntries compares the entries that are part of the method in both
// versions: a selector that now sends another value makes existing calls
// ask for another action, which breaks them without a compile error.
func (d *differ) fixedEntries(name string, o, n *model.Operation) {
	for _, oe := range o.Entries {
		if oe.Fixed == model.NotFixed {
			continue
		}
		if ne := fixedEntry(n, oe); ne != nil && defaults(ne) != defaults(oe) {
			d.add(Changed, "parameter", name, true, "the %s %q is now always sent as %q (was %q)", where(ne), ne.Key, defaults(ne), defaults(oe))
		}
	}
}

func defaults(p *model.Param) string {
	if p.Repeated {
		s := ""
		for i, t := range p.Defaults {
			if i > 0 {
				s += ","
			}
			s += t.String()
		}
		return s
	}
	return p.Default.String()
}

func paramKeys(ps []*model.Param) string {
	s := ""
	for i, p := range ps {
		if i > 0 {
			s += ", "
		}
		s += where(p) + " " + `"` + p.Key + `"`
	}
	return s
}

// form compares the fields of urlencoded and form-data bodies; other body
// changes show in the method's signature.
func (d *differ) form(name string, o, n *model.Body) {
	if o == nil || n == nil || o.Form == nil || n.Form == nil {
		return
	}
	typ := n.Form.TypeName
	newFields := map[string]*model.FormField{}
	for _, f := range n.Form.Fields {
		newFields[f.Name] = f
	}
	seen := map[string]bool{}
	for _, of := range o.Form.Fields {
		seen[of.Name] = true
		nf, ok := newFields[of.Name]
		switch {
		case !ok:
			d.add(Removed, "field", typ+"."+of.Name, true, "the form field %q is gone", of.Key)
		case of.File != nf.File || of.Repeated != nf.Repeated:
			d.add(Changed, "field", typ+"."+of.Name, true, "the form field %q changed its Go type", nf.Key)
		case of.Enabled && !nf.Enabled:
			d.add(Changed, "field", typ+"."+of.Name, true, "required → optional: the form field %q is no longer sent by default", nf.Key)
		}
	}
	for _, nf := range n.Form.Fields {
		if !seen[nf.Name] {
			d.add(Added, "field", typ+"."+nf.Name, false, "new form field %q", nf.Key)
		}
	}
}

// signatures compares a paired method's body argument and result, with
// old types spelled by the names of the new types they became.
func (d *differ) signatures(o, n *model.Operation) {
	name := opName(n)
	ob, nb := spellBody(o.Body, d.oldName), spellBody(n.Body, ownName)
	switch {
	case ob == nb:
	case ob == "":
		d.add(Added, "body", name, true, "the method gains a body argument of type %s; existing calls no longer compile", nb)
	case nb == "":
		d.add(Removed, "body", name, true, "the body argument (%s) is gone; existing calls no longer compile", ob)
	default:
		d.add(Changed, "body", name, true, "the body argument is now %s (was %s)", nb, ob)
	}
	or, nr := spellResult(o, d.oldName), spellResult(n, ownName)
	switch {
	case or == nr:
	case or == "":
		d.add(Changed, "result", name, true, "now returns (%s, *Response, error) (was (*Response, error))", nr)
	case nr == "":
		d.add(Changed, "result", name, true, "now returns (*Response, error) (was (%s, *Response, error))", or)
	default:
		d.add(Changed, "result", name, true, "now returns %s (was %s)", nr, or)
	}
}
