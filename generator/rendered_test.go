package generator

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/emit"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/output"
)

// The tests of one binary render each golden case, each corpus collection
// and the auth collection once, through the functions below, and share
// the result: rendering the corpus is most of the cost of ./generator's
// tests, and six tests look at it.
//
//	renderGolden(t, name)  a case of testdata/golden: files, diagnostics text
//	renderGoldenFixtures(t, name)  the same with Config.ConformanceFixtures
//	renderCorpus(t, path)  a corpus collection: files, stats, diagnostics, error
//	renderAuth(t)          testdata/auth as package authkinds
//
// The files returned are shared: read them, and clone the slice before
// appending to it (slices.Clone). A test that checks determinism renders
// again itself (renderSources) and compares with the shared rendering.

// rendering is one run of the pure pipeline on one input.
type rendering struct {
	files []output.File
	stats model.Stats
	diags model.Diagnostics
	// err is render's error: an *InputError when the input is rejected.
	err error
	// readErr is a failure to read the input, which fails the test.
	readErr error
}

// renders holds one func() rendering (a sync.OnceValue) per input, keyed
// by what the input is; tests running in parallel wait for the first
// rendering of an input instead of starting their own.
var renders sync.Map

// cachedRender returns the rendering of key, running do the first time.
func cachedRender(t testing.TB, key string, do func() rendering) rendering {
	t.Helper()
	once, _ := renders.LoadOrStore(key, sync.OnceValue(do))
	r := once.(func() rendering)()
	if r.readErr != nil {
		t.Fatal(r.readErr)
	}
	return r
}

// renderSources runs the pipeline on col and env as a user's package
// whose import path is imp.
func renderSources(col, env source, pkg, imp string) rendering {
	files, stats, diags, err := renderWith(col, env, pkg, nil, emit.Options{ImportPath: imp, CheckDocs: true})
	return rendering{files: files, stats: stats, diags: diags, err: err}
}

// goldenImport is the import path of a golden case's package in the
// module that TestGeneratedCodeCompilesAndPasses writes.
func goldenImport(name string) string { return "example.com/generated/" + packageDir(name) }

// corpusImport is the import path of a corpus collection's package (base
// is the file's name) in the module that TestCorpus writes.
func corpusImport(base string) string {
	return "example.com/corpus/" + packageDir(strings.TrimSuffix(base, ".postman_collection.json"))
}

// goldenInput is the name by which a golden case's collection is
// rendered: diagnostics name the input by its base name, so that they do
// not depend on the checkout.
const goldenInput = "input.postman_collection.json"

// goldenSources reads a golden case's collection and, when the case has
// one, its env.json.
func goldenSources(name string) (col, env source, err error) {
	dir := filepath.Join("testdata", "golden", name)
	data, err := os.ReadFile(filepath.Join(dir, goldenInput))
	if err != nil {
		return source{}, source{}, err
	}
	if envData, err := os.ReadFile(filepath.Join(dir, "env.json")); err == nil {
		env = source{"env.json", envData}
	}
	return source{goldenInput, data}, env, nil
}

// renderGolden returns the files and the diagnostics text (one line per
// diagnostic) of the golden case testdata/golden/<name>, rendered once per
// test binary. A rejected case has no files; any other error fails t.
func renderGolden(t testing.TB, name string) ([]output.File, string) {
	t.Helper()
	r := cachedRender(t, "golden:"+name, func() rendering {
		col, env, err := goldenSources(name)
		if err != nil {
			return rendering{readErr: err}
		}
		return renderSources(col, env, "", goldenImport(name))
	})
	return goldenResult(t, r)
}

// renderGoldenFixtures is renderGolden with Config.ConformanceFixtures
// set, as the conformance harness generates packages.
func renderGoldenFixtures(t testing.TB, name string) ([]output.File, string) {
	t.Helper()
	r := cachedRender(t, "golden-fixtures:"+name, func() rendering {
		col, env, err := goldenSources(name)
		if err != nil {
			return rendering{readErr: err}
		}
		files, stats, diags, err := renderWith(col, env, "", nil, emit.Options{ConformanceFixtures: true, ImportPath: goldenImport(name), CheckDocs: true})
		return rendering{files: files, stats: stats, diags: diags, err: err}
	})
	return goldenResult(t, r)
}

// goldenResult is renderGolden's answer from a rendering.
func goldenResult(t testing.TB, r rendering) ([]output.File, string) {
	t.Helper()
	var in *InputError
	if r.err != nil && !errors.As(r.err, &in) {
		t.Fatalf("render: %v", r.err)
	}
	return r.files, diagnosticsText(r.diags)
}

// diagnosticsText is diagnostics.txt's form: one line each.
func diagnosticsText(diags model.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// renderCorpus returns the rendering of the corpus collection at path,
// made once per test binary. The input is named by its base name, as in
// every corpus table.
func renderCorpus(t testing.TB, path string) rendering {
	t.Helper()
	return cachedRender(t, "corpus:"+path, func() rendering {
		data, err := os.ReadFile(path)
		if err != nil {
			return rendering{readErr: err}
		}
		return renderSources(source{filepath.Base(path), data}, source{}, "", corpusImport(filepath.Base(path)))
	})
}

// authDir holds the collection that uses every auth kind pmgen signs, and
// the known-answer tests run against its client.
var authDir = filepath.Join("testdata", "auth")

// renderAuth returns the rendering of testdata/auth as package authkinds,
// made once per test binary; an error fails t.
func renderAuth(t testing.TB) rendering {
	t.Helper()
	r := cachedRender(t, "auth", func() rendering {
		const name = "auth.postman_collection.json"
		data, err := os.ReadFile(filepath.Join(authDir, name))
		if err != nil {
			return rendering{readErr: err}
		}
		return renderSources(source{name, data}, source{}, "authkinds", "example.com/generated/authkinds")
	})
	if r.err != nil {
		t.Fatal(r.err)
	}
	return r
}

// withFiles returns files followed by extra, leaving the shared files
// slice alone.
func withFiles(files []output.File, extra ...output.File) []output.File {
	return append(slices.Clone(files), extra...)
}
