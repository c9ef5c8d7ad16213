package ordjson

import "strings"

// StripComments removes // and /* */ comments outside strings as Postman's
// runtime does before it sends a raw JSON body (the npm package
// strip-json-comments, without whitespace). It serves text that does not
// parse, which must be sent as Postman sends it; Parse in lenient mode
// skips comments itself. Quotes toggle strings unless
// escaped, a line comment ends before its line break (a "\r\n" loses its
// "\r"), and an unterminated comment runs to the end.
func StripComments(s string) string {
	var out strings.Builder
	inString, offset := false, 0
	const none, line, block = 0, 1, 2
	comment := none
	escaped := func(i int) bool {
		n := 0
		for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
			n++
		}
		return n%2 == 1
	}
	pair := func(i int) string {
		if i+1 < len(s) {
			return s[i : i+2]
		}
		return s[i:]
	}
	for i := 0; i < len(s); i++ {
		if comment == none && s[i] == '"' && !escaped(i) {
			inString = !inString
		}
		if inString {
			continue
		}
		switch {
		case comment == none && pair(i) == "//":
			out.WriteString(s[offset:i])
			offset, comment = i, line
			i++
		case comment == line && pair(i) == "\r\n":
			i++
			comment, offset = none, i
		case comment == line && s[i] == '\n':
			comment, offset = none, i
		case comment == none && pair(i) == "/*":
			out.WriteString(s[offset:i])
			offset, comment = i, block
			i++
		case comment == block && pair(i) == "*/":
			i++
			comment, offset = none, i+1
		}
	}
	if comment == none {
		out.WriteString(s[offset:])
	}
	return out.String()
}
