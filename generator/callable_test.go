package generator

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"text/template"

	"github.com/pmgen/pmgen/generator/internal/output"
)

// TestCorpusCallable builds every corpus client as a user's first program
// does, with only its server URLs pointing at a local server and a dummy
// value for each credential option, and calls every method with zero-valued
// parameters and a nil body. Vet and the generated tests don't catch a
// client that New refuses or that panics on its first call; this does.
// Each call must reach the server, or fail with an error that names the
// option to pass; a panic or an opaque error fails the collection.
func TestCorpusCallable(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short: builds and calls 39 clients")
	}
	paths := corpusCollections(t)
	results := t.TempDir()
	t.Setenv("PMGEN_CALLABLE_OUT", results)
	pkgs := map[string][]output.File{}
	names := map[string]string{}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".postman_collection.json")
		r := renderCorpus(t, path)
		if r.err != nil {
			t.Errorf("%s: %v", name, r.err)
			continue
		}
		driver, err := callableDriver(r.files, name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		dir := packageDir(name)
		names[dir] = name
		pkgs[dir] = withFiles(r.files, driver)
	}
	checkModule(t, "example.com/corpus", pkgs, false)

	var b strings.Builder
	fmt.Fprintf(&b, "%36s %7s %7s %7s %7s\n", "collection", "calls", "reached", "named", "failed")
	var total callableCounts
	dirs := make([]string, 0, len(names))
	for dir := range names {
		dirs = append(dirs, dir)
	}
	slices.Sort(dirs)
	for _, dir := range dirs {
		var c callableCounts
		data, err := os.ReadFile(filepath.Join(results, dir+".json"))
		if err == nil {
			err = json.Unmarshal(data, &c)
		}
		if err != nil {
			t.Errorf("%s: no result from the driver: %v", names[dir], err)
			continue
		}
		if c.Calls == 0 && c.Methods > 0 {
			t.Errorf("%s: the driver called none of %d methods", names[dir], c.Methods)
		}
		total.Calls += c.Calls
		total.Reached += c.Reached
		total.Named += c.Named
		total.Failed += c.Failed
		fmt.Fprintf(&b, "%36s %7d %7d %7d %7d\n", names[dir], c.Calls, c.Reached, c.Named, c.Failed)
	}
	fmt.Fprintf(&b, "%36s %7d %7d %7d %7d\n", "total", total.Calls, total.Reached, total.Named, total.Failed)
	t.Logf("calls with only a base URL and dummy credentials:\n%s", b.String())
}

// callableCounts is what one package's driver writes.
type callableCounts struct {
	Methods, Calls, Reached, Named, Failed int
}

// callableDriver writes the driver test for one generated package. The
// options it passes are read from the package's own source: every URL
// option, and each credential option whose parameters are all strings.
func callableDriver(files []output.File, name string) (output.File, error) {
	var client, auth string
	hasAPIError := false
	for _, f := range files {
		hasAPIError = hasAPIError || strings.Contains(string(f.Data), "\ntype APIError struct")
		switch f.Path {
		case "client.go":
			client = string(f.Data)
		case "auth.go":
			auth = string(f.Data)
		}
	}
	pkg := regexp.MustCompile(`(?m)^package (\w+)`).FindStringSubmatch(client)
	if pkg == nil {
		return output.File{}, fmt.Errorf("no package clause in client.go")
	}
	// A package without requests has no APIError.
	d := struct {
		Package, Name string
		Options       []string
		HasAPIError   bool
	}{Package: pkg[1], Name: packageDir(name), HasAPIError: hasAPIError}
	// The local server stands in for every server the collection names: a
	// request to a fixed host would otherwise leave the machine. Those are
	// the options named ...URL and the settings whose saved value is one.
	urls := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^func (With\w*URL)\(value string\) Option`).FindAllStringSubmatch(client, -1) {
		urls[m[1]] = true
	}
	saved := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^\s+(\w+):\s+"https?://`).FindAllStringSubmatch(client, -1) {
		saved[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`(?m)^func (With\w+)\(value string\) Option \{\n\s+return func\(c \*config\) \{\n\s+c\.(\w+) = value`).FindAllStringSubmatch(client, -1) {
		if saved[m[2]] {
			urls[m[1]] = true
		}
	}
	for _, opt := range slices.Sorted(maps.Keys(urls)) {
		d.Options = append(d.Options, opt+"(srv.URL)")
	}
	// A credential option takes only strings: "token string",
	// "user, password string". Others (a token source) are left out.
	strs := regexp.MustCompile(`^\w+(\s+string)?(,\s*\w+(\s+string)?)*\s+string$`)
	for _, m := range regexp.MustCompile(`(?m)^func (With\w+)\(([^)]*)\) Option`).FindAllStringSubmatch(auth, -1) {
		if !strs.MatchString(m[2]) {
			continue
		}
		args := slices.Repeat([]string{`"pmgen-dummy"`}, strings.Count(m[2], ",")+1)
		d.Options = append(d.Options, m[1]+"("+strings.Join(args, ", ")+")")
	}
	var b strings.Builder
	if err := callableTemplate.Execute(&b, d); err != nil {
		return output.File{}, err
	}
	return output.File{Path: "pmgen_callable_test.go", Data: []byte(b.String())}, nil
}

