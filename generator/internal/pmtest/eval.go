package pmtest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// savedResponse is what a test row's server replays: the view of the
// response an assertion is evaluated on before it becomes part of the row.
type savedResponse struct {
	status int
	header []model.KeyValue
	body   string
}

// holds evaluates a on r the way the generated checkAssertions does, and
// says what differs when it does not hold.
func holds(a model.Assertion, r savedResponse) (bool, string) {
	switch a.Kind {
	case model.AssertStatus:
		if slices.Contains(a.Statuses, r.status) {
			return true, ""
		}
		return false, fmt.Sprintf("status is %d, want %s", r.status, joinInts(a.Statuses, ""))
	case model.AssertStatusClass:
		if slices.Contains(a.Statuses, r.status/100) {
			return true, ""
		}
		return false, fmt.Sprintf("status is %d, want %s", r.status, joinInts(a.Statuses, "xx"))
	case model.AssertHeaderPresent, model.AssertHeaderEquals, model.AssertHeaderIncludes:
		return headerHolds(a, r.header)
	}
	body, err := parseJSONBody(r.body)
	if a.Kind == model.AssertJSONBody {
		if err != nil {
			return false, "the body is not JSON"
		}
		return true, ""
	}
	var got any
	found := false
	if err == nil {
		got, found = lookupPath(body, a.Path)
	}
	where := "the body"
	if len(a.Path) > 0 {
		where = strconv.Quote(strings.Join(a.Path, "."))
	}
	switch a.Kind {
	case model.AssertJSONPresent:
		if found {
			return true, ""
		}
		return false, where + " is missing"
	case model.AssertJSONAbsent:
		if !found {
			return true, ""
		}
		return false, where + " is present"
	case model.AssertJSONEquals:
		want, err := parseJSONBody(a.Value)
		if err == nil && found && sameJSON(got, want) {
			return true, ""
		}
		if !found {
			return false, where + " is missing"
		}
		return false, where + " is not " + a.Value
	case model.AssertJSONType:
		if found && jsonTypeOf(got) == a.Value {
			return true, ""
		}
		if !found {
			return false, where + " is missing"
		}
		return false, where + " is not of type " + a.Value
	}
	return false, "unknown assertion"
}

func joinInts(ns []int, suffix string) string {
	var parts []string
	for _, n := range ns {
		parts = append(parts, strconv.Itoa(n)+suffix)
	}
	return strings.Join(parts, " or ")
}

// headerHolds looks for a value of the header that satisfies a; a header
// may be saved several times.
func headerHolds(a model.Assertion, header []model.KeyValue) (bool, string) {
	present := false
	for _, h := range header {
		if !strings.EqualFold(strings.TrimSpace(h.Key), a.Header) {
			continue
		}
		present = true
		v := strings.TrimSpace(h.Value)
		switch {
		case a.Kind == model.AssertHeaderPresent,
			a.Kind == model.AssertHeaderEquals && v == a.Value,
			a.Kind == model.AssertHeaderIncludes && strings.Contains(v, a.Value):
			return true, ""
		}
	}
	if !present {
		return false, "header " + a.Header + " is missing"
	}
	return false, fmt.Sprintf("header %s is not %q", a.Header, a.Value)
}

// parseJSONBody parses one JSON value, keeping numbers as written.
func parseJSONBody(s string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err == nil {
		return nil, fmt.Errorf("text after the JSON value")
	}
	return v, nil
}

// lookupPath follows keys and indexes from v. A member holding null counts
// as absent: typed results omit unset optional fields.
func lookupPath(v any, path []string) (any, bool) {
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

// sameJSON compares parsed JSON values deeply, numbers by value (1 and
// 1.0 are equal, as in JavaScript) and members holding null as absent,
// as the generated sameJSON does.
func sameJSON(a, b any) bool {
	switch x := a.(type) {
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

// jsonTypeOf is chai's type name of a parsed JSON value.
func jsonTypeOf(v any) string {
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
