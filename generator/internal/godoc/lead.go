package godoc

import "strings"

// FirstSentence splits a doc comment's text into the first sentence of
// its first paragraph, on one line, and the rest: the remainder of that
// paragraph, filled again, and the paragraphs after it. ok is false when
// the first paragraph is not plain prose (a code block, a list, a
// heading), which has no sentence to lift. A sentence ends at '.', '!' or
// '?' before a space, except after "e.g." and its kin; a paragraph without
// one is a sentence as a whole.
func FirstSentence(doc string) (sentence, rest string, ok bool) {
	para, others, _ := strings.Cut(strings.Trim(doc, "\n"), "\n\n")
	if para == "" || strings.ContainsAny(para[:1], " \t#-*+•") || strings.Contains(para, "\n ") || strings.Contains(para, "\n\t") {
		return "", "", false
	}
	text := strings.Join(strings.Fields(para), " ")
	end := sentenceEnd(text)
	rest = Fill(strings.TrimSpace(text[end:]))
	switch {
	case rest == "":
		rest = others
	case others != "":
		rest += "\n\n" + others
	}
	return strings.TrimSpace(text[:end]), rest, true
}

// sentenceEnd is the index just past the first sentence of text.
func sentenceEnd(text string) int {
	for i := 0; i < len(text); i++ {
		if !strings.ContainsRune(".!?", rune(text[i])) || i+1 < len(text) && text[i+1] != ' ' {
			continue
		}
		word := text[strings.LastIndex(text[:i], " ")+1 : i+1]
		switch strings.TrimLeft(strings.ToLower(word), "(") {
		case "e.g.", "i.e.", "etc.", "vs.", "approx.", "cf.":
			continue
		}
		return i + 1
	}
	return len(text)
}

// Fill fills plain text into one paragraph of lines of at most 80
// columns (a longer word gets a line of its own). No line starts with a
// space or tab, so gofmt reads the result as the one paragraph it is.
// The first two words share a line however long they are: a doc starts
// "Name verb", and linters read a name alone on its line as a doc that
// does not start with the name.
func Fill(text string) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(text) {
		switch {
		case n == 0:
		case n+1+len(w) > 80 && i > 1:
			b.WriteByte('\n')
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}

// verbs are the verbs API descriptions start with, in their base form:
// "Get a user" and "Gets a user" both give "gets a user". A description
// that starts with any other word keeps its first sentence, and the lead
// is made from the request instead.
var verbs = map[string]bool{
	"accept": true, "activate": true, "add": true, "apply": true, "approve": true,
	"archive": true, "assign": true, "attach": true, "authenticate": true, "authorize": true,
	"calculate": true, "cancel": true, "change": true, "check": true, "clone": true,
	"close": true, "compute": true, "confirm": true, "convert": true, "copy": true,
	"count": true, "create": true, "deactivate": true, "decline": true, "delete": true,
	"deploy": true, "describe": true, "destroy": true, "detach": true, "disable": true,
	"display": true, "download": true, "edit": true, "empty": true, "enable": true, "end": true,
	"establish": true, "exchange": true, "execute": true, "export": true, "extract": true,
	"fetch": true, "find": true, "finish": true, "generate": true, "get": true,
	"grant": true, "import": true, "initiate": true, "insert": true, "invalidate": true,
	"invite": true, "issue": true, "list": true, "load": true, "lock": true,
	"log": true, "look": true, "mark": true, "merge": true, "modify": true,
	"move": true, "obtain": true, "open": true, "pause": true, "post": true,
	"publish": true, "purge": true, "put": true, "query": true, "read": true,
	"receive": true, "redeem": true, "refresh": true, "register": true, "reject": true,
	"release": true, "remove": true, "rename": true, "renew": true, "replace": true,
	"request": true, "resend": true, "reset": true, "resolve": true, "restore": true,
	"resume": true, "retrieve": true, "return": true, "revoke": true, "rotate": true,
	"run": true, "save": true, "schedule": true, "search": true, "send": true,
	"set": true, "show": true, "sign": true, "start": true, "stop": true,
	"stream": true, "submit": true, "suggest": true, "subscribe": true, "suspend": true, "sync": true,
	"terminate": true, "test": true, "toggle": true, "track": true, "transfer": true,
	"trigger": true, "unlock": true, "unsubscribe": true, "update": true, "upload": true,
	"upsert": true, "validate": true, "verify": true, "view": true,
}

// ThirdPerson gives the form of a verb that follows a subject ("gets",
// "lists", "searches", "applies") when word, in any case, is one of the
// verbs API descriptions start with, in its base or third-person form:
// "Get a user" and "Gets a user" both lead to "gets a user". Any other
// word is not taken for a verb.
func ThirdPerson(word string) (string, bool) {
	w := strings.ToLower(word)
	if verbs[w] {
		switch {
		case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "sh"), strings.HasSuffix(w, "ch"),
			strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"):
			return w + "es", true
		case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
			return w[:len(w)-1] + "ies", true
		}
		return w + "s", true
	}
	for _, base := range []string{strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "es"), strings.TrimSuffix(w, "ies") + "y"} {
		if base != w && verbs[base] {
			if form, _ := ThirdPerson(base); form == w {
				return w, true
			}
		}
	}
	return "", false
}
