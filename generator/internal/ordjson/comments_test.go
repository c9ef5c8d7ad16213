package ordjson

import "testing"

// The expected outputs are what strip-json-comments 3.1.1 (Postman's
// runtime, whitespace: false) gives for the same input.
func TestStripComments(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"a": 1}`, `{"a": 1}`},
		{"{\"a\": 1, // one\n\"b\": 2}", "{\"a\": 1, \n\"b\": 2}"},
		{"{\"a\": 1 /* one */, \"b\": \"//not\"}", "{\"a\": 1 , \"b\": \"//not\"}"},
		// A line comment ending in \r\n keeps only the \n.
		{"{\"a\": 1 // x\r\n}", "{\"a\": 1 \n}"},
		// An unbalanced quote (msgraph's invite body) shifts what is a
		// string: the URL after it reads as a comment.
		{"{\"e\": \"x, \r\n\"u\": \"https://m.example.com\" \r\n} ", "{\"e\": \"x, \r\n\"u\": \"https:\n} "},
		{`{"q": "a\"//b"}`, `{"q": "a\"//b"}`},
		{"{} /* open", "{} "},
	}
	for _, tt := range tests {
		if got := StripComments(tt.in); got != tt.want {
			t.Errorf("StripComments(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
