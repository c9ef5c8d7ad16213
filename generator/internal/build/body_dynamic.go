package build

import (
	"regexp"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/godoc"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// dynamicRef is a {{$name}} reference, the innermost one where references
// nest, as Postman resolves them.
var dynamicRef = regexp.MustCompile(`\{\{\$([^{}]*)\}\}`)

// bodyDynamics lists the dynamic variables that a saved raw or GraphQL
// body spells ("EXT-{{$timestamp}}"), each once, in order of first use.
// Postman fills them afresh on every send, because such a body is a
// template; the method does the same in the body it encodes, for these
// names only, so that text a caller writes for another purpose is left
// alone. In a JSON body the text is the example as sent, where a
// reference can only stand inside a string: a bare one was made null to
// type the body. A name Postman does not define is sent as written, with
// the same warning as in a URL.
func (b *builder) bodyDynamics(texts ...string) []model.Part {
	var parts []model.Part
	seen := map[string]bool{}
	for _, text := range texts {
		for _, m := range dynamicRef.FindAllStringSubmatch(text, -1) {
			name := m[1]
			if seen[name] || strings.TrimSpace(name) == "" {
				continue
			}
			seen[name] = true
			if !model.KnownDynamic(name) {
				b.diag(b.pos, model.Warning, "unknown-dynamic-variable",
					"{{$"+name+"}} in the body is not one of Postman's dynamic variables that pmgen produces; it is sent as written")
				continue
			}
			b.dynamics[name] = true
			parts = append(parts, model.Part{Kind: model.PartDynamic, Dynamic: name, Func: dynamicFunc(name)})
		}
	}
	return parts
}

// dynamicsNote is the sentence the method's doc adds when it fills
// dynamic variables in the body.
func dynamicsNote(body *model.Body) string {
	if body == nil || len(body.Dynamics) == 0 {
		return ""
	}
	names := make([]string, len(body.Dynamics))
	for i, p := range body.Dynamics {
		names[i] = "{{$" + p.Dynamic + "}}"
	}
	return godoc.FromMarkdown("The collection's saved body uses " + strings.Join(names, ", ") +
		": as Postman does, every such reference in the body the method sends" +
		" (including text the caller sets) is replaced by a fresh value on each call.")
}

// warnBareDynamics warns of dynamic variables standing where a JSON value
// belongs ("amount": {{$randomInt}}): Postman sends a fresh value there,
// but the field is typed from the null that filled comes with, and the
// method sends what the caller sets. filled is raw with bare references
// replaced, so a reference it holds fewer times than raw was bare.
func (b *builder) warnBareDynamics(raw, filled string) {
	seen := map[string]bool{}
	for _, m := range dynamicRef.FindAllStringSubmatch(raw, -1) {
		ref, name := m[0], m[1]
		if seen[name] || !model.KnownDynamic(name) || strings.Count(filled, ref) == strings.Count(raw, ref) {
			continue
		}
		seen[name] = true
		b.diag(b.pos, model.Warning, "dynamic-bare-json",
			ref+" stands as a bare JSON value in the body: Postman sends a fresh value there, the method sends the field the caller sets (null when unset)")
	}
}
