package emit

import "testing"

func TestGroupImports(t *testing.T) {
	in := "package p\n\nimport (\n\t\"context\"\n\t\"example.com/x/api\"\n\tfoo \"fmt\"\n)\n\nfunc f() {}\n"
	want := "package p\n\nimport (\n\t\"context\"\n\tfoo \"fmt\"\n\n\t\"example.com/x/api\"\n)\n\nfunc f() {}\n"
	if got := string(groupImports([]byte(in))); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	std := "package p\n\nimport (\n\t\"context\"\n\t\"fmt\"\n)\n"
	if got := string(groupImports([]byte(std))); got != std {
		t.Errorf("a block of standard imports changed:\n%s", got)
	}
}
