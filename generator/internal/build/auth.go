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
		names := auth.OptionNames(s)
		if s == model.AuthOAuth2 {
			names = append(names, auth.GrantOptionNames(b.auth.Used[s])...)
		}
		for _, name := range names {
			// The options are the documented API: they take their names
			// first, and a variable that would be named the same yields.
			opt := &model.AuthOption{Scheme: s, Name: b.options.Unique(name), Kind: optionKind(s, name)}
			b.pkg.Unique(opt.Name)
			sites := b.auth.Used[s]
			if opt.Kind >= model.OptionOAuth2Client {
				sites = grantSites(sites, opt.Kind)
				set.Grants, set.Clock = true, true
			}
			opt.Doc = auth.OptionDoc(opt, sites)
			set.Options = append(set.Options, opt)
		}
	}
	if set.Grants {
		set.GrantTest = b.planGrantTest(set.Options)
	}
	b.api.Auth = set
}

// optionKind is what the option of scheme s named name takes.
func optionKind(s model.AuthScheme, name string) model.AuthOptionKind {
	if s != model.AuthOAuth2 {
		return model.OptionCredentials
	}
	switch name {
	case "WithOAuth2TokenSource":
		return model.OptionTokenSource
	case "WithOAuth2ClientCredentials":
		return model.OptionOAuth2Client
	case "WithOAuth2Password":
		return model.OptionOAuth2User
	case "WithOAuth2TokenURL":
		return model.OptionOAuth2TokenURL
	}
	return model.OptionCredentials
}

// grantSites are the sites whose grant a grant option serves: the
// password grant's for the user's credentials, every grant's otherwise.
func grantSites(sites []auth.Site, kind model.AuthOptionKind) []auth.Site {
	var out []auth.Site
	for _, s := range sites {
		g := auth.GrantType(s.Auth)
		if g != "" && (kind != model.OptionOAuth2User || g == model.GrantPassword) {
			out = append(out, s)
		}
	}
	return out
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
