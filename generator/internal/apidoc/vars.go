package apidoc

import (
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// varsUsage continues a method's README example when its test script sets
// variables: how to read them, and how a later call sends them.
//
//	vars, err := forgerockam.ReadAuthenticateVariables(resp) // vars.DemoSSOToken
//	// a later call sends them: c.Sessions.X(ctx, …, vars.Options()...)
func varsUsage(api *model.API, op *model.Operation) string {
	rv := op.Vars
	if rv == nil {
		return ""
	}
	var fields []string
	for _, v := range rv.Vars {
		if v.Field != "" {
			fields = append(fields, "vars."+v.Field)
		}
	}
	s := "\nvars, err := " + api.Package + "." + rv.Reader + "(resp)"
	if len(fields) > 0 {
		s += " // " + strings.Join(fields, ", ")
	}
	if rv.HasOptions {
		s += "\n// later calls that should send them take vars.Options()..."
	}
	return s
}
