package apidoc

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// Limits that keep examples short enough to read and copy: a saved
// request body longer than maxInput is left for the reader to fill, and
// a value longer than maxOutput is not what an example prints.
const (
	maxInput  = 240
	maxOutput = 60
	maxFields = 8
)

// examples lists the Example functions of example_test.go: ExampleNew,
// then one per request, named as go doc attaches them to the method
// (ExampleSessionsService_Authenticate, ExampleClient_ListUsers).
func examples(api *model.API) []*model.Example {
	out := []*model.Example{{Name: "ExampleNew"}}
	var walk func(svc *model.Service, recv string)
	walk = func(svc *model.Service, recv string) {
		for _, op := range svc.Ops {
			if strings.Contains(recv+op.Method, "_") {
				// go vet would read what follows the second underscore
				// as a suffix, which must be lower case: no example.
				continue
			}
			out = append(out, &model.Example{
				Name:  "Example" + recv + "_" + op.Method,
				Op:    op,
				Serve: serve(op),
				Input: input(op.Body),
				Form:  form(op.Body),
			})
		}
		for _, sub := range svc.Services {
			walk(sub, sub.TypeName)
		}
	}
	walk(api.Root, "Client")
	return out
}

// input is the saved body an example passes, when it is short enough to
// read: JSON compacted, text as written.
func input(b *model.Body) string {
	// A saved body that spells {{variables}} would send them as text.
	if !b.HasArg() || b.ExampleFixture != nil || strings.Contains(b.Example, "{{") {
		return ""
	}
	switch b.Kind {
	case model.BodyText:
		if len(b.Example) <= maxInput && !strings.Contains(b.Example, "`") {
			return b.Example
		}
	case model.BodyJSON:
		var buf bytes.Buffer
		if json.Compact(&buf, []byte(b.Example)) == nil && buf.Len() <= maxInput && !bytes.Contains(buf.Bytes(), []byte("`")) {
			return buf.String()
		}
	}
	return ""
}

// form lists the saved text fields of a form body an example sets, at
// most maxFields of them, in the collection's order; file parts are left
// for the reader.
func form(b *model.Body) []model.ExampleField {
	if b == nil || b.Form == nil || (b.Kind != model.BodyURLEncoded && b.Kind != model.BodyMultipart) {
		return nil
	}
	var out []model.ExampleField
	for _, fd := range b.Form.Fields {
		if fd.File || len(fd.TestValues) == 0 || len(out) == maxFields {
			continue
		}
		ok := true
		for _, v := range fd.TestValues {
			ok = ok && len(v) <= maxOutput && !strings.Contains(v, "{{")
		}
		if ok {
			out = append(out, model.ExampleField{Name: fd.Name, Repeated: fd.Repeated, Values: fd.TestValues})
		}
	}
	return out
}

// serve picks the saved response a runnable example of op replays: the
// first 2xx example with a JSON body whose result holds a short scalar at
// its top level (or in its first element, for a list), which the example
// prints. It is nil when there is none: the example then only compiles.
func serve(op *model.Operation) *model.ExampleServe {
	if op.Result == nil || op.ResultRaw || op.ResultStream || op.Result.Nullable {
		return nil
	}
	t, index := op.Result, false
	if t.Kind == model.KindSlice {
		t, index = t.Elem, true
	}
	if t == nil || t.Kind != model.KindStruct || t.Named == nil || t.Nullable {
		return nil
	}
	for _, tc := range op.Tests {
		if tc.Status < 200 || tc.Status > 299 || !tc.ResponseJSON || tc.ErrorType != nil {
			continue
		}
		obj, ok := savedObject([]byte(tc.ResponseBody), index)
		if !ok {
			continue
		}
		for _, f := range t.Named.Fields {
			out, ok := printed(f, obj[f.JSONName])
			if !ok {
				continue
			}
			key, _ := json.Marshal(f.JSONName)
			body := "{" + string(key) + ":" + string(compact(obj[f.JSONName])) + "}"
			if index {
				body = "[" + body + "]"
			}
			return &model.ExampleServe{
				Status:      tc.Status,
				ContentType: contentType(tc.ResponseHeaders),
				Body:        body,
				Index:       index,
				Field:       f.Name,
				Output:      out,
			}
		}
	}
	return nil
}

// savedObject is the saved body's top-level object, or its first
// element's when index is set.
func savedObject(body []byte, index bool) (map[string]json.RawMessage, bool) {
	if index {
		var list []json.RawMessage
		if json.Unmarshal(body, &list) != nil || len(list) == 0 {
			return nil, false
		}
		body = list[0]
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(body, &obj) != nil {
		return nil, false
	}
	return obj, true
}

// printed is what fmt.Println prints for field f decoded from raw, and
// whether an example can print it: a plain (not pointer) string, bool or
// integer field with a short one-line value.
func printed(f *model.Field, raw json.RawMessage) (string, bool) {
	if raw == nil || f.Pointer || f.Type.Nullable {
		return "", false
	}
	switch f.Type.Kind {
	case model.KindString:
		var s string
		if json.Unmarshal(raw, &s) != nil || !plainLine(s) {
			return "", false
		}
		return s, true
	case model.KindBool:
		var b bool
		if json.Unmarshal(raw, &b) != nil {
			return "", false
		}
		return strconv.FormatBool(b), true
	case model.KindInt:
		n, err := strconv.ParseInt(string(bytes.TrimSpace(raw)), 10, 64)
		if err != nil {
			return "", false
		}
		return strconv.FormatInt(n, 10), true
	}
	return "", false
}

// plainLine reports whether s reads back unchanged from an Output line:
// one line of printable text, not empty, without surrounding space (go
// test trims it) and short.
func plainLine(s string) bool {
	if s == "" || s != strings.TrimSpace(s) || utf8.RuneCountInString(s) > maxOutput || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}

// compact is raw without insignificant space.
func compact(raw json.RawMessage) []byte {
	var buf bytes.Buffer
	if json.Compact(&buf, raw) != nil {
		return raw
	}
	return buf.Bytes()
}

// contentType is the saved Content-Type, or JSON's when none was saved.
func contentType(header []model.KeyValue) string {
	for _, kv := range header {
		if strings.EqualFold(kv.Key, "Content-Type") {
			return kv.Value
		}
	}
	return "application/json"
}
