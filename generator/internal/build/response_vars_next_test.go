package build

import (
	"fmt"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// TestSendersNext checks senders.next against the scan it replaces: for
// every request and every set of settings, the first request after it,
// wrapping around and leaving out downloads, that sends one of them, in
// its URL, an entry or a fixed header, directly or through a setting
// whose value refers to it.
func TestSendersNext(t *testing.T) {
	var settings []*model.Setting
	for i := range 4 {
		settings = append(settings, &model.Setting{Key: fmt.Sprint("s", i)})
	}
	uses := func(s *model.Setting) model.Template {
		return model.Template{{Kind: model.PartLiteral, Text: "/x/"}, {Kind: model.PartSetting, Setting: s}}
	}
	// s3's saved value refers to s2: sending s3 sends s2.
	settings[3].Nested = uses(settings[2])
	ops := []*model.Operation{
		{Method: "A", URL: uses(settings[0])},
		{Method: "B", Entries: []*model.Param{{Default: uses(settings[1])}}},
		{Method: "C"},
		{Method: "D", ResultStream: true, URL: uses(settings[1])},
		{Method: "E", FixedHeaders: []model.Header{{Value: uses(settings[3])}}},
		{Method: "F", Entries: []*model.Param{{Defaults: []model.Template{nil, uses(settings[0])}}}},
		{Method: "G", URL: uses(settings[1]), Entries: []*model.Param{{KeyTemplate: uses(settings[1])}}},
	}
	scan := func(op *model.Operation, set []*model.Setting) *model.Operation {
		i := -1
		for k, o := range ops {
			if o == op {
				i = k
			}
		}
		for k := 1; k < len(ops); k++ {
			next := ops[(i+k)%len(ops)]
			if next.ResultStream {
				continue
			}
			for _, s := range set {
				if usesSetting(next, s) {
					return next
				}
			}
		}
		return nil
	}
	senders := newSenders(ops)
	for mask := range 1 << len(settings) {
		var set []*model.Setting
		for i, s := range settings {
			if mask&(1<<i) != 0 {
				set = append(set, s)
			}
		}
		for _, op := range ops {
			got, want := senders.next(op, set), scan(op, set)
			if got != want {
				t.Errorf("next after %s sending one of %v = %v, want %v", op.Method, mask, method(got), method(want))
			}
		}
	}
}

func method(op *model.Operation) string {
	if op == nil {
		return "none"
	}
	return op.Method
}
