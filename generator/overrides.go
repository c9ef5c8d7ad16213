package generator

import (
	"bytes"

	"github.com/pmgen/pmgen/generator/internal/build"
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/override"
	"github.com/pmgen/pmgen/generator/internal/project"
)

// withOverrides applies a project file's entry for a package: the
// requests it keeps, its settings and secrets on the collection, and the
// renames and type overrides through opts.Adjust, once the build has
// named everything. The collection is nil when there is nothing to build;
// otherwise the build goes on after errors here, to report all of them.
//
// raw is the collection's text: a variable it refers to ({{name}})
// without defining it may still be given a default.
func withOverrides(c *load.Collection, raw []byte, opts *build.Options, ov *project.Package) (*load.Collection, model.Diagnostics) {
	c, diags := override.Filter(c, ov.Include, ov.Exclude)
	if c == nil {
		return nil, diags
	}
	var known []string
	for _, v := range c.Variables {
		known = append(known, v.Key)
	}
	for _, v := range opts.Environment {
		known = append(known, v.Key)
	}
	for _, s := range ov.Settings {
		if bytes.Contains(raw, []byte("{{"+s.Key.Text+"}}")) {
			known = append(known, s.Key.Text)
		}
	}
	c, opts.Environment = override.Variables(c, opts.Environment, ov.Settings, ov.Secrets)
	for _, k := range ov.KeepSecrets {
		opts.KeepSecrets = append(opts.KeepSecrets, k.Text)
	}
	opts.NoIterators = !project.On(ov.Generate.Iterators, true)
	opts.NoMock = !project.On(ov.Generate.Mock, true)
	m := override.Model{
		Rename: ov.Rename, Types: ov.Types, Settings: ov.Settings,
		Secrets: ov.Secrets, KeepSecrets: ov.KeepSecrets,
		Variables: known, Reserved: build.ReservedNames(),
	}
	opts.Adjust = func(api *model.API) model.Diagnostics { return override.Apply(api, m) }
	return c, diags
}

// switchConflicts reports switches that cannot hold together, at their
// place in the project file: the generated tests are served by the
// package's mock server, so the mock can be turned off only with them.
func switchConflicts(ov *project.Package) model.Diagnostics {
	if project.On(ov.Generate.Mock, true) || !project.On(ov.Generate.Tests, true) {
		return nil
	}
	return model.Diagnostics{{Pos: ov.Pos, Severity: model.Error, Code: override.CodeSwitches,
		Message: "generate.mock: false needs generate.tests: false: the generated tests call the methods against the package's mock server"}}
}
