package emit

import (
	"bytes"
	"fmt"
	goformat "go/format"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/templates"
)

// renderBoth renders f as render does and as it would without lifting (the
// placeholders replaced in jennifer's source before printing), and says
// whether restore put the comments back itself.
func renderBoth(t *testing.T, path string, f *genFile, checkDocs bool) (got, want []byte, restored bool) {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		t.Fatal(err)
	}
	src := groupImports(buf.Bytes())
	want, err := printFile(path, f.lifted.unlift(src), &templates.Refs{}, checkDocs)
	if err != nil {
		t.Fatal(err)
	}
	printed, err := printFile(path, src, &templates.Refs{}, checkDocs)
	if err != nil {
		t.Fatal(err)
	}
	_, restored, err = f.lifted.restore(path, printed, checkDocs)
	if err != nil {
		t.Fatal(err)
	}
	got, err = render(path, f, &templates.Refs{}, checkDocs)
	if err != nil {
		t.Fatal(err)
	}
	return got, want, restored
}

// Every file of every golden collection and, with $PMGEN_CORPUS, every
// corpus collection renders the same with its long comments lifted as
// with them in place, and restore does it without printing again.
func TestLiftedCommentsAreGofmts(t *testing.T) {
	lifted := 0
	eachModel(t, func(*model.API) bool { return true }, func(t *testing.T, api *model.API) {
		noBodies := func() (map[string]string, error) { return map[string]string{}, nil }
		for _, job := range goFiles(api, noBodies, Options{}) {
			if job.build == nil {
				continue
			}
			f, err := job.build()
			if err != nil || f == nil || len(f.lifted) == 0 {
				continue
			}
			lifted += len(f.lifted)
			got, want, restored := renderBoth(t, job.path, f, true)
			if !bytes.Equal(got, want) {
				t.Errorf("%s: lifting changes the file at byte %d:\n%s", job.path, firstDiff(string(got), string(want)), around(string(got), string(want)))
			}
			if !restored {
				t.Errorf("%s: restore gave up; the file was printed twice", job.path)
			}
		}
	})
	if lifted < 400 {
		t.Errorf("%d comments were lifted; the goldens alone hold more", lifted)
	}
}

