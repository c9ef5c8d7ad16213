package project

import (
	"bytes"
	"encoding/json"
	"reflect"
)

// Schema is the JSON Schema of pmgen.yaml, made from File's fields and
// their doc tags so that the schema editors complete from cannot drift
// from what Parse accepts. pmgen.schema.json in pmgen's repository is
// this output; a test keeps the two equal.
func Schema() []byte {
	s := schemaOf(reflect.TypeFor[File]())
	s["$schema"] = "http://json-schema.org/draft-07/schema#"
	s["$id"] = SchemaURL
	s["title"] = "pmgen project file (" + FileName + ")"
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		panic(err) // maps of strings, bools and slices always encode
	}
	return b.Bytes()
}

// schemaOf is the schema of one Go type as Parse decodes it.
func schemaOf(t reflect.Type) map[string]any {
	switch {
	case t == valueType:
		return map[string]any{"type": "string"}
	case t == boolPtrTyp:
		return map[string]any{"type": "boolean"}
	case t.Kind() == reflect.Int:
		return map[string]any{"type": "integer"}
	case t.Kind() == reflect.Slice && t.Elem() == pairType:
		return map[string]any{"type": "object", "additionalProperties": map[string]any{"type": "string"}}
	case t.Kind() == reflect.Slice:
		return map[string]any{"type": "array", "items": schemaOf(t.Elem())}
	case t.Kind() == reflect.Pointer:
		return schemaOf(t.Elem())
	}
	props := map[string]any{}
	var required []string
	for i := range t.NumField() {
		f := t.Field(i)
		name := yamlName(f)
		if name == "" || f.Type == posType {
			continue
		}
		s := schemaOf(f.Type)
		if doc := f.Tag.Get("doc"); doc != "" {
			s["description"] = doc
		}
		props[name] = s
		if f.Tag.Get("required") == "true" {
			required = append(required, name)
		}
	}
	s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		s["required"] = required
	}
	return s
}
