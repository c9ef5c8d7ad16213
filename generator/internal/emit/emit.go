// Package emit translates a model.API into Go source files with jennifer.
//
// It is the only importer of jennifer. Every decision (names, types,
// defaults, which example feeds which test row) was made by build; emit
// only spells the model out in Go, so that two runs on the same model give
// the same bytes.
package emit

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/generator/internal/godoc"
	"github.com/pmgen/pmgen/generator/internal/gofmt"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/templates"
)

// File is one generated file, its path relative to the package directory.
type File struct {
	Path string
	Data []byte
}

// Options says which files beyond the client package Files writes.
type Options struct {
	// ConformanceFixtures adds conformance_test.go, which pmgen's
	// conformance harness drives (see conformanceFile); users' packages
	// leave it out.
	ConformanceFixtures bool
	// ImportPath is the package's import path, which example_test.go
	// imports from package <pkg>_test as a user's code does; empty puts
	// the examples in the package itself.
	ImportPath string
	// CheckDocs fails rendering when gofmt would rewrite a top-level doc
	// comment as pmgen wrote it (see rewrittenDoc). pmgen's tests set it;
	// a user's run leaves it off, since such a doc still compiles and
	// says almost what was meant.
	CheckDocs bool
	// NoTests leaves out the package's tests: every _test.go file and the
	// fixtures they read (pmgen.yaml's generate.tests: false). The
	// examples are still rendered, since the README and package doc show
	// their bodies, but not written.
	NoTests bool
}

// Files renders every file of the package for api, in a fixed order.
//
// The Go files are independent of one another, so each is built, rendered
// and formatted as a job of its own, and the jobs run on every CPU: on a
// large collection formatting is most of the work. Each job writes only
// its own slot and reads the model, which nothing changes during emission,
// so the result is the same bytes in the same order as a sequential run.
// The one dependency is doc.go, which shows the examples' bodies as
// rendered: example_test.go is the first job handed out and doc.go the
// last, which waits for it.
func Files(api *model.API, opts Options) ([]File, error) {
	var (
		examples []byte
		bodies   map[string]string
		exErr    error
		rendered = make(chan struct{})
	)
	renderExamples := func() {
		defer close(rendered)
		examples, exErr = render("example_test.go", examplesFile(api, opts.ImportPath), &templates.Refs{}, opts.CheckDocs)
		if exErr == nil {
			bodies, exErr = exampleBodies(examples)
		}
	}
	waitBodies := func() (map[string]string, error) {
		<-rendered
		return bodies, exErr
	}
	jobs := goFiles(api, waitBodies, opts)
	if opts.ConformanceFixtures {
		jobs = append(jobs, fileJob{path: "conformance_test.go", build: func() (*genFile, error) { return conformanceFile(api), nil }})
	}
	out := make([]File, len(jobs))
	refs := make([]templates.Refs, len(jobs))
	errs := make([]error, len(jobs))
	// order is the jobs as handed out: -1 the examples, then every file
	// but doc.go (jobs[0]), then doc.go.
	order := make([]int, 0, len(jobs)+1)
	order = append(order, -1)
	for i := 1; i < len(jobs); i++ {
		order = append(order, i)
	}
	order = append(order, 0)
	parallel(len(order), func(k int) {
		i := order[k]
		if i < 0 {
			renderExamples()
			return
		}
		if jobs[i].direct != nil {
			data, err := jobs[i].direct(&refs[i], opts.CheckDocs)
			out[i], errs[i] = File{Path: jobs[i].path, Data: data}, err
			return
		}
		f, err := jobs[i].build()
		if err != nil || f == nil {
			errs[i] = err
			return
		}
		data, err := render(jobs[i].path, f, &refs[i], opts.CheckDocs)
		if err == nil && jobs[i].tail != nil {
			data = jobs[i].tail(append(data, '\n'), &refs[i])
		}
		out[i], errs[i] = File{Path: jobs[i].path, Data: data}, err
	})
	if exErr != nil {
		return nil, exErr
	}
	var files []File
	var mentioned templates.Refs
	for i := range jobs {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if out[i].Path != "" {
			files = append(files, out[i])
			mentioned.Merge(&refs[i])
		}
	}
	runtimeFiles, err := runtimeFor(api.Package, files, &mentioned)
	if err != nil {
		return nil, err
	}
	files = append(files, runtimeFiles...)
	if !opts.NoTests {
		files = append(files, File{Path: "example_test.go", Data: examples})
		files = append(files, fixtureFiles(api)...)
	}
	readme, err := readmeFile(api, bodies)
	if err != nil {
		return nil, err
	}
	return append(files, readme), nil
}

