package naming

import (
	"strings"
	"unicode/utf8"
)

// DropOrdinal removes a leading tutorial ordinal from a name: "Step 6: Refresh"
// -> "Refresh", "1. Create" -> "Create", "01 - List" -> "List", "3) Get" ->
// "Get", "01-1 - Construct" -> "Construct", "1a. Select" -> "Select".
//
// An ordinal is an optional "Step", a number (with optional ".2"/"-2"
// sub-numbers and one trailing letter), then one of . : ) - – — followed by a
// space. Requiring the separator and the space keeps number-led phrases
// ("2FA setup", "200 OK", "2-factor auth", "3.x upgrade") intact. The input is
// returned unchanged when it has no ordinal or when dropping it would leave
// nothing; otherwise the rest is returned trimmed.
func DropOrdinal(s string) string {
	rest := strings.TrimSpace(s)
	if len(rest) >= 4 && strings.EqualFold(rest[:4], "step") {
		after := strings.TrimLeft(rest[4:], " ")
		if after != "" && isDigit(after[0]) {
			rest = after
		}
	}
	i := countDigits(rest)
	if i == 0 {
		return s
	}
	// Sub-numbers: "01-1", "1.2".
	for i+1 < len(rest) && (rest[i] == '.' || rest[i] == '-') && isDigit(rest[i+1]) {
		i += 1 + countDigits(rest[i+1:])
	}
	// One trailing letter: "1a", "4b".
	if i < len(rest) && isLetter(rest[i]) && (i+1 == len(rest) || !isAlnum(rest[i+1])) {
		i++
	}
	rest = strings.TrimLeft(rest[i:], " ")
	r, n := utf8.DecodeRuneInString(rest)
	switch r {
	case '.', ':', ')', '-', '–', '—':
	default:
		return s
	}
	rest = rest[n:]
	if rest == "" || (rest[0] != ' ' && rest[0] != '\t') {
		return s
	}
	if rest = strings.TrimSpace(rest); rest == "" {
		return s
	}
	return rest
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func countDigits(s string) int {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n
}
