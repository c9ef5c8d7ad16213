package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/pmgen/pmgen/generator/internal/emit"
	"github.com/pmgen/pmgen/generator/internal/output"
	"github.com/pmgen/pmgen/generator/internal/project"
)

// Generate runs every package of the project (or those opts.Only names).
// It is all or nothing: every package is read and built first, and when
// any has a problem, all problems come back together as an *InputError
// and nothing on disk changes. A package whose record in opts.Cache shows
// the same inputs, configuration and pmgen, and whose directory still
// holds what that run wrote, is skipped without being built.
func (p *Project) Generate(opts ProjectOptions) ([]*PackageResult, error) {
	pkgs, err := p.selected(opts.Only)
	if err != nil {
		return nil, err
	}
	// pending is a package rendered in the first pass; took is how long
	// that took, to which the second pass adds its own time, so that
	// each package's time is its own work.
	type pending struct {
		res  *PackageResult
		out  []output.File
		key  string
		took time.Duration
	}
	var (
		runs  []pending
		diags []string
	)
	for _, pkg := range pkgs {
		start := time.Now()
		out := p.resolve(pkg.Output.Text)
		r := &PackageResult{Name: pkg.Label(), Out: out}
		if d := switchConflicts(pkg); len(d) > 0 {
			diags = append(diags, inputError(d).Diagnostics...)
			continue
		}
		col, env, err := readInputs(p.resolve(pkg.Input.Text), p.resolve(pkg.Environment.Text))
		if err != nil {
			diags = append(diags, errorLines(err)...)
			continue
		}
		key := recordKey(pkg, col, env, out)
		if opts.Cache != "" && key != "" && p.unchanged(opts.Cache, out, key) {
			r.Skipped, r.Result = true, &Result{Elapsed: time.Since(start)}
			runs = append(runs, pending{res: r})
			continue
		}
		files, res, err := p.render(pkg, col, env, out)
		if err != nil {
			diags = append(diags, errorLines(err)...)
			continue
		}
		r.Result = res
		runs = append(runs, pending{r, files, key, time.Since(start)})
	}
	if len(diags) > 0 {
		return nil, &InputError{diags}
	}
	var results []*PackageResult
	for _, run := range runs {
		start := time.Now()
		if run.res.Skipped {
			results = append(results, run.res)
			continue
		}
		res := run.res.Result
		if opts.Check {
			if res.Diff, err = output.Check(run.res.Out, run.out); err != nil {
				return results, err
			}
			if res.Diff != "" {
				if res.Affected, err = affected(run.res.Out, run.out); err != nil {
					return results, err
				}
			} else if opts.Cache != "" && run.key != "" {
				// A current package is recorded too, so that the next
				// check of it is a hash check.
				p.record(opts.Cache, run.res.Out, run.key, run.out)
			}
		} else {
			w, err := output.Write(run.res.Out, run.out)
			if err != nil {
				return results, fmt.Errorf("%s: %w", run.res.Name, err)
			}
			res.Written, res.Unchanged, res.Removed = w.Written, w.Unchanged, w.Removed
			if opts.Cache != "" && run.key != "" {
				p.record(opts.Cache, run.res.Out, run.key, run.out)
			}
		}
		res.Elapsed = run.took + time.Since(start)
		results = append(results, run.res)
	}
	return results, nil
}

// render builds one package's files with its overrides, in memory.
func (p *Project) render(pkg *project.Package, col, env source, out string) ([]output.File, *Result, error) {
	if fi, err := os.Stat(out); err == nil && !fi.IsDir() {
		return nil, nil, &InputError{[]string{fmt.Sprintf("%s: %s is a file, not a directory; give a package directory as output", pkg.Output.Pos, pkg.Output.Text)}}
	}
	imp, err := importPath(out)
	if err != nil {
		return nil, nil, err
	}
	api, diags, err := buildModel(col, env, pkg.Package.Text, nil, pkg)
	if err != nil {
		return nil, nil, err
	}
	files, err := emit.Files(api, emit.Options{ImportPath: imp, NoTests: !project.On(pkg.Generate.Tests, true)})
	if err != nil {
		return nil, nil, err
	}
	outFiles := make([]output.File, len(files))
	for i, f := range files {
		outFiles[i] = output.File{Path: f.Path, Data: f.Data}
	}
	res := &Result{Stats: api.Stats}
	for _, d := range diags {
		res.Warnings = append(res.Warnings, d.String())
	}
	res.groups = diags.Group()
	return outFiles, res, nil
}

