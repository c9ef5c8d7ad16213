package naming

import "strings"

// Words splits a free-form name into words. Anything that is not a letter or
// a digit separates words, except apostrophes and braces, which are dropped
// without starting a new word ("Users'" -> "Users", "{{realm}}" -> "realm").
// Inside a run of letters and digits, camelCase, acronym and digit boundaries
// split too ("getHTTPResponse2" -> "get" "HTTP" "Response" "2"); an acronym
// followed by a lone "s" stays whole ("IDs"), and the mixed-case initialisms
// OAuth, IPv and GraphQL are kept as one word. Non-ASCII letters are
// transliterated when the small table in translit.go knows them (é -> e,
// ß -> ss) and otherwise act as separators, as do emoji.
//
// Every returned word is non-empty and made of ASCII letters and digits only.
func Words(s string) []string {
	var words []string
	var chunk strings.Builder
	flush := func() {
		if chunk.Len() > 0 {
			words = append(words, splitChunk(chunk.String())...)
			chunk.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r < 0x80 && isAlnum(byte(r)):
			chunk.WriteRune(r)
		case isJoiner(r):
			// dropped, and the word goes on
		default:
			if t, ok := translit[r]; ok {
				chunk.WriteString(t)
			} else {
				flush()
			}
		}
	}
	flush()
	return words
}

type charClass int

const (
	classLower charClass = iota
	classUpper
	classDigit
)

func classOf(c byte) charClass {
	switch {
	case c >= 'A' && c <= 'Z':
		return classUpper
	case c >= '0' && c <= '9':
		return classDigit
	}
	return classLower
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// splitChunk splits a run of ASCII letters and digits at case and digit
// boundaries, then rejoins the mixed-case initialisms that the split cut.
func splitChunk(b string) []string {
	var parts []string
	start := 0
	for i := 1; i < len(b); i++ {
		prev, cur := classOf(b[i-1]), classOf(b[i])
		split := false
		switch {
		case prev != cur && (prev == classDigit || cur == classDigit):
			split = true
		case prev == classLower && cur == classUpper:
			split = true
		case prev == classUpper && cur == classUpper && i+1 < len(b) && classOf(b[i+1]) == classLower:
			// "HTTPResponse" splits before the 'R'; "IDs" is a plural acronym.
			split = !isPluralS(b, i+1)
		}
		if split {
			parts = append(parts, b[start:i])
			start = i
		}
	}
	parts = append(parts, b[start:])
	return mergeMixed(parts)
}

// isPluralS reports whether b[i] is an 's' that ends the word ("IDs", "URLsFor").
func isPluralS(b string, i int) bool {
	return b[i] == 's' && (i+1 == len(b) || classOf(b[i+1]) != classLower)
}

// mixedCase lists initialisms written in mixed case, which the camelCase split
// cuts in two ("OAuth" -> "O" "Auth"); lower-cased concatenation -> word.
var mixedCase = map[string]string{
	"oauth":   "OAuth",
	"ipv":     "IPv",
	"graphql": "GraphQL",
}

func mergeMixed(parts []string) []string {
	if len(parts) < 2 {
		return parts
	}
	out := parts[:0:0]
	for i := 0; i < len(parts); i++ {
		if i+1 < len(parts) {
			if _, ok := mixedCase[strings.ToLower(parts[i]+parts[i+1])]; ok {
				out = append(out, parts[i]+parts[i+1])
				i++
				continue
			}
		}
		out = append(out, parts[i])
	}
	return out
}
