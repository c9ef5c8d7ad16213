package build

import (
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/pmtest"
)

// testBlocks returns the pm.test blocks that Postman runs after it: the
// collection's test scripts, then each enclosing folder's, then the item's
// own, in that order.
func (b *builder) testBlocks(it *load.Item) []pmtest.Block {
	var blocks []pmtest.Block
	for _, script := range b.testScripts(it) {
		for _, blk := range pmtest.ParseScript(script) {
			blocks = append(blocks, refuseUnreplayed(blk))
		}
	}
	return blocks
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
