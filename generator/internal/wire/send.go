package wire

import "github.com/pmgen/pmgen/generator/internal/model"

// Send decides how a method sends a query or header entry:
//
//	r.addQuery("_prettyPrint", cmp.Or(params.PrettyPrint, "true"))  // enabled: default when empty
//	if params.Debug != "" { r.addQueryParam("debug", params.Debug, "") }  // disabled: only when set
//	r.addQueryList("tag", params.Tag, "a", "b")  // repeated
//
// Caller values are escaped fully, saved ones as Postman does: that is
// why a query entry goes through addQueryParam with its default apart.
func Send(p *model.Param) model.Send {
	add := "addQuery"
	if p.In == model.InHeader {
		add = "addHeader"
	}
	key := model.SendArg{Kind: model.ArgText, Text: p.Key}
	field := model.SendArg{Kind: model.ArgField}
	empty := model.SendArg{Kind: model.ArgText}
	tmpl := func(t model.Template) model.SendArg { return model.SendArg{Kind: model.ArgTemplate, Template: t} }
	call := func(helper string, args ...model.SendArg) model.Send { return model.Send{Helper: helper, Args: args} }
	ifSet := func(s model.Send) model.Send { s.Guard = model.SendIfSet; return s }
	switch {
	case p.Verbatim && p.NoValue:
		return call("addQueryKey", tmpl(p.KeyTemplate))
	case p.Verbatim:
		return call("addQuery", tmpl(p.KeyTemplate), tmpl(p.Default))
	case p.Repeated && p.In == model.InQuery:
		args := []model.SendArg{key, field}
		if p.Enabled {
			for _, d := range p.Defaults {
				args = append(args, tmpl(d))
			}
		}
		return call("addQueryList", args...)
	case p.Repeated:
		s := call(add, key, model.SendArg{Kind: model.ArgValue})
		s.Guard = model.SendEach
		return s
	case !p.Enabled && p.In == model.InQuery:
		return ifSet(call("addQueryParam", key, field, empty))
	case !p.Enabled:
		return ifSet(call(add, key, field))
	case p.NoValue:
		s := ifSet(call("addQueryParam", key, field, empty))
		bare := call("addQueryKey", key)
		s.Else = &bare
		return s
	case p.In == model.InQuery:
		return call("addQueryParam", key, field, tmpl(p.Default))
	case len(p.Default) > 0:
		return call(add, key, model.SendArg{Kind: model.ArgFieldOr, Template: p.Default})
	}
	return call(add, key, field)
}
