package build

import (
	"sort"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/godoc"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
)

// nameTypes names the inferred types once inference is over, because only
// then is it known which types several operations share. A type of one
// operation is named after it ("LogOutResponse"); a shared one drops the
// operation from its name where that still says something, so that no
// operation returns a type named after another. Error bodies are named
// for their status and shape (errorNames).
func (b *builder) nameTypes() {
	users := typeUsers(b.api.Root)
	types := b.infer.Types()
	statuses := errorStatuses(b.api.Root, map[*model.Type][]int{})
	var errs []*model.Type
	for _, t := range types {
		if statuses[t] != nil {
			errs = append(errs, t)
		}
	}
	errNames := errorNames(errs, statuses)
	rehomed := map[*model.Type]bool{}
	for _, t := range types {
		ops := users[t]
		if want, ok := errNames[t]; ok {
			t.Name = b.pkg.Unique(want)
			errorFieldNames(t)
			rehomeNested(t, rehomed)
			t.Error = errorMessage(t, statuses[t])
			if t.Doc == "" {
				t.Doc = errorDoc(t.Name, statuses[t], ops)
			}
			b.api.Types = append(b.api.Types, t)
			continue
		}
		hint := t.Hint
		if len(ops) > 1 && len(hint) > 2 {
			if neutral := naming.Exported(strings.Join(hint[1:], " "), ""); neutral != "" && !b.pkg.Taken(neutral) {
				hint = hint[1:]
			}
		}
		t.Name = b.pkg.Unique(naming.Exported(strings.Join(hint, " "), "Object"))
		fields := naming.NewScope()
		for _, f := range t.Fields {
			f.Name = fields.Unique(naming.Exported(f.JSONName, "Field"))
		}
		if t.Doc == "" {
			t.Doc = typeDoc(t.Name, ops)
		}
		b.api.Types = append(b.api.Types, t)
	}
	// The Error methods' docs name fields of nested types, named above.
	for _, t := range errs {
		t.Error.Doc = errorMethodDoc(t.Error)
	}
}

// typeDoc says where a type comes from.
func typeDoc(name string, ops []string) string {
	switch len(ops) {
	case 0:
		return godoc.Fill(name + " is inferred from the collection's saved examples.")
	case 1:
		return godoc.Fill(name + " is inferred from the saved examples of " + ops[0] + ".")
	}
	return godoc.Fill(name + " is inferred from the saved examples of " + strings.Join(ops[:len(ops)-1], ", ") + " and " + ops[len(ops)-1] + ", which share it.")
}

// typeUsers maps each named type used directly by a method (its body, its
// result, its error bodies, or their elements) to those methods, sorted.
func typeUsers(root *model.Service) map[*model.Type][]string {
	users := map[*model.Type][]string{}
	addTypeUsers(root, users)
	// Sorted once, here: sorting every list again below each service cost
	// the product of services and types (20,000 requests in 10,000
	// folders spent 3 s of their 8 s build on it).
	for t, list := range users {
		sort.Strings(list)
		users[t] = compactStrings(list)
	}
	return users
}

// addTypeUsers adds the methods of svc and its sub-services to users.
func addTypeUsers(svc *model.Service, users map[*model.Type][]string) {
	for _, op := range svc.Ops {
		name := op.Selector()
		refs := []*model.TypeRef{op.Result}
		if op.Body != nil {
			refs = append(refs, op.Body.Type)
		}
		for _, r := range op.Responses {
			refs = append(refs, r.Type)
		}
		for _, ref := range refs {
			for ref != nil && (ref.Kind == model.KindSlice || ref.Kind == model.KindMap) {
				ref = ref.Elem
			}
			if ref == nil || ref.Named == nil {
				continue
			}
			if list := users[ref.Named]; len(list) == 0 || list[len(list)-1] != name {
				users[ref.Named] = append(list, name)
			}
		}
	}
	for _, sub := range svc.Services {
		addTypeUsers(sub, users)
	}
}

func compactStrings(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// markdown turns a description into a doc comment, without credentials.
//
// Results are kept by text: collections repeat their descriptions (Stripe
// has 7,784, of which 1,510 differ, one parameter's text on every request
// that takes it), and Markdown parsing was half of building Stripe.
func (b *builder) markdown(md string) string {
	md = b.withheld.Redact(md)
	if f, ok := b.pending[md]; ok {
		<-f.ready
		return f.doc
	}
	doc, ok := b.docs[md]
	if !ok {
		doc = markdown(md)
		b.docs[md] = doc
	}
	return doc
}

// authDoc converts the Markdown of a method's auth paragraph (auth.Doc),
// once for each distinct text: it is written by pmgen, not redacted, and
// the same for most operations (converting it for each was 8% of
// building Fastly's allocations, on the path every later stage waits for).
func (b *builder) authDoc(md string) string {
	doc, ok := b.authDocs[md]
	if !ok {
		doc = markdown(md)
		b.authDocs[md] = doc
	}
	return doc
}

// markdown converts a Postman description into Go doc text.
func markdown(md string) string {
	return godoc.FromMarkdown(md)
}
