package build

import (
	"strings"

	"github.com/pmgen/pmgen/generator/internal/godoc"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// A method's doc comment starts, as Go docs do, with a sentence that begins
// with the method's name and says what it does. The sentence comes from the
// request's description when its first sentence starts with a verb
// (godoc.ThirdPerson: "Logs a user in to the realm and returns a session token" gives
// "Authenticate logs a user in to the realm and returns a session token.")),
// and otherwise from the HTTP method and path ("GetUser sends a GET request
// to /users/{id}."). The request's name in the collection follows, when it
// is not the method's name.

// leadSubjects are the words a description may name the request by before
// its verb: "This endpoint returns the user" reads "GetUser returns the user".
var leadSubjects = []string{"This endpoint ", "This request ", "This API ", "This call ",
	"This method ", "This operation ", "This route ", "This resource ", "This service "}

// methodLead makes the lead of a method's doc: sentence, its first
// sentence (one line), and named, the sentence that gives the request's
// name in the collection ("" when that is the method's name); rest is what
// of summary, the request's description as Go doc text, follows them. path
// is the request path in Go terms ("/users/{id}").
func methodLead(op *model.Operation, name, summary, path string) (sentence, named, rest string) {
	if strings.TrimSpace(name) != op.Method {
		named = "The collection names this request " + quotedName(name) + "."
	}
	if s, after, ok := verbSentence(summary); ok {
		return op.Method + " " + s, named, after
	}
	return requestSentence(op, path), named, summary
}

// quotedName quotes a request name for prose, its spaces collapsed.
func quotedName(name string) string {
	return `"` + strings.Join(strings.Fields(name), " ") + `"`
}

// requestSentence says what a request does from its HTTP method, path and
// result, for a request whose description gives no lead.
func requestSentence(op *model.Operation, path string) string {
	if path == "" {
		path = "the base URL"
	}
	s := op.Method + " sends a " + op.HTTPMethod + " request to " + path
	switch {
	case op.ResultStream:
		s += " and returns the response body unread"
	case op.Result != nil:
		s += " and returns the decoded response"
	case op.ResultRaw:
		s += " and returns the response body"
	}
	return s + "."
}

// verbSentence returns the first sentence of summary, from its verb on in
// third person ("logs a user in…."), and the rest of summary, when its
// first paragraph is plain prose whose first word (after a
// "This endpoint"-like subject) is a verb, as godoc.ThirdPerson knows them.
func verbSentence(summary string) (sentence, rest string, ok bool) {
	if head, after, ok := strings.Cut(summary, "\n\n"); ok && strings.HasPrefix(head, "# ") && !strings.Contains(head, "\n") {
		// A first line without a full stop, alone before a paragraph, is a
		// heading to gofmt ("Logs a user in"); as the lead it is a sentence.
		summary = head[2:] + "\n\n" + after
	}
	text, rest, ok := godoc.FirstSentence(summary)
	if !ok {
		return "", "", false
	}
	for _, subj := range leadSubjects {
		if strings.HasPrefix(text, subj) {
			text = text[len(subj):]
			break
		}
	}
	first, tail, _ := strings.Cut(text, " ")
	verb, ok := godoc.ThirdPerson(first)
	if !ok || tail == "" {
		return "", "", false
	}
	sentence = verb + " " + tail
	if !strings.ContainsAny(sentence[len(sentence)-1:], ".!?:") {
		sentence += "."
	}
	return sentence, rest, true
}

// goURL writes a request's URL in Go terms, for its doc: the origin and
// settings by their Go names in braces, path arguments by their argument
// names, and the query as saved, with its {{variables}} named the same way:
// "{baseURL}/json{realm}/sessions?_action=refresh". withOrigin leaves the
// origin out when false.
func (b *builder) goURL(op *model.Operation, rawQuery string, withOrigin bool) string {
	var s strings.Builder
	if withOrigin && op.Origin != nil {
		s.WriteString("{" + op.Origin.Field + "}")
	}
	for _, p := range op.URL {
		switch p.Kind {
		case model.PartLiteral:
			s.WriteString(p.Text)
		case model.PartSetting:
			s.WriteString("{" + p.Setting.Field + "}")
		case model.PartPathArg:
			s.WriteString("{" + p.Arg.Name + "}")
		case model.PartDynamic:
			s.WriteString("{$" + p.Dynamic + "}")
		}
	}
	if rawQuery != "" {
		s.WriteString("?" + b.goVariables(rawQuery))
	}
	return s.String()
}

// goVariables replaces each {{key}} of text that names a client setting
// with {field}, the setting's Go name; other references keep their key.
func (b *builder) goVariables(text string) string {
	var s strings.Builder
	for {
		start := strings.Index(text, "{{")
		if start < 0 {
			break
		}
		end := strings.Index(text[start:], "}}")
		if end < 0 {
			break
		}
		key := text[start+2 : start+end]
		s.WriteString(text[:start])
		if set, ok := b.settings[key]; ok {
			s.WriteString("{" + set.Field + "}")
		} else {
			s.WriteString("{" + key + "}")
		}
		text = text[start+end+2:]
	}
	s.WriteString(text)
	return s.String()
}

// rawQuery is the query text of a saved URL, after its '?' and before any
// fragment; empty when it has none.
func rawQuery(raw string) string {
	_, q, ok := strings.Cut(raw, "?")
	if !ok {
		return ""
	}
	q, _, _ = strings.Cut(q, "#")
	return strings.TrimSpace(q)
}