var callableTemplate = template.Must(template.New("callable").Delims("[[", "]]").Parse(`package [[.Package]]

// Written by pmgen's call-ability test into a copy of the package.

import (
	"context"
	"encoding/json"
[[- if .HasAPIError]]
	"errors"
[[- end]]
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestPmgenCallable(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, "{}")
	}))
	defer srv.Close()
	c, err := New([[range .Options]]
		[[.]],[[end]]
	)
	if err != nil {
		t.Fatalf("New with only a base URL and dummy credentials: %v", err)
	}
	named := regexp.MustCompile(` + "`" + `\bWith[A-Z]\w*` + "`" + `)
	var counts struct{ Methods, Calls, Reached, Named, Failed int }
	answered := func(err error) bool {
[[- if .HasAPIError]]
		var apiErr *APIError
		return errors.As(err, &apiErr)
[[- else]]
		return false
[[- end]]
	}
	call := func(where string, m reflect.Value) {
		counts.Methods++
		mt := m.Type()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		args := []reflect.Value{reflect.ValueOf(ctx)}
		last := mt.NumIn()
		if mt.IsVariadic() {
			last--
		}
		for i := 1; i < last; i++ {
			args = append(args, reflect.Zero(mt.In(i)))
		}
		before := hits.Load()
		var err error
		panicked := func() (p any) {
			defer func() { p = recover() }()
			out := m.Call(args)
			res := out[len(out)-1]
			if res.Kind() == reflect.Func {
				// A page iterator: take its first page.
				yt := res.Type().In(0)
				yield := reflect.MakeFunc(yt, func(in []reflect.Value) []reflect.Value {
					if e, ok := in[len(in)-1].Interface().(error); ok {
						err = e
					}
					return []reflect.Value{reflect.ValueOf(false)}
				})
				res.Call([]reflect.Value{yield})
				return nil
			}
			err, _ = res.Interface().(error)
			return nil
		}()
		counts.Calls++
		switch {
		case panicked != nil:
			counts.Failed++
			t.Errorf("%s panics: %v", where, panicked)
		case hits.Load() > before || answered(err):
			// A status the server's own parser gave (400 for a path Go's
			// server refuses) is an answer too.
			counts.Reached++
		case err != nil && named.MatchString(err.Error()):
			counts.Named++
		default:
			counts.Failed++
			t.Errorf("%s neither reached the server nor named an option to pass: %v", where, err)
		}
	}
	var walk func(where string, v reflect.Value)
	walk = func(where string, v reflect.Value) {
		for i := 0; i < v.NumMethod(); i++ {
			m := v.Type().Method(i)
			mt := v.Method(i).Type()
			if mt.NumIn() == 0 || mt.In(0) != reflect.TypeFor[context.Context]() {
				continue
			}
			call(where+"."+m.Name, v.Method(i))
		}
		e := v.Elem()
		for i := 0; i < e.NumField(); i++ {
			f := e.Type().Field(i)
			if f.IsExported() && f.Type.Kind() == reflect.Pointer && strings.HasSuffix(f.Type.Elem().Name(), "Service") {
				walk(where+"."+f.Name, e.Field(i))
			}
		}
	}
	walk("Client", reflect.ValueOf(c))
	data, _ := json.Marshal(counts)
	if err := os.WriteFile(filepath.Join(os.Getenv("PMGEN_CALLABLE_OUT"), "[[.Name]].json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
}
`))
