package override

import (
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/project"
)

// Variables applies settings and secrets before the build: settings
// become environment entries after env's, so that they win over the
// collection's and the environment's saved values; a secret's saved
// value is dropped from the collection and the environment, so no stage
// ever sees it to write it down. col and env are not changed.
func Variables(col *load.Collection, env []load.Variable, settings []project.Pair, secrets []project.Value) (*load.Collection, []load.Variable) {
	if len(settings) == 0 && len(secrets) == 0 {
		return col, env
	}
	secret := map[string]bool{}
	for _, s := range secrets {
		secret[s.Text] = true
	}
	blank := func(vars []load.Variable) []load.Variable {
		out := append([]load.Variable(nil), vars...)
		for i := range out {
			if secret[out[i].Key] {
				out[i].Type = "secret"
			}
		}
		return out
	}
	c := *col
	c.Variables = blank(col.Variables)
	outEnv := blank(env)
	for _, s := range settings {
		v := load.Variable{Key: s.Key.Text, Value: s.Value.Text}
		if secret[v.Key] {
			v.Type = "secret"
		}
		outEnv = append(outEnv, v)
	}
	return &c, outEnv
}

// checkVariables reports the settings and secrets that name no variable
// known: one the collection or its environment defines, or one the
// collection refers to.
func checkVariables(known []string, settings []project.Pair, secrets, keep []project.Value) model.Diagnostics {
	names := known
	has := map[string]bool{}
	for _, n := range names {
		has[n] = true
	}
	var diags model.Diagnostics
	for _, s := range settings {
		if !has[s.Key.Text] {
			diags = append(diags, noMatch(s.Key, "variable", names))
		}
	}
	for _, v := range append(append([]project.Value(nil), secrets...), keep...) {
		if !has[v.Text] {
			diags = append(diags, noMatch(v, "variable", names))
		}
	}
	return diags
}
