package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// templateExpr spells a template as a string concatenation evaluated at call
// time, for example
//
//	"/json" + cfg.realm + "/sessions/" + url.PathEscape(id)
//
// Settings are inserted as they are (a realm of "/realms/root" keeps its
// slashes, as in Postman); path arguments are escaped, because they come
// from the caller rather than from the collection.
func templateExpr(t model.Template) *jen.Statement {
	if len(t) == 0 {
		return jen.Lit("")
	}
	var terms []jen.Code
	for _, p := range t {
		switch p.Kind {
		case model.PartLiteral:
			terms = append(terms, jen.Lit(p.Text))
		case model.PartSetting:
			terms = append(terms, settingExpr(p.Setting))
		case model.PartPathArg:
			terms = append(terms, jen.Qual(urlPkg, "PathEscape").Call(jen.Id(p.Arg.Name)))
		case model.PartDynamic:
			terms = append(terms, jen.Id(dynamicFunc(p.Dynamic)).Call())
		}
	}
	expr := jen.Add(terms[0])
	for _, term := range terms[1:] {
		expr = expr.Op("+").Add(term)
	}
	return expr
}

// settingExpr reads a setting. One whose saved value refers to other
// variables is resolved from them unless the caller set it:
//
//	cmp.Or(cfg.baseURL, cfg.scheme+"://"+cfg.host)
func settingExpr(s *model.Setting) *jen.Statement {
	if s.Nested == nil {
		return jen.Id("cfg").Dot(s.Field)
	}
	return jen.Qual("cmp", "Or").Call(jen.Id("cfg").Dot(s.Field), templateExpr(s.Nested))
}
