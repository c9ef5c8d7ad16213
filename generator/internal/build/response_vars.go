package build

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/auth"
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
	"github.com/pmgen/pmgen/generator/internal/pmtest"
)

// codeSetVarNotTranslated marks a test script statement that sets a
// variable in a way the client does not follow. It is the code every
// untranslated script statement has; the constant is named for this
// file's use so that the pre-request translation can keep its own.
const codeSetVarNotTranslated = "script-not-translated"

// varsOp is an operation whose test scripts set variables, kept until
// every request is built: only then are all the settings known that the
// variables feed, and the requests that send them.
type varsOp struct {
	op   *model.Operation
	pos  model.Pos
	sets []pmtest.VarSet
	// refused are the statements not translated, which the method's doc
	// lists.
	refused []string
}

// parseResponseVars reads the statements of the test scripts Postman runs
// after it (the collection's, each folder's, the item's) that set
// variables, and warns about those it cannot follow.
func (b *builder) parseResponseVars(it *load.Item, op *model.Operation) {
	var sets []pmtest.VarSet
	var skipped []string
	for _, src := range b.testScripts(it) {
		got, refused := pmtest.ParseSetVars(src)
		for _, r := range refused {
			stmt := b.withheld.Redact(r.Statement)
			skipped = append(skipped, stmt)
			b.diag(it.Pos, model.Warning, codeSetVarNotTranslated, fmt.Sprintf(
				"the test script statement %s is not translated: it %s; the client does not set the variable from the response",
				quoteStatement(stmt), r.Reason))
		}
		for _, s := range got {
			s.Statement = b.withheld.Redact(s.Statement)
			if s.Source == pmtest.VarLiteral && s.Value != "" && b.secretKey(s.Key) {
				// The generated code never holds credentials: the value
				// is neither a field's nor quoted in a doc.
				b.diag(it.Pos, model.Warning, auth.CodeSecretWithheld, fmt.Sprintf(
					"the test script sets the credential {{%s}} to a value saved in the script: withheld from the generated code, which never holds credentials; pass it with its option", s.Key))
				continue
			}
			if s.Source != pmtest.VarLiteral && s.Source != pmtest.VarUnset && op.ResultStream {
				b.diag(it.Pos, model.Warning, codeSetVarNotTranslated, fmt.Sprintf(
					"the test script statement %s is not translated: the response is a download, which the client returns unread",
					quoteStatement(s.Statement)))
				skipped = append(skipped, s.Statement)
				continue
			}
			sets = append(sets, s)
		}
	}
	if len(sets) > 0 || len(skipped) > 0 {
		b.varsOps = append(b.varsOps, varsOp{op: op, pos: it.Pos, sets: sets, refused: skipped})
	}
}

// varsSource maps the reader's sources to the model's.
var varsSource = map[pmtest.VarSource]model.VarsSource{
	pmtest.VarLiteral:  model.VarFromLiteral,
	pmtest.VarJSON:     model.VarFromJSON,
	pmtest.VarBody:     model.VarFromBody,
	pmtest.VarUnset:    model.VarUnset,
	pmtest.VarVariable: model.VarFromVariable,
	pmtest.VarHeader:   model.VarFromHeader,
}

// condKind maps the reader's conditions to the model's.
var condKind = map[pmtest.CondKind]model.VarCondKind{
	pmtest.CondBodyContains: model.CondBodyContains,
	pmtest.CondStatusText:   model.CondStatusText,
	pmtest.CondStatusCode:   model.CondStatusCode,
}

// secretKey reports whether a variable holds a credential: its setting is
// withheld, or its name says so.
func (b *builder) secretKey(key string) bool {
	if st := b.settings[key]; st != nil && st.Secret {
		return true
	}
	return b.secrets.SecretReason(load.Variable{Key: key}) != ""
}

// quoteStatement shows a statement on one line, shortened.
func quoteStatement(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 120 {
		s = string(r[:117]) + "..."
	}
	return "`" + s + "`"
}

// linkResponseVars makes the model of each operation's variables, once
// every request is built.
func (b *builder) linkResponseVars() {
	recv := map[*model.Operation]string{}
	senders := newSenders(allOps(b.api.Root, recv))
	for _, vo := range b.varsOps {
		b.responseVars(vo, senders, recv[vo.op])
	}
}

