package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// scriptStatement is the statement a [script-not-translated] warning
// quotes.
var scriptStatement = regexp.MustCompile(`does not understand “([^”]*)”`)

// testScriptReason is why a test script's setter is not translated, as
// its warning says it ("runs under a condition the translation does not
// follow").
var testScriptReason = regexp.MustCompile("the test script statement `.*` is not translated: it ([^(;]*?)(?: \\(|;)")

// scriptKind classifies the first statement a script warning quotes:
// the keyword that opens it, "declaration", "assignment", the callee of
// a call, or "URL setting" when a translated script sets the variable
// that holds the request's host.
func scriptKind(msg string) string {
	if m := testScriptReason.FindStringSubmatch(msg); m != nil {
		return "test script: " + m[1]
	}
	if strings.Contains(msg, "which the client holds as the URL setting") {
		return "sets the URL setting"
	}
	m := scriptStatement.FindStringSubmatch(msg)
	if m == nil {
		return "unreadable"
	}
	s := m[1]
	word := regexp.MustCompile(`^[\w$.]+`).FindString(s)
	switch {
	case word == "if" || word == "try" || word == "for" || word == "while" || word == "function" || word == "switch":
		return word
	case word == "const" || word == "let" || word == "var":
		return "declaration"
	case regexp.MustCompile(`^[\w$.]+\s*=[^=]`).MatchString(s):
		return "assignment"
	case word != "" && strings.HasPrefix(s[len(word):], "("):
		return word + "()"
	}
	return "other"
}

// TestCorpusScriptWarnings generates every corpus collection and counts
// the pre-request scripts pmgen does not translate, by the kind of the
// first statement not understood, and the test-script statements it does
// not follow, by the reason ($PMGEN_CORPUS_REPORT prints the
// table). The collections whose scripts are all translated give none.
func TestCorpusScriptWarnings(t *testing.T) {
	byKind := map[string]int{}
	total := 0
	for _, path := range corpusCollections(t) {
		base := filepath.Base(path)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		r := renderSources(source{base, data}, source{}, "", corpusImport(base))
		name := strings.TrimSuffix(base, ".postman_collection.json")
		n := 0
		for _, d := range r.diags {
			if d.Code != "script-not-translated" {
				continue
			}
			n++
			byKind[scriptKind(d.Message)]++
			if !strings.Contains(d.Message, "does not understand") && !strings.Contains(d.Message, "URL setting") &&
				!testScriptReason.MatchString(d.Message) {
				t.Errorf("%s: the warning names no statement: %s", name, d)
			}
		}
		total += n
		switch name {
		case "contentstack__graphql-api", "stripe__stripe-api", "gopc__collection-v2.1.0", "transformer__nested-entities-v2.1.0", "p2o__twitter-api-v2":
			// Header edits, variable reads and console.log: translated;
			// Twitter's fetches a client credentials token, and its OAuth 1
			// part runs for no request (none sets its own auth).
			if n != 0 {
				t.Errorf("%s: %d script-not-translated warnings, want none", name, n)
			}
		case "docusign__click-api":
			if n == 0 {
				t.Errorf("%s: its token scripts are not translated, but nothing says so", name)
			}
		}
	}
	var kinds []string
	for k := range byKind {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		if byKind[kinds[i]] != byKind[kinds[j]] {
			return byKind[kinds[i]] > byKind[kinds[j]]
		}
		return kinds[i] < kinds[j]
	})
	var b strings.Builder
	fmt.Fprintf(&b, "%d [script-not-translated] warnings across the corpus:\n", total)
	for _, k := range kinds {
		fmt.Fprintf(&b, "  %4d  %s\n", byKind[k], k)
	}
	if os.Getenv("PMGEN_CORPUS_REPORT") != "" {
		fmt.Print(b.String())
	}
	t.Log(b.String())
}
