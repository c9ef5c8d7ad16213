package override

import (
	"go/token"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/project"
)

// Model holds the overrides that apply to the built model.
type Model struct {
	Rename, Types, Settings []project.Pair
	Secrets, KeepSecrets    []project.Value
	// Variables are the names the collection and environment define or
	// the collection refers to: those settings and secrets may name.
	Variables []string
	// Reserved are the package-level names the runtime declares.
	Reserved []string
}

// Apply renames services, methods, types and fields and retypes fields,
// each named as pmgen diff prints it on the model without overrides. It
// runs before the model's composed docs are written (apidoc), so that
// those say the new names.
func Apply(api *model.API, m Model) model.Diagnostics {
	x := index(api)
	diags := checkVariables(m.Variables, m.Settings, m.Secrets, m.KeepSecrets)
	pkg := x.packageNames(api, m.Reserved)
	for _, r := range m.Rename {
		diags = append(diags, x.rename(api, r, pkg)...)
	}
	for _, t := range m.Types {
		diags = append(diags, x.retype(t)...)
	}
	api.Stats.Paged = paged(api.Root, api.Stats.Paged[:0])
	return diags
}

// paged lists the operations with page iterators for the run's summary
// again, under their final names, in the order build listed them: a
// service's own operations, then its sub-services'.
func paged(svc *model.Service, out []model.PagedOp) []model.PagedOp {
	for _, op := range svc.Ops {
		if op.Pages != nil {
			out = append(out, model.PagedOp{Where: strings.Join(op.Path, " › "), Method: op.Selector(), Style: op.Pages.Style})
		}
	}
	for _, sub := range svc.Services {
		out = paged(sub, out)
	}
	return out
}

// targets maps every name an override may give, as pmgen diff prints it,
// to what it names. It is made before any rename, so overrides name the
// model as it comes from the collection.
type targets struct {
	services map[string]*model.Service
	parents  map[*model.Service]*model.Service
	depth    map[*model.Service]int
	ops      map[string]*model.Operation
	opSvc    map[*model.Operation]*model.Service
	types    map[string]*model.Type
	fields   map[string]*model.Field
	fieldOf  map[*model.Field]*model.Type
	// order lists each kind's names in the model's order, for the
	// closest names.
	serviceNames, opNames, typeNames, fieldNames []string
}

func index(api *model.API) *targets {
	x := &targets{
		services: map[string]*model.Service{}, parents: map[*model.Service]*model.Service{}, depth: map[*model.Service]int{},
		ops: map[string]*model.Operation{}, opSvc: map[*model.Operation]*model.Service{},
		types: map[string]*model.Type{}, fields: map[string]*model.Field{}, fieldOf: map[*model.Field]*model.Type{},
	}
	var walk func(s *model.Service, name string, depth int)
	walk = func(s *model.Service, name string, depth int) {
		for _, op := range s.Ops {
			n := name + "." + op.Method
			x.ops[n], x.opSvc[op] = op, s
			x.opNames = append(x.opNames, n)
		}
		for _, sub := range s.Services {
			n := name + "." + sub.Field
			x.services[n], x.parents[sub], x.depth[sub] = sub, s, depth
			x.serviceNames = append(x.serviceNames, n)
			walk(sub, n, depth+1)
		}
	}
	walk(api.Root, "c", 0)
	for _, t := range api.Types {
		x.types[t.Name] = t
		x.typeNames = append(x.typeNames, t.Name)
		for _, f := range t.Fields {
			n := t.Name + "." + f.Name
			x.fields[n], x.fieldOf[f] = f, t
			x.fieldNames = append(x.fieldNames, n)
		}
	}
	return x
}

// packageNames is every package-level name the package declares.
func (x *targets) packageNames(api *model.API, reserved []string) map[string]bool {
	names := map[string]bool{"Client": true, "New": true}
	for _, n := range reserved {
		names[n] = true
	}
	for _, t := range api.Types {
		names[t.Name] = true
	}
	for _, s := range api.Settings {
		names[s.Option] = true
	}
	var walk func(s *model.Service)
	walk = func(s *model.Service) {
		names[s.TypeName], names[s.Interface] = true, true
		for _, op := range s.Ops {
			if op.Params != nil {
				names[op.Params.TypeName] = true
			}
		}
		for _, sub := range s.Services {
			walk(sub)
		}
	}
	walk(api.Root)
	if api.FileType != "" {
		names[api.FileType] = true
	}
	return names
}

