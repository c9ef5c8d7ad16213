package build

import (
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
)

// buildParams makes the *<Op>Params struct from the query parameters and
// headers. Headers whose name is a template, and Content-Type (which
// belongs to the body), are sent as they are rather than being fields.
func (b *builder) buildParams(it *load.Item, op *model.Operation) {
	fields := naming.NewScope()
	var ps []*model.Param
	add := func(kv load.Pair, in model.ParamIn) {
		p := &model.Param{Key: kv.Key, In: in, Enabled: !kv.Disabled, Doc: markdown(kv.Description)}
		want := naming.Exported(kv.Key, "Param")
		if in == model.InHeader && fields.Taken(want) {
			want += "Header"
		}
		p.Name = fields.Unique(want)
		if p.Enabled {
			p.Default = b.template(kv.Value)
		}
		ps = append(ps, p)
	}
	for _, q := range it.Request.URL.Query {
		if q.Key == "" && q.Value == "" {
			continue
		}
		add(q, model.InQuery)
	}
	for _, h := range it.Request.Header {
		switch {
		case strings.TrimSpace(h.Key) == "":
			continue
		case strings.Contains(h.Key, "{{") || strings.EqualFold(h.Key, "Content-Type"):
			if !h.Disabled {
				op.FixedHeaders = append(op.FixedHeaders, model.Header{Name: b.template(h.Key), Value: b.template(h.Value)})
			}
		default:
			add(h, model.InHeader)
		}
	}
	if len(ps) == 0 {
		return
	}
	name := op.Method + "Params"
	if b.pkg.Taken(name) {
		name = strings.Join(op.Chain, "") + name
	}
	op.Params = &model.ParamsStruct{TypeName: b.pkg.Unique(name), Fields: ps}
}
