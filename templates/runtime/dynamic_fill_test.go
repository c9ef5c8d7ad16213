package pmruntime

import (
	"encoding/json"
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// TestFillDynamics: only the references vars names are filled, each with
// a value of its own; other text, unknown names and broken references are
// left as written.
func TestFillDynamics(t *testing.T) {
	n := 0
	counter := func() string { n++; return strings.Repeat("x", n) }
	vars := map[string]func() string{"guid": counter, "timestamp": func() string { return "1700000000" }}
	cases := []struct{ in, want string }{
		{`{"a":"plain"}`, `{"a":"plain"}`},
		{`{"id":"{{$guid}}"}`, `{"id":"x"}`},
		{`{"id":"{{$guid}}","again":"{{$guid}}"}`, `{"id":"x","again":"xx"}`},
		{`{"ext":"EXT-{{$timestamp}}-end"}`, `{"ext":"EXT-1700000000-end"}`},
		{`{"{{$timestamp}}":1}`, `{"1700000000":1}`},
		{`{"a":"{{$randomInt}}"}`, `{"a":"{{$randomInt}}"}`},
		{`{"a":"{{$a{{$timestamp}}"}`, `{"a":"{{$a1700000000"}`},
		{`{"a":"{{$guid"}`, `{"a":"{{$guid"}`},
		{`{"a":"{{guid}}"}`, `{"a":"{{guid}}"}`},
		{`{"a":"{{$}}"}`, `{"a":"{{$}}"}`},
	}
	for _, tc := range cases {
		n = 0
		if got := string(fillDynamics([]byte(tc.in), vars)); got != tc.want {
			t.Errorf("fillDynamics(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// TestFillDynamicsKeepsJSON: every dynamic variable filled into a JSON
// string leaves valid JSON holding the value as made, which is what
// fillDynamics relies on instead of escaping.
func TestFillDynamicsKeepsJSON(t *testing.T) {
	for name, f := range dynamicFuncs() {
		for range 50 {
			v := ""
			out := fillDynamics([]byte(`{"v":"<{{$`+name+`}}>"}`), map[string]func() string{name: func() string { v = f(); return v }})
			var got struct{ V string }
			if err := json.Unmarshal(out, &got); err != nil || got.V != "<"+v+">" {
				t.Fatalf("{{$%s}} = %q gives %s (%v)", name, v, out, err)
			}
		}
	}
}

// dynamicFuncs are the runtime's dynamic functions by Postman name.
func dynamicFuncs() map[string]func() string {
	return map[string]func() string{
		"guid": dynamicGUID, "randomUUID": dynamicRandomUUID, "timestamp": dynamicTimestamp,
		"isoTimestamp": dynamicIsoTimestamp, "randomInt": dynamicRandomInt, "randomBoolean": dynamicRandomBoolean,
		"randomAlphaNumeric": dynamicRandomAlphaNumeric,
		"randomColor":        dynamicRandomColor, "randomHexColor": dynamicRandomHexColor, "randomIP": dynamicRandomIP,
		"randomIPV6": dynamicRandomIPV6, "randomMACAddress": dynamicRandomMACAddress, "randomPassword": dynamicRandomPassword,
		"randomFirstName": dynamicRandomFirstName, "randomLastName": dynamicRandomLastName, "randomFullName": dynamicRandomFullName,
		"randomUserName": dynamicRandomUserName, "randomEmail": dynamicRandomEmail, "randomExampleEmail": dynamicRandomExampleEmail,
		"randomWord": dynamicRandomWord, "randomLoremWord": dynamicRandomLoremWord, "randomCountryCode": dynamicRandomCountryCode,
		"randomCurrencyCode": dynamicRandomCurrencyCode, "randomLatitude": dynamicRandomLatitude, "randomLongitude": dynamicRandomLongitude,
		"randomPrice": dynamicRandomPrice, "randomSemver": dynamicRandomSemver, "randomProtocol": dynamicRandomProtocol,
		"randomDomainName": dynamicRandomDomainName, "randomUrl": dynamicRandomURL, "randomFileName": dynamicRandomFileName,
		"randomMimeType": dynamicRandomMimeType, "randomLocale": dynamicRandomLocale,
	}
}

// TestDynamicForms: every dynamic function's values match the form that
// generated tests compare them by, and every function has one.
func TestDynamicForms(t *testing.T) {
	funcs := dynamicFuncs()
	if len(funcs) != len(dynamicForms) {
		t.Errorf("%d dynamic functions, %d forms", len(funcs), len(dynamicForms))
	}
	for name, f := range funcs {
		form, ok := dynamicForms[name]
		if !ok {
			t.Errorf("{{$%s}} has no form", name)
			continue
		}
		re := regexp.MustCompile("^(?:" + form + ")$")
		for range 200 {
			if v := f(); !re.MatchString(v) {
				t.Errorf("{{$%s}} = %q, want a match of %s", name, v, form)
				break
			}
		}
	}
}

// TestDynamicJSON: a recorded body is put back as saved where each filled
// string has the text around its references as saved and a value of the
// reference's form, and left as sent anywhere else.
func TestDynamicJSON(t *testing.T) {
	want := `{"id":"{{$guid}}","ip":"{{$randomIPV6}}","ext":"EXT-{{$timestamp}}","n":12345678901234567,"list":["{{$randomInt}}"],"fixed":"{{$guid}}x"}`
	cases := []struct {
		name, sent string
		same       bool
	}{
		{"filled", `{"id":"0b7e2a7c-4a0d-4c4e-9a53-1f0c6a7d2e11","ip":"7f58:3051:b656:3200:2897:158c:c2d6:cc59","ext":"EXT-1700000000","n":12345678901234567,"list":["7"],"fixed":"0b7e2a7c-4a0d-4c4e-9a53-1f0c6a7d2e11x"}`, true},
		{"not filled", want, true},
		{"wrong form", `{"id":"nope","ip":"7f58:3051:b656:3200:2897:158c:c2d6:cc59","ext":"EXT-1700000000","n":12345678901234567,"list":["7"],"fixed":"0b7e2a7c-4a0d-4c4e-9a53-1f0c6a7d2e11x"}`, false},
		{"literal text changed", `{"id":"0b7e2a7c-4a0d-4c4e-9a53-1f0c6a7d2e11","ip":"7f58:3051:b656:3200:2897:158c:c2d6:cc59","ext":"EXT1700000000","n":12345678901234567,"list":["7"],"fixed":"0b7e2a7c-4a0d-4c4e-9a53-1f0c6a7d2e11x"}`, false},
		{"int out of range", `{"id":"0b7e2a7c-4a0d-4c4e-9a53-1f0c6a7d2e11","ip":"7f58:3051:b656:3200:2897:158c:c2d6:cc59","ext":"EXT-1700000000","n":12345678901234567,"list":["1001"],"fixed":"0b7e2a7c-4a0d-4c4e-9a53-1f0c6a7d2e11x"}`, false},
	}
	for _, tc := range cases {
		rec := &recorded{body: []byte(tc.sent), header: http.Header{}}
		dynamicJSON(t, rec, want)
		g, _ := decodeJSON(rec.body)
		w, _ := decodeJSON([]byte(want))
		if same := reflect.DeepEqual(g, w); same != tc.same {
			t.Errorf("%s: equal after dynamicJSON = %v, want %v (%s)", tc.name, same, tc.same, rec.body)
		}
	}
	rec := &recorded{body: []byte("id 0b7e2a7c-4a0d-4c4e-9a53-1f0c6a7d2e11 at 1700000000")}
	dynamicText(t, rec, "id {{$guid}} at {{$timestamp}}")
	if string(rec.body) != "id {{$guid}} at {{$timestamp}}" {
		t.Errorf("dynamicText left %q", rec.body)
	}
	rec = &recorded{body: []byte("id 0b7e2a7c at 1700000000")}
	dynamicText(t, rec, "id {{$guid}} at {{$timestamp}}")
	if string(rec.body) != "id 0b7e2a7c at 1700000000" {
		t.Errorf("dynamicText put back a body of the wrong form: %q", rec.body)
	}
}

// TestPathMatches: a wanted {{$dynamic}} matches one segment's worth of
// text, and nothing else is loosened.
func TestPathMatches(t *testing.T) {
	for _, tc := range []struct {
		got, want string
		ok        bool
	}{
		{"/a/b", "/a/b", true},
		{"/a/b", "/a/c", false},
		{"/sessions/s-0b7e2a7c", "/sessions/s-{{$dynamic}}", true},
		{"/sessions/s-", "/sessions/s-{{$dynamic}}", false},
		{"/sessions/s-a/b", "/sessions/s-{{$dynamic}}", false},
		{"/x/1/y/2", "/x/{{$dynamic}}/y/{{$dynamic}}", true},
		{"/x/1/z/2", "/x/{{$dynamic}}/y/{{$dynamic}}", false},
		{"/a.b", "/a{{$dynamic}}", true},
	} {
		if got := pathMatches(tc.got, tc.want); got != tc.ok {
			t.Errorf("pathMatches(%q, %q) = %v, want %v", tc.got, tc.want, got, tc.ok)
		}
	}
}

// TestDynamicForm: urlencoded pairs are put back as wanted only where the
// decoded value matches the wanted value's pattern under the same key.
func TestDynamicForm(t *testing.T) {
	want := "id=%7B%7B%24guid%7D%7D&who=%7B%7B%24randomFullName%7D%7D&a=1"
	for _, tc := range []struct {
		sent string
		same bool
	}{
		{"id=0b7e2a7c-4a0d-4c4e-9a53-1f0c6a7d2e11&who=Ada%20Lovelace&a=1", true},
		{"id=nope&who=Ada%20Lovelace&a=1", false},
		{"id=0b7e2a7c-4a0d-4c4e-9a53-1f0c6a7d2e11&who=Ada%20Lovelace&a=2", false},
		{"ix=0b7e2a7c-4a0d-4c4e-9a53-1f0c6a7d2e11&who=Ada%20Lovelace&a=1", false},
	} {
		rec := &recorded{body: []byte(tc.sent)}
		dynamicForm(t, rec, want)
		if same := string(rec.body) == want; same != tc.same {
			t.Errorf("dynamicForm(%s) left %s; equal to the want: %v, want %v", tc.sent, rec.body, same, tc.same)
		}
	}
}