// rename applies one rename.
func (x *targets) rename(api *model.API, r project.Pair, pkg map[string]bool) model.Diagnostics {
	to := r.Value.Text
	if !token.IsIdentifier(to) || !token.IsExported(to) {
		return model.Diagnostics{errorAt(r.Value.Pos, CodeBadName, "%q is not an exported Go identifier: a new name starts with an upper-case letter and holds letters, digits and underscores", to)}
	}
	from := r.Key.Text
	if svc, ok := x.services[from]; ok {
		return x.renameService(svc, r)
	}
	if op, ok := x.ops[from]; ok {
		return x.renameMethod(op, r, pkg)
	}
	if t, ok := x.types[from]; ok {
		if t.Name != to && pkg[to] {
			return model.Diagnostics{errorAt(r.Value.Pos, CodeNameTaken, "cannot rename type %s to %s: the package already declares %s", t.Name, to, to)}
		}
		delete(pkg, t.Name)
		pkg[to] = true
		t.Doc = renamePrefix(t.Doc, t.Name, to)
		t.Name = to
		return nil
	}
	if f, ok := x.fields[from]; ok {
		t := x.fieldOf[f]
		for _, g := range t.Fields {
			if g != f && g.Name == to {
				return model.Diagnostics{errorAt(r.Value.Pos, CodeNameTaken, "cannot rename field %s to %s: the type already has a field %s", from, to, to)}
			}
		}
		f.Name = to
		return nil
	}
	var names []string
	names = append(append(append(append(names, x.serviceNames...), x.opNames...), x.typeNames...), x.fieldNames...)
	return model.Diagnostics{noMatch(r.Key, "service, method, type or field", names)}
}

// members are the names in a service's method set: its methods, their
// page iterators and its service fields.
func members(s *model.Service) map[string]bool {
	m := map[string]bool{}
	for _, op := range s.Ops {
		m[op.Method] = true
		if op.Pages != nil {
			m[op.Pages.AllMethod], m[op.Pages.PagesMethod] = true, true
		}
	}
	for _, sub := range s.Services {
		m[sub.Field] = true
	}
	return m
}

func (x *targets) renameService(svc *model.Service, r project.Pair) model.Diagnostics {
	to := r.Value.Text
	parent := x.parents[svc]
	if svc.Field != to && members(parent)[to] {
		return model.Diagnostics{errorAt(r.Value.Pos, CodeNameTaken, "cannot rename service %s to %s: its parent already has a method or service %s", r.Key.Text, to, to)}
	}
	depth := x.depth[svc]
	var walk func(s *model.Service)
	walk = func(s *model.Service) {
		for _, op := range s.Ops {
			if depth < len(op.Chain) {
				op.Chain = append(append(append([]string(nil), op.Chain[:depth]...), to), op.Chain[depth+1:]...)
			}
		}
		for _, sub := range s.Services {
			walk(sub)
		}
	}
	walk(svc)
	svc.Field = to
	return nil
}

func (x *targets) renameMethod(op *model.Operation, r project.Pair, pkg map[string]bool) model.Diagnostics {
	to, old := r.Value.Text, op.Method
	if old == to {
		return nil
	}
	if members(x.opSvc[op])[to] {
		return model.Diagnostics{errorAt(r.Value.Pos, CodeNameTaken, "cannot rename method %s to %s: the service already has a method or service %s", r.Key.Text, to, to)}
	}
	op.Method = to
	op.Lead = renamePrefix(op.Lead, old, to)
	op.Doc = renamePrefix(op.Doc, old, to)
	op.TestName = strings.Replace(op.TestName, old, to, 1)
	// The names made from the method's follow it when they are free.
	if ps := op.Params; ps != nil && ps.TypeName == old+"Params" && !pkg[to+"Params"] {
		delete(pkg, ps.TypeName)
		ps.TypeName = to + "Params"
		pkg[ps.TypeName] = true
	}
	if pg := op.Pages; pg != nil {
		m := members(x.opSvc[op])
		for _, name := range []*string{&pg.AllMethod, &pg.PagesMethod} {
			if n := strings.Replace(*name, old, to, 1); strings.HasPrefix(*name, old) && !m[n] {
				*name = n
			}
		}
	}
	return nil
}

// renamePrefix renames the subject of a doc comment that starts with old.
func renamePrefix(doc, old, to string) string {
	if rest, ok := strings.CutPrefix(doc, old); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\n') {
		return to + rest
	}
	return doc
}
