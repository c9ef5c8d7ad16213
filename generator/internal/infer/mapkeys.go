package infer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Objects become structs when their keys are names and maps when their keys
// are data (ids, dates, hashes). The decision is made on the union of the
// keys seen at one place, after merging, so that it is the same for every
// sample there.

// manyKeys is how many keys an object needs before keys that merely do
// not look like names (rather than clearly being data) make it a map.
const manyKeys = 8

// keysAreData reports whether keys should make an object a map.
//
//   - Any key that cannot be a struct tag name (the empty key, a key with a
//     quote, backslash, comma or a character that is neither letter, digit
//     nor tag-safe punctuation) forces a map: encoding/json would ignore
//     such a tag and the round trip would lose the key.
//   - All keys data-like (numbers, UUIDs, dates, long hex hashes, emails,
//     URLs and paths) gives a map.
//   - At least manyKeys keys, most of which are not identifier-like, gives
//     a map.
func keysAreData(fields []*field) bool {
	if len(fields) == 0 {
		return false
	}
	data, odd := 0, 0
	for _, f := range fields {
		k := f.key
		if !validTag(k) {
			return true
		}
		switch {
		case dataKey(k):
			data++
		case !identKey(k):
			odd++
		}
	}
	if data == len(fields) {
		return true
	}
	return len(fields) >= manyKeys && 2*(data+odd) > len(fields)
}

// validTag mirrors encoding/json's rule for a usable json tag name: it is
// what decides whether a struct field can carry this key at all.
func validTag(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case asciiWord(c):
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

// identKey reports whether k reads like a field name: a letter, '_', '$'
// or '@' first, then letters, digits and the separators that APIs use in
// names ("_", "-", ".", ":", "$", "@", a space), at most 64 bytes.
func identKey(k string) bool {
	if len(k) > 64 {
		return false
	}
	for i, c := range k {
		switch {
		case asciiWord(c) && (i > 0 || c > '9'):
		case unicode.IsLetter(c), c == '_', c == '$', c == '@':
		case i > 0 && (unicode.IsDigit(c) || strings.ContainsRune("-.: ", c)):
		default:
			return false
		}
	}
	return true
}

// dataKey reports whether k is clearly a value: a number, a UUID, a date,
// a long hex hash, an email address, a URL or a path.
func dataKey(k string) bool {
	switch {
	case numericKey(k), uuidKey(k), dateKey(k), hexKey(k):
		return true
	case strings.HasPrefix(k, "/"), strings.Contains(k, "://"):
		return true
	}
	at := strings.IndexByte(k, '@')
	return at > 0 && strings.Contains(k[at+1:], ".")
}

// numericKey: an optionally signed decimal number ("12", "-3", "1.5").
func numericKey(k string) bool {
	k = strings.TrimPrefix(k, "-")
	if k == "" {
		return false
	}
	dot := false
	for i := 0; i < len(k); i++ {
		switch c := k[i]; {
		case '0' <= c && c <= '9':
		case c == '.' && !dot && i > 0 && i < len(k)-1:
			dot = true
		default:
			return false
		}
	}
	return true
}

// uuidKey: 8-4-4-4-12 hex digits.
func uuidKey(k string) bool {
	if len(k) != 36 {
		return false
	}
	for i := 0; i < len(k); i++ {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if k[i] != '-' {
				return false
			}
		} else if !isHex(k[i]) {
			return false
		}
	}
	return true
}

// dateKey: starts with YYYY-MM-DD (a date or an RFC 3339 time).
func dateKey(k string) bool {
	if len(k) < 10 {
		return false
	}
	for i := 0; i < 10; i++ {
		c := k[i]
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// hexKey: 16 or more hex digits with at least one decimal digit, like
// object ids and content hashes (a word such as "deadbeefcafe" alone is
// not enough).
func hexKey(k string) bool {
	if len(k) < 16 || !utf8.ValidString(k) {
		return false
	}
	digit := false
	for i := 0; i < len(k); i++ {
		if !isHex(k[i]) {
			return false
		}
		digit = digit || k[i] <= '9'
	}
	return digit
}

// asciiWord: an ASCII letter, digit or '_', the common case kept off the
// slower unicode tables.
func asciiWord(c rune) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
