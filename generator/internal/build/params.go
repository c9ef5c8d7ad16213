package build

import (
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
	"github.com/pmgen/pmgen/generator/internal/wire"
)

// buildParams makes the *<Op>Params struct from the query parameters and
// headers. Headers whose name is a template, and Content-Type (which
// belongs to the body), are sent as they are rather than being fields.
func (b *builder) buildParams(it *load.Item, op *model.Operation) {
	fields := naming.NewScope()
	var ps []*model.Param
	add := func(kv load.Pair, in model.ParamIn) *model.Param {
		p := &model.Param{Key: kv.Key, In: in, Enabled: !kv.Disabled, Doc: b.markdown(kv.Description)}
		want := naming.Exported(kv.Key, "Param")
		if in == model.InHeader && fields.Taken(want) {
			want += "Header"
		}
		p.Name = fields.Unique(want)
		if p.Enabled {
			p.Default = b.template(kv.Value)
		}
		ps = append(ps, p)
		return p
	}
	byKey := map[string]*model.Param{}
	for _, q := range it.Request.URL.Query {
		switch p := byKey[q.Key]; {
		case q.Key == "" || strings.Contains(q.Key, "{{"):
			// "&&" or "=x" in the saved URL, or a key that is a variable: no
			// name to make a field of, but Postman sends it, so it is kept in
			// place, its variables resolved at call time.
			if !q.Disabled {
				ps = append(ps, &model.Param{Key: q.Key, KeyTemplate: b.template(q.Key), In: model.InQuery, Verbatim: true, Enabled: true, NoValue: q.Null, Default: b.template(q.Value)})
			}
		case p != nil && !p.Enabled && !p.Repeated && !q.Disabled:
			// A key saved disabled and then enabled once is one field, sent
			// where the enabled entry stands, as Postman sends it.
			for i, e := range ps {
				if e == p {
					ps = append(ps[:i:i], ps[i+1:]...)
					break
				}
			}
			p.Enabled, p.Default = true, b.template(q.Value)
			if q.Null {
				p.NoValue, p.Default = true, nil
			}
			if d := b.markdown(q.Description); d != "" && !strings.Contains(p.Doc, d) {
				p.Doc = paragraphs(p.Doc, d)
			}
			ps = append(ps, p)
		case p != nil:
			// A repeated key ("tag=a&tag=b") is one []string field.
			if !p.Repeated {
				p.Repeated, p.NoValue = true, false
				if p.Enabled {
					p.Defaults = []model.Template{p.Default}
				}
				p.Default = nil
			}
			if !q.Disabled {
				p.Defaults = append(p.Defaults, b.template(q.Value))
				p.Enabled = true
			}
		default:
			p := add(q, model.InQuery)
			if p.Enabled && q.Null {
				p.NoValue, p.Default = true, nil
			}
			byKey[q.Key] = p
		}
	}
	for _, h := range it.Request.Header {
		if !h.Disabled {
			b.checkBraces(it.Pos, "header name "+strconv.Quote(h.Key), h.Key, true)
			b.checkBraces(it.Pos, "header "+strconv.Quote(h.Key)+" value", h.Value, true)
		}
		switch {
		case strings.TrimSpace(h.Key) == "":
			if !h.Disabled {
				b.diag(it.Pos, model.Warning, "header-without-name", "a header has no name; it is not sent, as in Postman")
			}
			continue
		case splitsRequest(h.Value):
			b.diag(it.Pos, model.Warning, "invalid-header-value",
				"the value of header "+strconv.Quote(h.Key)+" holds a line break or NUL, which HTTP forbids; it is not sent")
			continue
		case !validHeaderTemplate(h.Key):
			b.diag(it.Pos, model.Warning, "invalid-header-name",
				"the header name "+strconv.Quote(h.Key)+" is not a valid HTTP field name; it is not sent")
			continue
		case strings.Contains(h.Key, "{{") || strings.EqualFold(h.Key, "Content-Type"):
			if !h.Disabled {
				op.FixedHeaders = append(op.FixedHeaders, model.Header{Name: b.template(h.Key), Value: b.template(h.Value)})
			}
		default:
			add(h, model.InHeader)
		}
	}
	for _, p := range ps {
		p.Send = wire.Send(p)
	}
	op.Entries = ps
	var fieldParams []*model.Param
	for _, p := range ps {
		if !p.Verbatim {
			fieldParams = append(fieldParams, p)
		}
	}
	if len(fieldParams) == 0 {
		return
	}
	name := op.Method + "Params"
	if b.pkg.Taken(name) {
		name = strings.Join(op.Chain, "") + name
	}
	op.Params = &model.ParamsStruct{TypeName: b.pkg.Unique(name), Fields: fieldParams}
}
