package ordjson

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// kv and obj spell expected trees: plain turns a Value into nil, bool,
// string, json.Number, []any and obj, which compare with reflect.
type kv struct {
	k string
	v any
}
type obj []kv

func plain(v *Value) any {
	switch v.Kind {
	case Null:
		return nil
	case Bool:
		return v.Text == "true"
	case Number:
		return json.Number(v.Text)
	case String:
		return v.Text
	case Array:
		out := []any{}
		for _, e := range v.Elems {
			out = append(out, plain(e))
		}
		return out
	}
	out := obj{}
	for _, m := range v.Members {
		out = append(out, kv{m.Key, plain(m.Value)})
	}
	return out
}

var lenient = Options{Lenient: true}

func TestParse(t *testing.T) {
	n := func(s string) json.Number { return json.Number(s) }
	tests := []struct {
		name     string
		in       string
		want     any
		extended bool
	}{
		{"null", `null`, nil, false},
		{"true", ` true `, true, false},
		{"false", "\n\tfalse\r\n", false, false},
		{"int text kept", `12`, n("12"), false},
		{"float text kept", `-1.50e+2`, n("-1.50e+2"), false},
		{"zero", `0`, n("0"), false},
		{"big int text kept", `123456789012345678901234567890`, n("123456789012345678901234567890"), false},
		{"string", `"a b"`, "a b", false},
		{"escapes", `"\"\\\/\b\f\n\r\t\u00e9\u4e2d"`, "\"\\/\b\f\n\r\té中", false},
		{"surrogate pair", `"\ud83d\ude00"`, "😀", false},
		{"lone surrogate", `"\ud800x"`, "\ufffdx", false},
		{"surrogate then escape", `"\ud800\u0041"`, "\ufffdA", false},
		{"raw utf-8", `"ça 中 😀"`, "ça 中 😀", false},
		{"empty array", `[]`, []any{}, false},
		{"empty object", `{}`, obj{}, false},
		{"array", `[1, "a", null, [true]]`, []any{n("1"), "a", nil, []any{true}}, false},
		{"key order kept", `{"b":1,"a":2,"c":3}`, obj{{"b", n("1")}, {"a", n("2")}, {"c", n("3")}}, false},
		{"duplicate key", `{"a":1,"b":2,"a":3}`, obj{{"a", n("3")}, {"b", n("2")}}, false},
		{"unicode and empty keys", `{"":1,"名":2," ":3}`, obj{{"", n("1")}, {"名", n("2")}, {" ", n("3")}}, false},
		{"line comments", "// head\n{\"a\": // after key\n1 // end\n}// tail", obj{{"a", n("1")}}, true},
		{"block comments", "/* a */[/* b */1/**/,/* * / */2]/* c */", []any{n("1"), n("2")}, true},
		{"comment slash star in string", `"/* not a comment */"`, "/* not a comment */", false},
		{"trailing comma array", `[1,2,]`, []any{n("1"), n("2")}, true},
		{"trailing comma object", "{\"a\":1,\n}", obj{{"a", n("1")}}, true},
		{"nested trailing commas", `{"a":[{"b":1,},],}`, obj{{"a", []any{obj{{"b", n("1")}}}}}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ext, err := Parse(tc.in, lenient)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.in, err)
			}
			if !reflect.DeepEqual(plain(got), tc.want) {
				t.Errorf("Parse(%q)\n got %#v\nwant %#v", tc.in, plain(got), tc.want)
			}
			if ext != tc.extended {
				t.Errorf("extended = %v, want %v", ext, tc.extended)
			}
			// Strict mode reads the same value or rejects the extension.
			strict, _, err := Parse(tc.in, Options{})
			if tc.extended != (err != nil) {
				t.Errorf("strict Parse error = %v, want an error only for the extension", err)
			}
			if err == nil && !reflect.DeepEqual(plain(strict), tc.want) {
				t.Errorf("strict Parse = %#v", plain(strict))
			}
		})
	}
}

