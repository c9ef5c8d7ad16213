package load

import (
	"fmt"

	"github.com/pmgen/pmgen/generator/internal/model"
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
	if root.kind != kObject {
		return nil, fileError(file, codeNotEnvironment, fmt.Sprintf(
			"the file holds a JSON %s, not a Postman environment: export the environment from Postman and pass that file with -env", root.kind))
	}
	if w := root.get("environment"); w != nil && w.kind == kObject {
		root = w
	}
	if hasItems(root) || (root.get("collection") != nil && root.get("values") == nil) {
		return nil, fileError(file, codeNotEnvironment,
			"this is a Postman collection, not an environment: pass it with -in and pass the environment with -env")
	}
	values := root.get("values")
	if values == nil || values.kind != kArray {
		return nil, fileError(file, codeNotEnvironment,
			`the file has no "values" list, so it is not a Postman environment: export the environment from Postman and pass that file with -env`)
	}
	path := []string{"values"}
	for _, e := range values.arr {
		if e.kind != kObject {
			r.errorf(e, path, codeInvalidVariable, "an entry of \"values\" is %s, expected an object", e.kind.article())
			continue
		}
		z := &normaliser{r}
		key := z.scalar(e.get("key"), path, codeInvalidVariable, "a variable key")
		if key == "" {
			r.warnf(e, path, codeVariableNoKey, "an environment value has no key; it is skipped")
			continue
		}
		// "enabled" defaults to true: older exports leave it out.
		enabled := e.get("enabled")
		vars = append(vars, Variable{
			Key:         key,
			Value:       jsonText(e.get("value")),
			Type:        jsonText(e.get("type")),
			Description: description(e.get("description")),
			Disabled:    enabled != nil && enabled.kind == kBool && enabled.s == "false" || truthy(e.get("disabled")),
		})
	}
	if r.diags.HasErrors() {
		return nil, r.diags
	}
	return vars, r.diags
}
