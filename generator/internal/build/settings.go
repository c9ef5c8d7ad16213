package build

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/auth"
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
	"github.com/pmgen/pmgen/generator/internal/wire"
)

// buildSettings turns collection variables, overridden by environment
// values, into client settings, and picks the base URL variable.
func (b *builder) buildSettings(env []load.Variable) {
	vars := b.variables(env)
	base, origins := b.origins()
	// URL settings first, so that the base URL takes its fixed names.
	for _, key := range origins {
		b.originSetting(key, key == base)
	}
	for _, v := range vars {
		if v.Key == "" || v.Disabled {
			continue
		}
		s := b.setting(v.Key)
		s.Doc = b.markdown(v.Description)
		why := b.secrets.SecretReason(v)
		if why == "" && b.pre.hmacKeys[v.Key] && !slices.Contains(b.keep, v.Key) {
			why = "a pre-request script signs requests with it (an HMAC key)"
		}
		s.Secret = why != ""
		if s.Secret && strings.TrimSpace(v.Value) != "" {
			b.warnSecretSetting(v, why)
		}
		if v.Value != "" && !s.Secret {
			s.Default, s.HasDefault = v.Value, true
			if !s.URL {
				s.TestValue = v.Value
			}
		}
	}
	b.checkKept(vars)
	b.nestSettings()
	b.warnUnusableURLs()
}

// absoluteURL is the test the generated checkOrigin makes.
func absoluteURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && u.Host != ""
}

// warnUnusableURLs reports a saved URL that no request could be sent to
// ("/", "https://{{apihost}"). The client keeps it as the default, and the
// methods that send to it fail with the option to pass instead; New does
// not fail, so the requests that go elsewhere still work.
func (b *builder) warnUnusableURLs() {
	for _, s := range b.api.Settings {
		if !s.URL || !s.HasDefault || s.Nested != nil {
			continue
		}
		if absoluteURL(s.Default) {
			continue
		}
		if !strings.Contains(s.Default, "://") && absoluteURL("http://"+s.Default) {
			// Postman sends a URL without a scheme over http
			// ("localhost:3000/items"); so does the client.
			s.Default = "http://" + s.Default
			continue
		}
		s.Unusable = true
		where := "variable " + strconv.Quote(s.Key)
		if s.Spelled {
			where = "URL " + strconv.Quote(s.Key)
		}
		b.diag(model.Pos{Path: []string{where}}, model.Warning, "url-not-absolute",
			fmt.Sprintf("the saved value %q is not an absolute URL; the requests sent to it fail until %s is given", s.Default, s.Option))
	}
}

// checkKept warns about a released name that no variable has: a typo
// would otherwise leave the value withheld without a word.
func (b *builder) checkKept(vars []load.Variable) {
	known := map[string]bool{}
	for _, v := range vars {
		known[v.Key] = true
	}
	for _, k := range b.keep {
		if !known[k] {
			b.diag(model.Pos{File: b.col.File}, model.Warning, "keep-secret-unknown",
				fmt.Sprintf("-keep-secret %q names no variable of the collection or environment; nothing was released", k))
		}
	}
}

// warnSecretSetting says that a variable's saved value was withheld.
func (b *builder) warnSecretSetting(v load.Variable, why string) {
	s := b.settings[v.Key]
	how := s.Option
	if s.EnvVar != "" {
		how += " (the README suggests reading it from $" + s.EnvVar + ")"
	}
	b.diag(model.Pos{Path: []string{"variable \"" + v.Key + "\""}}, model.Warning, auth.CodeSecretWithheld,
		fmt.Sprintf("the saved value is withheld from the generated code because %s; pass it with %s", why, how))
}