// Shapes the goldens may not hold. Each file is compared with the one
// written without lifting and with gofmt's formatting of that one;
// restored says whether restore should manage on its own (a lifted
// comment next to another comment line makes render print again).
func TestLiftedCommentShapes(t *testing.T) {
	long := strings.Repeat(" Long enough to be lifted.", 5)
	for _, tc := range []struct {
		name     string
		build    func(f *genFile)
		restored bool
	}{
		{"top-level doc", func(f *genFile) {
			f.Add(f.doc("A is documented." + long))
			f.Var().Id("A").Int()
		}, true},
		{"blank line after", func(f *genFile) {
			f.Add(f.doc("Not a doc comment: a blank line follows. \u00a0\n\n  - not\n  - reformatted\u00a0" + long))
			f.Line()
			f.Var().Id("A").Int()
		}, true},
		{"reformatted by gofmt", func(f *genFile) {
			f.Add(f.doc("List:\n  - one\n  - two\nCode:\n\tx := 1\nafter." + long))
			f.Var().Id("A").Int()
		}, true},
		{"struct fields", func(f *genFile) {
			f.Type().Id("S").StructFunc(func(g *jen.Group) {
				g.Add(f.doc("X is a field.\n\n  - with a list" + long))
				g.Id("X").Int()
				g.Add(f.doc("Y is aligned with X." + long))
				g.Id("Yyyyyy").String().Tag(map[string]string{"json": "y"})
				g.Add(f.doc("At the end of the struct." + long))
			})
		}, true},
		{"interface in a function", func(f *genFile) {
			f.Func().Id("F").Params().Block(
				jen.Type().Id("I").InterfaceFunc(func(g *jen.Group) {
					g.Add(f.doc("M is a method." + long))
					g.Id("M").Params()
				}),
			)
		}, true},
		{"blank line after text gofmt would reformat as a doc", func(f *genFile) {
			f.Add(f.doc("B." + long + "\nCode:\n\tx := 1\nafter."))
			f.Line()
			f.Var().Id("B").Int()
		}, true},
		{"a comment line right after", func(f *genFile) {
			f.Add(f.doc("A." + long + "\nCode:\n\tx := 1"))
			f.Add(comment("after"))
			f.Var().Id("A").Int()
		}, false},
		{"a +build line", func(f *genFile) {
			f.Add(f.doc("A builds." + long + "\n\n+build ignore"))
			f.Var().Id("A").Int()
		}, true},
		{"two lifted comments adjacent", func(f *genFile) {
			f.Add(f.doc("First." + long))
			f.Add(f.doc("Second." + long))
			f.Var().Id("A").Int()
		}, false},
		{"after a comment that is not lifted", func(f *genFile) {
			f.Add(comment("short"))
			f.Add(f.doc("Lifted." + long))
			f.Var().Id("A").Int()
		}, false},
		{"a placeholder spelled in a description", func(f *genFile) {
			f.Add(comment(liftMark + "0"))
			f.Var().Id("A").Int()
			f.Add(f.doc("Lifted." + long))
			f.Var().Id("B").Int()
		}, false},
		{"the mark inside a comment", func(f *genFile) {
			f.Add(comment("says " + liftMark + "0 mid-line"))
			f.Var().Id("A").Int()
			f.Add(f.doc("Lifted." + long))
			f.Var().Id("B").Int()
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFileNamed("p")
			tc.build(f)
			if len(f.lifted) == 0 {
				t.Fatal("nothing was lifted")
			}
			got, want, restored := renderBoth(t, "p.go", f, false)
			if !bytes.Equal(got, want) {
				t.Errorf("lifting changes the file:\n--- got\n%s\n--- want\n%s", got, want)
			}
			if gofmt, err := goformat.Source(want); err != nil || !bytes.Equal(gofmt, want) {
				t.Errorf("gofmt changes the file written without lifting (%v):\n%s", err, gofmt)
			}
			if restored != tc.restored {
				t.Errorf("restore managed: %v, want %v", restored, tc.restored)
			}
			if bytes.Contains(got, []byte(liftMark)) && !strings.Contains(tc.name, "spelled") && !strings.Contains(tc.name, "mark") {
				t.Errorf("a placeholder is left:\n%s", got)
			}
		})
	}
}

// Under CheckDocs, a lifted top-level doc that gofmt would rewrite fails
// rendering as one written in place does, with the line it starts on in
// the file as written.
func TestLiftedDocsAreChecked(t *testing.T) {
	bad := "Code without blank lines around it:\n\tx := 1\nafter." + strings.Repeat(" Long enough to be lifted.", 5)
	file := func() *genFile {
		f := newFileNamed("p")
		// A lifted doc of several lines comes first, so that the line
		// reported must count the lines it was restored to, not the one
		// line of its placeholder.
		f.Add(f.doc(strings.Repeat("An earlier doc that is long enough to be lifted.\n", 6)))
		f.Var().Id("Z").Int()
		f.Add(f.doc(bad))
		f.Var().Id("A").Int()
		return f
	}
	out, err := render("p.go", file(), &templates.Refs{}, false)
	if err != nil {
		t.Fatal(err)
	}
	line := 1 + strings.Count(string(out[:strings.Index(string(out), "// Code without")]), "\n")
	_, err = render("p.go", file(), &templates.Refs{}, true)
	if err == nil || !strings.Contains(err.Error(), "gofmt rewrites the doc comment's line") {
		t.Fatalf("render = %v, want gofmt's rewrite reported", err)
	}
	if want := fmt.Sprintf("emit p.go:%d:", line); !strings.HasPrefix(err.Error(), want) {
		t.Errorf("render = %v, want it to point at %s, the doc's first line in the file written", err, want)
	}
}