// allOps lists the operations depth first, and records the type each is
// a method of.
func allOps(svc *model.Service, recv map[*model.Operation]string) []*model.Operation {
	ops := append([]*model.Operation(nil), svc.Ops...)
	for _, op := range svc.Ops {
		recv[op] = svc.TypeName
		if svc.TypeName == "" {
			recv[op] = "Client"
		}
	}
	for _, sub := range svc.Services {
		ops = append(ops, allOps(sub, recv)...)
	}
	return ops
}

func (b *builder) responseVars(vo varsOp, senders *senders, recv string) {
	op := vo.op
	// The caller learns what Postman would have done that this client
	// does not, after what it does.
	defer func() {
		if len(vo.refused) > 0 {
			op.Doc = paragraphs(op.Doc, wrapProse("Its test script also sets variables in ways the client does not follow; do this yourself where you need it:")+
				"\n\n"+indentLines(vo.refused))
		}
	}()
	if len(vo.sets) == 0 {
		return
	}
	rv := &model.ResponseVars{}
	byKey := map[string]*model.ResponseVar{}
	fields := naming.NewScope("Options")
	var lines []string
	for _, s := range vo.sets {
		if s.Source == pmtest.VarVariable && b.settings[s.Value] == nil {
			b.diag(vo.pos, model.Warning, codeSetVarNotTranslated, fmt.Sprintf(
				"the test script statement %s is not translated: it copies {{%s}}, which the collection neither defines nor sends",
				quoteStatement(s.Statement), s.Value))
			vo.refused = append(vo.refused, s.Statement)
			continue
		}
		lines = append(lines, s.Statement)
		v := byKey[s.Key]
		if v != nil && v.Source != model.VarUnset && (s.Guarded || s.Lenient || len(s.Conds) > 0) {
			// Postman keeps the earlier value when the later statement
			// does not run; the reader follows one statement per name.
			b.diag(vo.pos, model.Warning, codeSetVarNotTranslated, fmt.Sprintf(
				"the test script sets {{%s}} more than once, the last time under a condition: only %s is followed, and the earlier value is not kept when it does not run",
				s.Key, quoteStatement(s.Statement)))
		}
		if v == nil {
			v = &model.ResponseVar{Key: s.Key, Setting: b.settings[s.Key]}
			byKey[s.Key] = v
			rv.Vars = append(rv.Vars, v)
		}
		// The last statement for a key is the one in force after the script.
		v.Source, v.Value, v.Path, v.Guarded, v.Lenient = varsSource[s.Source], s.Value, s.Path, s.Guarded, s.Lenient
		v.From = nil
		if s.Source == pmtest.VarVariable {
			v.From = b.settings[s.Value]
		}
		v.Conds = nil
		for _, c := range s.Conds {
			v.Conds = append(v.Conds, model.VarCond{Kind: condKind[c.Kind], Value: c.Value, Not: c.Not})
		}
	}
	for _, v := range rv.Vars {
		switch v.Source {
		case model.VarUnset:
			if v.Setting != nil && v.Setting.HasDefault && v.Setting.Nested == nil {
				v.Value = v.Setting.Default
			} else {
				v.Value = ""
			}
		case model.VarFromVariable:
			// Its value is the other setting's on the call the options
			// go to: there is nothing to read from the response.
		default:
			v.Field = fields.Unique(naming.Exported(v.Key, "Variable"))
			v.Doc = wrapProse(varDoc(v))
		}
		if v.Setting != nil {
			rv.HasOptions = true
		}
		if (v.Source == model.VarFromJSON || v.Source == model.VarFromHeader) && !v.Guarded && !v.Lenient {
			rv.Fails = true
		}
	}
	if !rv.HasOptions && !hasFields(rv) {
		return // only unsets of variables no request sends: nothing to hand over
	}
	name := op.Method + "Variables"
	if b.pkg.Taken(name) {
		name = strings.Join(op.Chain, "") + name
	}
	rv.TypeName = b.pkg.Unique(name)
	rv.Reader = b.pkg.Unique("Read" + rv.TypeName)
	method := "[" + recv + "." + op.Method + "]"
	rv.Doc = fmt.Sprintf("%s are the variables that the test script of %q sets from its response. Read them from the method's *Response with [%s]", rv.TypeName, op.Name, rv.Reader)
	if rv.HasOptions {
		rv.Doc += fmt.Sprintf(", and pass [%s.Options] to the later calls that should send them, as Postman sends them after the script runs", rv.TypeName)
	}
	rv.Doc += ". The client's own settings never change on their own."
	rv.ReaderDoc = fmt.Sprintf("%s reads from resp, the response of %s, the variables its test script sets:\n\n%s", rv.Reader, method, indentLines(lines))
	if rv.Fails {
		rv.ReaderDoc += "\n\nIt fails when the body is not JSON or lacks a member (or the response a header) a variable is read from without an if or try around it."
	}
	if rv.HasOptions {
		var opts []string
		for _, v := range rv.Vars {
			switch {
			case v.Setting == nil:
			case v.Source == model.VarFromVariable:
				opts = append(opts, "{{"+v.Key+"}} set to {{"+v.From.Key+"}}")
			default:
				opts = append(opts, "["+v.Setting.Option+"]")
			}
		}
		rv.OptionsDoc = fmt.Sprintf("Options returns the options that send the variables on a later call, as Postman sends them after the script: %s. Pass them to a method for that call, or to [New] for every call of a new client.", strings.Join(opts, ", "))
	}
	rv.Doc, rv.ReaderDoc, rv.OptionsDoc = wrapProse(rv.Doc), wrapProse(rv.ReaderDoc), wrapProse(rv.OptionsDoc)
	op.Vars = rv
	op.Doc = paragraphs(op.Doc, wrapProse(fmt.Sprintf("Its test script sets variables from the response: read them with [%s].", rv.Reader)))
	b.varsTest(op, senders)
}

