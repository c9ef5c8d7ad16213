package pmtest

import "github.com/pmgen/pmgen/generator/internal/ordjson"

// VarValue evaluates a VarJSON's path on a saved body as the generated
// reader does at run time: the text a string, number or boolean gives the
// variable, whether there is a value there (null counts as none), and
// whether JavaScript's if takes it as true. scalar is false for an object
// or an array, whose text the reader writes as compact JSON.
func VarValue(body string, path []string) (text string, found, truthy, scalar bool) {
	v, err := parseJSONBody(body)
	if err != nil {
		return "", false, false, false
	}
	got, ok := lookupPath(v, path)
	if !ok || got.IsNull() {
		return "", false, false, false
	}
	switch got.Kind {
	case ordjson.String:
		return got.Text, true, got.Text != "", true
	case ordjson.Number:
		return got.Text, true, !zeroNumber(got.Text), true
	case ordjson.Bool:
		t := ordjson.Marshal(got)
		return t, true, t == "true", true
	}
	return ordjson.Marshal(got), true, true, false
}

// zeroNumber reports whether a JSON number is 0 however it is written.
func zeroNumber(s string) bool {
	for _, c := range s {
		switch {
		case c >= '1' && c <= '9':
			return false
		case c == 'e' || c == 'E':
			return true
		}
	}
	return true
}
