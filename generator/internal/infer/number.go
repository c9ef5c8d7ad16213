package infer

import (
	"strconv"
)

// numClass is what one number's text says about the Go type that can hold
// it without changing its value when encoding/json re-encodes it.
type numClass struct {
	// float: the text has a fraction or an exponent ("1.0", "1e3").
	float bool
	// big: a whole number outside int64.
	big bool
	// inexact: float64 cannot carry it: encoding/json would write a
	// different number back (0.1000000000000000000001, 2^63+1, 1e400).
	inexact bool
}

// maxExactInt is 2^53: every integer up to it in magnitude is a float64.
const maxExactInt = 1 << 53

// classifyNumber classifies a number's text; exactness is only checked
// when checkExact is set, as it costs a float conversion. inexact matters
// only if the place also holds a float or a big number: an int64 stays an
// int64 whether or not float64 could hold it.
//
// The text is assumed to follow the JSON grammar (ordjson.Parse guarantees it);
// anything else is inexact, so that its node falls back to json.RawMessage
// rather than to a lossy type.
func classifyNumber(text string, checkExact bool) numClass {
	integer := true
	for i := 0; i < len(text); i++ {
		if c := text[i]; c == '.' || c == 'e' || c == 'E' {
			integer = false
			break
		}
	}
	if integer {
		n, err := strconv.ParseInt(text, 10, 64)
		if err == nil {
			if -maxExactInt <= n && n <= maxExactInt {
				return numClass{}
			}
			return numClass{inexact: checkExact && !floatExact(text)}
		}
		return numClass{big: true, inexact: checkExact && !floatExact(text)}
	}
	return numClass{float: true, inexact: checkExact && !floatExact(text)}
}

// floatExact reports whether decoding text into a float64 and encoding it
// again with encoding/json (shortest representation) gives the same number.
func floatExact(text string) bool {
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return false
	}
	var buf [32]byte
	return sameDecimal(text, string(strconv.AppendFloat(buf[:0], f, 'g', -1, 64)))
}

// decimal is a number as digits × 10^exp with no leading or trailing zero
// digits, so that equal values have equal decimals. Zero has n == 0.
type decimal struct {
	neg bool
	d   [maxDigits]byte
	n   int
	exp int
}

// maxDigits bounds the significant digits kept. float64's shortest form
// never has more than 17, so a text with more cannot be exact anyway.
const maxDigits = 24

// parseDecimal reads a JSON number text. ok is false when the text is not
// a number or has too many significant digits or too large an exponent to
// matter for float64.
func parseDecimal(s string) (dec decimal, ok bool) {
	i := 0
	if i < len(s) && s[i] == '-' {
		dec.neg = true
		i++
	}
	zeros := 0 // pending zeros after the last non-zero digit
	frac := 0  // digits read after the decimal point
	inFrac := false
	sawDigit := false
	for ; i < len(s); i++ {
		c := s[i]
		if c == '.' && !inFrac {
			inFrac = true
			continue
		}
		if c < '0' || c > '9' {
			break
		}
		sawDigit = true
		if inFrac {
			frac++
		}
		if c == '0' {
			if dec.n > 0 {
				zeros++
			}
			continue
		}
		if dec.n+zeros+1 > maxDigits {
			return dec, false
		}
		for ; zeros > 0; zeros-- {
			dec.d[dec.n] = '0'
			dec.n++
		}
		dec.d[dec.n] = c
		dec.n++
	}
	if !sawDigit {
		return dec, false
	}
	exp := 0
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		neg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			neg = s[i] == '-'
			i++
		}
		if i >= len(s) {
			return dec, false
		}
		for ; i < len(s); i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return dec, false
			}
			// float64 spans about 10^±324: saturate rather than overflow.
			if exp < 1_000_000 {
				exp = exp*10 + int(c-'0')
			}
		}
		if neg {
			exp = -exp
		}
	}
	if i != len(s) {
		return dec, false
	}
	if dec.n == 0 {
		return decimal{}, true // zero, whatever its sign and exponent
	}
	dec.exp = exp - frac + zeros
	return dec, true
}

// sameDecimal reports whether two number texts have the same value.
func sameDecimal(a, b string) bool {
	da, ok := parseDecimal(a)
	if !ok {
		return false
	}
	db, ok := parseDecimal(b)
	if !ok {
		return false
	}
	return da.neg == db.neg && da.n == db.n && da.exp == db.exp && da.d == db.d
}
