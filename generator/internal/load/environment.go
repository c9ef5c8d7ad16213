package load

import (
	"fmt"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

// ParseEnvironment reads a Postman environment export
// ({"name", "values": [{key, value, enabled, type}]}), bare or wrapped by
// the Postman API as {"environment": ...}; globals exports have the same
// shape and are accepted too. Disabled values come back with Disabled set,
// so that the caller decides whether they count.
func ParseEnvironment(file string, data []byte) (vars []Variable, ds model.Diagnostics) {
	defer func() {
		if v := recover(); v != nil {
			vars = nil
			ds = append(ds, internalError(file, v))
		}
	}()
	root, r, ds := decode(file, data)
	if ds != nil {
		return nil, ds
	}
	if root.Kind != ordjson.Object {
		return nil, fileError(file, codeNotEnvironment, fmt.Sprintf(
			"the file holds a JSON %s, not a Postman environment: export the environment from Postman and pass that file with -env", root.Kind))
	}
	if w := root.Get("environment"); w != nil && w.Kind == ordjson.Object {
		root = w
	}
	if hasItems(root) || (root.Get("collection") != nil && root.Get("values") == nil) {
		return nil, fileError(file, codeNotEnvironment,
			"this is a Postman collection, not an environment: pass it with -in and pass the environment with -env")
	}
	values := root.Get("values")
	if values == nil || values.Kind != ordjson.Array {
		return nil, fileError(file, codeNotEnvironment,
			`the file has no "values" list, so it is not a Postman environment: export the environment from Postman and pass that file with -env`)
	}
	path := []string{"values"}
	for _, e := range values.Elems {
		if e.Kind != ordjson.Object {
			r.errorf(e, path, codeInvalidVariable, "an entry of \"values\" is %s, expected an object", e.Kind.Article())
			continue
		}
		z := &normaliser{r}
		key := z.scalar(e.Get("key"), path, codeInvalidVariable, "a variable key")
		if key == "" {
			r.warnf(e, path, codeVariableNoKey, "an environment value has no key; it is skipped")
			continue
		}
		// "enabled" defaults to true: older exports leave it out.
		enabled := e.Get("enabled")
		vars = append(vars, Variable{
			Key:         key,
			Value:       ordjson.Text(e.Get("value")),
			Type:        ordjson.Text(e.Get("type")),
			Description: description(e.Get("description")),
			Disabled:    enabled != nil && enabled.Kind == ordjson.Bool && enabled.Text == "false" || truthy(e.Get("disabled")),
		})
	}
	if r.diags.HasErrors() {
		return nil, r.diags
	}
	return vars, r.diags
}
