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
// belongs to the body), are sent as they are rather than being fields;
// so are the protocol selectors sel (selectors.go) and the entries whose
// value is exactly one client setting (fixEntry).
func (b *builder) buildParams(it *load.Item, op *model.Operation, sel map[selectorKey]string) {
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
		fixEntry(p, sel)
		p.Send = wire.Send(p)
	}
	op.Entries = ps
	var fieldParams []*model.Param
	for _, p := range ps {
		if !p.Verbatim && p.Fixed == model.NotFixed {
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
	// The two lists come after the parameters' fields, whose names
	// they give way to.
	op.Params = &model.ParamsStruct{TypeName: b.pkg.Unique(name), Fields: fieldParams,
		Omit: fields.Unique("Omit"), ForceSend: fields.Unique("ForceSend")}
}

// fixEntry decides whether an entry is part of the operation rather
// than a Params field:
//
//   - a protocol selector (sel, selectors.go) whose value is still the one
//     the request saves (a pre-request script may have changed it);
//   - an enabled entry whose value is exactly one client setting
//     ("{{username}}"), which its option (WithUsername) already sets, for
//     the client or for one call: a field beside it would be a second way
//     to set one value. A value with more around the variable
//     ("Bearer {{token}}") or of several variables stays a field.
func fixEntry(p *model.Param, sel map[selectorKey]string) {
	if p.Verbatim || !p.Enabled || p.Repeated || p.NoValue {
		return
	}
	k := selectorKey{key: p.Key}
	if p.In == model.InHeader {
		k = selectorKey{header: true, key: strings.ToLower(p.Key)}
	}
	if v, ok := sel[k]; ok && p.Default.IsLiteral() && p.Default.Literal() == v {
		p.Fixed = model.FixedSelector
		return
	}
	if len(p.Default) == 1 && p.Default[0].Kind == model.PartSetting && p.Default[0].Setting.Option != "" {
		p.Fixed = model.FixedSetting
	}
}

// queryKinds decides the Go type of the query parameters' fields, by key,
// over the whole collection: int when every value saved for the key is
// an integer as Go writes it ("0", "25", "-1": not "007" or "+1", which
// an int field could not send back as saved), bool when every one is
// "true" or "false", string otherwise. A key with a {{variable}}, an
// empty or null value anywhere, or saved twice in one request, stays a
// string, and so do identifiers and credentials, whose digits are an
// accident of the example: a key whose name, in lower case without
// punctuation, ends in "id", "ids", "key", "token", "secret" or
// "password" ("templateId", "X-API-KEY"). Disabled entries saved empty
// say nothing and are not counted.
func queryKinds(items []*load.Item) map[string]model.ParamKind {
	kinds := map[string]model.ParamKind{}
	seen := map[string]bool{}
	str := map[string]bool{}
	var walk func([]*load.Item)
	walk = func(items []*load.Item) {
		for _, it := range items {
			if it.IsFolder {
				walk(it.Items)
				continue
			}
			if it.Request == nil {
				continue
			}
			count := map[string]int{}
			for _, q := range it.Request.URL.Query {
				count[q.Key]++
				if count[q.Key] > 1 {
					str[q.Key] = true
				}
				if q.Disabled && q.Value == "" && !q.Null {
					continue
				}
				kind := valueKind(q)
				switch {
				case kind == model.ParamString:
					str[q.Key] = true
				case !seen[q.Key]:
					kinds[q.Key] = kind
				case kinds[q.Key] != kind:
					str[q.Key] = true
				}
				seen[q.Key] = true
			}
		}
	}
	walk(items)
	for k := range kinds {
		if str[k] || identifierKey(k) {
			delete(kinds, k)
		}
	}
	return kinds
}

// identifierKey reports whether a query key names an identifier or a
// credential (see queryKinds).
func identifierKey(key string) bool {
	var b strings.Builder
	for _, r := range strings.ToLower(key) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	k := b.String()
	for _, end := range []string{"id", "ids", "key", "token", "secret", "password"} {
		if strings.HasSuffix(k, end) {
			return true
		}
	}
	return false
}

// valueKind is the type one saved query value fits exactly.
func valueKind(q load.Pair) model.ParamKind {
	if q.Null {
		return model.ParamString
	}
	if q.Value == "true" || q.Value == "false" {
		return model.ParamBool
	}
	if n, err := strconv.Atoi(q.Value); err == nil && strconv.Itoa(n) == q.Value {
		return model.ParamInt
	}
	return model.ParamString
}

// typeParams gives the query fields of op their Go type (queryKinds),
// except the field the page iterators set, which carries the next
// page's cursor or number as text.
func (b *builder) typeParams(op *model.Operation) {
	if op.Params == nil {
		return
	}
	for _, p := range op.Params.Fields {
		if p.In != model.InQuery || p.Repeated || p.NoValue {
			continue
		}
		if op.Pages != nil && op.Pages.Param == p {
			continue
		}
		p.Kind = b.queryKinds[p.Key]
	}
}
