package naming

// translit maps the non-ASCII letters that appear in real API names to an
// ASCII spelling, so that "Café Größe" becomes words "Cafe" "Grosse" instead of
// losing letters. It is deliberately small: Latin letters with diacritics and
// the common ligatures. Anything else (CJK, Cyrillic, emoji, symbols) has no
// obvious ASCII form and is treated as a word separator by Words.
var translit = map[rune]string{
	'À': "A", 'Á': "A", 'Â': "A", 'Ã': "A", 'Ä': "A", 'Å': "A", 'Ā': "A", 'Ă': "A", 'Ą': "A",
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'Æ': "Ae", 'æ': "ae",
	'Ç': "C", 'Ć': "C", 'Č': "C", 'ç': "c", 'ć': "c", 'č': "c",
	'Ð': "D", 'Ď': "D", 'Đ': "D", 'ð': "d", 'ď': "d", 'đ': "d",
	'È': "E", 'É': "E", 'Ê': "E", 'Ë': "E", 'Ē': "E", 'Ė': "E", 'Ę': "E", 'Ě': "E",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'Ğ': "G", 'ğ': "g",
	'Ì': "I", 'Í': "I", 'Î': "I", 'Ï': "I", 'Ī': "I", 'İ': "I",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'ı': "i",
	'Ł': "L", 'ł': "l",
	'Ñ': "N", 'Ń': "N", 'Ň': "N", 'ñ': "n", 'ń': "n", 'ň': "n",
	'Ò': "O", 'Ó': "O", 'Ô': "O", 'Õ': "O", 'Ö': "O", 'Ø': "O", 'Ō': "O", 'Ő': "O",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o",
	'Œ': "Oe", 'œ': "oe",
	'Ř': "R", 'ř': "r",
	'Ś': "S", 'Š': "S", 'Ş': "S", 'ś': "s", 'š': "s", 'ş': "s",
	'ẞ': "SS", 'ß': "ss",
	'Ť': "T", 'Ţ': "T", 'ť': "t", 'ţ': "t",
	'Þ': "Th", 'þ': "th",
	'Ù': "U", 'Ú': "U", 'Û': "U", 'Ü': "U", 'Ū': "U", 'Ů': "U", 'Ű': "U",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u",
	'Ý': "Y", 'Ÿ': "Y", 'ý': "y", 'ÿ': "y",
	'Ź': "Z", 'Ż': "Z", 'Ž': "Z", 'ź': "z", 'ż': "z", 'ž': "z",
}

// isJoiner reports whether r is removed without ending the current word:
// apostrophes ("Users'" is one word, "People I'm" keeps "Im") and the braces
// of {{variable}} references, as the brief for this package requires.
func isJoiner(r rune) bool {
	switch r {
	case '\'', '`', '{', '}', '’', '‘', 'ʼ', '´', '′':
		return true
	}
	return false
}
