package build

import (
	"sort"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/pmtest"
)

// codeScriptNotTranslated marks a pre-request script, or a statement of
// one, that the generated client does not do.
const codeScriptNotTranslated = "script-not-translated"

// preState is what build knows of pre-request scripts: those of the
// collection and the folders in scope of the request being built, and,
// while one is built, the variables its scripts set.
type preState struct {
	// scopes are the scripts of the collection and the enclosing folders,
	// outermost first.
	scopes []ownedScript
	// envKeys and colKeys are the variables of the environment file and
	// of the collection: a script's set in a lower scope does not reach a
	// request when a higher one defines the variable.
	envKeys, colKeys map[string]bool
	// vars are the variables the request's scripts set, as Postman
	// template text; resolving marks those being resolved, against
	// cycles.
	vars      map[string]string
	resolving map[string]bool
	// origAuthType maps the OAuth 2 blocks that stand for bearer tokens a
	// script fetches to the type they replace (withFetchedTokens).
	origAuthType map[*load.Auth]string
	// computed are the variables the request's scripts set to values
	// computed as it is sent (a timestamp, a signature); warned marks
	// those already warned about where they cannot go.
	computed map[string]computedVar
	warned   map[string]bool
	// hmacKeys are the variables any script takes an HMAC key from.
	hmacKeys map[string]bool
}

// ownedScript is the pre-request script of the collection or a folder,
// read once, with whose it is for doc comments.
type ownedScript struct {
	owner  string // "the collection", "the folder “Users”"
	script pmtest.PreRequest
}

// initPreRequest records the variables that outrank a script's sets and
// reads the collection's script.
func (b *builder) initPreRequest(env []load.Variable) {
	b.pre.envKeys, b.pre.colKeys = map[string]bool{}, map[string]bool{}
	for _, v := range env {
		if !v.Disabled {
			b.pre.envKeys[v.Key] = true
		}
	}
	for _, v := range b.col.Variables {
		if !v.Disabled {
			b.pre.colKeys[v.Key] = true
		}
	}
	b.enterScripts("the collection", model.Pos{File: b.col.File}, b.col.Events, b.col.Items)
}

// enterFolder reads a folder's pre-request script for the requests inside
// it; the returned function leaves the folder.
func (b *builder) enterFolder(folder *load.Item) func() {
	if folder == nil {
		return func() {}
	}
	n := len(b.pre.scopes)
	b.enterScripts("the folder "+curlyQuote(folder.Name), folder.Pos, folder.Events, folder.Items)
	return func() { b.pre.scopes = b.pre.scopes[:n] }
}

// curlyQuote quotes a name or statement in typographic quotes, which a
// script statement (full of straight quotes) does not need escaped in.
func curlyQuote(s string) string { return "\u201c" + s + "\u201d" }

// enterScripts reads the pre-request script of one owner, whose scope
// is items, and warns, once for all the requests in its scope, when it is
// not translated.
func (b *builder) enterScripts(owner string, pos model.Pos, events []load.Event, items []*load.Item) {
	src := preRequestSource(events)
	if strings.TrimSpace(src) == "" {
		return
	}
	s := scriptFor(pmtest.ParsePreRequest(src), ownAuthTypes(items, b.pre.origAuthType, map[string]bool{}))
	b.pre.scopes = append(b.pre.scopes, ownedScript{owner, s})
	if !s.Translated() {
		b.warnScript(pos, owner, s)
	}
}

func (b *builder) warnScript(pos model.Pos, owner string, s pmtest.PreRequest) {
	reason := ""
	if s.Reason != "" {
		reason = " (" + s.Reason + ")"
	}
	b.diag(pos, model.Warning, codeScriptNotTranslated,
		"the pre-request script of "+owner+" is not translated: pmgen does not understand "+
			curlyQuote(s.Unread)+reason+"; the client does not "+s.Would)
}

