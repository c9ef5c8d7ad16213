package naming

import (
	"go/token"
	"strings"

	"github.com/iancoleman/strcase"
)

// maxIdentLen caps generated identifiers. Some Postman names are whole
// sentences (200+ characters); trailing words are dropped until the
// identifier fits, which keeps the result stable and readable.
const maxIdentLen = 80

// Exported returns an exported Go identifier for a free-form name:
// DropOrdinal, then Words, then each word cased by strcase with Go initialisms
// applied ("Step 6: Refresh Users' Session" -> "RefreshUsersSession",
// "get user id" -> "GetUserID", "oauth2 token" -> "OAuth2Token",
// "x-api-key" -> "XAPIKey").
//
// A short word written in capitals keeps them when the rest of the name is
// not in capitals too ("X-OpenAM-Username" -> "XOpenAMUsername", but
// "PROJECT_KEY" -> "ProjectKey"); capitals.go states the rule.
//
// A name that starts with a digit gets the prefix "N" (for "number"):
// "2FA setup" -> "N2FASetup", "401" -> "N401". A short all-capitals word right
// after a number keeps its capitals ("2FA", "200 OK" -> "N200OK").
// Identifiers longer than 80 bytes lose trailing words. When the name gives no
// word at all, fallback is treated the same way (without DropOrdinal), and
// when that gives nothing either the result is "X".
func Exported(name, fallback string) string {
	if id := exportedFrom(casedName(DropOrdinal(name))); id != "" {
		return id
	}
	if id := exportedFrom(casedName(fallback)); id != "" {
		return id
	}
	return "X"
}

// Unexported returns the lowerCamel form of a name: like Exported, but the
// first word is all lower case, initialisms included ("ID" -> "id",
// "URLPath" -> "urlPath", "userID" stays "userID"). A leading digit gets the
// prefix "n" ("2FA" -> "n2FA"). A result that is a Go keyword or a
// predeclared identifier (type, func, string, error, len, nil...) gets a
// trailing underscore ("type" -> "type_", "string" -> "string_") so that it
// neither fails to compile nor shadows a builtin. An empty result falls back
// like Exported; the last resort is "x".
func Unexported(name, fallback string) string {
	if id := unexportedFrom(casedName(DropOrdinal(name))); id != "" {
		return id
	}
	if id := unexportedFrom(casedName(fallback)); id != "" {
		return id
	}
	return "x"
}

// casedName splits name into words and gives each its exported spelling.
func casedName(name string) []string {
	return casedWords(Words(name), hasLower(name))
}

func exportedFrom(parts []string) string {
	if len(parts) == 0 {
		return ""
	}
	if isDigit(parts[0][0]) {
		parts[0] = "N" + parts[0]
	}
	return joinCapped(parts)
}

func unexportedFrom(parts []string) string {
	if len(parts) == 0 {
		return ""
	}
	if _, ok := initialism(parts[0]); ok || strings.ToUpper(parts[0]) == parts[0] {
		parts[0] = strings.ToLower(parts[0])
	} else {
		parts[0] = strcase.ToLowerCamel(parts[0])
	}
	if isDigit(parts[0][0]) {
		parts[0] = "n" + parts[0]
	}
	id := joinCapped(parts)
	if shadows(id) {
		id += "_"
	}
	return id
}

// casedWords gives each word its exported spelling: initialisms in Go form,
// words in capitals kept as written when capitals is set (the name is not
// all in capitals), other words capitalised by strcase. A word followed by
// a number that together form an initialism ("utf" "8", "md" "5") is
// merged first.
func casedWords(words []string, capitals bool) []string {
	parts := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		w := words[i]
		if i+1 < len(words) && isDigit(words[i+1][0]) {
			if s, ok := initialisms[strings.ToLower(w+words[i+1])]; ok {
				parts = append(parts, s)
				i++
				continue
			}
		}
		if s, ok := initialism(w); ok {
			parts = append(parts, s)
			continue
		}
		if s, ok := inCapitals(w); ok && capitals {
			parts = append(parts, s)
			continue
		}
		if i > 0 && isDigit(words[i-1][0]) && len(w) <= 3 && strings.ToUpper(w) == w {
			// "2FA", "3D", "200 OK": a short code after a number reads
			// better in capitals than as "2Fa".
			parts = append(parts, w)
			continue
		}
		parts = append(parts, strcase.ToCamel(w))
	}
	return parts
}

// joinCapped joins parts, dropping trailing parts once the result would pass
// maxIdentLen; a single over-long part is cut.
func joinCapped(parts []string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 && b.Len()+len(p) > maxIdentLen {
			break
		}
		b.WriteString(p)
	}
	s := b.String()
	if len(s) > maxIdentLen {
		s = s[:maxIdentLen]
	}
	return s
}

// shadows reports whether id is a Go keyword or a predeclared identifier.
func shadows(id string) bool {
	return token.IsKeyword(id) || predeclared[id]
}

// predeclared lists the universe scope of the Go spec.
var predeclared = map[string]bool{
	"any": true, "bool": true, "byte": true, "comparable": true,
	"complex64": true, "complex128": true, "error": true, "float32": true,
	"float64": true, "int": true, "int8": true, "int16": true, "int32": true,
	"int64": true, "rune": true, "string": true, "uint": true, "uint8": true,
	"uint16": true, "uint32": true, "uint64": true, "uintptr": true,
	"true": true, "false": true, "iota": true, "nil": true,
	"append": true, "cap": true, "clear": true, "close": true, "complex": true,
	"copy": true, "delete": true, "imag": true, "len": true, "make": true,
	"max": true, "min": true, "new": true, "panic": true, "print": true,
	"println": true, "real": true, "recover": true,
}
