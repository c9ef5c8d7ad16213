package ordjson

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// SyntaxError is what Parse returns for text it cannot read.
type SyntaxError struct {
	// Msg says what is wrong, in encoding/json's words where it has them.
	Msg string
	// Offset is the byte offset of the offending byte (len(text) when the
	// text ended too early).
	Offset int
	// Line and Column are 1-based. Lines end at '\n'; columns count
	// characters (runes), not bytes, so they match what an editor shows.
	Line, Column int
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s (line %d, column %d, offset %d)", e.Msg, e.Line, e.Column, e.Offset)
}

// errorAt builds a SyntaxError for offset off; the line and column are
// computed only here, so the happy path never counts lines.
func (p *parser) errorAt(off int, msg string) error {
	off = min(max(off, 0), len(p.s))
	line, col := 1, 1
	for i := 0; i < off; {
		r, size := utf8.DecodeRuneInString(p.s[i:])
		i += size
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return &SyntaxError{Msg: msg, Offset: off, Line: line, Column: col}
}

// unexpected reports the byte at pos as an invalid character.
func (p *parser) unexpected(context string) error {
	if p.pos >= len(p.s) {
		return p.errorAt(p.pos, "unexpected end of JSON input")
	}
	return p.errorAt(p.pos, "invalid character "+quoteChar(p.s[p.pos:])+" "+context)
}

// quoteChar quotes the character that starts s for an error message.
func quoteChar(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == utf8.RuneError && size == 1:
		return fmt.Sprintf("byte 0x%02x", s[0])
	case r == '\'':
		return `'\''`
	case r == '"':
		return `'"'`
	}
	q := strconv.Quote(string(r))
	return "'" + q[1:len(q)-1] + "'"
}
