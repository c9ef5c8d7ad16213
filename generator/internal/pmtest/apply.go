package pmtest

import (
	"fmt"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// Apply adds to a row the assertions of every translated block that
// holds on the row's example, and lists the other blocks as skipped. A
// script runs against every response, but a collection's examples include
// error cases its checks were not written for: a block that fails on the
// saved example would fail on the client for no fault of its own.
func Apply(tc *model.TestCase, blocks []Block) {
	r := savedResponse{status: tc.Status, header: tc.ResponseHeaders, body: tc.ResponseBody}
	if tc.WantMethod == "HEAD" {
		r.body = "" // the client never sees a body in answer to HEAD
	}
	for _, blk := range blocks {
		if blk.Refused != "" {
			tc.Skipped = append(tc.Skipped, model.SkippedTest{
				Name:    blk.Title,
				Message: fmt.Sprintf("pm.test %q is not translated: it %s.\n%s", blk.Title, blk.Refused, blk.Script),
			})
			continue
		}
		failure := ""
		for _, a := range blk.Asserts {
			if ok, why := holds(a, r); !ok {
				failure = why
				break
			}
		}
		if failure != "" {
			tc.Skipped = append(tc.Skipped, model.SkippedTest{
				Name:    blk.Title,
				Message: fmt.Sprintf("pm.test %q is not checked here: it does not hold on this example (status %d): %s.\n%s", blk.Title, tc.Status, failure, blk.Script),
			})
			continue
		}
		for _, a := range blk.Asserts {
			a.Name = blk.Title
			tc.Assertions = append(tc.Assertions, a)
		}
	}
}