// TestParseOffsets: every value knows where it starts.
func TestParseOffsets(t *testing.T) {
	in := "{\n \"a\": [1, \"x\"],\n \"b\": {\"c\": null}, \"d\": true}"
	v, _, err := Parse(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	check := func(v *Value, want string) {
		t.Helper()
		if v == nil || !strings.HasPrefix(in[v.Off:], want) {
			t.Errorf("value at %d, want it to start %q", v.Off, want)
		}
	}
	check(v, "{\n")
	check(v.Get("a"), "[1")
	check(v.Get("a").Elems[0], "1,")
	check(v.Get("a").Elems[1], `"x"]`)
	check(v.Get("b"), `{"c"`)
	check(v.Get("b").Get("c"), "null}")
	check(v.Get("d"), "true}")
}

// TestParseManyDuplicates covers the index map used for large objects.
func TestParseManyDuplicates(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	for i := range 40 {
		fmt.Fprintf(&b, `"k%02d":1,`, i)
	}
	b.WriteString(`"k01":"last","k05":2}`)
	v, _, err := Parse(b.String(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Members) != 40 {
		t.Errorf("len = %d, want 40", len(v.Members))
	}
	if got := v.Get("k01"); got.Text != "last" {
		t.Errorf("k01 = %v, want the last value", got.Text)
	}
	if v.Members[1].Key != "k01" {
		t.Errorf("k01 moved: position 1 holds %v", v.Members[1].Key)
	}
}

// TestParseInvalidUTF8: rejected, or replaced as encoding/json does.
func TestParseInvalidUTF8(t *testing.T) {
	in := "[\"a\xffb\", \"\\n\xfe\"]"
	if _, _, err := Parse(in, Options{}); err == nil || !strings.Contains(err.Error(), "invalid UTF-8") {
		t.Errorf("strict: err = %v, want invalid UTF-8", err)
	}
	v, _, err := Parse(in, Options{ReplaceInvalidUTF8: true})
	if err != nil {
		t.Fatal(err)
	}
	var std []string
	if err := json.Unmarshal([]byte(in), &std); err != nil {
		t.Fatal(err)
	}
	if got := []string{v.Elems[0].Text, v.Elems[1].Text}; !reflect.DeepEqual(got, std) {
		t.Errorf("got %q, encoding/json says %q", got, std)
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
		{"too deep", strings.Repeat("[", MaxDepth+1), "exceeded max nesting depth", MaxDepth, 1, MaxDepth + 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Parse(tc.in, lenient)
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

// TestParseStrictErrors: what lenient mode forgives, strict mode reports
// where encoding/json does, in its words.
func TestParseStrictErrors(t *testing.T) {
	tests := []struct{ in, msg string }{
		{`[1,]`, "invalid character ']' looking for beginning of value"},
		{`{"a":1,}`, "invalid character '}' looking for beginning of object key string"},
		{`[1 // x` + "\n]", "invalid character '/' after array element"},
		{`/* x */ 1`, "invalid character '/' looking for beginning of value"},
	}
	for _, tc := range tests {
		_, _, err := Parse(tc.in, Options{})
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("Parse(%q) = %v, want a *SyntaxError", tc.in, err)
		}
		var std *json.SyntaxError
		if !errors.As(json.Unmarshal([]byte(tc.in), new(any)), &std) {
			t.Fatalf("encoding/json accepts %q", tc.in)
		}
		if se.Msg != tc.msg || se.Msg != std.Error() || int64(se.Offset) != std.Offset-1 {
			t.Errorf("Parse(%q): %q at %d; want %q, encoding/json says %q at %d", tc.in, se.Msg, se.Offset, tc.msg, std.Error(), std.Offset-1)
		}
	}
}

// TestParseDepthLimit: the deepest accepted nesting parses.
func TestParseDepthLimit(t *testing.T) {
	in := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	if _, _, err := Parse(in, Options{}); err != nil {
		t.Fatalf("depth %d: %v", MaxDepth, err)
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
		got, _, err := Parse(d, Options{})
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

// toStd converts a tree to encoding/json's shapes (an object to a map).
func toStd(v *Value) any {
	switch v.Kind {
	case Array:
		out := make([]any, len(v.Elems))
		for i, e := range v.Elems {
			out[i] = toStd(e)
		}
		return out
	case Object:
		out := make(map[string]any, len(v.Members))
		for _, m := range v.Members {
			out[m.Key] = toStd(m.Value)
		}
		return out
	}
	return plain(v)
}

// TestReaderReuse: one Reader reading text after text, failures among
// them, gives what a fresh Parse gives each time, and what it returned
// earlier stays as it was.
func TestReaderReuse(t *testing.T) {
	texts := []string{`{"a":[1,{"b":"x\n"}],"c":null}`, `[1,`, `{"a":1,"a":2}`, "// c\n[1,2,]", `{"k":"\u00e9"`, `"s"`, `[{"x":[[]]},{}]`}
	r := Reader{Options: lenient}
	var kept []*Value
	var want []any
	for _, text := range texts {
		got, gotExt, gotErr := r.Parse(text)
		v, ext, err := Parse(text, lenient)
		if (gotErr == nil) != (err == nil) || gotExt != ext {
			t.Fatalf("%q: Reader gives %v, %v; Parse %v, %v", text, gotExt, gotErr, ext, err)
		}
		if err != nil {
			if gotErr.Error() != err.Error() {
				t.Errorf("%q: Reader error %v, Parse error %v", text, gotErr, err)
			}
			continue
		}
		if !reflect.DeepEqual(plain(got), plain(v)) {
			t.Errorf("%q: Reader gives %#v, Parse %#v", text, plain(got), plain(v))
		}
		kept, want = append(kept, got), append(want, plain(v))
	}
	for i, v := range kept {
		if !reflect.DeepEqual(plain(v), want[i]) {
			t.Errorf("value %d changed to %#v", i, plain(v))
		}
	}
}
