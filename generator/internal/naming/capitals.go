package naming

import "unicode"

// The capitals rule: a word the collection writes in capitals keeps them in
// the Go name, beside Go's initialisms: "X-OpenAM-Username" is
// XOpenAMUsername, "Get SFTP logs" GetSFTPLogs, "List SKUs" ListSKUs.
// Precisely, a word keeps its capitals when
//
//   - it is 2 to 5 letters, all capitals, or such a run followed by a
//     lone plural "s" ("SKUs"); Words has already cut camelCase runs, so
//     "OpenAM" gives the words "Open" and "AM";
//   - the name it comes from (after its ordinal is dropped) also holds a
//     lower-case letter: a name written wholly in capitals ("PROJECT_KEY",
//     "GET USER", "SKU") says nothing by its case, and is cased like any
//     other (ProjectKey, GetUser, Sku);
//   - it is not the name of an HTTP method: "GET users" and "POST order"
//     write a verb in capitals by convention, and stay GetUsers and
//     PostOrder.
//
// Longer words in capitals ("DEPRECATED", "BROADCAST") are emphasis rather
// than abbreviations, and are cased as words.
const (
	minCapitals = 2
	maxCapitals = 5
)

// httpMethods are the request methods Postman offers, plus TRACE and
// CONNECT: words that names write in capitals as verbs.
var httpMethods = map[string]bool{
	"GET": true, "HEAD": true, "POST": true, "PUT": true, "PATCH": true,
	"DELETE": true, "OPTIONS": true, "TRACE": true, "CONNECT": true,
	"COPY": true, "LINK": true, "UNLINK": true, "PURGE": true, "LOCK": true,
	"UNLOCK": true, "PROPFIND": true, "VIEW": true,
}

// inCapitals returns how word is spelled under the capitals rule when it
// keeps its capitals: the word itself.
func inCapitals(word string) (string, bool) {
	letters := word
	if n := len(word); n > minCapitals && word[n-1] == 's' {
		letters = word[:n-1]
	}
	if len(letters) < minCapitals || len(letters) > maxCapitals || httpMethods[letters] {
		return "", false
	}
	for i := 0; i < len(letters); i++ {
		if letters[i] < 'A' || letters[i] > 'Z' {
			return "", false
		}
	}
	return word, true
}

// hasLower reports whether s holds a lower-case letter, in any script.
func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}