// variables are the collection's variables, with the environment's values
// in place of theirs and the environment's own variables after them.
func (b *builder) variables(env []load.Variable) []load.Variable {
	vars := append([]load.Variable(nil), b.col.Variables...)
	for _, e := range env {
		found := false
		for i := range vars {
			if vars[i].Key == e.Key {
				vars[i].Value, vars[i].Disabled, found = e.Value, e.Disabled, true
			}
		}
		if !found {
			vars = append(vars, e)
		}
	}
	return vars
}

// nestSettings makes settings whose saved value refers to other variables
// ("{{scheme}}://{{host}}") resolve from those at call time, breaks
// reference cycles (cycles.go), and settles the values the generated tests
// expect.
func (b *builder) nestSettings() {
	// Ranging over a copy: parsing a value may add settings for variables
	// the collection uses without defining.
	for _, s := range append([]*model.Setting(nil), b.api.Settings...) {
		if !strings.Contains(s.Default, "{{") {
			continue
		}
		t := b.template(s.Default)
		if t.IsLiteral() {
			continue
		}
		s.Nested, s.HasDefault = t, false
	}
	b.breakCycles()
	for _, s := range b.api.Settings {
		if s.Nested != nil {
			s.TestValue = wire.Render(s.Nested)
		}
	}
}

// settingCycle returns the chain of keys that leads from s back to a
// setting already on path, or nil.
func settingCycle(s *model.Setting, path []string) []string {
	for i, k := range path {
		if k == s.Key {
			return append(path[i:], s.Key)
		}
	}
	path = append(path, s.Key)
	for _, p := range s.Nested {
		if p.Kind == model.PartSetting {
			if c := settingCycle(p.Setting, path); c != nil {
				return c
			}
		}
	}
	return nil
}

// originSetting returns the URL setting for an origin key: the variable's
// own setting, or for a literal host a setting that defaults to it.
func (b *builder) originSetting(key string, isBase bool) *model.Setting {
	if s, ok := b.settings[key]; ok {
		return s
	}
	s := &model.Setting{Key: key, URL: true, TestValue: "http://127.0.0.1"}
	if key == "" {
		// Requests without a host, and no other host to send them to.
		s.Key, s.Field, s.Option = "baseUrl", "baseURL", "WithBaseURL"
		s.Doc = "The collection's requests name no host; pass the URL of the API."
		b.api.BaseURL = s
		b.pkg.Unique(s.Option)
		b.settings[key] = s
		b.api.Settings = append(b.api.Settings, s)
		return s
	}
	if isBase {
		s.Field, s.Option = "baseURL", "WithBaseURL"
		b.api.BaseURL = s
	}
	if v, ok := strings.CutPrefix(key, "{{"); ok && strings.HasSuffix(key, "}}") && strings.Count(key, "{{") == 1 {
		s.Key = strings.TrimSuffix(v, "}}")
		if !isBase {
			s.Field = b.fields.Unique(naming.Unexported(s.Key, "setting"))
			s.Option = b.options.Unique("With" + naming.Exported(s.Key, "Setting"))
		}
		b.settings[s.Key] = s
	} else {
		// A host the collection spells out ("https://api.example.com", or
		// "https://{{host}}:{{port}}"): a setting named after the host that
		// defaults to it, resolving any variables in it at call time.
		s.Default, s.HasDefault, s.Spelled = key, key != "", true
		host := key
		if i := strings.Index(host, "://"); i >= 0 {
			host = host[i+3:]
		}
		s.Doc = "The collection has no variable for this URL; its requests go to " + key + "."
		if !isBase {
			s.Field = b.fields.Unique(naming.Unexported(host+" URL", "originURL"))
			s.Option = b.options.Unique("With" + naming.Exported(host+" URL", "OriginURL"))
		}
	}
	b.pkg.Unique(s.Option)
	b.settings[key] = s
	b.api.Settings = append(b.api.Settings, s)
	return s
}

