package generator

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/apidiff"
	"github.com/pmgen/pmgen/generator/internal/fetch"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/project"
)

// Diff compares the client API of package name as the project file and
// its inputs stood at the git revision base ("HEAD", "origin/main") with
// the API they give now, overrides applied on both sides: a rename in the
// project file is a rename for callers, as much as one in the collection.
// Inputs that are files are read at base from the same paths;
// postman: and git: inputs are read as written.
func (p *Project) Diff(name, base string) (*DiffReport, error) {
	pkg, err := p.find(name)
	if err != nil {
		return nil, err
	}
	newAPI, err := p.model(pkg, p.resolve(pkg.Input.Text), p.resolve(pkg.Environment.Text))
	if err != nil {
		return nil, err
	}
	r := fetch.Reader{APIKey: os.Getenv("POSTMAN_API_KEY"), APIURL: os.Getenv("POSTMAN_API_URL")}
	oldSpec := atRevision(base, p.Path)
	data, err := r.Read(context.Background(), oldSpec, fetch.Collection)
	if err != nil {
		return nil, &InputError{[]string{err.Error()}}
	}
	f, diags := project.Parse(oldSpec, data)
	if diags.HasErrors() {
		return nil, inputError(diags)
	}
	old := &Project{Path: p.Path, dir: p.dir, file: f}
	oldPkg, err := old.find(name)
	if err != nil {
		return nil, err
	}
	oldAPI, err := old.model(oldPkg, atRevision(base, old.resolve(oldPkg.Input.Text)), atRevision(base, old.resolve(oldPkg.Environment.Text)))
	if err != nil {
		return nil, err
	}
	return apidiff.Compare(name+" at "+base, oldAPI, name, newAPI), nil
}

// model builds a package's API with its overrides.
func (p *Project) model(pkg *project.Package, in, env string) (*model.API, error) {
	col, envSrc, err := readInputs(in, env)
	if err != nil {
		return nil, err
	}
	api, _, err := buildModel(col, envSrc, pkg.Package.Text, nil, pkg)
	return api, err
}

// atRevision is the git:REF:./PATH spec of a file at revision ref; specs
// that are not files stay as they are.
func atRevision(ref, spec string) string {
	if spec == "" || strings.HasPrefix(spec, "postman:") || strings.HasPrefix(spec, "git:") {
		return spec
	}
	rel := spec
	if filepath.IsAbs(spec) {
		wd, err := os.Getwd()
		if err == nil {
			if r, err := filepath.Rel(wd, spec); err == nil {
				rel = r
			}
		}
	}
	return "git:" + ref + ":./" + filepath.ToSlash(rel)
}