func errorLines(err error) []string {
	if in, ok := err.(*InputError); ok {
		return in.Diagnostics
	}
	return []string{err.Error()}
}

// record is what a run leaves in the cache for one package directory.
type record struct {
	Key   string       `json:"key"`
	Files []output.Sum `json:"files"`
}

// recordFile is the cache file of a package directory.
func recordFile(cache, out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	h := sha256.Sum256([]byte(abs))
	return filepath.Join(cache, hex.EncodeToString(h[:16])+".json")
}

// unchanged reports whether the last run recorded key for out and out
// still holds exactly what it wrote.
func (p *Project) unchanged(cache, out, key string) bool {
	data, err := output.ReadRecord(recordFile(cache, out))
	if err != nil || data == nil {
		return false
	}
	var rec record
	if json.Unmarshal(data, &rec) != nil || rec.Key != key {
		return false
	}
	return output.Matches(out, rec.Files)
}

// record saves the run's record. A record that cannot be written only
// costs the next run its shortcut, so the error is dropped.
func (p *Project) record(cache, out, key string, files []output.File) {
	data, err := json.Marshal(record{Key: key, Files: output.Sums(files)})
	if err == nil {
		_ = output.WriteRecord(recordFile(cache, out), data)
	}
}

// recordKey hashes everything a package's output depends on: this pmgen
// (its executable's bytes, since a development build has no version that
// changes with its code), the package's entry in the project file, its
// inputs, and its directory (which gives the import path). Empty when
// the executable cannot be read: then nothing is skipped.
func recordKey(pkg *project.Package, col, env source, out string) string {
	self := selfHash()
	if self == "" {
		return ""
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return ""
	}
	imp, _ := importPath(out)
	h := sha256.New()
	entry, _ := json.Marshal(canonical(pkg))
	for _, part := range [][]byte{[]byte("pmgen record 1"), []byte(self), entry, []byte(abs), []byte(imp), []byte(col.name), col.data, []byte(env.name), env.data} {
		fmt.Fprintf(h, "%d:", len(part))
		h.Write(part)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// canonical is a package's entry without positions: moving an entry in
// the file, or editing a comment, changes no output.
func canonical(pkg *project.Package) any {
	texts := func(vs []project.Value) []string {
		out := make([]string, len(vs))
		for i, v := range vs {
			out[i] = v.Text
		}
		return out
	}
	pairs := func(ps []project.Pair) [][2]string {
		out := make([][2]string, len(ps))
		for i, p := range ps {
			out[i] = [2]string{p.Key.Text, p.Value.Text}
		}
		return out
	}
	return []any{pkg.Input.Text, pkg.Environment.Text, pkg.Output.Text, pkg.Package.Text,
		texts(pkg.Include), texts(pkg.Exclude), pairs(pkg.Rename), pairs(pkg.Types), pairs(pkg.Settings),
		texts(pkg.Secrets), texts(pkg.KeepSecrets),
		project.On(pkg.Generate.Tests, true), project.On(pkg.Generate.Iterators, true), project.On(pkg.Generate.Mock, true)}
}

// selfHash is the SHA-256 of the running executable, once per process.
var selfHash = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
})

// DefaultCache is the directory of the records that let a project run
// skip unchanged packages: $PMGEN_CACHE, or pmgen under the user's cache
// directory. Empty (no records) when $PMGEN_CACHE is "off" or no cache
// directory is known.
func DefaultCache() string {
	if c := os.Getenv("PMGEN_CACHE"); c != "" {
		if c == "off" {
			return ""
		}
		return c
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "pmgen")
}
