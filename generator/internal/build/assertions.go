package build

import (
	"fmt"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// testBlocks returns the pm.test blocks that Postman runs after it: the
// collection's test scripts, then each enclosing folder's, then the item's
// own, in that order.
func (b *builder) testBlocks(it *load.Item) []pmBlock {
	events := append([]load.Event(nil), b.col.Events...)
	for _, folder := range ancestors(b.col.Items, it) {
		events = append(events, folder.Events...)
	}
	events = append(events, it.Events...)
	var blocks []pmBlock
	for _, ev := range events {
		if ev.Listen != "test" || ev.Disabled {
			continue
		}
		for _, blk := range parseScript(strings.Join(ev.Exec, "\n")) {
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
func refuseUnreplayed(blk pmBlock) pmBlock {
	for _, a := range blk.asserts {
		switch a.Kind {
		case model.AssertHeaderPresent, model.AssertHeaderEquals, model.AssertHeaderIncludes:
			if !replayable(a.Header) {
				blk.refused = "checks the " + a.Header + " header, which describes the original transfer and is not replayed"
				blk.asserts = nil
				return blk
			}
		}
	}
	return blk
}

// applyBlocks adds to a row the assertions of every translated block that
// holds on the row's example, and lists the other blocks as skipped. A
// script runs against every response, but a collection's examples include
// error cases its checks were not written for: a block that fails on the
// saved example would fail on the client for no fault of its own.
func applyBlocks(tc *model.TestCase, blocks []pmBlock) {
	r := savedResponse{status: tc.Status, header: tc.ResponseHeaders, body: tc.ResponseBody}
	if tc.WantMethod == "HEAD" {
		r.body = "" // the client never sees a body in answer to HEAD
	}
	for _, blk := range blocks {
		if blk.refused != "" {
			tc.Skipped = append(tc.Skipped, model.SkippedTest{
				Name:    blk.title,
				Message: fmt.Sprintf("pm.test %q is not translated: it %s.\n%s", blk.title, blk.refused, blk.script),
			})
			continue
		}
		failure := ""
		for _, a := range blk.asserts {
			if ok, why := holds(a, r); !ok {
				failure = why
				break
			}
		}
		if failure != "" {
			tc.Skipped = append(tc.Skipped, model.SkippedTest{
				Name:    blk.title,
				Message: fmt.Sprintf("pm.test %q is not checked here: it does not hold on this example (status %d): %s.\n%s", blk.title, tc.Status, failure, blk.script),
			})
			continue
		}
		for _, a := range blk.asserts {
			a.Name = blk.title
			tc.Assertions = append(tc.Assertions, a)
		}
	}
}
