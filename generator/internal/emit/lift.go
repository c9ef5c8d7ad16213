package emit

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"go/ast"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/gofmt"
)

// genFile is a Go file being emitted: jennifer's file, and the comments
// lifted out of it until render puts them back.
//
// Comments are over half of a service file (Fastly: 1.1 of 1.8 MB), and
// each byte of them used to be written by jennifer, copied twice, scanned
// by the parser, held in the syntax tree and written by the printer. A
// lifted comment is a one-line placeholder for all of that, and its lines
// are written once, into the printed file, as the printer would have
// written them (restore).
type genFile struct {
	*jen.File
	lifted liftedDocs
}

// liftedDocs are the // lines of each lifted comment, by placeholder
// number. They are all of a genFile that render needs once jennifer has
// written the file, so render keeps them and lets go of the tree.
type liftedDocs []string

// doc is comment(text) for a comment on lines of its own in f, lifted
// when it is long enough for that to pay.
func (f *genFile) doc(text string) jen.Code {
	c := commentText(text)
	if c == "" {
		return jen.Null()
	}
	if len(c) < minLifted {
		return jen.Comment(c)
	}
	f.lifted = append(f.lifted, c)
	return jen.Comment(placeholder(len(f.lifted) - 1))
}

// minLifted is the shortest comment doc lifts: below it the placeholder
// and the search for it cost about what printing the comment would.
const minLifted = 100

// liftMark starts every placeholder. Its random part is drawn once per
// process, so that no description in a collection can spell a
// placeholder; U+E000 (private use) keeps it one plain word that the
// printer's doc comment formatting leaves as it is.
var liftMark = func() string {
	var nonce [8]byte
	for i := range nonce {
		nonce[i] = byte(rand.Uint32())
	}
	return "\uE000" + hex.EncodeToString(nonce[:]) + ":"
}()

// placeholder is the one-line comment that stands for lifted comment n.
func placeholder(n int) string {
	return "// " + liftMark + strconv.Itoa(n)
}

// restore puts the lifted comments back into out, the file as printed
// with placeholders. Each placeholder line, at whatever indentation the
// printer gave it, becomes the comment's lines at that indentation:
// formatted as a doc comment when code follows on the next line (the
// printer formats every such comment group: jennifer writes all code in
// column one), and only trimmed at the end when a blank line follows.
// The printer decides from the source whether code follows, and restore
// from the printed file; the two agree wherever doc is used (at the top
// level and among struct and interface fields, where the printer keeps a
// blank line as it was).
// ok is false when a placeholder shares its comment group with another
// comment line, whose formatting would depend on both, or is not where
// it was expected; render then prints the file with the comments in
// place. checkDocs fails a top-level doc comment that gofmt would
// rewrite, as rewrittenDoc does for the others.
func (lifted liftedDocs) restore(path string, out []byte, checkDocs bool) (_ []byte, ok bool, _ error) {
	size := len(out)
	for _, c := range lifted {
		size += 2 * len(c)
	}
	dst := make([]byte, 0, size)
	mark := []byte(liftMark)
	seen := make([]bool, len(lifted))
	pos := 0
	for {
		k := bytes.Index(out[pos:], mark)
		if k < 0 {
			break
		}
		at := pos + k
		start := bytes.LastIndexByte(out[:at], '\n') + 1
		end := bytes.IndexByte(out[at:], '\n')
		if end < 0 {
			return nil, false, nil
		}
		end += at
		indent := out[start:max(at-len("// "), start)]
		n, err := strconv.Atoi(string(out[at+len(mark) : end]))
		next := lineAfter(out, end)
		if !bytes.HasPrefix(out[start+len(indent):], []byte("// ")) || !tabs(indent) ||
			err != nil || n < 0 || n >= len(seen) || seen[n] ||
			commentLine(lineBefore(out, start)) || commentLine(next) {
			return nil, false, nil
		}
		seen[n] = true
		lines := strings.Split(lifted[n], "\n")
		if len(next) > 0 {
			if checkDocs && len(indent) == 0 {
				if got, want, bad := rewrittenLine(commentGroup(lines)); bad {
					// The line in the file as written: the comments
					// restored above it are longer than their
					// placeholders.
					line := bytes.Count(dst, []byte("\n")) + bytes.Count(out[pos:start], []byte("\n")) + 1
					return nil, false, fmt.Errorf("%s:%d: gofmt rewrites the doc comment's line %q as %q", path, line, got, want)
				}
			}
			lines = gofmt.DocLines(lines)
		} else {
			lines = gofmt.CommentLines(lines)
		}
		dst = append(dst, out[pos:start]...)
		for i, l := range lines {
			if i > 0 {
				dst = append(dst, '\n')
			}
			dst = append(dst, indent...)
			dst = append(dst, l...)
		}
		pos = end
	}
	for _, s := range seen {
		if !s {
			return nil, false, nil
		}
	}
	return append(dst, out[pos:]...), true, nil
}

// unlift is src, jennifer's unformatted file, with every lifted comment
// in place of its placeholder: the file as it would have been written
// without lifting (jennifer writes the placeholders in column one).
func (lifted liftedDocs) unlift(src []byte) []byte {
	dst := make([]byte, 0, len(src)+len(lifted)*minLifted)
	mark := []byte("// " + liftMark)
	for {
		at := bytes.Index(src, mark)
		if at < 0 {
			return append(dst, src...)
		}
		end := at + len(mark)
		for end < len(src) && '0' <= src[end] && src[end] <= '9' {
			end++
		}
		n, err := strconv.Atoi(string(src[at+len(mark) : end]))
		dst = append(dst, src[:at]...)
		if err == nil && n < len(lifted) {
			dst = append(dst, lifted[n]...)
		} else {
			dst = append(dst, src[at:end]...)
		}
		src = src[end:]
	}
}

func commentGroup(lines []string) *ast.CommentGroup {
	g := &ast.CommentGroup{List: make([]*ast.Comment, len(lines))}
	for i, l := range lines {
		g.List[i] = &ast.Comment{Text: l}
	}
	return g
}

// lineBefore is the line that ends just before offset start; nil at the
// beginning of b.
func lineBefore(b []byte, start int) []byte {
	if start == 0 {
		return nil
	}
	return b[bytes.LastIndexByte(b[:start-1], '\n')+1 : start-1]
}

// lineAfter is the line that starts after the newline at end; nil at the
// end of b.
func lineAfter(b []byte, end int) []byte {
	if end+1 >= len(b) {
		return nil
	}
	rest := b[end+1:]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		return rest[:i]
	}
	return rest
}

// commentLine reports whether line, indentation aside, is a // comment.
func commentLine(line []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(line, "\t"), []byte("//"))
}

func tabs(b []byte) bool {
	return len(bytes.Trim(b, "\t")) == 0
}
