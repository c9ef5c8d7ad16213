package build

import (
	"sort"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/pmtest"
)

// codeScriptUnresolved marks a signing script that reads the query or
// body as saved, where Postman leaves its {{variables}} unresolved: the
// client signs what it sends, with them resolved.
const codeScriptUnresolved = "script-reads-unresolved"

// scriptOut is a value a script computes as the request is sent, before
// it becomes the model's ScriptOutput: parts as pmtest reads them, with
// the query parameters added by earlier scripts (offset).
type scriptOut struct {
	query  bool
	key    string
	parts  []pmtest.Part
	offset int
}

// computedVar is a variable a script sets to a computed value, with the
// query parameters earlier scripts added.
type computedVar struct {
	parts  []pmtest.Part
	offset int
}

// hmacKeyVars are the variables pre-request scripts anywhere in the
// collection take HMAC keys from: they are withheld, as credentials are,
// whatever their names say.
func hmacKeyVars(col *load.Collection) map[string]bool {
	keys := map[string]bool{}
	var walk func(events []load.Event, items []*load.Item)
	read := func(events []load.Event) {
		src := preRequestSource(events)
		if strings.TrimSpace(src) == "" {
			return
		}
		for _, e := range pmtest.ParsePreRequest(src).Edits {
			collectKeys(e.Computed, keys)
		}
	}
	walk = func(events []load.Event, items []*load.Item) {
		read(events)
		for _, it := range items {
			walk(it.Events, it.Items)
		}
	}
	walk(col.Events, col.Items)
	return keys
}

func collectKeys(parts []pmtest.Part, keys map[string]bool) {
	for _, p := range parts {
		if p.HMAC == nil {
			continue
		}
		for _, name := range templateNames(p.HMAC.Key) {
			keys[name] = true
		}
		collectKeys(p.HMAC.Message, keys)
	}
}

// templateNames are the variables {{name}} text refers to.
func templateNames(text string) []string {
	var out []string
	for {
		i := strings.Index(text, "{{")
		if i < 0 {
			return out
		}
		j := strings.Index(text[i:], "}}")
		if j < 0 {
			return out
		}
		if name := text[i+2 : i+j]; name != "" && !strings.HasPrefix(name, "$") && !strings.ContainsAny(name, "{}") {
			out = append(out, name)
		}
		text = text[i+j+2:]
	}
}

// computedHeaders moves the headers whose value names a variable the
// scripts set to a computed value into outs: they are sent with the value
// computed as the request is sent, not as templates.
func computedHeaders(headers []load.Pair, computed map[string]computedVar, outs []scriptOut) ([]load.Pair, []scriptOut) {
	if len(computed) == 0 {
		return headers, outs
	}
	kept := headers[:0]
	for _, h := range headers {
		uses := false
		for _, name := range templateNames(h.Value) {
			if _, ok := computed[name]; ok {
				uses = true
			}
		}
		if !uses || h.Disabled {
			kept = append(kept, h)
			continue
		}
		outs = append(outs, scriptOut{key: h.Key, parts: []pmtest.Part{{Text: h.Value}}})
	}
	return kept, outs
}

// scriptOutputs turns outs into the operation's ScriptOutputs, resolving
// the variables their text names (a computed variable stands for its
// parts). It warns, and leaves the outputs out, where the request cannot
// give what a script reads: a body, when it has no raw one. ok is false
// then.
func (b *builder) scriptOutputs(it *load.Item, outs []scriptOut) ([]model.ScriptOutput, bool) {
	var out []model.ScriptOutput
	reads := map[pmtest.Source]bool{}
	unresolved := map[pmtest.Source]bool{}
	for _, o := range outs {
		parts := b.scriptParts(o.parts, o.offset, reads, unresolved, 0)
		out = append(out, model.ScriptOutput{Query: o.query, Key: o.key, Value: parts})
	}
	req := it.Request
	if reads[pmtest.SourceBody] && (req.Body == nil || req.Body.Mode != "raw") {
		b.diag(it.Pos, model.Warning, codeScriptNotTranslated,
			"a pre-request script signs the raw body, which this request does not have (Postman reads it as undefined); the client does not send what the script computes")
		return nil, false
	}
	if unresolved[pmtest.SourceQuery] {
		var names []string
		for _, q := range req.URL.Query {
			if !q.Disabled {
				names = append(names, templateNames(q.Key+q.Value)...)
			}
		}
		b.warnUnresolved(it, "query", names)
	}
	if unresolved[pmtest.SourceBody] {
		b.warnUnresolved(it, "body", templateNames(req.Body.Raw))
	}
	return out, true
}

func (b *builder) warnUnresolved(it *load.Item, what string, names []string) {
	if len(names) == 0 {
		return
	}
	sort.Strings(names)
	b.diag(it.Pos, model.Warning, codeScriptUnresolved,
		"a pre-request script signs the "+what+" as saved, where Postman leaves {{"+strings.Join(names, "}}, {{")+
			"}} unresolved; the client signs the "+what+" it sends, with the values (read it through pm.variables.replaceIn to sign the same)")
}

