package apidoc

import (
	"strings"

	"github.com/pmgen/pmgen/generator/internal/godoc"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// settingLead is the first sentence of a setting option's doc, which says
// what the setting is, and what of the variable's description follows it.
// A description whose first sentence is a noun phrase ("Full realm path,
// starting at the top-level realm") gives "WithRealm sets the full realm
// path, starting at the top-level realm. The collection calls it
// {{realm}}."; without one, the sentence comes from what the setting
// holds: a URL that requests go to, a credential, or text the requests
// send.
func settingLead(s *model.Setting) (lead, rest string) {
	if s.Spelled {
		return s.Option + " sets the scheme and host that requests to " + s.Key + " go to.", s.Doc
	}
	if phrase, after, ok := nounPhrase(s.Doc); ok {
		return godoc.Fill(s.Option + " sets " + phrase + " The collection calls it {{" + s.Key + "}}."), after
	}
	var what string
	switch {
	case s.URL:
		what = "the URL that requests starting with {{" + s.Key + "}} go to: a scheme and host, and any path prefix that their paths follow."
	case s.Secret:
		what = "the credential that requests send in place of {{" + s.Key + "}}."
	default:
		what = "the text that requests send in place of {{" + s.Key + "}}."
	}
	return godoc.Fill(s.Option + " sets " + what), s.Doc
}

// notNouns are first words that start no noun phrase a setting could be
// named by: pronouns, instructions and qualifiers.
var notNouns = map[string]bool{
	"this": true, "that": true, "these": true, "those": true, "it": true, "its": true,
	"use": true, "used": true, "you": true, "we": true, "if": true, "when": true,
	"for": true, "see": true, "note": true, "do": true, "must": true, "should": true,
	"can": true, "required": true, "optional": true, "enter": true, "paste": true,
	"provide": true, "not": true, "only": true, "leave": true, "change": true,
	"here": true, "there": true, "in": true, "on": true, "to": true, "by": true,
	"from": true, "with": true, "is": true, "was": true, "will": true, "please": true,
}

// nounPhrase returns the first sentence of doc as the object of "sets"
// ("the full realm path, starting at the top-level realm."), and the rest
// of doc, when that sentence starts with an article, "your", or a plain
// word that is neither a verb nor one of notNouns.
func nounPhrase(doc string) (phrase, rest string, ok bool) {
	text, rest, ok := godoc.FirstSentence(doc)
	if !ok {
		return "", "", false
	}
	first, tail, _ := strings.Cut(text, " ")
	if tail == "" || !isWord(first) {
		return "", "", false
	}
	lower := strings.ToLower(first)
	if _, verb := godoc.ThirdPerson(first); verb || notNouns[lower] {
		return "", "", false
	}
	switch {
	case lower == "the" || lower == "a" || lower == "an" || lower == "your":
		phrase = lower + " " + tail
	case first[1:] == strings.ToLower(first[1:]):
		phrase = "the " + lower + " " + tail
	default: // an acronym or a name ("AM", "OAuth") keeps its case
		phrase = "the " + text
	}
	if !strings.ContainsAny(phrase[len(phrase)-1:], ".!?") {
		phrase += "."
	}
	return phrase, rest, true
}

// isWord reports whether s is made of ASCII letters only.
func isWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return s != ""
}
