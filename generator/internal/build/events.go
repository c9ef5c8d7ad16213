package build

import (
	"slices"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
)

// testScripts are the enabled test scripts Postman runs after it, in
// order: the collection's, then each enclosing folder's from the root
// down, then the item's own.
func (b *builder) testScripts(it *load.Item) []string {
	events := slices.Clone(b.col.Events)
	for _, folder := range b.ancestors(it) {
		events = append(events, folder.Events...)
	}
	events = append(events, it.Events...)
	var out []string
	for _, ev := range events {
		if ev.Listen == "test" && !ev.Disabled {
			out = append(out, strings.Join(ev.Exec, "\n"))
		}
	}
	return out
}

// ancestors returns the folders from the root down to it. Every request
// asks, so the tree is indexed once, child to parent: searching it from
// the root for each request made a collection of 20,000 requests
// quadratic.
func (b *builder) ancestors(it *load.Item) []*load.Item {
	if b.parents == nil {
		b.parents = map[*load.Item]*load.Item{}
		var index func(folder *load.Item, items []*load.Item)
		index = func(folder *load.Item, items []*load.Item) {
			for _, x := range items {
				b.parents[x] = folder
				if x.IsFolder {
					index(x, x.Items)
				}
			}
		}
		index(nil, b.col.Items)
	}
	var path []*load.Item
	for p := b.parents[it]; p != nil; p = b.parents[p] {
		path = append(path, p)
	}
	slices.Reverse(path)
	return path
}
