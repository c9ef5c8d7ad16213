package apidiff

import (
	"fmt"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// Compare reports what changed from the API old to the API new. oldName
// and newName say where each came from, for the report's heading.
func Compare(oldName string, old *model.API, newName string, new *model.API) *Report {
	d := &differ{corr: map[*model.Type]*model.Type{}, taken: map[*model.Type]bool{}}
	d.settings(old.Settings, new.Settings)
	d.services(flattenServices(old.Root), flattenServices(new.Root))
	pairs := d.operations(flattenOps(old.Root), flattenOps(new.Root))
	// Types are paired through the operations that use them, so a type
	// renamed along with its method is still compared field by field.
	for _, p := range pairs {
		d.pairOpTypes(p.old, p.new)
	}
	d.types(old.Types, new.Types)
	// Method bodies and results are compared once types are paired, so
	// that a renamed type does not also show as a retyped result.
	for _, p := range pairs {
		d.signatures(p.old, p.new)
	}
	if d.changes == nil {
		d.changes = []Change{} // "changes": [] in JSON, not null
	}
	return &Report{Old: oldName, New: newName, Bump: bump(d.changes), Changes: d.changes}
}

// differ collects changes for one Compare.
type differ struct {
	changes []Change
	// corr maps an old named type to the new type it became.
	corr map[*model.Type]*model.Type
	// taken holds the new types that corr pairs.
	taken map[*model.Type]bool
}

func (d *differ) add(kind Kind, subject, name string, breaking bool, format string, args ...any) {
	d.changes = append(d.changes, Change{Kind: kind, Subject: subject, Name: name, Detail: fmt.Sprintf(format, args...), Breaking: breaking})
}

// oldName spells an old type by the name of the new type it became.
func (d *differ) oldName(t *model.Type) string {
	if n, ok := d.corr[t]; ok {
		return n.Name
	}
	return t.Name
}

// settings compares the client options (With<Name>).
func (d *differ) settings(old, new []*model.Setting) {
	byOption := map[string]*model.Setting{}
	for _, s := range new {
		byOption[s.Option] = s
	}
	seen := map[string]bool{}
	for _, o := range old {
		n, ok := byOption[o.Option]
		if !ok {
			d.add(Removed, "option", o.Option, true, "the setting for %s is gone; calls to %s no longer compile", settingSource(o), o.Option)
			continue
		}
		seen[o.Option] = true
		if o.HasDefault != n.HasDefault || o.Default != n.Default {
			d.add(Changed, "option", n.Option, false, "default %s (was %s)", describeDefault(n), describeDefault(o))
		}
	}
	for _, n := range new {
		if !seen[n.Option] {
			d.add(Added, "option", n.Option, false, "new setting for %s", settingSource(n))
		}
	}
}

// settingSource is what a setting stands for: a {{variable}}, or the
// host that the requests spell out.
func settingSource(s *model.Setting) string {
	if s.Spelled {
		return s.Key
	}
	return "{{" + s.Key + "}}"
}

func describeDefault(s *model.Setting) string {
	if !s.HasDefault {
		return "none"
	}
	return fmt.Sprintf("%q", s.Default)
}

// svcEntry is a service with the Go path a caller writes to reach it.
type svcEntry struct {
	svc  *model.Service
	name string // "c.Users.Admin"
}

func flattenServices(root *model.Service) []svcEntry {
	var out []svcEntry
	var walk func(s *model.Service, prefix string)
	walk = func(s *model.Service, prefix string) {
		for _, sub := range s.Services {
			name := prefix + "." + sub.Field
			out = append(out, svcEntry{sub, name})
			walk(sub, name)
		}
	}
	if root != nil {
		walk(root, "c")
	}
	return out
}

// services reports services added, removed and renamed. A folder keeps
// its identity through its item id; without one, through its Go path.
func (d *differ) services(old, new []svcEntry) {
	used := make([]bool, len(new))
	find := func(o svcEntry) int {
		if o.svc.ItemID != "" {
			for i, n := range new {
				if !used[i] && n.svc.ItemID == o.svc.ItemID {
					return i
				}
			}
		}
		for i, n := range new {
			if !used[i] && n.name == o.name {
				return i
			}
		}
		return -1
	}
	for _, o := range old {
		i := find(o)
		if i < 0 {
			d.add(Removed, "service", o.name, true, "the folder %q is gone, and with it the service type %s", o.svc.Name, o.svc.TypeName)
			continue
		}
		used[i] = true
		if n := new[i]; n.name != o.name {
			d.add(Renamed, "service", o.name, true, "now %s (folder %q, was %q)", n.name, n.svc.Name, o.svc.Name)
		}
	}
	for i, n := range new {
		if !used[i] {
			d.add(Added, "service", n.name, false, "new folder %q", n.svc.Name)
		}
	}
}

// describeOp is how a report shows a request: "GET {{baseUrl}}/users/:id".
func describeOp(op *model.Operation) string {
	origin := ""
	switch {
	case op.Origin != nil && op.Origin.Spelled:
		// No variable stands for the host: Key is the host as written.
		origin = op.Origin.Key
	case op.Origin != nil:
		origin = "{{" + op.Origin.Key + "}}"
	}
	return op.HTTPMethod + " " + origin + op.URL.String()
}

// opName is the Go expression a caller writes: "c.Users.GetUser".
func opName(op *model.Operation) string {
	return strings.Join(append(append([]string{"c"}, op.Chain...), op.Method), ".")
}