// setting returns the setting for a variable key, creating it (with its
// names) on first use. Variables that requests use without the collection
// defining them become settings without a default.
func (b *builder) setting(key string) *model.Setting {
	if s, ok := b.settings[key]; ok {
		return s
	}
	s := &model.Setting{Key: key, TestValue: "test-" + key}
	s.EnvVar = strings.ToUpper(naming.Snake(naming.Exported(key, "Setting")))
	s.Field = b.fields.Unique(naming.Unexported(key, "setting"))
	s.Option = b.options.Unique("With" + naming.Exported(key, "Setting"))
	b.pkg.Unique(s.Option)
	s.Secret = b.secrets.SecretReason(load.Variable{Key: key}) != ""
	b.settings[key] = s
	b.api.Settings = append(b.api.Settings, s)
	return s
}

// origins finds where each request goes: a leading {{var}} ("{{baseUrl}}"
// keyed by the variable) or a literal scheme and host ("https://api.x.com").
// The most used one becomes the base URL; ties go to the first seen, for
// stable output.
func (b *builder) origins() (base string, keys []string) {
	counts := map[string]int{}
	bestN := 0
	var walk func(items []*load.Item)
	walk = func(items []*load.Item) {
		for _, it := range items {
			if it.IsFolder {
				walk(it.Items)
				continue
			}
			key := originKey(it.Request.URL)
			if counts[key] == 0 && key != "" {
				keys = append(keys, key)
			}
			counts[key]++
			// A URL without a host goes to the base URL; it cannot be one.
			if key != "" && counts[key] > bestN {
				base, bestN = key, counts[key]
			}
		}
	}
	walk(b.col.Items)
	if base == "" && counts[""] > 0 {
		// No request names a host: the base URL is a setting without default.
		keys = append(keys, "")
	}
	return base, keys
}

// originKey is "{{var}}" for a URL led by a variable, else its literal
// scheme://host[:port] ("" when it has none).
func originKey(u load.URL) string {
	if v := leadingVariable(u.Raw); v != "" {
		return "{{" + v + "}}"
	}
	// Postman builds the URL from its saved parts: a host saved as one
	// variable is the origin even when the raw text runs on past it
	// ("{{fastly_url}}*" with the path ["*"]).
	if len(u.Host) == 1 && u.Protocol == "" && u.Port == "" && len(u.Path) > 0 {
		if v := leadingVariable(u.Host[0]); v != "" && "{{"+v+"}}" == strings.TrimSpace(u.Host[0]) {
			return u.Host[0]
		}
	}
	o, _ := splitOrigin(u.Raw)
	return o
}

// splitOrigin cuts "https://host:8080/a/b?x" into "https://host:8080" and
// "/a/b?x". A URL without a scheme is taken as host first, as Postman does.
func splitOrigin(raw string) (origin, rest string) {
	raw = strings.TrimSpace(raw)
	scheme := ""
	// The scheme may itself be a variable: "{{scheme}}://{{host}}".
	if i := strings.Index(raw, "://"); i >= 0 && !strings.ContainsAny(raw[:i], "/?#") {
		scheme, raw = raw[:i+3], raw[i+3:]
	}
	end := strings.IndexAny(raw, "/?#")
	if end < 0 {
		end = len(raw)
	}
	if raw[:end] == "" {
		return "", raw
	}
	if scheme == "" {
		scheme = "http://"
	}
	return scheme + raw[:end], raw[end:]
}

// leadingVariable returns "amUrl" for "{{amUrl}}/json": a variable that
// stands for the scheme, host and possibly a path prefix.
func leadingVariable(raw string) string {
	raw = strings.TrimSpace(raw)
	if !strings.HasPrefix(raw, "{{") {
		return ""
	}
	end := strings.Index(raw, "}}")
	if end < 0 {
		return ""
	}
	rest := raw[end+2:]
	if rest != "" && !strings.HasPrefix(rest, "/") && !strings.HasPrefix(rest, "?") {
		// {{host}}:8080/x or {{scheme}}://...: not a whole base URL.
		return ""
	}
	key := raw[2:end]
	if strings.HasPrefix(key, "$") {
		return ""
	}
	return key
}
