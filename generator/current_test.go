package generator

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/emit"
	"github.com/pmgen/pmgen/generator/internal/output"
	"github.com/pmgen/pmgen/generator/internal/project"
)

// generateLine is one package of the repository's pmgen.yaml, which
// generated/generate.go runs.
type generateLine struct {
	in, out, pkg, env string
}

// generateLines reads the packages of ../pmgen.yaml, resolving their paths
// from the repository's root, as pmgen does. The clients this repository
// ships use no overrides; one that did would need this test to apply them.
func generateLines(t *testing.T) []generateLine {
	t.Helper()
	root := ".."
	name := filepath.Join(root, project.FileName)
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	f, diags := project.Parse(name, data)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var lines []generateLine
	for _, p := range f.Packages {
		if len(p.Include)+len(p.Exclude)+len(p.Rename)+len(p.Types)+len(p.Settings)+len(p.Secrets)+len(p.KeepSecrets) > 0 || p.Generate != (project.Switches{}) {
			t.Fatalf("%s: package %s has overrides, which TestGeneratedIsCurrent does not apply", name, p.Label())
		}
		l := generateLine{in: filepath.Join(root, p.Input.Text), out: filepath.Join(root, p.Output.Text), pkg: p.Package.Text}
		if p.Environment.Text != "" {
			l.env = filepath.Join(root, p.Environment.Text)
		}
		lines = append(lines, l)
	}
	if len(lines) == 0 {
		t.Fatalf("%s lists no package", name)
	}
	return lines
}

// TestGeneratedIsCurrent fails when a committed client under generated/ is
// not what pmgen generates now from its collection: run go generate ./...
func TestGeneratedIsCurrent(t *testing.T) {
	for _, l := range generateLines(t) {
		data, err := os.ReadFile(l.in)
		if err != nil {
			t.Fatal(err)
		}
		var env source
		if l.env != "" {
			envData, err := os.ReadFile(l.env)
			if err != nil {
				t.Fatal(err)
			}
			env = source{l.env, envData}
		}
		imp, err := importPath(l.out)
		if err != nil {
			t.Fatal(err)
		}
		files, _, _, err := renderWith(source{l.in, data}, env, l.pkg, nil, emit.Options{ImportPath: imp, CheckDocs: true})
		if err != nil {
			t.Fatalf("%s: %v", l.in, err)
		}
		diff, err := output.Check(l.out, files)
		if err != nil {
			t.Fatal(err)
		}
		if diff != "" {
			t.Errorf("%s is stale; run go generate ./...:\n%s", l.out, diff)
		}
	}
}
