package infer

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	n := func(s string) json.Number { return json.Number(s) }
	tests := []struct {
		name string
		in   string
		want Value
	}{
		{"null", `null`, nil},
		{"true", ` true `, true},
		{"false", "\n\tfalse\r\n", false},
		{"int text kept", `12`, n("12")},
		{"float text kept", `-1.50e+2`, n("-1.50e+2")},
		{"zero", `0`, n("0")},
		{"big int text kept", `123456789012345678901234567890`, n("123456789012345678901234567890")},
		{"string", `"a b"`, "a b"},
		{"escapes", `"\"\\\/\b\f\n\r\t\u00e9\u4e2d"`, "\"\\/\b\f\n\r\té中"},
		{"surrogate pair", `"\ud83d\ude00"`, "😀"},
		{"lone surrogate", `"\ud800x"`, "\ufffdx"},
		{"surrogate then escape", `"\ud800\u0041"`, "\ufffdA"},
		{"raw utf-8", `"ça 中 😀"`, "ça 中 😀"},
		{"empty array", `[]`, []Value{}},
		{"empty object", `{}`, Object{}},
		{"array", `[1, "a", null, [true]]`, []Value{n("1"), "a", nil, []Value{true}}},
		{"key order kept", `{"b":1,"a":2,"c":3}`, Object{{"b", n("1")}, {"a", n("2")}, {"c", n("3")}}},
		{"duplicate key", `{"a":1,"b":2,"a":3}`, Object{{"a", n("3")}, {"b", n("2")}}},
		{"unicode and empty keys", `{"":1,"名":2," ":3}`, Object{{"", n("1")}, {"名", n("2")}, {" ", n("3")}}},
		{"line comments", "// head\n{\"a\": // after key\n1 // end\n}// tail", Object{{"a", n("1")}}},
		{"block comments", "/* a */[/* b */1/**/,/* * / */2]/* c */", []Value{n("1"), n("2")}},
		{"comment slash star in string", `"/* not a comment */"`, "/* not a comment */"},
		{"trailing comma array", `[1,2,]`, []Value{n("1"), n("2")}},
		{"trailing comma object", "{\"a\":1,\n}", Object{{"a", n("1")}}},
		{"nested trailing commas", `{"a":[{"b":1,},],}`, Object{{"a", []Value{Object{{"b", n("1")}}}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(tc.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.in, err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Parse(%q)\n got %#v\nwant %#v", tc.in, got, tc.want)
			}
		})
	}
}

