package pmtest

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/ordjson"
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
	var got *ordjson.Value
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

// parseJSONBody parses one JSON value, keeping numbers as written, as
// strictly as encoding/json does in the generated test.
func parseJSONBody(s string) (*ordjson.Value, error) {
	v, _, err := ordjson.Parse(s, ordjson.Options{ReplaceInvalidUTF8: true})
	return v, err
}

// lookupPath follows keys and indexes from v. A member holding null counts
// as absent: typed results omit unset optional fields.
func lookupPath(v *ordjson.Value, path []string) (*ordjson.Value, bool) {
	for _, key := range path {
		switch v.Kind {
		case ordjson.Object:
			e := v.Get(key)
			if e.IsNull() {
				return nil, false
			}
			v = e
		case ordjson.Array:
			i, err := strconv.Atoi(key)
			if err != nil || i < 0 || i >= len(v.Elems) || strconv.Itoa(i) != key {
				return nil, false
			}
			v = v.Elems[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// sameJSON compares parsed JSON values deeply, numbers by value (1 and
// 1.0 are equal, as in JavaScript) and members holding null as absent,
// as the generated sameJSON does.
func sameJSON(a, b *ordjson.Value) bool {
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case ordjson.Number:
		fx, errX := strconv.ParseFloat(a.Text, 64)
		fy, errY := strconv.ParseFloat(b.Text, 64)
		return a.Text == b.Text || errX == nil && errY == nil && fx == fy
	case ordjson.Object:
		for _, m := range a.Members {
			if !m.Value.IsNull() && !sameJSON(m.Value, orNull(b.Get(m.Key))) {
				return false
			}
		}
		for _, m := range b.Members {
			if !m.Value.IsNull() && a.Get(m.Key).IsNull() {
				return false
			}
		}
		return true
	case ordjson.Array:
		if len(a.Elems) != len(b.Elems) {
			return false
		}
		for i := range a.Elems {
			if !sameJSON(a.Elems[i], b.Elems[i]) {
				return false
			}
		}
		return true
	}
	return a.Text == b.Text
}

// orNull stands null in for a missing member.
func orNull(v *ordjson.Value) *ordjson.Value {
	if v == nil {
		return ordjson.NewNull()
	}
	return v
}

// jsonTypeOf is chai's type name of a parsed JSON value.
func jsonTypeOf(v *ordjson.Value) string {
	switch v.Kind {
	case ordjson.Object:
		return "object"
	case ordjson.Array:
		return "array"
	case ordjson.String:
		return "string"
	case ordjson.Number:
		return "number"
	case ordjson.Bool:
		return "boolean"
	}
	return "null"
}
