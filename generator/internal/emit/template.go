package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/templates"
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
			terms = append(terms, jen.Id(p.Func).Call())
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

// pathExpr is the URL a method sends to: the origin setting, then each
// part of the path escaped on its own, joined in one concatenation:
//
//	cfg.baseURL + "/json" + escapePath(cfg.realm) + "/sessions"
//
// percentEncode works byte by byte, so escaping the parts one by one gives
// what escaping the joined path gives; literals are escaped here, once,
// and a call allocates only the joined string rather than the path and
// then the path behind the origin.
func pathExpr(origin *model.Setting, t model.Template) *jen.Statement {
	expr := settingExpr(origin)
	for _, p := range t {
		switch p.Kind {
		case model.PartLiteral:
			if p.Text != "" {
				expr = expr.Op("+").Lit(escapeLiteral(p.Text, templates.RuntimeString("pathEscapes")))
			}
		case model.PartPathArg:
			// url.PathEscape leaves nothing that escapePath would escape.
			expr = expr.Op("+").Add(templateExpr(model.Template{p}))
		default:
			expr = expr.Op("+").Id("escapePath").Call(templateExpr(model.Template{p}))
		}
	}
	return expr
}

// escapeLiteral is the generated percentEncode, applied at generation time
// to text saved in the collection.
func escapeLiteral(s, set string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(set, c) >= 0 {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
