package build

import (
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
)

// buildService makes the service for a folder (or the root, when folder is
// nil): a method per request, a field per sub-folder. Fields and methods
// share one Go scope, so they are named from one naming.Scope.
func (b *builder) buildService(folder *load.Item, chain []string, items []*load.Item, typeName string) *model.Service {
	svc := &model.Service{TypeName: typeName}
	if folder != nil {
		svc.Name = folder.Name
		svc.Doc = markdown(folder.Description)
	}
	// Client has the field cfg and the method send; services have client.
	members := naming.NewScope("cfg", "send", "client")
	// Sub-folders first, so that a request named like a folder yields.
	type pending struct {
		item  *load.Item
		field string
	}
	var subs []pending
	for _, it := range items {
		if it.IsFolder {
			subs = append(subs, pending{it, members.Unique(naming.Exported(it.Name, "Folder"))})
		}
	}
	for _, it := range items {
		if it.IsFolder {
			continue
		}
		op := b.buildOperation(it, chain, members)
		if op != nil {
			svc.Ops = append(svc.Ops, op)
		}
	}
	for _, p := range subs {
		stem := typeName
		if len(stem) > len("Service") {
			stem = stem[:len(stem)-len("Service")]
		}
		subType := b.pkg.Unique(stem + p.field + "Service")
		sub := b.buildService(p.item, append(append([]string(nil), chain...), p.field), p.item.Items, subType)
		sub.Field = p.field
		if folder == nil {
			sub.File = b.files.Unique(naming.Snake(p.field))
		}
		svc.Services = append(svc.Services, sub)
	}
	return svc
}
