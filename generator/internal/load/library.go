package load

import (
	"reflect"
	"strconv"
	"strings"

	postman "github.com/rbretecher/go-postman-collection"

	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

// The canonical tree becomes the library's typed collection here, field by
// field, instead of being written out as text for encoding/json to read
// back (which cost a third pass over the collection and, for Stripe,
// about as much memory again as the input). The canonical shape is
// small and fixed (the normaliser writes it), so the mapping is too; the
// result is exactly what the library decodes from the canonical text,
// which TestLibraryMatchesDecoding checks on every test collection and
// the fuzzers check on everything they make.
//
// The library's decoding rules that matter here: a JSON list, even an
// empty one, is a non-nil slice (Items.IsGroup tests Items != nil); null
// or a missing key leaves the zero value; fields typed interface{} hold
// encoding/json's generic values.

func libCollection(c *ordjson.Value) *postman.Collection {
	info := c.Get("info")
	return &postman.Collection{
		Auth: libAuth(c.Get("auth")),
		Info: postman.Info{
			Name:        str(info.Get("name")),
			Description: libDescription(info.Get("description")),
			Version:     str(info.Get("version")),
			Schema:      str(info.Get("schema")),
		},
		Items:     libItems(c.Get("item")),
		Events:    libEvents(c.Get("event")),
		Variables: libVariables(c.Get("variable")),
	}
}

// str reads a string field: the canonical tree holds only strings there.
// The tree's strings share the input's memory; the collection keeps a
// copy of the ones it uses (keep), so that the input can be collected.
func str(v *ordjson.Value) string {
	if v == nil || v.Kind != ordjson.String {
		return ""
	}
	return keep(v.Text)
}

// keep copies a string out of the input for a value that outlives
// loading. The tree's strings are slices of one copy of the input, and
// one of them alone would keep all of it alive through build and emit
// (Stripe: 3.6 MB for the 1.4 MB the collection uses).
func keep(s string) string { return strings.Clone(s) }

func flag(v *ordjson.Value) bool { return v != nil && v.Kind == ordjson.Bool && v.Text == "true" }

// list maps a JSON list to a slice that is non-nil whenever the list is
// there, as encoding/json decodes it.
func list[T any](v *ordjson.Value, f func(*ordjson.Value) T) []T {
	if v == nil || v.Kind != ordjson.Array {
		return nil
	}
	out := make([]T, len(v.Elems))
	for i, e := range v.Elems {
		out[i] = f(e)
	}
	return out
}

func libDescription(v *ordjson.Value) postman.Description {
	return postman.Description{Content: str(v.Get("content")), Type: str(v.Get("type")), Version: str(v.Get("version"))}
}

func libItems(v *ordjson.Value) []*postman.Items {
	return list(v, func(e *ordjson.Value) *postman.Items {
		return &postman.Items{
			Name:                    str(e.Get("name")),
			Description:             str(e.Get("description")),
			Variables:               libVariables(e.Get("variable")),
			Events:                  libEvents(e.Get("event")),
			ProtocolProfileBehavior: generic(e.Get("protocolProfileBehavior")),
			ID:                      str(e.Get("id")),
			Request:                 libRequest(e.Get("request")),
			Responses:               libResponses(e.Get("response")),
			Items:                   libItems(e.Get("item")),
			Auth:                    libAuth(e.Get("auth")),
		}
	})
}

func libRequest(v *ordjson.Value) *postman.Request {
	if v.IsNull() {
		return nil
	}
	r := &postman.Request{
		URL:    libURL(v.Get("url")),
		Auth:   libAuth(v.Get("auth")),
		Method: postman.Method(str(v.Get("method"))),
		Header: libHeaders(v.Get("header")),
		Body:   libBody(v.Get("body")),
	}
	if d := v.Get("description"); !d.IsNull() {
		r.Description = keep(d.Text)
	}
	return r
}

func libHeaders(v *ordjson.Value) []*postman.Header {
	return list(v, func(e *ordjson.Value) *postman.Header {
		return &postman.Header{
			Key:         str(e.Get("key")),
			Value:       str(e.Get("value")),
			Disabled:    flag(e.Get("disabled")),
			Description: str(e.Get("description")),
		}
	})
}

func libURL(v *ordjson.Value) *postman.URL {
	if v.IsNull() {
		return nil
	}
	return &postman.URL{
		Raw:      str(v.Get("raw")),
		Protocol: str(v.Get("protocol")),
		Host:     list(v.Get("host"), str),
		Path:     list(v.Get("path"), str),
		Port:     str(v.Get("port")),
		Query: list(v.Get("query"), func(e *ordjson.Value) *postman.QueryParam {
			q := &postman.QueryParam{Key: str(e.Get("key")), Value: str(e.Get("value"))}
			if d := e.Get("description"); !d.IsNull() {
				d := keep(d.Text)
				q.Description = &d
			}
			return q
		}),
		Hash:      str(v.Get("hash")),
		Variables: libVariables(v.Get("variable")),
	}
}

func libBody(v *ordjson.Value) *postman.Body {
	if v.IsNull() {
		return nil
	}
	b := &postman.Body{
		Mode:       str(v.Get("mode")),
		Raw:        str(v.Get("raw")),
		URLEncoded: generic(v.Get("urlencoded")),
		FormData:   generic(v.Get("formdata")),
		File:       generic(v.Get("file")),
		GraphQL:    generic(v.Get("graphql")),
		Disabled:   flag(v.Get("disabled")),
	}
	if o := v.Get("options"); !o.IsNull() {
		b.Options = &postman.BodyOptions{Raw: postman.BodyOptionsRaw{Language: str(o.Get("raw").Get("language"))}}
	}
	return b
}

func libResponses(v *ordjson.Value) []*postman.Response {
	return list(v, func(e *ordjson.Value) *postman.Response {
		r := &postman.Response{
			ID:              str(e.Get("id")),
			OriginalRequest: libRequest(e.Get("originalRequest")),
			Cookies:         libCookies(e.Get("cookie")),
			Body:            str(e.Get("body")),
			Status:          str(e.Get("status")),
			Name:            str(e.Get("name")),
			PreviewLanguage: str(e.Get("_postman_previewlanguage")),
		}
		if h := e.Get("header"); !h.IsNull() {
			r.Headers = &postman.HeaderList{Headers: libHeaders(h)}
		}
		if c := e.Get("code"); c != nil && c.Kind == ordjson.Number {
			r.Code, _ = strconv.Atoi(c.Text) // the normaliser wrote it with Itoa
		}
		return r
	})
}

func libCookies(v *ordjson.Value) []*postman.Cookie {
	return list(v, func(e *ordjson.Value) *postman.Cookie {
		return &postman.Cookie{
			Domain:   str(e.Get("domain")),
			Expires:  str(e.Get("expires")),
			MaxAge:   str(e.Get("maxAge")),
			HostOnly: flag(e.Get("hostOnly")),
			HTTPOnly: flag(e.Get("httpOnly")),
			Name:     str(e.Get("name")),
			Path:     str(e.Get("path")),
			Secure:   str(e.Get("secure")),
			Session:  flag(e.Get("session")),
			Value:    str(e.Get("value")),
		}
	})
}

// libAuth fills the parameter list of the types the library knows; for
// any other type it keeps only the type, as the library does.
func libAuth(v *ordjson.Value) *postman.Auth {
	if v.IsNull() {
		return nil
	}
	a := &postman.Auth{}
	// The type's Go type is unexported; reflection is the only way to give
	// it a name the library has no constant for (edgegrid).
	reflect.ValueOf(&a.Type).Elem().SetString(str(v.Get("type")))
	params := list(v.Get(str(v.Get("type"))), func(e *ordjson.Value) *postman.AuthParam {
		p := &postman.AuthParam{Key: str(e.Get("key")), Type: str(e.Get("type"))}
		if s := e.Get("value"); !s.IsNull() {
			p.Value = keep(s.Text)
		}
		return p
	})
	// encoding/json matches the parameter list's key to the library's
	// field whatever its case, while Type keeps the case as written.
	switch typ := string(a.Type); {
	case strings.EqualFold(typ, string(postman.APIKey)):
		a.APIKey = params
	case strings.EqualFold(typ, string(postman.AWSV4)):
		a.AWSV4 = params
	case strings.EqualFold(typ, string(postman.Basic)):
		a.Basic = params
	case strings.EqualFold(typ, string(postman.Bearer)):
		a.Bearer = params
	case strings.EqualFold(typ, string(postman.Digest)):
		a.Digest = params
	case strings.EqualFold(typ, string(postman.Hawk)):
		a.Hawk = params
	case strings.EqualFold(typ, string(postman.NoAuth)):
		a.NoAuth = params
	case strings.EqualFold(typ, string(postman.OAuth1)):
		a.OAuth1 = params
	case strings.EqualFold(typ, string(postman.OAuth2)):
		a.OAuth2 = params
	case strings.EqualFold(typ, string(postman.NTLM)):
		a.NTLM = params
	}
	return a
}

func libVariables(v *ordjson.Value) []*postman.Variable {
	return list(v, func(e *ordjson.Value) *postman.Variable {
		return &postman.Variable{
			Key:         str(e.Get("key")),
			Value:       str(e.Get("value")),
			Type:        str(e.Get("type")),
			Description: str(e.Get("description")),
			Disabled:    flag(e.Get("disabled")),
		}
	})
}

func libEvents(v *ordjson.Value) []*postman.Event {
	return list(v, func(e *ordjson.Value) *postman.Event {
		ev := &postman.Event{Listen: postman.ListenType(str(e.Get("listen"))), Disabled: flag(e.Get("disabled"))}
		if s := e.Get("script"); !s.IsNull() {
			ev.Script = &postman.Script{Type: str(s.Get("type")), Name: str(s.Get("name")), Exec: list(s.Get("exec"), str)}
		}
		return ev
	})
}

// generic is a value as encoding/json decodes it into interface{}: the
// library types the fields that pmgen reads from the canonical tree
// instead (form fields, file and graphql bodies, protocolProfileBehavior)
// that way.
func generic(v *ordjson.Value) any {
	if v == nil {
		return nil
	}
	switch v.Kind {
	case ordjson.Bool:
		return v.Text == "true"
	case ordjson.Number:
		f, _ := strconv.ParseFloat(v.Text, 64)
		return f
	case ordjson.String:
		return v.Text
	case ordjson.Array:
		return list(v, generic)
	case ordjson.Object:
		m := make(map[string]any, len(v.Members))
		for _, mem := range v.Members {
			m[mem.Key] = generic(mem.Value)
		}
		return m
	}
	return nil
}