// hashPackages are the Go packages of the HMACs' hashes.
var hashPackages = map[string]string{"SHA1": "sha1", "SHA256": "sha256", "SHA512": "sha512"}

// scriptParts converts pmtest's parts, noting what they read.
func (b *builder) scriptParts(parts []pmtest.Part, offset int, reads, unresolved map[pmtest.Source]bool, depth int) []model.ScriptPart {
	var out []model.ScriptPart
	for _, p := range parts {
		reads[p.Source] = true
		if p.Unresolved {
			unresolved[p.Source] = true
		}
		switch p.Source {
		case pmtest.SourceText:
			out = append(out, b.scriptText(p.Text, reads, unresolved, depth)...)
		case pmtest.SourceMillis:
			out = append(out, model.ScriptPart{Source: model.ScriptMillis})
		case pmtest.SourceSeconds:
			out = append(out, model.ScriptPart{Source: model.ScriptSeconds})
		case pmtest.SourceQuery:
			out = append(out, model.ScriptPart{Source: model.ScriptQuery, Added: offset + p.Added})
		case pmtest.SourceBody:
			out = append(out, model.ScriptPart{Source: model.ScriptBody})
		case pmtest.SourceMethod:
			out = append(out, model.ScriptPart{Source: model.ScriptMethod})
		case pmtest.SourceHMAC:
			out = append(out, model.ScriptPart{Source: model.ScriptSignature, HMAC: &model.ScriptHMAC{
				Hash:    hashPackages[p.HMAC.Hash],
				Key:     b.template(p.HMAC.Key),
				Message: b.scriptParts(p.HMAC.Message, offset, reads, unresolved, depth),
				Base64:  p.HMAC.Base64,
			}})
		}
	}
	return out
}

// scriptText is template text in which a variable the scripts set to a
// computed value stands for that value's parts.
func (b *builder) scriptText(text string, reads, unresolved map[pmtest.Source]bool, depth int) []model.ScriptPart {
	var out []model.ScriptPart
	for text != "" {
		i := strings.Index(text, "{{")
		j := -1
		if i >= 0 {
			j = strings.Index(text[i:], "}}")
		}
		if j < 0 {
			out = append(out, model.ScriptPart{Text: b.template(text)})
			break
		}
		// The text before the first reference, then the reference.
		name := text[i+2 : i+j]
		v, ok := b.pre.computed[name]
		if !ok || depth > 8 {
			// Deeper than any script nests its values: a cycle, which
			// Postman leaves unresolved too.
			out = append(out, model.ScriptPart{Text: b.template(text[:i+j+2])})
			text = text[i+j+2:]
			continue
		}
		if i > 0 {
			out = append(out, model.ScriptPart{Text: b.template(text[:i])})
		}
		out = append(out, b.scriptParts(v.parts, v.offset, reads, unresolved, depth+1)...)
		text = text[i+j+2:]
	}
	return out
}

// warnComputedElsewhere says, once per request and variable, that a value
// a script computes as the request is sent stands where the client does
// not compute it: the setting is sent there instead.
func (b *builder) warnComputedElsewhere(key string) {
	if b.pre.warned[key] {
		return
	}
	if b.pre.warned == nil {
		b.pre.warned = map[string]bool{}
	}
	b.pre.warned[key] = true
	b.diag(b.pos, model.Warning, codeScriptNotTranslated,
		"a pre-request script sets {{"+key+"}} to a value it computes as the request is sent (a time or a signature), which the client computes only for header values and the query parameters the script adds; where the request uses it elsewhere (its URL, saved query or body) the setting "+b.setting(key).Option+" is sent")
}

// scriptOutputsNote is the sentence of a method's doc that names what its
// pre-request scripts compute as it is sent: "Its pre-request script
// computes, per call, the header X-Sign (HMAC-SHA256, hex) and the query
// parameter timestamp (the time in milliseconds)."
func scriptOutputsNote(outs []model.ScriptOutput) string {
	if len(outs) == 0 {
		return ""
	}
	var items []string
	for _, o := range outs {
		where := "the header " + o.Key
		if o.Query {
			where = "the query parameter " + o.Key
		}
		if what := describeParts(o.Value); what != "" {
			where += " (" + what + ")"
		}
		items = append(items, where)
	}
	list := items[0]
	if n := len(items); n > 1 {
		list = strings.Join(items[:n-1], ", ") + " and " + items[n-1]
	}
	return fillLines("As the collection's pre-request scripts do, the call computes "+list+
		" when it is sent, over the query and body it sends.", 76)
}

// describeParts names what a computed value is made of: its HMACs, or
// else the time.
func describeParts(parts []model.ScriptPart) string {
	var out []string
	for _, p := range parts {
		switch p.Source {
		case model.ScriptSignature:
			enc := "hex"
			if p.HMAC.Base64 {
				enc = "base64"
			}
			out = append(out, "HMAC-"+strings.ToUpper(p.HMAC.Hash)+" under "+p.HMAC.Key.String()+", "+enc)
		case model.ScriptMillis:
			out = append(out, "the time in milliseconds")
		case model.ScriptSeconds:
			out = append(out, "the time in seconds")
		}
	}
	return strings.Join(out, "; ")
}
