package emit

import (
	"go/format"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/pmgen/pmgen/templates"
)

// render prints with its own printer configuration instead of calling
// format.Source, so that it parses each file once. Its output must stay
// byte-equal to gofmt's, number literals and import order included.
func TestRenderMatchesGofmt(t *testing.T) {
	f := newFileNamed("p")
	f.ImportName("strings", "strings")
	f.ImportName("bytes", "bytes")
	f.Var().Id("a").Op("=").Qual("strings", "ToUpper").Call(jen.Lit("x"))
	f.Var().Id("b").Op("=").Qual("bytes", "ToUpper").Call(jen.Nil())
	f.Var().Id("c").Op("=").Op("0X1F").Op("+").Op("1E5").Op("+").Op("0O17")
	f.Comment("trailing comment")
	f.Func().Id("d").Params().Block(jen.If(jen.Id("a").Op("==").Lit("")).Block(jen.Return()))

	var refs templates.Refs
	got, err := render("p.go", f, &refs, true)
	if err != nil {
		t.Fatal(err)
	}
	want, err := format.Source([]byte(f.GoString()))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("render differs from format.Source:\n--- render\n%s\n--- gofmt\n%s", got, want)
	}
}
