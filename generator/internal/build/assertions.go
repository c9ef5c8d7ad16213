package build

import (
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/pmtest"
)

// testBlocks returns the pm.test blocks that Postman runs after it: the
// collection's test scripts, then each enclosing folder's, then the item's
// own, in that order.
func (b *builder) testBlocks(it *load.Item) []pmtest.Block {
	events := append([]load.Event(nil), b.col.Events...)
	for _, folder := range ancestors(b.col.Items, it) {
		events = append(events, folder.Events...)
	}
	events = append(events, it.Events...)
	var blocks []pmtest.Block
	for _, ev := range events {
		if ev.Listen != "test" || ev.Disabled {
			continue
		}
		for _, blk := range pmtest.ParseScript(strings.Join(ev.Exec, "\n")) {
			blocks = append(blocks, refuseUnreplayed(blk))
		}
	}
	return blocks
}

// ancestors returns the folders from the root down to it, or nil when it
// is not under items.
func ancestors(items []*load.Item, it *load.Item) []*load.Item {
	for _, x := range items {
		if x == it {
			return []*load.Item{}
		}
		if x.IsFolder {
			if path := ancestors(x.Items, it); path != nil {
				return append([]*load.Item{x}, path...)
			}
		}
	}
	return nil
}

// refuseUnreplayed refuses a block that checks a header the replay server
// cannot send as saved (Transfer-Encoding, Content-Encoding...): such a
// check says something about the original transfer, not about the client.
func refuseUnreplayed(blk pmtest.Block) pmtest.Block {
	for _, a := range blk.Asserts {
		switch a.Kind {
		case model.AssertHeaderPresent, model.AssertHeaderEquals, model.AssertHeaderIncludes:
			if !replayable(a.Header) {
				blk.Refused = "checks the " + a.Header + " header, which describes the original transfer and is not replayed"
				blk.Asserts = nil
				return blk
			}
		}
	}
	return blk
}
