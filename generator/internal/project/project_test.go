package project

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite pmgen.schema.json at the repository's root")

// TestSchemaIsCurrent keeps the committed JSON Schema, which editors
// complete pmgen.yaml from, equal to the one File's fields give.
func TestSchemaIsCurrent(t *testing.T) {
	name := filepath.Join("..", "..", "..", "pmgen.schema.json")
	if *update {
		if err := os.WriteFile(name, Schema(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	have, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, Schema()) {
		t.Errorf("pmgen.schema.json is not the schema of project.File; run go test ./generator/internal/project -update")
	}
}

func TestParse(t *testing.T) {
	for _, c := range []struct {
		name, in string
		// want are the diagnostics, one per line; empty when the file is good.
		want string
	}{
		{"good", "packages:\n  - input: a.json\n    output: a\n    rename: {c.X: Y}\n    generate: {tests: false}\n", ""},
		{"unknown key", "packages:\n  - input: a.json\n    ouput: a\n",
			`p.yaml:3:5: unknown key "packages[1].ouput" (did you mean "output"?); the keys here are input, environment, output, package, include, exclude, rename, types, settings, secrets, keep-secrets, generate [config-unknown-key]`},
		{"wrong type", "version: one\npackages: []\n", `p.yaml:1:10: "version" must be a whole number, not "one" [config-wrong-type]`},
		{"rename list", "packages:\n  - input: a\n    output: b\n    rename: [a, b]\n", `p.yaml:4:13: "packages[1].rename" must be a mapping of names to values, not a list [config-wrong-type]`},
		{"syntax", "version: 1\npackages:\n  - input: \"a\n", `p.yaml:3:1: not valid YAML in the part that starts on this line: found unexpected end of stream [config-syntax]`},
		{"empty", "", `p.yaml:1:1: the file is empty: list the packages to generate under packages: [config-missing]`},
		{"no packages", "version: 1\n", `p.yaml:1:1: no packages: list the packages to generate under packages: [config-missing]`},
		{"version", "version: 2\npackages:\n  - {input: a, output: b}\n", `p.yaml:1:1: version 2 is not known to this pmgen; it reads version 1 [config-version]`},
		{"same output", "packages:\n  - {input: a, output: x/y}\n  - {input: b, output: x//y/.}\n",
			`p.yaml:3:24: "packages[2].output": output "x//y/." is the directory of package x/y too (line 2, column 24); two packages cannot write one directory [config-same-output]`},
		{"duplicate pair", "packages:\n  - input: a\n    output: b\n    types:\n      T.F: int64\n      T.F: string\n",
			`p.yaml:6:7: "packages[1].types.T.F" is given twice (first at line 5, column 7) [config-duplicate-key]`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, diags := Parse("p.yaml", []byte(c.in))
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if g := strings.Join(got, "\n"); g != c.want {
				t.Errorf("got\n%s\nwant\n%s", g, c.want)
			}
		})
	}
}

func TestClosest(t *testing.T) {
	names := []string{"c.Users.GetUser", "c.Users", "c.Orders.GetOrder", "c.Users.ListUsers"}
	got := Closest("c.Users.GetUsr", names, 2)
	if strings.Join(got, ",") != "c.Users.GetUser,c.Users.ListUsers" {
		t.Errorf("Closest = %q", got)
	}
	if got := Closest("Users", names, 1); got[0] != "c.Users" {
		t.Errorf("a name holding the query comes first: %q", got)
	}
}

// TestREADMEExample parses the pmgen.yaml the README shows, so that the
// example stays a file pmgen accepts.
func TestREADMEExample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "### pmgen.yaml")
	if !ok {
		t.Fatal(`README.md has no "### pmgen.yaml" section`)
	}
	_, rest, ok = strings.Cut(rest, "```yaml\n")
	block, _, ok2 := strings.Cut(rest, "```\n")
	if !ok || !ok2 {
		t.Fatal("README.md's pmgen.yaml section has no yaml block")
	}
	f, diags := Parse("README.md", []byte(block))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if p := f.Packages[0]; len(p.Rename) != 4 || len(p.Types) != 2 || p.Generate.Mock == nil {
		t.Errorf("the README's example lost an override: %+v", p)
	}
}
