package pmruntime

import (
	"bytes"
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// dynamicForms are the forms of the values the dynamic functions
// (dynamic.go) make, by Postman name: a test compares a dynamic value by
// its form, because it is new on every call.
var dynamicForms = map[string]string{
	"guid":               `[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}`,
	"randomUUID":         `[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}`,
	"timestamp":          `[0-9]{10}`,
	"isoTimestamp":       `\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z`,
	"randomInt":          `(?:\d{1,3}|1000)`,
	"randomBoolean":      `(?:true|false)`,
	"randomAlphaNumeric": `[a-z0-9]`,
	"randomColor":        `[a-z]+`,
	"randomHexColor":     `#[0-9a-f]{6}`,
	"randomIP":           `\d{1,3}(?:\.\d{1,3}){3}`,
	"randomIPV6":         `[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){7}`,
	"randomMACAddress":   `[0-9a-f]{2}(?::[0-9a-f]{2}){5}`,
	"randomPassword":     `[a-zA-Z0-9]{15}`,
	"randomFirstName":    `[A-Z][a-z]+`,
	"randomLastName":     `[A-Z][a-z]+`,
	"randomFullName":     `[A-Z][a-z]+ [A-Z][a-z]+`,
	"randomUserName":     `[A-Z][a-z]+\.[A-Z][a-z]+`,
	"randomEmail":        `[a-z]+\.[a-z]+@example\.com`,
	"randomExampleEmail": `[a-z]+\.[a-z]+@example\.org`,
	"randomWord":         `[a-z]+`,
	"randomLoremWord":    `[a-z]+`,
	"randomCountryCode":  `[A-Z]{2}`,
	"randomCurrencyCode": `[A-Z]{3}`,
	"randomLatitude":     `-?\d{1,2}\.\d{6}`,
	"randomLongitude":    `-?\d{1,3}\.\d{6}`,
	"randomPrice":        `\d{1,4}\.\d{2}`,
	"randomSemver":       `\d\.\d\.\d`,
	"randomProtocol":     `https?`,
	"randomDomainName":   `[a-z]+\.example\.com`,
	"randomUrl":          `https://[a-z]+\.example\.com`,
	"randomFileName":     `[a-z]+\.txt`,
	"randomMimeType":     `[a-z]+/[a-z]+`,
	"randomLocale":       `[a-z]{2}`,
}

// dynamicRef is a {{$name}} reference in a saved body.
var dynamicRef = regexp.MustCompile(`\{\{\$([A-Za-z0-9]+)\}\}`)

// dynamicPattern is the regular expression that text saved with {{$name}}
// references matches once the client filled them: the text around them as
// written, each reference a value of its form. ok is false when the text
// holds no reference the forms know.
func dynamicPattern(saved string) (re *regexp.Regexp, ok bool) {
	var b strings.Builder
	b.WriteString("^")
	last := 0
	for _, m := range dynamicRef.FindAllStringSubmatchIndex(saved, -1) {
		form, known := dynamicForms[saved[m[2]:m[3]]]
		if !known {
			continue
		}
		b.WriteString(regexp.QuoteMeta(saved[last:m[0]]) + "(?:" + form + ")")
		last, ok = m[1], true
	}
	b.WriteString(regexp.QuoteMeta(saved[last:]) + "$")
	return regexp.MustCompile(b.String()), ok
}

// dynamicJSON is the normaliseBody of a JSON body saved with {{$name}}
// references in its strings: every recorded string that matches its
// saved counterpart's pattern is put back as saved, so that the body then
// compares equal with the example exactly where the client filled in
// values of the right form, and differs where it did not.
func dynamicJSON(t *testing.T, rec *recorded, want string) {
	t.Helper()
	rec.mu.Lock()
	defer rec.mu.Unlock()
	// Numbers stay as written: only strings are put back.
	var got, saved any
	dec := json.NewDecoder(bytes.NewReader(rec.body))
	dec.UseNumber()
	if dec.Decode(&got) != nil || json.Unmarshal([]byte(want), &saved) != nil {
		return // checkRequest reports the body as it is
	}
	data, err := json.Marshal(unfillDynamics(got, saved))
	if err != nil {
		t.Fatalf("re-encoding the request body: %v", err)
	}
	rec.body = data
}

// unfillDynamics walks got beside saved, replacing the strings of got
// that match their saved dynamic pattern with the saved text.
func unfillDynamics(got, saved any) any {
	switch s := saved.(type) {
	case string:
		if g, ok := got.(string); ok {
			if re, dyn := dynamicPattern(s); dyn && re.MatchString(g) {
				return s
			}
		}
	case map[string]any:
		if g, ok := got.(map[string]any); ok {
			for k, v := range g {
				if sv, ok := s[k]; ok {
					g[k] = unfillDynamics(v, sv)
				}
			}
		}
	case []any:
		if g, ok := got.([]any); ok {
			for i := range min(len(g), len(s)) {
				g[i] = unfillDynamics(g[i], s[i])
			}
		}
	}
	return got
}

// dynamicText is the normaliseBody of a text body saved with {{$name}}
// references: a recorded body that matches the saved one's pattern is put
// back as saved.
func dynamicText(t *testing.T, rec *recorded, want string) {
	t.Helper()
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if re, ok := dynamicPattern(want); ok && re.Match(rec.body) {
		rec.body = []byte(want)
	}
}

// dynamicForm is the normaliseBody of a urlencoded body whose fields
// default to dynamic variables: a recorded pair whose decoded value
// matches the wanted value's pattern is put back as wanted.
func dynamicForm(t *testing.T, rec *recorded, want string) {
	t.Helper()
	rec.mu.Lock()
	defer rec.mu.Unlock()
	got, wanted := strings.Split(string(rec.body), "&"), strings.Split(want, "&")
	if len(got) != len(wanted) {
		return
	}
	for i := range got {
		gk, gv, _ := strings.Cut(got[i], "=")
		wk, wv, _ := strings.Cut(wanted[i], "=")
		gv, errG := url.QueryUnescape(gv)
		wv, errW := url.QueryUnescape(wv)
		if gk != wk || errG != nil || errW != nil {
			continue
		}
		if re, ok := dynamicPattern(wv); ok && re.MatchString(gv) {
			got[i] = wanted[i]
		}
	}
	rec.body = []byte(strings.Join(got, "&"))
}

// multipartDynamic is the normaliseBody of a multipart body whose fields
// default to dynamic variables: its parts as multipartText writes them,
// put back as wanted when they match the wanted text's pattern.
func multipartDynamic(t *testing.T, rec *recorded, want string) {
	t.Helper()
	multipartText(t, rec, want)
	dynamicText(t, rec, want)
}
