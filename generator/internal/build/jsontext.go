package build

import (
	"strings"

	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

// fillBarePlaceholders replaces {{var}} standing where a JSON value belongs
// ("count": {{limit}}) with the variable's saved value when that is itself
// a JSON value, else with null, so that the body parses and can be typed.
// Placeholders inside strings are left alone. lookup returns a variable's
// saved value. keepUnsaved leaves a variable with no saved value as its
// reference instead of null.
func fillBarePlaceholders(raw string, lookup func(string) (string, bool), keepUnsaved bool) string {
	var b strings.Builder
	inString, escaped := false, false
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' && strings.HasPrefix(raw[i:], "{{"):
			if end := strings.Index(raw[i+2:], "}}"); end >= 0 {
				key := raw[i+2 : i+2+end]
				value := "null"
				if v, ok := lookup(key); ok && ordjson.Valid(v) {
					value = v
				} else if !ok && keepUnsaved {
					value = raw[i : i+2+end+2]
				}
				b.WriteString(value)
				i += 2 + end + 1
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}
