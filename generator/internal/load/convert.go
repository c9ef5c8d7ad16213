package load

import (
	postman "github.com/rbretecher/go-postman-collection"

	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

// converter turns the library's typed collection into ours. It walks the
// canonical tree in step with the library's tree (the two are index-aligned:
// the library decoded exactly that tree) and reads from the canonical tree
// only what the library drops: disabled and null query params, form fields,
// file and graphql bodies, parameters of auth types it does not know, and
// input offsets for positions.
type converter struct {
	*reporter
}

func (c *converter) collection(pc *postman.Collection, canon *ordjson.Value) *Collection {
	schema, _ := schemaVersion(pc.Info.Schema)
	return &Collection{
		File:        c.file,
		Schema:      schema,
		Name:        pc.Info.Name,
		Version:     pc.Info.Version,
		Description: pc.Info.Description.Content,
		Auth:        convAuth(pc.Auth, canon.Get("auth")),
		Variables:   convVariables(pc.Variables),
		Events:      convEvents(pc.Events),
		Items:       c.items(pc.Items, canon.Get("item"), nil),
	}
}

// at returns the i-th element of a canonical list, or nil.
func at(n *ordjson.Value, i int) *ordjson.Value {
	if n == nil || i < 0 || i >= len(n.Elems) {
		return nil
	}
	return n.Elems[i]
}

func (c *converter) items(lib []*postman.Items, canon *ordjson.Value, parent []string) []*Item {
	out := make([]*Item, 0, len(lib))
	for i, li := range lib {
		if li == nil {
			continue
		}
		tn := at(canon, i)
		folder := li.IsGroup()
		path := extend(parent, itemLabel(li.Name, folder))
		it := &Item{
			ID:          li.ID,
			Name:        li.Name,
			Description: li.Description,
			Pos:         c.pos(tn, path),
			IsFolder:    folder,
			Variables:   convVariables(li.Variables),
			Events:      convEvents(li.Events),
		}
		if folder {
			it.Auth = convAuth(li.Auth, tn.Get("auth"))
			it.Items = c.items(li.Items, tn.Get("item"), path)
		} else {
			it.Request = convRequest(li.Request, tn.Get("request"))
			it.DisableBodyPruning = truthy(tn.Get("protocolProfileBehavior").Get("disableBodyPruning"))
			it.DisableURLEncoding = truthy(tn.Get("protocolProfileBehavior").Get("disableUrlEncoding"))
			it.Responses = c.responses(li.Responses, tn.Get("response"), path)
		}
		out = append(out, it)
	}
	return out
}

func convRequest(lr *postman.Request, tn *ordjson.Value) *Request {
	if lr == nil {
		return &Request{Method: "GET"}
	}
	r := &Request{
		Method: string(lr.Method),
		Body:   convBody(lr.Body, tn.Get("body")),
		Auth:   convAuth(lr.Auth, tn.Get("auth")),
	}
	if d, ok := lr.Description.(string); ok {
		r.Description = d
	}
	if lr.URL != nil {
		r.URL = convURL(lr.URL, tn.Get("url"))
	}
	for _, h := range lr.Header {
		if h != nil {
			r.Header = append(r.Header, Pair{Key: h.Key, Value: h.Value, Description: h.Description, Disabled: h.Disabled})
		}
	}
	return r
}

func convURL(lu *postman.URL, tn *ordjson.Value) URL {
	u := URL{
		Raw:      lu.Raw,
		Protocol: lu.Protocol,
		Host:     lu.Host,
		Port:     lu.Port,
		Path:     lu.Path,
		Hash:     lu.Hash,
	}
	// The library's QueryParam has no Disabled and turns null into "".
	tq := tn.Get("query")
	for i, q := range lu.Query {
		if q == nil {
			continue
		}
		p := Pair{Key: q.Key, Value: q.Value}
		if q.Description != nil {
			p.Description = *q.Description
		}
		if e := at(tq, i); e != nil {
			p.Disabled = truthy(e.Get("disabled"))
			p.Null = e.Get("value").IsNull()
		}
		u.Query = append(u.Query, p)
	}
	for _, v := range lu.Variables {
		if v != nil {
			u.Variables = append(u.Variables, Pair{Key: v.Key, Value: v.Value, Description: v.Description, Disabled: v.Disabled})
		}
	}
	return u
}

// convBody reads mode, raw text and language from the library; the
// library types the other modes as interface{}, so they come from the
// canonical tree.
func convBody(lb *postman.Body, tn *ordjson.Value) *Body {
	if lb == nil {
		return nil
	}
	b := &Body{Mode: lb.Mode, Raw: lb.Raw, Disabled: lb.Disabled}
	if lb.Options != nil {
		b.Language = lb.Options.Raw.Language
	}
	b.URLEncoded = formPairs(tn.Get("urlencoded"))
	b.FormData = formPairs(tn.Get("formdata"))
	b.FileSrc = keepText(tn.Get("file").Get("src"))
	if g := tn.Get("graphql"); g != nil {
		b.GraphQLQuery = keepText(g.Get("query"))
		b.GraphQLVariables = keepText(g.Get("variables"))
	}
	return b
}

// formPairs reads urlencoded or form-data fields. A form-data field with
// several files becomes one Pair per file under the same key, which is how
// multipart sends them.
func formPairs(n *ordjson.Value) []Pair {
	if n == nil {
		return nil
	}
	var out []Pair
	for _, e := range n.Elems {
		p := Pair{
			Key:         keepText(e.Get("key")),
			Value:       keepText(e.Get("value")),
			Description: keepText(e.Get("description")),
			Disabled:    truthy(e.Get("disabled")),
			Null:        e.Get("value").IsNull(),
			Type:        keepText(e.Get("type")),
			ContentType: keepText(e.Get("contentType")),
		}
		src := e.Get("src")
		if src == nil || len(src.Elems) <= 1 {
			p.Src = keepText(at(src, 0))
			out = append(out, p)
			continue
		}
		for _, s := range src.Elems {
			p.Src = keep(s.Text)
			out = append(out, p)
		}
	}
	return out
}

func (c *converter) responses(lib []*postman.Response, canon *ordjson.Value, path []string) []*Response {
	var out []*Response
	for i, lr := range lib {
		if lr == nil {
			continue
		}
		tn := at(canon, i)
		r := &Response{
			Name:            lr.Name,
			ID:              lr.ID,
			Pos:             c.pos(tn, extend(path, responseLabel(lr.Name, i))),
			Status:          lr.Status,
			Code:            lr.Code,
			Body:            lr.Body,
			PreviewLanguage: lr.PreviewLanguage,
		}
		if lr.Headers != nil {
			for _, h := range lr.Headers.Headers {
				if h != nil {
					r.Header = append(r.Header, Pair{Key: h.Key, Value: h.Value, Description: h.Description, Disabled: h.Disabled})
				}
			}
		}
		if lr.OriginalRequest != nil {
			r.OriginalRequest = convRequest(lr.OriginalRequest, tn.Get("originalRequest"))
		}
		out = append(out, r)
	}
	return out
}

// convAuth takes the type and parameters from the library; for auth types
// the library does not know (edgegrid, and anything newer) it keeps only
// the type, so the parameters come from the canonical tree.
func convAuth(la *postman.Auth, tn *ordjson.Value) *Auth {
	if la == nil {
		return nil
	}
	a := &Auth{Type: string(la.Type)}
	if params := la.GetParams(); params != nil {
		for _, p := range params {
			if p != nil {
				a.Params = append(a.Params, Pair{Key: p.Key, Value: paramValue(p.Value)})
			}
		}
		return a
	}
	if ps := tn.Get(a.Type); ps != nil {
		for _, p := range ps.Elems {
			a.Params = append(a.Params, Pair{Key: keepText(p.Get("key")), Value: keepText(p.Get("value"))})
		}
	}
	return a
}

// paramValue is an auth parameter value as text: libCollection gives
// each one as a string, or nil for null.
func paramValue(v any) string {
	s, _ := v.(string)
	return s
}

func convVariables(lib []*postman.Variable) []Variable {
	var out []Variable
	for _, v := range lib {
		if v != nil {
			out = append(out, Variable{Key: v.Key, Value: v.Value, Type: v.Type, Description: v.Description, Disabled: v.Disabled})
		}
	}
	return out
}

func convEvents(lib []*postman.Event) []Event {
	var out []Event
	for _, e := range lib {
		if e == nil {
			continue
		}
		ev := Event{Listen: string(e.Listen), Disabled: e.Disabled}
		if e.Script != nil {
			ev.Exec = e.Script.Exec
		}
		out = append(out, ev)
	}
	return out
}

// keepText is ordjson.Text copied out of the input (see keep).
func keepText(v *ordjson.Value) string { return keep(ordjson.Text(v)) }
