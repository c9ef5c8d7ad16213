package wire

import "github.com/pmgen/pmgen/generator/internal/model"

// Send decides how a method sends a query or header entry:
//
//	r.queryParam("_prettyPrint", params.PrettyPrint, use, "true")  // a field, and its saved value
//	r.queryParam("debug", params.Debug, use)                         // disabled: no saved value
//	r.queryFlag("debug", params.Debug, use)                          // saved null: a bare key
//	r.queryList("tag", params.Tag, use, "a", "b")                    // repeated
//	r.headerParam("X-Trace", params.XTrace, use, "on")
//	r.addQuery("_action", "refresh")                                 // fixed: no field
//
// where use is paramUse("PrettyPrint", params.PrettyPrint != "",
// params.ForceSend, params.Omit). Caller values are escaped fully, saved
// ones as Postman does: that is why the saved values go apart.
func Send(p *model.Param) model.Send {
	key := model.SendArg{Kind: model.ArgText, Text: p.Key}
	tmpl := func(t model.Template) model.SendArg { return model.SendArg{Kind: model.ArgTemplate, Template: t} }
	call := func(helper string, args ...model.SendArg) model.Send { return model.Send{Helper: helper, Args: args} }
	switch {
	case p.Verbatim && p.NoValue:
		return call("addQueryKey", tmpl(p.KeyTemplate))
	case p.Verbatim:
		return call("addQuery", tmpl(p.KeyTemplate), tmpl(p.Default))
	case p.Fixed != model.NotFixed && p.In == model.InQuery:
		return call("addQuery", key, tmpl(p.Default))
	case p.Fixed != model.NotFixed:
		return call("addHeader", key, tmpl(p.Default))
	}
	args := []model.SendArg{key, {Kind: model.ArgField}, {Kind: model.ArgUse}}
	if p.Enabled && !p.NoValue {
		defaults := p.Defaults
		if !p.Repeated {
			defaults = []model.Template{p.Default}
		}
		for _, d := range defaults {
			args = append(args, tmpl(d))
		}
	}
	switch {
	case p.In == model.InHeader:
		return call("headerParam", args...)
	case p.Repeated:
		return call("queryList", args...)
	case p.NoValue && p.Enabled:
		return call("queryFlag", args...)
	}
	return call("queryParam", args...)
}
