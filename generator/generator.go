// Package generator runs pmgen's pipeline: load a Postman collection, build
// the model of its client, emit the Go files, and write or check them.
//
// Generate is the only entry point; the stages below it are pure, and all
// reading and writing happens here and in the output package.
package generator

import (
	"errors"
	"fmt"
	"go/token"
	"os"
	"strings"
	"time"

	"github.com/pmgen/pmgen/generator/internal/build"
	"github.com/pmgen/pmgen/generator/internal/emit"
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
	"github.com/pmgen/pmgen/generator/internal/output"
)

// Config is one run of pmgen.
type Config struct {
	// In is the collection file: a Postman collection v2.0 or v2.1, also
	// wrapped as {"collection": {...}} the way the Postman API returns it.
	In string
	// Out is the package directory to write. It is created if missing.
	Out string
	// Package is the Go package name; empty derives it from the collection
	// name.
	Package string
	// Env is an optional Postman environment file whose values override the
	// collection's variables as defaults.
	Env string
	// Check writes nothing: Result.Diff says how the files on disk differ
	// from what would be generated.
	Check bool
}

// Result is what a run did.
type Result struct {
	// Warnings are the problems that did not stop generation, one line
	// each, with their position and code.
	Warnings []string
	Stats    model.Stats
	// Written, Unchanged and Removed list the files touched (not in Check mode).
	Written, Unchanged, Removed []string
	// Diff is the unified diff in Check mode; empty when output is current.
	Diff    string
	Elapsed time.Duration
}

// Stale reports whether a Check run found differences.
func (r *Result) Stale() bool { return r.Diff != "" }

// Summary is the one line a run ends with.
func (r *Result) Summary() string {
	files := fmt.Sprintf("%d written, %d unchanged, %d removed", len(r.Written), len(r.Unchanged), len(r.Removed))
	if r.Diff != "" {
		files = "output is stale"
	}
	return fmt.Sprintf("pmgen: %d requests, %d methods, %d types, %d tests, %d warnings; %s; %s",
		r.Stats.Requests, r.Stats.Operations, r.Stats.Types, r.Stats.TestRows, len(r.Warnings),
		files, r.Elapsed.Round(time.Millisecond))
}

// InputError is a problem with the input files: every diagnostic, one per
// line. The command exits 1 on it.
type InputError struct {
	Diagnostics []string
}

func (e *InputError) Error() string { return strings.Join(e.Diagnostics, "\n") }

// Generate runs the pipeline. Nothing is written unless every stage
// succeeds, and then the package directory is updated atomically.
func Generate(cfg Config) (*Result, error) {
	start := time.Now()
	if cfg.In == "" || cfg.Out == "" {
		return nil, errors.New("both the collection (-in) and the output directory (-out) are required")
	}
	if fi, err := os.Stat(cfg.Out); err == nil && !fi.IsDir() {
		return nil, &InputError{[]string{fmt.Sprintf("%s: the output path is a file, not a directory; pass a package directory to -out", cfg.Out)}}
	}
	data, err := os.ReadFile(cfg.In)
	if err != nil {
		return nil, &InputError{[]string{fmt.Sprintf("%s: cannot read the collection: %v", cfg.In, unwrapPath(err))}}
	}
	var envData []byte
	if cfg.Env != "" {
		if envData, err = os.ReadFile(cfg.Env); err != nil {
			return nil, &InputError{[]string{fmt.Sprintf("%s: cannot read the environment: %v", cfg.Env, unwrapPath(err))}}
		}
	}
	out, stats, diags, err := render(source{cfg.In, data}, source{cfg.Env, envData}, cfg.Package)
	if err != nil {
		return nil, err
	}

	res := &Result{Stats: stats}
	for _, d := range diags {
		res.Warnings = append(res.Warnings, d.String())
	}
	if cfg.Check {
		res.Diff, err = output.Check(cfg.Out, out)
		if err != nil {
			return nil, err
		}
	} else {
		w, err := output.Write(cfg.Out, out)
		if err != nil {
			return nil, err
		}
		res.Written, res.Unchanged, res.Removed = w.Written, w.Unchanged, w.Removed
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// source is an input file's name and bytes.
type source struct {
	name string
	data []byte
}

// render is the pure part of the pipeline: load, build and emit, from
// bytes to files. An *InputError carries every diagnostic when the input
// is bad; the diagnostics returned otherwise are warnings.
func render(col, env source, pkg string) ([]output.File, model.Stats, model.Diagnostics, error) {
	if err := checkPackageName(pkg); err != nil {
		return nil, model.Stats{}, nil, err
	}
	c, diags := load.Parse(col.name, col.data)
	if diags.HasErrors() {
		return nil, model.Stats{}, diags, inputError(diags)
	}
	opts := build.Options{Package: pkg}
	if env.name != "" {
		vars, envDiags := load.ParseEnvironment(env.name, env.data)
		diags = append(diags, envDiags...)
		if envDiags.HasErrors() {
			return nil, model.Stats{}, diags, inputError(diags)
		}
		opts.Environment = vars
	}
	api, buildDiags := build.Build(c, opts)
	diags = append(diags, buildDiags...)
	if diags.HasErrors() {
		return nil, model.Stats{}, diags, inputError(diags)
	}
	files, err := emit.Files(api)
	if err != nil {
		return nil, model.Stats{}, diags, err
	}
	out := make([]output.File, len(files))
	for i, f := range files {
		out[i] = output.File{Path: f.Path, Data: f.Data}
	}
	return out, api.Stats, diags, nil
}

// checkPackageName rejects a -package that is not a Go package name: it
// is written verbatim into every file ("package ../../x" would not even
// parse), and is never a path.
func checkPackageName(pkg string) error {
	if pkg == "" {
		return nil
	}
	if !token.IsIdentifier(pkg) || pkg == "_" || pkg == "main" {
		return &InputError{[]string{fmt.Sprintf("-package %q is not a name for a client package: use a Go identifier such as %q (letters, digits and underscores, not a keyword, not main); -out says where the files go",
			pkg, naming.PackageName(pkg, "client"))}}
	}
	return nil
}

func inputError(diags model.Diagnostics) *InputError {
	e := &InputError{}
	for _, d := range diags {
		e.Diagnostics = append(e.Diagnostics, d.String())
	}
	return e
}

// unwrapPath drops the path an *os.PathError repeats, since the message
// already starts with it.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
