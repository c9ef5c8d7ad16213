package emit

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// exampleBodies reads tokens where parsedExampleBodies reads the syntax
// tree; both must give the same bodies, on every example_test.go pmgen
// has written into the repository and on the shapes of function the
// token reading must tell apart.
func TestExampleBodiesMatchTheParser(t *testing.T) {
	paths, _ := filepath.Glob("../../testdata/golden/*/want/example_test.go")
	more, _ := filepath.Glob("../../../generated/*/example_test.go")
	paths = append(paths, more...)
	if len(paths) < 3 {
		t.Fatalf("found %d example_test.go files; the goldens hold more", len(paths))
	}
	srcs := map[string][]byte{
		"shapes": []byte("package p\n\n" +
			"var f = func() { _ = 1 }\n\n" +
			"func (r *T) Method(a, b int) (c []int, err error) {\n\tif a > b {\n\t\treturn nil, nil\n\t}\n\treturn []int{a}, nil\n}\n\n" +
			"func Generic[T any, U ~[]T](u U) map[string]T {\n\tx := func() {}\n\tx()\n\treturn nil\n}\n\n" +
			"func Strings() {\n\ts := `}\n{`\n\t_ = s + \"}\" + string('}') // }\n\t/* { */\n}\n\n" +
			"func Returns() func() int {\n\treturn func() int { return 1 }\n}\n"),
		"func types and values": []byte("package p\n\n" +
			"var f func() int\n\nfunc A() {\n\tprintln()\n}\n\n" +
			"var g = func() int { return 1 }\n\n" +
			"type H func(int) error\n\nvar x = T{A: 1}\n\n" +
			"func Bodiless()\n\nfunc B() {\n\tx := T{A: 2}\n\t_ = x\n}\n\n" +
			"var (\n\tv1 = func() {}\n\tv2 func()\n)\n\nfunc C() {\nlabel:\n\tfor {\n\t\tbreak label\n\t}\n}\n"),
		"signature braces": []byte("package p\n\nfunc A() interface{ M() } {\n\treturn nil\n}\n\nfunc B() {\n\tprintln()\n}\n"),
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		srcs[p] = src
	}
	for name, src := range srcs {
		got, err := exampleBodies(src)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want, err := parsedExampleBodies(src)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(want) == 0 {
			t.Fatalf("%s: no function bodies", name)
		}
		if !reflect.DeepEqual(got, want) {
			for k := range want {
				if got[k] != want[k] {
					t.Errorf("%s: %s:\n got %q\nwant %q", name, k, got[k], want[k])
				}
			}
			t.Errorf("%s: %d bodies, want %d", name, len(got), len(want))
		}
	}
}
