package infer

import "time"

// A string place becomes time.Time when every string seen there is a
// timestamp by isTimestamp. The rule keeps the round trip that the
// generated tests perform: decoding into time.Time and encoding again must
// give the same instant at the same offset. Only the spelling may change,
// and only in two ways that the generated tests compare by value: a
// fraction loses its trailing zeros (".120Z" comes back ".12Z", ".000Z"
// comes back "Z") and a zero offset is written "Z" ("+00:00", "-00:00").
//
// What Go's time.Time accepts is wider than RFC 3339 and narrower than
// what APIs call timestamps; a string is a timestamp only where both
// agree:
//
//   - the RFC 3339 date-time grammar, exactly:
//     YYYY-MM-DD "T" hh:mm:ss [ "." 1-9 digits ] ( "Z" | ("+"|"-") hh:mm );
//     Go reads neither a lower-case "t" or "z", a space for "T", a date
//     alone, a time without an offset nor "+0100", so those stay string;
//     it does read a one-digit hour, a "," before the fraction, an offset
//     of "+01:60" and more than nine fraction digits, which it would
//     rewrite (the last one losing precision), so those stay string too;
//   - time.Time.UnmarshalJSON accepts it (the date exists: no February
//     30th, no second 60);
//   - time.Time.MarshalJSON writes it back (an offset hour up to 23).

// timestampLen is the length of the shortest timestamp:
// "2006-01-02T15:04:05Z".
const timestampLen = len("2006-01-02T15:04:05Z")

// isTimestamp reports whether s, a JSON string's text, is an RFC 3339
// timestamp that time.Time carries without loss.
func isTimestamp(s string) bool {
	if !rfc3339Syntax(s) {
		return false
	}
	// The syntax leaves only digits and "-:.TZ+": quoting needs no escapes.
	quoted := make([]byte, 0, len(s)+2)
	quoted = append(append(append(quoted, '"'), s...), '"')
	var t time.Time
	if t.UnmarshalJSON(quoted) != nil {
		return false
	}
	_, err := t.MarshalJSON()
	return err == nil
}

// rfc3339Syntax reports whether s follows RFC 3339's date-time grammar
// with an upper-case "T" and "Z" and at most nine fraction digits, and an
// offset of at most 23:59 in magnitude.
func rfc3339Syntax(s string) bool {
	if len(s) < timestampLen || s[10] != 'T' {
		return false
	}
	// YYYY-MM-DDThh:mm:ss
	for i, c := range []byte(s[:19]) {
		switch i {
		case 4, 7:
			if c != '-' {
				return false
			}
		case 10:
		case 13, 16:
			if c != ':' {
				return false
			}
		default:
			if !isDigit(c) {
				return false
			}
		}
	}
	rest := s[19:]
	if rest[0] == '.' {
		n := 1
		for n < len(rest) && isDigit(rest[n]) {
			n++
		}
		if n == 1 || n > 10 {
			return false
		}
		rest = rest[n:]
	}
	switch {
	case rest == "Z":
		return true
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		return isDigit(rest[1]) && isDigit(rest[2]) && isDigit(rest[4]) && isDigit(rest[5]) &&
			rest[1:3] <= "23" && rest[4:6] <= "59"
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