// TestParseManyDuplicates covers the index map used for large objects.
func TestParseManyDuplicates(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	for i := range 40 {
		fmt.Fprintf(&b, `"k%02d":1,`, i)
	}
	b.WriteString(`"k01":"last","k05":2}`)
	v, err := Parse(b.String())
	if err != nil {
		t.Fatal(err)
	}
	obj := v.(Object)
	if len(obj) != 40 {
		t.Errorf("len = %d, want 40", len(obj))
	}
	if got, _ := obj.Get("k01"); got != "last" {
		t.Errorf("k01 = %v, want the last value", got)
	}
	if obj[1].Key != "k01" {
		t.Errorf("k01 moved: position 1 holds %v", obj[1].Key)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name           string
		in             string
		msg            string
		off, line, col int
	}{
		{"empty", ``, "unexpected end", 0, 1, 1},
		{"only comment", `// x`, "unexpected end", 4, 1, 5},
		{"bad literal", `tru`, "unexpected end", 3, 1, 4},
		{"bad literal char", `nul1`, "invalid character '1' in literal null", 3, 1, 4},
		{"missing comma", "{\n  \"a\": 1\n  \"b\": 2\n}", `invalid character '"' after object key:value pair`, 13, 3, 3},
		{"unquoted key", `{a:1}`, "looking for beginning of object key string", 1, 1, 2},
		{"single quotes", `['a']`, `invalid character '\'' looking for beginning of value`, 1, 1, 2},
		{"leading comma", `[,1]`, "looking for beginning of value", 1, 1, 2},
		{"double comma", `[1,,2]`, "looking for beginning of value", 3, 1, 4},
		{"lone comma in object", `{,}`, "object key string", 1, 1, 2},
		{"missing colon", `{"a" 1}`, "after object key", 5, 1, 6},
		{"unclosed array", `[1, 2`, "unexpected end", 5, 1, 6},
		{"unclosed object", `{"a":1`, "unexpected end", 6, 1, 7},
		{"unclosed string", `"abc`, "unexpected end", 4, 1, 5},
		{"control char in string", "\"a\tb\"", `invalid character '\t' in string literal`, 2, 1, 3},
		{"bad escape", `"\x"`, `invalid character 'x' in string escape code`, 2, 1, 3},
		{"bad unicode escape", `"\u12G4"`, `invalid \u escape`, 2, 1, 3},
		{"invalid utf-8", "\"a\xffb\"", "invalid UTF-8", 2, 1, 3},
		{"leading zero", `01`, "after top-level value", 1, 1, 2},
		{"bare minus", `-`, "unexpected end", 1, 1, 2},
		{"minus letter", `-a`, "in numeric literal", 1, 1, 2},
		{"dot without digits", `1.`, "unexpected end", 2, 1, 3},
		{"exponent without digits", `1e+]`, "in numeric literal", 3, 1, 4},
		{"plus sign", `+1`, "looking for beginning of value", 0, 1, 1},
		{"two values", `1 2`, "after top-level value", 2, 1, 3},
		{"unterminated block comment", "[1 /* x", "unterminated /* comment", 3, 1, 4},
		{"lone slash", `[1 / 2]`, "invalid character ' ' after '/'", 4, 1, 5},
		{"slash at end", `1 /`, "unexpected end", 3, 1, 4},
		{"placeholder", "{\n\t\"id\": {{id}}\n}", "object key string", 10, 2, 9},
		{"columns count runes", "{\"é中\": x}", "looking for beginning of value", 10, 1, 8},
		{"nul byte", "\x00", `invalid character '\x00'`, 0, 1, 1},
		{"non-ascii outside string", "é", `invalid character 'é'`, 0, 1, 1},
		{"too deep", strings.Repeat("[", maxParseDepth+1), "exceeded max nesting depth", maxParseDepth, 1, maxParseDepth + 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.in)
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse(%q) error = %v, want a *SyntaxError", tc.in, err)
			}
			if !strings.Contains(se.Msg, tc.msg) {
				t.Errorf("Msg = %q, want it to contain %q", se.Msg, tc.msg)
			}
			if se.Offset != tc.off || se.Line != tc.line || se.Column != tc.col {
				t.Errorf("at offset %d line %d column %d, want %d %d %d", se.Offset, se.Line, se.Column, tc.off, tc.line, tc.col)
			}
			if !strings.Contains(err.Error(), "line ") || !strings.Contains(err.Error(), "offset ") {
				t.Errorf("Error() = %q lacks the position", err)
			}
		})
	}
}

// TestParseDepthLimit: the deepest accepted nesting parses.
func TestParseDepthLimit(t *testing.T) {
	in := strings.Repeat("[", maxParseDepth) + strings.Repeat("]", maxParseDepth)
	if _, err := Parse(in); err != nil {
		t.Fatalf("depth %d: %v", maxParseDepth, err)
	}
}

// TestParseMatchesEncodingJSON: on strict JSON, Parse agrees with
// encoding/json (UseNumber), key order aside.
func TestParseMatchesEncodingJSON(t *testing.T) {
	docs := []string{
		`{"a":[1,2.5,-3e-2,{"b":null}],"c":"\u00e9\n","d":true,"e":{}}`,
		`[[], {}, "", 0, -0, 1E2]`,
		`{"x":1,"x":2}`,
		`"\ud800\udc00\udbff"`,
	}
	for _, d := range docs {
		got, err := Parse(d)
		if err != nil {
			t.Fatalf("Parse(%q): %v", d, err)
		}
		if want := stdDecode(t, d); !reflect.DeepEqual(toStd(got), want) {
			t.Errorf("Parse(%q) = %#v, encoding/json says %#v", d, toStd(got), want)
		}
	}
}

// stdDecode decodes with encoding/json, numbers kept as json.Number.
func stdDecode(t testing.TB, s string) any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("encoding/json: %v", err)
	}
	return v
}

// toStd converts a Value to encoding/json's shapes (Object to a map).
func toStd(v Value) any {
	switch v := v.(type) {
	case []Value:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = toStd(e)
		}
		return out
	case Object:
		out := make(map[string]any, len(v))
		for _, m := range v {
			out[m.Key] = toStd(m.Value)
		}
		return out
	}
	return v
}
