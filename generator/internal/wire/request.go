package wire

import "github.com/pmgen/pmgen/generator/internal/model"

// Request predicts what the client sends with the test settings and
// the collection's defaults: the part of every row that is the same.
func Request(op *model.Operation) *model.TestCase {
	tc := &model.TestCase{WantMethod: op.HTTPMethod, WantPath: Path(op.URL), WantRawQuery: Query(op.Entries)}
	for _, p := range op.Entries {
		if !p.Enabled {
			continue
		}
		defaults := p.Defaults
		if !p.Repeated {
			defaults = []model.Template{p.Default}
		}
		for _, d := range defaults {
			kv := model.KeyValue{Key: p.Key, Value: Render(d), Dynamic: HasDynamic(d), NoValue: p.NoValue}
			if p.In == model.InQuery {
				tc.WantQuery = append(tc.WantQuery, kv)
			} else if !kv.Dynamic {
				tc.WantHeaders = append(tc.WantHeaders, kv)
			}
		}
	}
	for _, h := range op.FixedHeaders {
		if !HasDynamic(h.Name) && !HasDynamic(h.Value) {
			tc.WantHeaders = append(tc.WantHeaders, model.KeyValue{Key: Render(h.Name), Value: Render(h.Value)})
		}
	}
	if op.Body != nil {
		wantBody(tc, op.Body)
	}
	if len(op.Script) > 0 {
		scriptOutputs(op, tc)
	}
	return tc
}
