package generator

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/project"
)

// ProjectFile is the project file's name: "pmgen.yaml".
const ProjectFile = project.FileName

// Project is a parsed pmgen.yaml: the client packages to generate and
// the overrides of each. Paths in it are relative to its directory.
type Project struct {
	// Path is the file the project was read from.
	Path string
	dir  string
	file *project.File
}

// FindProject returns the path of pmgen.yaml in dir or the nearest of its
// parents that has one.
func FindProject(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; {
		p := filepath.Join(d, ProjectFile)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			return p, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("no %s in %s or its parents: write one with pmgen init, or pass -in and -out", ProjectFile, abs)
		}
		d = parent
	}
}

// LoadProject reads and checks a project file. Every problem comes back
// at once as an *InputError, each with its line, column and key.
func LoadProject(path string) (*Project, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &InputError{[]string{fmt.Sprintf("%s: cannot read the project file: %v", displayPath(path), unwrapPath(err))}}
	}
	f, diags := project.Parse(displayPath(path), data)
	if diags.HasErrors() {
		return nil, inputError(diags)
	}
	return &Project{Path: path, dir: filepath.Dir(path), file: f}, nil
}

// Packages names the project's packages, as Select and diff accept them:
// the package name when the file gives one, else the output directory.
func (p *Project) Packages() []string {
	var names []string
	for _, pkg := range p.file.Packages {
		names = append(names, pkg.Label())
	}
	return names
}

// find returns the package that name names: its package name or its
// output directory as written.
func (p *Project) find(name string) (*project.Package, error) {
	for _, pkg := range p.file.Packages {
		if pkg.Package.Text == name || filepath.Clean(pkg.Output.Text) == filepath.Clean(name) {
			return pkg, nil
		}
	}
	msg := fmt.Sprintf("%s has no package %q", displayPath(p.Path), name)
	if c := project.Closest(name, p.Packages(), 3); len(c) > 0 {
		msg += "; did you mean " + strings.Join(quoteEach(c), " or ") + "?"
	} else {
		msg += "; it has " + strings.Join(quoteEach(p.Packages()), ", ")
	}
	return nil, &InputError{[]string{msg}}
}

// Input is the collection of the package name names, as a -in would give
// it (relative to the current directory): pmgen diff compares it.
func (p *Project) Input(name string) (string, error) {
	pkg, err := p.find(name)
	if err != nil {
		return "", err
	}
	return p.resolve(pkg.Input.Text), nil
}

// Inputs are the collections of the packages only names (every package
// when it is empty), as Generate reads them: files relative to the current
// directory, postman: and git: specs as written. The command sizes its
// memory limit from them.
func (p *Project) Inputs(only []string) ([]string, error) {
	pkgs, err := p.selected(only)
	if err != nil {
		return nil, err
	}
	ins := make([]string, len(pkgs))
	for i, pkg := range pkgs {
		ins[i] = p.resolve(pkg.Input.Text)
	}
	return ins, nil
}

// resolve makes a path in the project file usable from the current
// directory; postman: and git: inputs are not paths and stay as written.
// A git:REF:PATH is resolved by git itself, from the repository's root
// unless PATH starts with "./".
func (p *Project) resolve(in string) string {
	if in == "" || strings.HasPrefix(in, "postman:") || strings.HasPrefix(in, "git:") || filepath.IsAbs(in) {
		return in
	}
	return relToWD(filepath.Join(p.dir, in))
}

// relToWD shortens an absolute path to one relative to the working
// directory when it is below it or a few levels above (go generate runs
// in a package's directory, below pmgen.yaml's), so that messages stay
// short.
func relToWD(abs string) string {
	wd, err := os.Getwd()
	if err != nil {
		return abs
	}
	if rel, err := filepath.Rel(wd, abs); err == nil && strings.Count(filepath.ToSlash(rel), "../") <= 3 {
		return rel
	}
	return abs
}

func displayPath(p string) string {
	if filepath.IsAbs(p) {
		return relToWD(p)
	}
	return p
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func quoteEach(names []string) []string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return q
}

// ProjectOptions tune a project run.
type ProjectOptions struct {
	// Check writes nothing: each result says how its package differs.
	Check bool
	// Only limits the run to these packages (see Packages); empty runs all.
	Only []string
	// Cache is the directory of the records that let an unchanged package
	// be skipped (see the package's README); empty keeps no records.
	Cache string
}

// PackageResult is one package's part of a project run.
type PackageResult struct {
	// Name is the package as Packages names it; Out its directory.
	Name, Out string
	// Skipped is set when the package's inputs, configuration and pmgen
	// were those of the last run and its directory still held that run's
	// output: nothing was generated. Result then has only Elapsed.
	Skipped bool
	*Result
}

// Summary is the package's last line.
func (r *PackageResult) Summary() string {
	if r.Skipped {
		return fmt.Sprintf("pmgen: %s: unchanged since the last run, skipped; %s", r.Name, r.Elapsed.Round(time.Millisecond))
	}
	return strings.Replace(r.Result.Summary(), "pmgen: ", "pmgen: "+r.Name+": ", 1)
}

// selected are the packages a run covers, in the file's order.
func (p *Project) selected(only []string) ([]*project.Package, error) {
	if len(only) == 0 {
		return p.file.Packages, nil
	}
	var out []*project.Package
	for _, name := range only {
		pkg, err := p.find(name)
		if err != nil {
			return nil, err
		}
		out = append(out, pkg)
	}
	return out, nil
}

// diagErr is an error carrying diagnostics, one per line.
func diagErr(diags model.Diagnostics) error {
	if len(diags) == 0 {
		return nil
	}
	return inputError(diags)
}
