package godoc

import (
	"strings"
	"unicode/utf8"
)

// wrap fills text into lines of at most wrapWidth columns (a word longer
// than that gets a line of its own). The first line starts with first, the
// others with rest. '\n' in text is a hard break. A word for which avoid
// returns true never starts a line after the first, since on an indented
// line it would be read as a list marker: it stays on the previous line
// even if that line gets long. Placeholder spaces (nbsp) become spaces.
func wrap(text, first, rest string, avoid func(string) bool) []string {
	var lines []string
	var cur strings.Builder
	curLen := 0
	prefix := first
	emit := func() {
		if cur.Len() > 0 {
			lines = append(lines, prefix+cur.String())
			prefix = rest
			cur.Reset()
			curLen = 0
		}
	}
	for i, hard := range strings.Split(text, "\n") {
		words := strings.Fields(hard)
		if len(words) == 0 {
			continue
		}
		// A hard break before a marker word would start a list item, so
		// that break is dropped instead.
		if i > 0 && cur.Len() > 0 && (avoid == nil || !avoid(words[0])) {
			emit()
		}
		for _, w := range words {
			wl := utf8.RuneCountInString(w)
			switch {
			case cur.Len() == 0:
			case utf8.RuneCountInString(prefix)+curLen+1+wl <= wrapWidth,
				avoid != nil && avoid(w):
				cur.WriteByte(' ')
				curLen++
			default:
				emit()
			}
			cur.WriteString(w)
			curLen += wl
		}
	}
	emit()
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(l, string(nbsp), " ")
	}
	return lines
}