// preRequestSource joins the enabled pre-request scripts of events.
func preRequestSource(events []load.Event) string {
	var b strings.Builder
	for _, e := range events {
		if e.Listen != "prerequest" || e.Disabled {
			continue
		}
		for _, l := range e.Exec {
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// preRequest applies the translated pre-request scripts in scope of it,
// in Postman's order (collection, folders, the request's own), and
// returns the item the rest of the build reads: its headers edited, and
// the variables the scripts set recorded for template. doc is the
// sentence the method's doc gets about scripts not translated.
func (b *builder) preRequest(it *load.Item) (out *load.Item, doc string, dropEmpty bool, script []model.ScriptOutput) {
	b.pre.vars, b.pre.computed, b.pre.warned = nil, nil, nil
	scripts := b.pre.scopes
	if src := preRequestSource(it.Events); strings.TrimSpace(src) != "" {
		s := scriptFor(pmtest.ParsePreRequest(src), ownAuthTypes([]*load.Item{it}, b.pre.origAuthType, map[string]bool{}))
		if !s.Translated() {
			b.warnScript(it.Pos, "the request", s)
		}
		scripts = append(scripts[:len(scripts):len(scripts)], ownedScript{"the request", s})
	}
	if len(scripts) == 0 {
		return it, "", false, nil
	}
	cp := *it
	req := *it.Request
	req.Header = append([]load.Pair(nil), req.Header...)
	cp.Request = &req
	sets := map[string]map[string]*pmtest.Edit{}
	var untranslated []string
	var outs []scriptOut
	queryAdds := 0
	offsets := map[*pmtest.Edit]int{}
	for _, sc := range scripts {
		if !sc.script.Translated() {
			untranslated = append(untranslated, "the pre-request script of "+sc.owner+" would "+sc.script.Would)
			continue
		}
		edits := sc.script.Edits
		// A part for the request's own auth type runs where the script
		// reaches it; pmgen applies its edits after the others'.
		for _, br := range sc.script.Branches {
			if br.Type == ownAuthType(it, b.pre.origAuthType) {
				edits = append(edits[:len(edits):len(edits)], br.Edits...)
			}
		}
		offset := queryAdds
		for _, e := range edits {
			switch {
			case e.Kind == pmtest.AddQueryParam:
				parts := e.Computed
				if parts == nil {
					parts = []pmtest.Part{{Text: e.Value}}
				}
				outs = append(outs, scriptOut{query: true, key: e.Key, parts: parts, offset: offset})
				queryAdds++
				continue
			case e.Computed != nil && (e.Kind == pmtest.AddHeader || e.Kind == pmtest.UpsertHeader):
				// Sent in place of any header of the name, as upsert does.
				for i := headerIndex(req.Header, e.Key); i >= 0; i = headerIndex(req.Header, e.Key) {
					req.Header = append(req.Header[:i], req.Header[i+1:]...)
				}
				outs = append(outs, scriptOut{key: e.Key, parts: e.Computed, offset: offset})
				continue
			case e.Kind == pmtest.RemoveHeader:
				kept := outs[:0]
				for _, o := range outs {
					if o.query || !strings.EqualFold(o.key, e.Key) {
						kept = append(kept, o)
					}
				}
				outs = kept
			}
			switch e.Kind {
			case pmtest.AddHeader:
				req.Header = append(req.Header, load.Pair{Key: e.Key, Value: e.Value})
			case pmtest.UpsertHeader:
				if i := headerIndex(req.Header, e.Key); i >= 0 {
					// Postman's update takes the key as the script spells it.
					req.Header[i].Key, req.Header[i].Value = e.Key, e.Value
				} else {
					req.Header = append(req.Header, load.Pair{Key: e.Key, Value: e.Value})
				}
			case pmtest.RemoveHeader:
				for i := headerIndex(req.Header, e.Key); i >= 0; i = headerIndex(req.Header, e.Key) {
					req.Header = append(req.Header[:i], req.Header[i+1:]...)
				}
			case pmtest.RemoveEmptyHeaders:
				if e.Resolved {
					dropEmpty = true
				}
				kept := req.Header[:0]
				for _, h := range req.Header {
					if h.Value != "" {
						kept = append(kept, h)
					}
				}
				req.Header = kept
			case pmtest.SetVariable:
				if sets[e.Key] == nil {
					sets[e.Key] = map[string]*pmtest.Edit{}
				}
				sets[e.Key][e.Scope] = &e
				offsets[&e] = offset
			case pmtest.UnsetVariable:
				if sets[e.Key] != nil {
					delete(sets[e.Key], e.Scope)
				}
			}
		}
	}
	b.pre.vars = map[string]string{}
	for key, e := range b.effectiveSets(sets) {
		if e.Computed == nil {
			b.pre.vars[key] = e.Value
			continue
		}
		if b.pre.computed == nil {
			b.pre.computed = map[string]computedVar{}
		}
		b.pre.computed[key] = computedVar{e.Computed, offsets[e]}
	}
	req.Header, outs = computedHeaders(req.Header, b.pre.computed, outs)
	if len(outs) > 0 {
		var ok bool
		if script, ok = b.scriptOutputs(&cp, outs); !ok {
			untranslated = append(untranslated, "a pre-request script would sign the raw body, which the request does not have")
		}
	}
	for _, key := range sortedKeys(b.pre.vars) {
		if s := b.settings[key]; s != nil && s.URL {
			// The origin is decided per setting, not per request: the
			// request goes where the client's setting says.
			delete(b.pre.vars, key)
			b.diag(it.Pos, model.Warning, codeScriptNotTranslated,
				"a pre-request script sets {{"+key+"}}, which the client holds as the URL setting "+s.Option+"; the call goes where that option says, not to the script's value")
			untranslated = append(untranslated, "a pre-request script would set {{"+key+"}}, the URL it is sent to")
		}
	}
	if len(untranslated) > 0 {
		doc = fillLines("Not done by this method: "+strings.Join(untranslated, "; ")+".", 76)
	}
	return &cp, doc, dropEmpty, script
}

// effectiveSets picks, for each variable the scripts set, the value the
// request sees: the highest scope's, unless the environment file or the
// collection defines the variable in a scope above the script's.
func (b *builder) effectiveSets(sets map[string]map[string]*pmtest.Edit) map[string]*pmtest.Edit {
	out := map[string]*pmtest.Edit{}
	for key, scopes := range sets {
		for _, sc := range []string{pmtest.ScopeLocal, pmtest.ScopeEnvironment, pmtest.ScopeCollection, pmtest.ScopeGlobal} {
			v := scopes[sc]
			if v == nil {
				continue
			}
			if sc == pmtest.ScopeCollection && b.pre.envKeys[key] ||
				sc == pmtest.ScopeGlobal && (b.pre.envKeys[key] || b.pre.colKeys[key]) {
				break
			}
			out[key] = v
			break
		}
	}
	return out
}

// fillLines breaks text between words into lines of at most width
// bytes, as the other sentences of a method's doc are laid out.
func fillLines(text string, width int) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(text) {
		if n > 0 && n+1+len(w) > width {
			b.WriteByte('\n')
			n = 0
		} else if n > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// headerIndex is the index of the first header called key, without
// regard to case as Postman's header list matches; -1 when none is.
func headerIndex(hs []load.Pair, key string) int {
	for i, h := range hs {
		if strings.EqualFold(h.Key, key) {
			return i
		}
	}
	return -1
}

// scriptVariable is the template of a variable a pre-request script of
// the request being built sets; ok is false when none does (or it is
// already being resolved: Postman leaves a cycle unresolved, and the
// setting stands).
func (b *builder) scriptVariable(key string) (model.Template, bool) {
	if _, ok := b.pre.computed[key]; ok {
		b.warnComputedElsewhere(key)
		return nil, false
	}
	v, ok := b.pre.vars[key]
	if !ok || b.pre.resolving[key] {
		return nil, false
	}
	if b.pre.resolving == nil {
		b.pre.resolving = map[string]bool{}
	}
	b.pre.resolving[key] = true
	defer delete(b.pre.resolving, key)
	return b.template(v), true
}
