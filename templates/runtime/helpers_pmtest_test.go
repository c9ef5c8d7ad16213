package pmruntime

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// skippedTest is a pm.test block of the collection that a row does not
// check, and why: listed as a skipped subtest so that go test -v shows it.
type skippedTest struct {
	test    string
	message string
}

// assertion is one check of a pm.test block of the collection, translated.
// kind says what it checks: "status" (one of statuses), "status-class" (the
// hundreds digit is one of statuses), "header" (present), "header-equals",
// "header-includes" (a value of header is or contains value), "json" (the body
// is JSON), "json-present", "json-absent", "json-equals" (the value at path
// is the JSON text value) and "json-type" (the value at path has the type
// value). A member holding null counts as absent.
type assertion struct {
	test     string // the pm.test title
	kind     string
	statuses []int
	header   string
	path     []string // keys and array indexes from the body's root
	value    string
}

// checkAssertions runs a row's pm.test assertions on the status, headers
// and body that the client returned.
func checkAssertions(t *testing.T, status int, header http.Header, body []byte, asserts []assertion) {
	t.Helper()
	for _, a := range asserts {
		values := header.Values(a.header)
		v, found := lookupJSON(body, a.path)
		where := "the body"
		if len(a.path) > 0 {
			where = strconv.Quote(strings.Join(a.path, "."))
		}
		switch a.kind {
		case "status":
			if !slices.Contains(a.statuses, status) {
				t.Errorf("pm.test %q: status = %d, want one of %v", a.test, status, a.statuses)
			}
		case "status-class":
			if !slices.Contains(a.statuses, status/100) {
				t.Errorf("pm.test %q: status = %d, want one of the classes %vxx", a.test, status, a.statuses)
			}
		case "header":
			if len(values) == 0 {
				t.Errorf("pm.test %q: header %s is missing", a.test, a.header)
			}
		case "header-equals":
			if !slices.Contains(values, a.value) {
				t.Errorf("pm.test %q: header %s = %q, want %q", a.test, a.header, values, a.value)
			}
		case "header-includes":
			includes := func(s string) bool {
				return strings.Contains(s, a.value)
			}
			if !slices.ContainsFunc(values, includes) {
				t.Errorf("pm.test %q: header %s = %q, want it to include %q", a.test, a.header, values, a.value)
			}
		case "json":
			if _, err := decodeJSON(body); err != nil {
				t.Errorf("pm.test %q: the body is not JSON: %v", a.test, err)
			}
		case "json-present":
			if !found {
				t.Errorf("pm.test %q: %s is missing:\n%s", a.test, where, body)
			}
		case "json-absent":
			if found {
				t.Errorf("pm.test %q: %s is present:\n%s", a.test, where, body)
			}
		case "json-equals":
			want, ok := lookupJSON([]byte(a.value), nil)
			if !ok {
				t.Fatalf("pm.test %q: the expected value %s is not JSON", a.test, a.value)
			}
			if !found {
				t.Errorf("pm.test %q: %s is missing, want %s:\n%s", a.test, where, a.value, body)
			} else if !sameJSON(v, want) {
				got, _ := json.Marshal(v)
				t.Errorf("pm.test %q: %s = %s, want %s", a.test, where, got, a.value)
			}
		case "json-type":
			if !found {
				t.Errorf("pm.test %q: %s is missing, want a value of type %s:\n%s", a.test, where, a.value, body)
			} else if got := jsonType(v); got != a.value {
				t.Errorf("pm.test %q: %s is of type %s, want %s", a.test, where, got, a.value)
			}
		default:
			t.Errorf("pm.test %q: unknown assertion kind %q", a.test, a.kind)
		}
	}
}

// lookupJSON follows keys and array indexes into a JSON body, as lodash's
// _.get does for pm.test. A member holding null counts as absent, because
// optional fields are omitted when they are unset.
func lookupJSON(body []byte, path []string) (any, bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, false
	}
	for _, key := range path {
		switch x := v.(type) {
		case map[string]any:
			e, ok := x[key]
			if !ok || e == nil {
				return nil, false
			}
			v = e
		case []any:
			i, err := strconv.Atoi(key)
			if err != nil || i < 0 || i >= len(x) || strconv.Itoa(i) != key {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// sameJSON compares decoded JSON values deeply, numbers by value (1 and 1.0
// are equal, as in JavaScript), timestamps by value (a time.Time field
// re-encodes "…00.000Z" as "…00Z") and members holding null as absent.
func sameJSON(a, b any) bool {
	switch x := a.(type) {
	case string:
		y, ok := b.(string)
		return ok && timestampKey(x) == timestampKey(y)
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		fx, errX := x.Float64()
		fy, errY := y.Float64()
		return x == y || errX == nil && errY == nil && fx == fy
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			return false
		}
		for k, e := range x {
			if e != nil && !sameJSON(e, y[k]) {
				return false
			}
		}
		for k, e := range y {
			if e != nil && x[k] == nil {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !sameJSON(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return a == b
}

// jsonType is chai's name for the type of a decoded JSON value.
func jsonType(v any) string {
	switch v.(type) {
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case json.Number:
		return "number"
	case bool:
		return "boolean"
	}
	return "null"
}

// pmTestChecks makes a row's pmTests: the assertions of the pm.test
// blocks translated, and the blocks that are not, which go test -v lists
// as skipped subtests with the reason.
func pmTestChecks(asserts []assertion, skipped []skippedTest) func(t *testing.T, status int, header http.Header, body []byte) {
	return func(t *testing.T, status int, header http.Header, body []byte) {
		t.Helper()
		for _, s := range skipped {
			t.Run(s.test, func(t *testing.T) {
				t.Skip(s.message)
			})
		}
		checkAssertions(t, status, header, body, asserts)
	}
}
