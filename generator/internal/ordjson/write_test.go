package ordjson

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAppendString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", `"plain"`},
		{`q"b\s`, `"q\"b\\s"`},
		{"\b\f\n\r\t", `"\b\f\n\r\t"`},
		{"\x00\x1f\x7f", `"\u0000\u001f` + "\x7f" + `"`},
		{"<a href='x'>&amp;</a>", `"<a href='x'>&amp;</a>"`},
		{"line\u2028para\u2029", "\"line\u2028para\u2029\""},
		{"é中😀", `"é中😀"`},
		{"a\xffb", `"a\ufffdb"`},
		{"/", `"/"`},
	}
	for _, tc := range tests {
		got := string(AppendString(nil, tc.in))
		if got != tc.want {
			t.Errorf("AppendString(%q) = %s, want %s", tc.in, got, tc.want)
		}
		var back string
		if err := json.Unmarshal([]byte(got), &back); err != nil {
			t.Errorf("%s is not JSON: %v", got, err)
		} else if utf8.ValidString(tc.in) && back != tc.in {
			t.Errorf("%s reads back as %q, want %q", got, back, tc.in)
		}
	}
}

func TestMarshal(t *testing.T) {
	tests := []struct{ in, want string }{
		{` { "b" : 1 , "a" : [ true , false , null , -1.50e+2 ] } `, `{"b":1,"a":[true,false,null,-1.50e+2]}`},
		{"// c\n[1, /* x */ {\"k\": \"\\u00e9\\n\",},]", `[1,{"k":"é\n"}]`},
		{`{"x":1,"x":2}`, `{"x":2}`},
		{`[]`, `[]`},
		{`{}`, `{}`},
	}
	for _, tc := range tests {
		v, _, err := Parse(tc.in, lenient)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tc.in, err)
		}
		if got := Marshal(v); got != tc.want {
			t.Errorf("Marshal(Parse(%q)) = %s, want %s", tc.in, got, tc.want)
		}
	}
	if got := Marshal(nil); got != "null" {
		t.Errorf("Marshal(nil) = %s", got)
	}
}

func TestText(t *testing.T) {
	v, _, err := Parse(`{"s":"a\"b","n":1.0,"b":false,"z":null,"l":[1,"x"],"o":{"k":"v"}}`, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"s": `a"b`, "n": "1.0", "b": "false", "z": "", "l": `[1,"x"]`, "o": `{"k":"v"}`, "missing": ""}
	for k, w := range want {
		if got := Text(v.Get(k)); got != w {
			t.Errorf("Text(%s) = %q, want %q", k, got, w)
		}
	}
}

// TestBuiltValues: values a program makes up write as JSON and carry no
// offset.
func TestBuiltValues(t *testing.T) {
	o := &Value{Kind: Object, Off: -1}
	o.Set("s", NewString("x"))
	o.Set("n", NewNumber("2"))
	o.Set("t", NewBool(true))
	o.Set("f", NewBool(false))
	o.Set("z", NewNull())
	o.Set("l", &Value{Kind: Array, Elems: []*Value{NewString("y")}, Off: -1})
	if got, want := Marshal(o), `{"s":"x","n":2,"t":true,"f":false,"z":null,"l":["y"]}`; got != want {
		t.Errorf("Marshal = %s, want %s", got, want)
	}
	for _, m := range o.Members {
		if m.Value.Off != -1 {
			t.Errorf("%s has offset %d", m.Key, m.Value.Off)
		}
	}
	if !o.Has("s") || o.Has("z") || o.Has("nope") || !o.Get("z").IsNull() || KindOf(o.Get("nope")) != Null {
		t.Error("Has/Get/IsNull/KindOf disagree with the object")
	}
	if Object.Article() != "an object" || Array.Article() != "a list" {
		t.Error("Article")
	}
}

// fuzzSeeds reach the interesting branches of the reader.
var fuzzSeeds = []string{
	`{"a":1,"b":[1,2.5,null],"c":{"d":"x"}}`,
	`[{"id":1},{"id":2,"x":true},{}]`,
	`{"a":1,"a":"x"}`,
	"// c\n{\"a\": /* x */ [1,],}",
	`12345678901234567890`,
	`"\ud800\u0041"`,
	`{"名前":{"😀":[]}}`,
	"\"a\xffb\"",
	`"<&>\u2028\b"`,
}

// FuzzParse: Parse never panics; in lenient mode it accepts every strict
// JSON document (valid UTF-8) and agrees with encoding/json on it; what it
// returns written back is standard JSON that reads back to the same tree,
// and writing that again changes nothing.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, o := range []Options{lenient, {ReplaceInvalidUTF8: true}} {
			v, ext, err := Parse(s, o)
			strict := json.Valid([]byte(s)) && (utf8.ValidString(s) || o.ReplaceInvalidUTF8)
			if err != nil {
				if strict && !strings.Contains(err.Error(), "nesting depth") {
					t.Fatalf("Parse(%q, %+v) rejects valid JSON: %v", s, o, err)
				}
				se, ok := err.(*SyntaxError)
				if !ok || se.Offset < 0 || se.Offset > len(s) || se.Line < 1 || se.Column < 1 {
					t.Fatalf("bad error %#v", err)
				}
				continue
			}
			if strict {
				if ext {
					t.Fatalf("Parse(%q) reports an extension in standard JSON", s)
				}
				if want := stdDecode(t, s); !reflect.DeepEqual(toStd(v), want) {
					t.Fatalf("Parse(%q) = %#v, encoding/json says %#v", s, toStd(v), want)
				}
			}
			out := Marshal(v)
			if !json.Valid([]byte(out)) {
				t.Fatalf("Marshal wrote invalid JSON %q", out)
			}
			again, ext, err := Parse(out, Options{})
			if err != nil || ext || !reflect.DeepEqual(plain(again), plain(v)) {
				t.Fatalf("re-parse of %q: %#v, %v", out, again, err)
			}
			if twice := Marshal(again); twice != out {
				t.Fatalf("Marshal is not stable: %q then %q", out, twice)
			}
		}
	})
}
