package build

import (
	"slices"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
)

// buildURL makes the path template and the path arguments. The base URL
// variable and the host are not part of it: the client prefixes its base URL.
func (b *builder) buildURL(it *load.Item, op *model.Operation) {
	u := it.Request.URL
	b.checkBraces(it.Pos, "URL", u.Raw, true)
	if key := originKey(u); key != "" {
		op.Origin = b.originSetting(key, false)
	} else {
		// origins made a base URL setting even when no request names a host.
		op.Origin = b.api.BaseURL
		if strings.TrimSpace(u.Raw) == "" {
			b.diag(it.Pos, model.Warning, "url-empty", "the request has no URL; the method sends to the base URL itself")
		} else {
			b.diag(it.Pos, model.Warning, "url-without-host", "the URL names no host; the method sends it to the base URL")
		}
	}
	b.warnCycle(op.Origin)
	op.OriginOptions = originOptions(op.Origin)
	path := urlPath(u)
	// Arguments share the method's scope with its locals and with the
	// packages the method body refers to; the page iterators take the same
	// arguments, so their locals are reserved too.
	args := naming.Within(b.argNames)
	var t model.Template
	segments := strings.Split(path, "/")
	for i, seg := range segments {
		if i > 0 {
			t = append(t, model.Part{Kind: model.PartLiteral, Text: "/"})
		}
		if strings.HasPrefix(seg, ":") && len(seg) > 1 {
			key := seg[1:]
			p := &model.Param{Key: key, In: model.InPath, Enabled: true, TestValue: key + "-value", SavedValue: seg}
			p.Name = args.Unique(naming.Unexported(key, "arg"))
			for _, v := range u.Variables {
				if v.Key == key {
					// Postman keeps the segment as written (":id") when the
					// saved value is empty.
					if v.Value != "" {
						p.SavedValue = v.Value
					}
					p.Doc = b.markdown(v.Description)
					if v.Value != "" && !strings.Contains(v.Value, "{{") {
						p.TestValue = v.Value
					}
				}
			}
			op.PathArgs = append(op.PathArgs, p)
			t = append(t, model.Part{Kind: model.PartPathArg, Arg: p})
			continue
		}
		t = append(t, b.template(seg)...)
	}
	op.URL = mergeLiterals(t)
}

// urlPath is the path of a URL after its origin: from the path segments
// when the collection saved them, else cut from the raw URL.
func urlPath(u load.URL) string {
	if len(u.Path) > 0 {
		return "/" + strings.Join(u.Path, "/")
	}
	rest := u.Raw
	if v := leadingVariable(rest); v != "" {
		rest = rest[strings.Index(rest, "}}")+2:]
	} else {
		_, rest = splitOrigin(rest)
	}
	if i := strings.IndexAny(rest, "?#"); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

func mergeLiterals(t model.Template) model.Template {
	var out model.Template
	for _, p := range t {
		if n := len(out); n > 0 && p.Kind == model.PartLiteral && out[n-1].Kind == model.PartLiteral {
			out[n-1].Text += p.Text
			continue
		}
		out = append(out, p)
	}
	return out
}

// originOptions names the options that give origin. A URL made of other
// settings ("https://{{apihost}}") is also given by those: both ways are
// offered.
func originOptions(origin *model.Setting) string {
	var parts []string
	for _, p := range origin.Nested {
		if p.Kind == model.PartSetting && !slices.Contains(parts, p.Setting.Option) {
			parts = append(parts, p.Setting.Option)
		}
	}
	if len(parts) == 0 {
		return origin.Option
	}
	return origin.Option + ", or " + strings.Join(parts, " and ")
}
