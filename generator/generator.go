// Package generator runs pmgen's pipeline: load a Postman collection, build
// the model of its client, emit the Go files, and write or check them.
//
// Generate is the only entry point; the stages below it are pure, and all
// reading and writing happens here and in the output package.
package generator

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"os"
	"strings"
	"time"

	"github.com/pmgen/pmgen/generator/internal/build"
	"github.com/pmgen/pmgen/generator/internal/drift"
	"github.com/pmgen/pmgen/generator/internal/emit"
	"github.com/pmgen/pmgen/generator/internal/fetch"
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
	"github.com/pmgen/pmgen/generator/internal/output"
	"github.com/pmgen/pmgen/generator/internal/project"
	"github.com/pmgen/pmgen/templates"
)

// Config is one run of pmgen.
type Config struct {
	// In is the collection file: a Postman collection v2.0 or v2.1, also
	// wrapped as {"collection": {...}} the way the Postman API returns it.
	// "postman:UID" fetches the collection from the Postman API with the
	// key in $POSTMAN_API_KEY (sent as X-Api-Key) from $POSTMAN_API_URL
	// (default https://api.getpostman.com); "git:REF:PATH" reads the file
	// at a git revision.
	In string
	// Out is the package directory to write. It is created if missing.
	Out string
	// Package is the Go package name; empty derives it from the collection
	// name.
	Package string
	// Env is an optional Postman environment file whose values override the
	// collection's variables as defaults; "postman:UID" and "git:REF:PATH"
	// work as for In.
	Env string
	// Check writes nothing: Result.Diff says how the files on disk differ
	// from what would be generated.
	Check bool
	// KeepSecrets names variables whose saved values become defaults in
	// the generated code although pmgen would withhold them as
	// credentials: a value that is not secret after all.
	KeepSecrets []string
	// ConformanceFixtures adds conformance_test.go to the package: every
	// method called with the inputs the collection saved, and the client
	// settings with their saved values, as test-only unexported
	// declarations. pmgen's conformance harness (conformance/ in pmgen's
	// repository) sets it to drive the package against newman; a user's
	// package has no use for the file, and the command has no flag for it.
	ConformanceFixtures bool
}

// Result is what a run did.
type Result struct {
	// Warnings are the problems that did not stop generation, one line
	// each, with their position and code. WarningLines groups repeats.
	Warnings []string
	// groups are the warnings grouped by what they say (WarningLines).
	groups []model.Group
	Stats  model.Stats
	// Written, Unchanged and Removed list the files touched (not in Check mode).
	Written, Unchanged, Removed []string
	// Diff is the unified diff in Check mode; empty when output is current.
	Diff string
	// Affected names, in Check mode, the Go declarations that Diff
	// touches: "changed method UsersService.GetUser", "added type User".
	Affected []string
	Elapsed  time.Duration
}

// Stale reports whether a Check run found differences.
func (r *Result) Stale() bool { return r.Diff != "" }

// Summary is the one line a run ends with.
func (r *Result) Summary() string {
	files := fmt.Sprintf("%d written, %d unchanged, %d removed", len(r.Written), len(r.Unchanged), len(r.Removed))
	if r.Diff != "" {
		files = "output is stale"
	}
	return fmt.Sprintf("pmgen: %d requests, %d methods, %d types, %d tests, %s; %s; %s",
		r.Stats.Requests, r.Stats.Operations, r.Stats.Types, r.Stats.TestRows, r.warningCount(),
		files, r.Elapsed.Round(time.Millisecond))
}