// fileJob is one Go file to emit. build returns nil for a file that the
// package does not need (a service without tests).
type fileJob struct {
	path  string
	build func() (*genFile, error)
	// tail, when set, appends to dst declarations already in gofmt's
	// layout that follow the rendered file after a blank line, and
	// records in refs what they mention: code too regular to be worth
	// parsing and printing again (mock_table.go).
	tail func(dst []byte, refs *templates.Refs) []byte
	// direct, when set, writes the whole file in gofmt's layout instead
	// of build and render (types_layout.go), recording what it mentions
	// and checking its docs as render does.
	direct func(refs *templates.Refs, checkDocs bool) ([]byte, error)
}

// goFiles lists the package's Go files in the order they are returned,
// doc.go first. bodies waits for the examples' bodies, which doc.go shows.
func goFiles(api *model.API, bodies func() (map[string]string, error), opts Options) []fileJob {
	just := func(f func(*model.API) *genFile) func() (*genFile, error) {
		return func() (*genFile, error) { return f(api), nil }
	}
	jobs := []fileJob{
		{path: "doc.go", build: func() (*genFile, error) {
			b, err := bodies()
			if err != nil {
				return nil, err
			}
			return docFile(api, b)
		}},
		{path: "client.go", build: just(clientFile)},
	}
	if api.Auth != nil {
		jobs = append(jobs, fileJob{path: "auth.go", build: just(authFile)})
	}
	jobs = append(jobs, serviceJobs(api)...)
	if len(api.Types) > 0 {
		jobs = append(jobs, typesJob(api))
	}
	grantTest := api.Auth != nil && api.Auth.GrantTest != nil
	if hasMock(api.Root) {
		jobs = append(jobs, mockJob(api))
	}
	if opts.NoTests {
		return jobs
	}
	if hasExamples(api.Root) || grantTest {
		jobs = append(jobs, fileJob{path: "helpers_test.go", build: just(testHelpersFile)})
	}
	jobs = append(jobs, testJobs(api)...)
	if grantTest {
		jobs = append(jobs, fileJob{path: api.Auth.GrantTest.File + "_test.go", build: just(grantTestFile)})
	}
	return jobs
}

// parallel runs do(0) … do(n-1) on GOMAXPROCS goroutines and waits for
// all of them. Jobs are handed out one at a time, so that one large file
// does not hold up a queue of small ones behind it.
func parallel(n int, do func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				do(i)
			}
		}()
	}
	wg.Wait()
}

// newFile starts a Go file of the generated package with pmgen's header.
func newFile(api *model.API) *genFile {
	return newFileNamed(api.Package)
}

// newFileNamed starts a Go file of package pkg with pmgen's header.
func newFileNamed(pkg string) *genFile {
	f := jen.NewFile(pkg)
	f.HeaderComment(templates.Header)
	// Render without jennifer's own gofmt pass, so that render can report a
	// formatting failure with line numbers (house rule 7).
	f.NoFormat = true
	return &genFile{File: f}
}

// render formats one file and records in refs what it mentions, for the
// runtime's pruning. It parses the file once for both, as format.Source
// would (imports sorted, gofmt's printer settings): a second parse of
// every file only to list its identifiers costs a large collection a
// tenth of its memory. Generated code that does not parse is a generator
// bug; the error carries the line-numbered source to find it. The
// comments lifted out of f go back into the printed file; when that
// cannot be done exactly (restore), the file is printed again with them
// in place.
func render(path string, f *genFile, refs *templates.Refs, checkDocs bool) ([]byte, error) {
	buf := sourceBufs.Get().(*bytes.Buffer)
	defer sourceBufs.Put(buf)
	buf.Reset()
	if err := f.Render(buf); err != nil {
		return nil, fmt.Errorf("emit %s: %w", path, err)
	}
	// Nothing below reads f but its lifted comments, so the collector may
	// free jennifer's tree while the file is parsed and printed, when the
	// heap holds the syntax tree as well (example_test.go of 20,000
	// requests: a 69 MB tree next to a 112 MB one).
	lifted := f.lifted
	src := groupImports(buf.Bytes())
	out, err := printFile(path, src, refs, checkDocs)
	if err != nil || len(lifted) == 0 {
		return out, err
	}
	data, ok, err := lifted.restore(path, out, checkDocs)
	if err != nil {
		return nil, fmt.Errorf("emit %w (a pmgen bug)", err)
	}
	if ok {
		return data, nil
	}
	return printFile(path, lifted.unlift(src), refs, checkDocs)
}

