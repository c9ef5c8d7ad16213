package build

import (
	"github.com/pmgen/pmgen/generator/internal/auth"
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// planAuth resolves every request's auth, reserves the option names of the
// schemes used, and warns once per place that sets an auth kind that
// cannot be generated.
func (b *builder) planAuth() {
	b.auth = auth.Resolve(b.col)
	for _, sk := range b.auth.Skipped {
		b.diag(sk.Site.Pos, model.Warning, auth.CodeNotGenerated, sk.Warning())
	}
	if len(b.auth.Used) == 0 {
		return
	}
	set := &model.AuthSet{Field: b.fields.Unique("auth")}
	for s := model.AuthBasic; s <= model.AuthEdgeGrid; s++ {
		if b.auth.Used[s] == nil {
			continue
		}
		set.Schemes = append(set.Schemes, s)
		for i, name := range auth.OptionNames(s) {
			// The options are the documented API: they take their names
			// first, and a variable that would be named the same yields.
			name = b.options.Unique(name)
			b.pkg.Unique(name)
			opt := &model.AuthOption{Scheme: s, Name: name, Source: i == 1}
			opt.Doc = auth.OptionDoc(opt, b.auth.Used[s])
			set.Options = append(set.Options, opt)
		}
	}
	b.api.Auth = set
}

// buildAuth gives op its effective auth, with the scheme's settings decided.
func (b *builder) buildAuth(it *load.Item, op *model.Operation) {
	if site, ok := b.auth.Of[it]; ok {
		op.Auth = auth.Settings(site, b.template)
	}
}
