package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// scriptOutputs adds the values the operation's pre-request scripts
// compute as the request is sent, last, so that they cover the query and
// body as sent:
//
//	r.runScript(cfg.scriptTime(), []scriptOutput{{key: "X-Sign", value: []scriptPart{{from: scriptSignature, hmac: &scriptHMAC{...}}}}})
func scriptOutputs(g *jen.Group, op *model.Operation) {
	if len(op.Script) == 0 {
		return
	}
	outs := make([]jen.Code, len(op.Script))
	for i, o := range op.Script {
		d := jen.Dict{
			jen.Id("key"):   jen.Lit(o.Key),
			jen.Id("value"): scriptPartsExpr(o.Value),
		}
		if o.Query {
			d[jen.Id("query")] = jen.True()
		}
		outs[i] = jen.Values(d)
	}
	g.Id("r").Dot("runScript").Call(
		jen.Id("cfg").Dot("scriptTime").Call(),
		jen.Index().Id("scriptOutput").Values(outs...),
	)
}

// scriptSources are the runtime's names of the model's sources.
var scriptSources = map[model.ScriptSource]string{
	model.ScriptMillis:    "scriptMillis",
	model.ScriptSeconds:   "scriptSeconds",
	model.ScriptQuery:     "scriptQuery",
	model.ScriptBody:      "scriptBody",
	model.ScriptMethod:    "scriptMethod",
	model.ScriptSignature: "scriptSignature",
}

// scriptPartsExpr is []scriptPart{{text: cfg.apiKey}, {from: scriptMillis}, ...}.
func scriptPartsExpr(parts []model.ScriptPart) *jen.Statement {
	items := make([]jen.Code, len(parts))
	for i, p := range parts {
		d := jen.Dict{}
		switch p.Source {
		case model.ScriptText:
			d[jen.Id("text")] = templateExpr(p.Text)
		case model.ScriptSignature:
			d[jen.Id("from")] = jen.Id(scriptSources[p.Source])
			h := jen.Dict{
				jen.Id("hash"):    jen.Qual("crypto/"+p.HMAC.Hash, "New"),
				jen.Id("key"):     templateExpr(p.HMAC.Key),
				jen.Id("message"): scriptPartsExpr(p.HMAC.Message),
			}
			if p.HMAC.Base64 {
				h[jen.Id("base64")] = jen.True()
			}
			d[jen.Id("hmac")] = jen.Op("&").Id("scriptHMAC").Values(h)
		default:
			d[jen.Id("from")] = jen.Id(scriptSources[p.Source])
			if p.Source == model.ScriptQuery && p.Added > 0 {
				d[jen.Id("added")] = jen.Lit(p.Added)
			}
		}
		items[i] = jen.Values(d)
	}
	return jen.Index().Id("scriptPart").Values(items...)
}