// sourceBufs holds the buffers jennifer's source is copied into. What it
// writes is only read by the parser and, when restore gives up, unlift,
// both of which copy what they keep, so render hands its buffer back when
// it returns and the next file reuses it instead of allocating one of the
// file's size (jennifer's own two buffers, grown by doubling, are out of
// reach).
var sourceBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// printFile parses and prints src, jennifer's unformatted file.
func printFile(path string, src []byte, refs *templates.Refs, checkDocs bool) ([]byte, error) {
	fset := token.NewFileSet()
	syntax, err := parser.ParseFile(fset, path, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("emit %s: generated code does not format (a pmgen bug): %v\n%s", path, err, numbered(string(src)))
	}
	if checkDocs {
		if err := rewrittenDoc(fset, syntax); err != nil {
			return nil, fmt.Errorf("emit %w (a pmgen bug)", err)
		}
	}
	refs.Add(syntax)
	ast.SortImports(fset, syntax)
	var out bytes.Buffer
	out.Grow(len(src))
	if err := printConfig.Fprint(&out, fset, syntax); err != nil {
		return nil, fmt.Errorf("emit %s: generated code does not format (a pmgen bug): %v\n%s", path, err, numbered(string(src)))
	}
	return out.Bytes(), nil
}

// printConfig is go/format's printer configuration, kept in step with it
// by TestRenderMatchesGofmt; the printer is gofmt's own, made faster (see
// package gofmt). 1<<30 is go/printer's number-normalising mode, which
// go/format and cmd/gofmt set by value as well.
var printConfig = gofmt.Config{Mode: gofmt.UseSpaces | gofmt.TabIndent | 1<<30, Tabwidth: 8}

func numbered(src string) string {
	var b strings.Builder
	for i, line := range strings.Split(src, "\n") {
		fmt.Fprintf(&b, "%5d  %s\n", i+1, line)
	}
	return b.String()
}

// comment renders text as // lines. jennifer turns a multi-line Comment into
// a /* */ block, which godoc shows but which breaks on "*/" in the text, so
// the lines are prefixed here and handed over verbatim.
func comment(text string) *jen.Statement {
	if c := commentText(text); c != "" {
		return jen.Comment(c)
	}
	return jen.Null()
}

// commentText is comment's text: its // lines, "" for none.
func commentText(text string) string {
	text = godoc.Settle(strings.TrimSpace(strings.ReplaceAll(commentSafe(text), "*/", "* /")))
	if text == "" {
		return ""
	}
	var b strings.Builder
	lines := strings.Split(text, "\n")
	b.Grow(len(text) + 3*len(lines))
	for i, line := range lines {
		if i > 0 {
			b.WriteString("\n")
		}
		line = strings.TrimRight(line, " \t")
		b.WriteString("//")
		if line != "" {
			b.WriteString(" ")
			b.WriteString(noPlusBuild(line))
		}
	}
	return b.String()
}

// noPlusBuild escapes a line that gofmt would read as a "// +build"
// constraint, which it moves to the top of the file (adding a //go:build
// line): a description line "+build linux" would make the package build
// on Linux only. It is written "\+build linux", as Markdown escapes.
func noPlusBuild(line string) string {
	if !constraint.IsPlusBuild("// " + line) {
		return line
	}
	i := strings.Index(line, "+build")
	return line[:i] + `\` + line[i:]
}

// commentSafe makes text fit in a // comment. Go source may not hold NUL,
// a byte order mark or invalid UTF-8 anywhere, comments included, and a
// carriage return would let a description start a line of its own; so
// line breaks become "\n" (each line then gets its "// "), and the other
// control characters become U+FFFD. A description can therefore never
// begin a line with //go:generate or any other directive (commentText
// escapes the one that may follow "// ", +build).
func commentSafe(text string) string {
	text = strings.ToValidUTF8(text, "\uFFFD")
	if hasLineBreak(text) {
		text = lineBreaks.Replace(text)
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			return '\uFFFD'
		}
		return r
	}, text)
}

// lineBreaks is commentSafe's rewriting of line breaks, made once: a
// Replacer builds its tables when it is made, and every comment of a large
// collection passes through here.
var lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n\n", "\ufeff", "")

// hasLineBreak reports whether lineBreaks would change text. Most
// comments hold none of them, and the Replacer copies the text even then.
func hasLineBreak(text string) bool {
	return strings.IndexByte(text, '\r') >= 0 || strings.Contains(text, "\u2028") ||
		strings.Contains(text, "\u2029") || strings.Contains(text, "\ufeff")
}
