package conformance

import (
	"bytes"
	"regexp"
	"strings"
	"time"
)

// script is a pre-request script in scope of a request: its owner ("the
// folder \"Users\"") and what it does to requests.
type script struct {
	owner string
	// all is set when the script edits pm.request, or sets a variable whose
	// name is not a literal: every request in scope may change.
	all bool
	// keys are the variables it sets.
	keys []string
}

// scriptScope is the chain of pre-request scripts that run before a
// request: collection, folders, the request's own.
type scriptScope []script

// with returns the scope extended with the pre-request script of node, if
// it has one that does anything to requests.
func (s scriptScope) with(owner string, node map[string]any) scriptScope {
	var src strings.Builder
	for _, e := range list(node["event"]) {
		ev, _ := e.(map[string]any)
		if str(ev["listen"]) != "prerequest" {
			continue
		}
		sc, _ := ev["script"].(map[string]any)
		switch x := sc["exec"].(type) {
		case string:
			src.WriteString(x)
		case []any:
			for _, l := range x {
				src.WriteString(str(l))
				src.WriteByte('\n')
			}
		}
	}
	code := stripComments(src.String())
	if strings.TrimSpace(code) == "" {
		return s
	}
	sc := script{owner: owner}
	// Setting a header the comparison ignores (Stripe's collection sets
	// User-Agent) changes nothing that is compared.
	code = ownHeaderEdit.ReplaceAllStringFunc(code, func(m string) string {
		if newmanOwn[strings.ToLower(ownHeaderEdit.FindStringSubmatch(m)[1])] {
			return ""
		}
		return m
	})
	sc.all = requestEdit.MatchString(code)
	for _, m := range setCall.FindAllStringSubmatch(code, -1) {
		if m[2] == "" {
			sc.all = true
			continue
		}
		sc.keys = append(sc.keys, m[2])
	}
	if !sc.all && len(sc.keys) == 0 {
		return s
	}
	return append(append(scriptScope(nil), s...), sc)
}

// changes names the first script in scope that changes a request whose
// JSON (request and effective auth) is req: one that edits pm.request, or
// sets a variable the request uses. "" when none does.
func (s scriptScope) changes(req []byte) string {
	for _, sc := range s {
		if sc.all {
			return "a pre-request script of " + sc.owner + " edits the request"
		}
		for _, k := range sc.keys {
			if bytes.Contains(req, []byte("{{"+k+"}}")) {
				return "a pre-request script of " + sc.owner + " sets {{" + k + "}}"
			}
		}
	}
	return ""
}

// requestEdit finds a script that changes pm.request itself.
var requestEdit = regexp.MustCompile(`pm\.request\.(?:headers|url|body|auth|method|addHeader|removeHeader|upsertHeader|update)\b[\s\S]{0,40}?(?:\.(?:add|upsert|remove|update|clear|set\w*|addQueryParams|removeQueryParams)\s*\(|=[^=])|pm\.request\.(?:addHeader|removeHeader|upsertHeader)\s*\(`)

// ownHeaderEdit finds a header edit with a literal name: group 1.
var ownHeaderEdit = regexp.MustCompile(`pm\.request\.headers\.(?:upsert|add)\(\s*\{\s*key\s*:\s*['"]([\w-]+)['"][^}]*\}\s*\)`)

// setCall finds a variable being set; group 2 is its literal name, empty
// when the name is computed.
var setCall = regexp.MustCompile(`(?:pm\.(?:environment|globals|collectionVariables|variables|iterationData)\.(?:set|unset)|postman\.(?:setEnvironmentVariable|setGlobalVariable|clearEnvironmentVariable|clearGlobalVariable))\s*\(\s*(?:(['"` + "`" + `])([^'"` + "`" + `]+)['"` + "`" + `]|())`)

var (
	lineComment  = regexp.MustCompile(`(?m)^\s*//.*$`)
	blockComment = regexp.MustCompile(`(?s)/\*.*?\*/`)
)

func stripComments(s string) string {
	return lineComment.ReplaceAllString(blockComment.ReplaceAllString(s, ""), "")
}

// edgeGridStamp is fixedUnix as Akamai EdgeGrid spells a timestamp.
func edgeGridStamp() string {
	return time.Unix(fixedUnix, 0).UTC().Format("20060102T15:04:05+0000")
}
