package model

import (
	"strings"
	"testing"
)

// TestGroup checks that diagnostics saying the same thing in the same
// file become one line with their count and first three places, and that
// a different file, code or message keeps a line of its own.
func TestGroup(t *testing.T) {
	at := func(file string, path ...string) Pos { return Pos{File: file, Line: 3, Col: 5, Path: path} }
	same := func(pos Pos) Diagnostic {
		return Diagnostic{Pos: pos, Severity: Warning, Code: "secret-withheld", Message: "saves \"token\""}
	}
	ds := Diagnostics{
		same(Pos{File: "a.json"}),
		same(at("a.json", "Users", "Get")),
		{Pos: at("a.json", "Users", "Get"), Severity: Warning, Code: "example-without-status", Message: "no status"},
		same(at("a.json", "Users", "List")),
		same(at("a.json", "Orders")),
		same(at("b.json", "Other")),
	}
	var got []string
	for _, g := range ds.Group() {
		got = append(got, g.String())
	}
	want := []string{
		`a.json: warning: saves "token" [secret-withheld] in 4 places: the collection, Users › Get, Users › List, …`,
		`a.json:3:5: Users › Get: warning: no status [example-without-status]`,
		`b.json:3:5: Other: warning: saves "token" [secret-withheld]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("groups:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := len(ds.Group()[0].Places); n != 4 {
		t.Errorf("first group has %d places, want 4", n)
	}
}