func hasFields(rv *model.ResponseVars) bool {
	for _, v := range rv.Vars {
		if v.Field != "" {
			return true
		}
	}
	return false
}

func indentLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteString("\n")
		}
		for j, part := range strings.Split(l, "\n") {
			if j > 0 {
				b.WriteString("\n")
			}
			b.WriteString("\t" + strings.TrimRight(part, " \t\r"))
		}
	}
	return b.String()
}

// varDoc says where a field's value comes from.
func varDoc(v *model.ResponseVar) string {
	var from string
	switch v.Source {
	case model.VarFromLiteral:
		from = "always " + strconv.Quote(v.Value)
	case model.VarFromBody:
		from = "the response body as text"
	case model.VarFromHeader:
		from = "the response's " + v.Value + " header"
	default:
		from = "the response's " + strings.Join(v.Path, ".")
	}
	doc := fmt.Sprintf("%s is {{%s}}: %s", v.Field, v.Key, from)
	if len(v.Conds) > 0 {
		doc += "; set only when " + condsText(v.Conds)
	}
	switch {
	case v.Lenient:
		doc += "; empty when the response has none, in which case the script leaves the variable alone"
	case v.Guarded && v.Source == model.VarFromBody:
		doc += "; when the body is empty the script leaves the variable alone"
	case v.Guarded:
		doc += "; empty when the response has none or it is false, 0 or empty, in which case the script leaves the variable alone"
	}
	if v.Setting == nil {
		doc += ". No request of the collection sends it."
	} else {
		doc += "."
	}
	return doc
}

// wrapProse wraps the prose paragraphs of a doc comment at 80 columns, as
// the doc comments made from descriptions are; indented code is kept as
// written.
func wrapProse(doc string) string {
	paras := strings.Split(doc, "\n\n")
	for i, p := range paras {
		if strings.HasPrefix(p, "\t") {
			continue
		}
		var b strings.Builder
		n := 0
		for _, w := range strings.Fields(p) {
			if n > 0 && n+1+len(w) > 80 {
				b.WriteString("\n")
				n = 0
			} else if n > 0 {
				b.WriteString(" ")
				n++
			}
			b.WriteString(w)
			n += len(w)
		}
		paras[i] = b.String()
	}
	return strings.Join(paras, "\n\n")
}

// condsText says in words when the branches around a setter run.
func condsText(conds []model.VarCond) string {
	var parts []string
	for _, c := range conds {
		var p string
		switch c.Kind {
		case model.CondBodyContains:
			p = "the body contains " + strconv.Quote(c.Value)
			if c.Not {
				p = "the body does not contain " + strconv.Quote(c.Value)
			}
		case model.CondStatusText:
			p = "the status is " + strconv.Quote(c.Value)
			if c.Not {
				p = "the status is not " + strconv.Quote(c.Value)
			}
		default:
			p = "the status code is " + c.Value
			if c.Not {
				p = "the status code is not " + c.Value
			}
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " and ")
}
