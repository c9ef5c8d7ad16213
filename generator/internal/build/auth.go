package build

import (
	"strconv"
	"strings"

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
	// The runtime's signers read the credentials from config.auth, a name
	// the fields of settings avoid.
	set := &model.AuthSet{Field: "auth"}
	for s := model.AuthBasic; s <= model.AuthEdgeGrid; s++ {
		if b.auth.Used[s] == nil {
			continue
		}
		set.Schemes = append(set.Schemes, s)
		set.Clock = set.Clock || readsClock(s)
		set.Nonce = set.Nonce || makesNonce(s)
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
		if op.Auth != nil {
			op.Auth.EmptyDefault = auth.SavedEmpty(site.Auth, op.Auth.Scheme, b.savedEmpty)
		}
	}
	if a := op.Auth; a != nil && a.Scheme == model.AuthAPIKey && !a.InQuery {
		// Emitted as written, the name could split the request.
		if name := templateText(a.Name); !validHeaderTemplate(name) {
			b.diag(it.Pos, model.Warning, "invalid-header-name",
				"the API key's header name "+strconv.Quote(name)+" is not a valid HTTP field name; the request is sent without the key")
			op.Auth = nil
		}
	}
}

// templateText spells a template as the collection wrote it, with its
// references as {{name}}.
func templateText(t model.Template) string {
	var text strings.Builder
	for _, p := range t {
		switch p.Kind {
		case model.PartLiteral:
			text.WriteString(p.Text)
		case model.PartSetting:
			text.WriteString("{{" + p.Setting.Key + "}}")
		default:
			text.WriteString("{{$" + p.Dynamic + "}}")
		}
	}
	return text.String()
}

// readsClock and makesNonce report whether the runtime's signer for s
// reads the time or makes a nonce, through the now and nonce hooks of
// authConfig.
func readsClock(s model.AuthScheme) bool {
	switch s {
	case model.AuthAWSV4, model.AuthOAuth1, model.AuthHawk, model.AuthEdgeGrid:
		return true
	}
	return false
}

func makesNonce(s model.AuthScheme) bool {
	switch s {
	case model.AuthDigest, model.AuthOAuth1, model.AuthHawk, model.AuthEdgeGrid:
		return true
	}
	return false
}
