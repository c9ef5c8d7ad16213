package emit

import (
	"go/build/constraint"
	"go/parser"
	"go/token"
	"regexp"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
)

// TestCommentCannotInject renders hostile descriptions as doc comments and
// checks that the file parses, keeps its one declaration, and has no line
// that starts a directive.
func TestCommentCannotInject(t *testing.T) {
	directive := regexp.MustCompile(`(?m)^[ \t]*//(go:|line )`)
	for _, text := range []string{
		"a */ b /* c", "nul\x00byte", "bom\ufeffx", "bad \xff utf8", "cr\r//go:generate rm -rf /",
		"crlf\r\n//go:generate rm -rf /", "lf\n//go:generate rm -rf /", "ls\u2028//go:generate x", "ps\u2029//line x.go:1",
		"package main\n\nfunc main() {}", "del\x7f and bell\a", "\n\n//go:build ignore\n",
		"+build linux", "builds on:\n\n  +build\tignore", "+build", "+builder is fine",
	} {
		f := jen.NewFile("p")
		f.Add(comment(text))
		f.Var().Id("X").Int()
		src := f.GoString()
		if loc := directive.FindStringIndex(src); loc != nil {
			t.Errorf("%q gives a directive line:\n%s", text, src)
		}
		// gofmt moves a +build line to the top and adds a //go:build line.
		for _, line := range strings.Split(src, "\n") {
			if constraint.IsPlusBuild(line) || constraint.IsGoBuild(line) {
				t.Errorf("%q gives a build constraint %q:\n%s", text, line, src)
			}
		}
		file, err := parser.ParseFile(token.NewFileSet(), "p.go", src, parser.ParseComments)
		if err != nil {
			t.Errorf("%q: %v\n%s", text, err, src)
			continue
		}
		if file.Name.Name != "p" || len(file.Decls) != 1 {
			t.Errorf("%q changed the file's structure:\n%s", text, src)
		}
		if strings.ContainsAny(src, "\x00\r\ufeff") {
			t.Errorf("%q: the source keeps a NUL, CR or BOM", text)
		}
	}
}

// commentSafe skips the line-break Replacer when hasLineBreak finds
// nothing for it to change.
func TestHasLineBreakMatchesTheReplacer(t *testing.T) {
	for _, s := range []string{
		"", "plain", "a\nb", "a\r\nb", "a\rb", "ls\u2028x", "ps\u2029x", "bom\ufeffx",
		"“quotes” – dashes … \u2027 \u202a \ufefe", "\xe2\x80", "\xef\xbb",
	} {
		if got, want := hasLineBreak(s), lineBreaks.Replace(s) != s; got != want {
			t.Errorf("hasLineBreak(%q) = %v, but the Replacer changes it: %v", s, got, want)
		}
	}
}