// Iterators is the line that lists the operations that received page
// iterators, with the style of each ("pmgen: page iterators for 2
// operations: Tweets.RecentSearch (cursor), Tags.ListWAFTags (next-link)");
// empty when none did. It is printed before Summary, which stays the last
// line of a run.
func (r *Result) Iterators() string {
	if len(r.Stats.Paged) == 0 {
		return ""
	}
	ops := make([]string, len(r.Stats.Paged))
	for i, p := range r.Stats.Paged {
		ops[i] = fmt.Sprintf("%s (%s)", p.Method, p.Style)
	}
	noun := "operations"
	if len(ops) == 1 {
		noun = "operation"
	}
	return fmt.Sprintf("pmgen: page iterators for %d %s: %s", len(ops), noun, strings.Join(ops, ", "))
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
	// The runtime's source is parsed once per process, and build needs it
	// first thing; loading a collection leaves the other cores idle, so it
	// is parsed meanwhile, off the path every later stage waits for (6-8 ms
	// in a cold run on Fastly; the run is 9 ms faster, median of 30).
	go templates.RuntimeNames()
	col, env, err := readInputs(cfg.In, cfg.Env)
	if err != nil {
		return nil, err
	}
	imp, err := importPath(cfg.Out)
	if err != nil {
		return nil, err
	}
	out, stats, diags, err := renderWith(col, env, cfg.Package, cfg.KeepSecrets, emit.Options{ConformanceFixtures: cfg.ConformanceFixtures, ImportPath: imp})
	if err != nil {
		return nil, err
	}

	res := &Result{Stats: stats}
	for _, d := range diags {
		res.Warnings = append(res.Warnings, d.String())
	}
	res.groups = diags.Group()
	if cfg.Check {
		res.Diff, err = output.Check(cfg.Out, out)
		if err != nil {
			return nil, err
		}
		if res.Diff != "" {
			if res.Affected, err = affected(cfg.Out, out); err != nil {
				return nil, err
			}
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

// source is an input's name (its file or spec) and bytes.
type source struct {
	name string
	data []byte
}

// readInputs reads the collection and, when env is set, the environment,
// from files, git revisions or the Postman API (see Config.In).
func readInputs(col, env string) (source, source, error) {
	r := fetch.Reader{APIKey: os.Getenv("POSTMAN_API_KEY"), APIURL: os.Getenv("POSTMAN_API_URL")}
	data, err := r.Read(context.Background(), col, fetch.Collection)
	if err != nil {
		return source{}, source{}, &InputError{[]string{err.Error()}}
	}
	var envData []byte
	if env != "" {
		if envData, err = r.Read(context.Background(), env, fetch.Environment); err != nil {
			return source{}, source{}, &InputError{[]string{err.Error()}}
		}
	}
	return source{col, data}, source{env, envData}, nil
}

// buildModel is the pure front of the pipeline: load and build, from bytes to
// the API model. An *InputError carries every diagnostic when the input
// is bad; the diagnostics returned otherwise are warnings. keep are the
// variables released from withholding; ov, when not nil, is the project
// file's entry for the package, whose overrides apply (overrides.go).
func buildModel(col, env source, pkg string, keep []string, ov *project.Package) (*model.API, model.Diagnostics, error) {
	if err := checkPackageName(pkg); err != nil {
		return nil, nil, err
	}
	c, diags := load.Parse(col.name, col.data)
	if diags.HasErrors() {
		return nil, diags, inputError(diags)
	}
	opts := build.Options{Package: pkg, KeepSecrets: keep}
	if env.name != "" {
		vars, envDiags := load.ParseEnvironment(env.name, env.data)
		diags = append(diags, envDiags...)
		if envDiags.HasErrors() {
			return nil, diags, inputError(diags)
		}
		opts.Environment = vars
	}
	if ov != nil {
		var ovDiags model.Diagnostics
		c, ovDiags = withOverrides(c, col.data, &opts, ov)
		diags = append(diags, ovDiags...)
		if c == nil {
			return nil, diags, inputError(diags)
		}
	}
	api, buildDiags := build.Build(c, opts)
	diags = append(diags, buildDiags...)
	if diags.HasErrors() {
		return nil, diags, inputError(diags)
	}
	return api, diags, nil
}

// render is the pure part of the pipeline: load, build and emit, from
// bytes to the files of a user's package.
func render(col, env source, pkg string) ([]output.File, model.Stats, model.Diagnostics, error) {
	return renderWith(col, env, pkg, nil, emit.Options{})
}

// renderWith is render with the variables the user released from
// withholding (Config.KeepSecrets) and the files beyond the package that
// opts asks for (Config.ConformanceFixtures).
func renderWith(col, env source, pkg string, keep []string, opts emit.Options) ([]output.File, model.Stats, model.Diagnostics, error) {
	api, diags, err := buildModel(col, env, pkg, keep, nil)
	if err != nil {
		return nil, model.Stats{}, diags, err
	}
	files, err := emit.Files(api, opts)
	if err != nil {
		return nil, model.Stats{}, diags, err
	}
	out := make([]output.File, len(files))
	for i, f := range files {
		out[i] = output.File{Path: f.Path, Data: f.Data}
	}
	return out, api.Stats, diags, nil
}

// affected names the declarations that differ between the disk and out.
func affected(dir string, out []output.File) ([]string, error) {
	diffs, err := output.Differences(dir, out)
	if err != nil {
		return nil, err
	}
	files := make([]drift.File, len(diffs))
	for i, d := range diffs {
		files[i] = drift.File{Path: d.Path}
		if d.OldExists {
			files[i].Old = d.Old
		}
		if d.NewExists {
			files[i].New = d.New
		}
	}
	var names []string
	for _, d := range drift.Affected(files) {
		names = append(names, d.String())
	}
	return names, nil
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
