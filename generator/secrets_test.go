package generator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/output"
)

// secretValue is a credential saved in a collection, and where.
type secretValue struct {
	where, value string
	// variable is the variable's key when the value is a variable's.
	variable string
	// key is the variable's or the auth parameter's name.
	key string
}

// The oracle below reads collections with encoding/json, apart from load
// and build, so that a mistake in how pmgen classifies secrets cannot
// hide itself from the test.
var (
	// secretVarName is what a variable's name says when it holds a
	// credential (issue: token, secret, password, key or credential).
	secretVarName = regexp.MustCompile(`(?i)token|secret|passw|pwd|key|credential`)
	// credentialKey is an auth parameter holding a credential: tokens,
	// passwords, client and consumer secrets, AWS secret keys, Hawk keys.
	credentialKey = regexp.MustCompile(`(?i)^(token|accessToken|access_token|refreshToken|refresh_token|id_token|sessionToken|clientToken|tokenSecret|password|clientSecret|client_secret|consumerSecret|secret|secretKey|authKey|privateKey)$`)
	varRef        = regexp.MustCompile(`\{\{([^{}]*)\}\}`)
)

// collectionSecrets lists every credential a collection saves: auth
// parameters anywhere (collection, folders, requests), variables of type
// secret, variables whose names say they are credentials, and variables
// that an auth credential refers to.
func collectionSecrets(t testing.TB, data []byte) []secretValue {
	t.Helper()
	var root any
	if err := json.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &root); err != nil {
		t.Fatal(err)
	}
	var out []secretValue
	authRefs := map[string]bool{}
	type variable struct{ key, value, typ string }
	var vars []variable
	var walk func(v any, path string)
	walk = func(v any, path string) {
		switch v := v.(type) {
		case []any:
			for i, e := range v {
				walk(e, fmt.Sprintf("%s[%d]", path, i))
			}
		case map[string]any:
			if a, ok := v["auth"].(map[string]any); ok {
				typ, _ := a["type"].(string)
				for _, p := range authParams(a[typ]) {
					if credentialKey.MatchString(p[0]) || (strings.EqualFold(typ, "apikey") && p[0] == "value") {
						for _, m := range varRef.FindAllStringSubmatch(p[1], -1) {
							authRefs[m[1]] = true
						}
						if lit := strings.TrimSpace(varRef.ReplaceAllString(p[1], "")); lit != "" {
							out = append(out, secretValue{where: path + ".auth." + typ + "." + p[0], value: p[1], key: p[0]})
						}
					}
				}
			}
			// A URL's "variable" list is its path variables (":id"), the
			// arguments of a method, not the collection's variables.
			if list, ok := v["variable"].([]any); ok && !strings.HasSuffix(path, ".url") {
				for _, e := range list {
					m, _ := e.(map[string]any)
					key := str(m["key"])
					if key == "" {
						key = str(m["id"])
					}
					vars = append(vars, variable{key, str(m["value"]), str(m["type"])})
				}
			}
			keys := make([]string, 0, len(v))
			for k := range v {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				walk(v[k], path+"."+k)
			}
		}
	}
	walk(root, "$")
	for _, v := range vars {
		if strings.TrimSpace(v.value) == "" || varRef.MatchString(v.value) && strings.TrimSpace(varRef.ReplaceAllString(v.value, "")) == "" {
			continue
		}
		if strings.EqualFold(v.typ, "secret") || secretVarName.MatchString(v.key) || authRefs[v.key] {
			out = append(out, secretValue{where: "variable " + v.key, value: v.value, variable: v.key, key: v.key})
		}
	}
	return out
}

// authParams reads an auth scheme's parameters in both schema versions:
// v2.1's [{key, value}] and v2.0's {key: value}. Numbers and booleans are
// not credentials and are left out.
func authParams(v any) [][2]string {
	var out [][2]string
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			m, _ := e.(map[string]any)
			if s, ok := m["value"].(string); ok {
				out = append(out, [2]string{str(m["key"]), s})
			}
		}
	case map[string]any:
		for k, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, [2]string{k, s})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// leaks returns the files of out that contain value, in any of the forms
// a generator could write it: as is, quoted as a Go or JSON string, or
// with the escapes of either.
func leaks(files []output.File, value string) []string {
	forms := []string{value, fmt.Sprintf("%q", value)[1 : len(fmt.Sprintf("%q", value))-1]}
	if j, err := json.Marshal(value); err == nil {
		forms = append(forms, string(j[1:len(j)-1]))
	}
	var hits []string
	for _, f := range files {
		for _, form := range forms {
			if bytes.Contains(f.Data, []byte(form)) {
				hits = append(hits, f.Path)
				break
			}
		}
	}
	return hits
}

// minSecretLen is the shortest value the scan looks for: a saved password
// of "x" or "1" is found in every file, and tells nothing. It is the
// length below which build does not redact descriptions either.
const minSecretLen = 4

// TestCorpusSecrets generates every corpus collection and scans every file
// written (Go source, tests, README, doc) for every credential the
// collection saves. Each withheld variable must also be named in a
// warning, and no warning may print a value.
func TestCorpusSecrets(t *testing.T) {
	scanned, short, files, collections := 0, 0, 0, 0
	for _, path := range corpusCollections(t) {
		base := filepath.Base(path)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		r := renderCorpus(t, path)
		if r.err != nil {
			t.Errorf("%s: %v", base, r.err)
			continue
		}
		out, diags := r.files, r.diags
		collections++
		files += len(out)
		var warnings []string
		for _, d := range diags {
			warnings = append(warnings, d.String())
		}
		for _, s := range collectionSecrets(t, data) {
			if v := strings.TrimSpace(s.value); len(v) < minSecretLen || strings.Contains(strings.ToLower(s.key), strings.ToLower(v)) {
				// "password": "password" or "clientSecret": "secret" is
				// a placeholder that repeats its own name, found in
				// every file that documents such an option.
				short++
				continue
			}
			scanned++
			if hits := leaks(out, s.value); len(hits) > 0 {
				t.Errorf("%s: %s leaks into %s", base, s.where, strings.Join(hits, ", "))
			}
			for _, w := range warnings {
				if strings.Contains(w, s.value) {
					t.Errorf("%s: a warning prints the value of %s: %s", base, s.where, w)
				}
			}
			if s.variable != "" && !containsWarning(warnings, fmt.Sprintf("variable %q", s.variable), "[secret-withheld]") {
				t.Errorf("%s: no secret-withheld warning names %s", base, s.where)
			}
		}
	}
	if scanned == 0 {
		t.Fatal("the corpus saves no credential: the scan proves nothing")
	}
	t.Logf("secrets scan: %d values from %d collections, %d files scanned, 0 leaks wanted (%d values under %d bytes or repeating their own name not scanned)",
		scanned, collections, files, short, minSecretLen)
}

func containsWarning(warnings []string, parts ...string) bool {
	for _, w := range warnings {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(w, p)
		}
		if ok {
			return true
		}
	}
	return false
}
