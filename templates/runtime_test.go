package templates

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"
)

// refsOf is what a package's own code mentions, given as Go source.
func refsOf(t *testing.T, src string) *Refs {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "own.go", "package p\n"+src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var r Refs
	r.Add(f)
	return &r
}

// declared lists the top-level names (methods as T.m) in files.
func declared(t *testing.T, files []File) []string {
	t.Helper()
	var names []string
	for _, f := range files {
		parsed, err := parser.ParseFile(token.NewFileSet(), f.Path, f.Data, 0)
		if err != nil {
			t.Fatalf("%s does not parse: %v", f.Path, err)
		}
		for _, d := range parsed.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv != nil {
					names = append(names, recvType(d.Recv.List[0].Type)+"."+d.Name.Name)
				} else {
					names = append(names, d.Name.Name)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						names = append(names, s.Name.Name)
					case *ast.ValueSpec:
						for _, n := range s.Names {
							names = append(names, n.Name)
						}
					}
				}
			}
		}
	}
	return names
}

// TestRuntimeKeepsWhatIsReached: a package that only sends a request gets
// the transport and no signer; one that uses Basic auth gets basicAuth and
// its sign method, and not the other schemes.
func TestRuntimeKeepsWhatIsReached(t *testing.T) {
	plain, _ := Runtime("p", refsOf(t, `func (c *Client) Get(opts ...Option) (*Response, error) {
		cfg, _ := c.cfg.with(opts)
		return c.send(nil, cfg, &request{}, nil, nil)
	}`))
	names := declared(t, plain)
	for _, want := range []string{"APIError", "APIError.Error", "Response", "request", "Client.send", "config.do",
		"config.attempt", "config.roundTrip", "RetryPolicy", "WithRetry", "WithHeader", "config.with", "encodeQuery"} {
		if !slices.Contains(names, want) {
			t.Errorf("a plain package lacks %s", want)
		}
	}
	for _, unwanted := range []string{"basicAuth", "digestAuth", "awsV4Auth", "hmacSum", "addQueryParam",
		"request.addHeader", "request.queryParam", "paramUse", "walkPages", "dynamicGUID", "encodeMultipart", "File", "setHeader"} {
		if slices.Contains(names, unwanted) {
			t.Errorf("a plain package has %s, which nothing it declares uses", unwanted)
		}
	}
	for _, f := range plain {
		if strings.HasPrefix(f.Path, "signer") {
			t.Errorf("a plain package gets %s", f.Path)
		}
	}

	basic, _ := Runtime("p", refsOf(t, `func f(r *request) { r.auth = basicAuth{} }`))
	names = declared(t, basic)
	for _, want := range []string{"basicAuth", "basicAuth.sign", "authScheme"} {
		if !slices.Contains(names, want) {
			t.Errorf("a Basic auth package lacks %s", want)
		}
	}
	for _, unwanted := range []string{"digestAuth", "hawkAuth", "bearerAuth", "config.authNow", "hmacSum"} {
		if slices.Contains(names, unwanted) {
			t.Errorf("a Basic auth package has %s", unwanted)
		}
	}

	digest, _ := Runtime("p", refsOf(t, `func f(c *Client, cfg config, r *request) { r.auth = digestAuth{}; c.send(nil, cfg, r, nil, nil) }`))
	if names := declared(t, digest); !slices.Contains(names, "digestAuth.answer") || !slices.Contains(names, "config.authNonce") {
		t.Errorf("a digest package lacks the challenge answer or the nonce: %v", names)
	}
}

// TestRuntimeLeavesOutUnselectedFields: request's buffers come only with
// the methods that use them, and the struct stays as gofmt writes it.
func TestRuntimeLeavesOutUnselectedFields(t *testing.T) {
	files, _ := Runtime("p", refsOf(t, `func f(c *Client, cfg config) { c.send(nil, cfg, &request{}, nil, nil) }`))
	transport := fileNamed(t, files, "transport.go")
	if bytes.Contains(transport, []byte("queryBuf")) || bytes.Contains(transport, []byte("headerBuf")) {
		t.Errorf("transport.go keeps a buffer no method uses:\n%s", transport)
	}
	files, _ = Runtime("p", refsOf(t, `func f(r *request) { r.addHeader("a", "b") }`))
	transport = fileNamed(t, files, "transport.go")
	if !bytes.Contains(transport, []byte("headerBuf [4][2]string")) || bytes.Contains(transport, []byte("queryBuf")) {
		t.Errorf("transport.go should keep headerBuf alone:\n%s", transport)
	}
}

func fileNamed(t *testing.T, files []File, name string) []byte {
	t.Helper()
	for _, f := range files {
		if f.Path == name {
			return f.Data
		}
	}
	t.Fatalf("no %s among the runtime files", name)
	return nil
}

// TestRuntimeOutputIsFormatted: with everything reached, every file and
// the test helpers come out as gofmt writes them, with the package clause
// given, the header first, and only standard-library imports.
func TestRuntimeOutputIsFormatted(t *testing.T) {
	var all Refs
	all.idents, all.selectors = map[string]bool{}, map[string]bool{}
	for _, ds := range runtime().decls {
		for _, d := range ds {
			for _, n := range d.names {
				all.idents[n] = true
				all.selectors[n] = true
			}
		}
	}
	files, helpers := Runtime("client", &all)
	files = append(files, File{Path: "helpers_test.go", Data: GoFile("client", helpers.Imports, helpers.Decls)})
	if len(files) < 15 {
		t.Fatalf("%d files with everything reached", len(files))
	}
	for _, f := range files {
		if !bytes.HasPrefix(f.Data, []byte("// "+Header+"\n\npackage client\n")) {
			t.Errorf("%s does not start with the header and package clause", f.Path)
		}
		formatted, err := format.Source(f.Data)
		if err != nil {
			t.Errorf("%s: %v", f.Path, err)
			continue
		}
		if !bytes.Equal(formatted, f.Data) {
			t.Errorf("%s is not gofmt-clean", f.Path)
		}
		parsed, _ := parser.ParseFile(token.NewFileSet(), f.Path, f.Data, parser.ImportsOnly)
		for _, is := range parsed.Imports {
			if p := strings.Trim(is.Path.Value, `"`); strings.Contains(strings.Split(p, "/")[0], ".") {
				t.Errorf("%s imports %s, outside the standard library", f.Path, p)
			}
		}
	}
}

// TestRuntimeNames: the names generated code must avoid are read from the
// source, the seam's included, and the file stems leave out the seam and
// the tests.
func TestRuntimeNames(t *testing.T) {
	names := RuntimeNames()
	for _, want := range []string{"Client", "config", "packageName", "userAgent", "request", "APIError",
		"WithRetry", "digestAuth", "dynamicGUID", "runExamples", "checkAssertions", "File"} {
		if !slices.Contains(names, want) {
			t.Errorf("RuntimeNames lacks %s", want)
		}
	}
	if slices.Contains(names, "newTestClient") || slices.Contains(names, "rig") {
		t.Error("RuntimeNames holds a name of the runtime's own tests")
	}
	fields := RuntimeConfigNames()
	for _, want := range []string{"httpClient", "auth", "pageURL", "validate", "with", "do", "attempt", "roundTrip", "authNow"} {
		if !slices.Contains(fields, want) {
			t.Errorf("RuntimeConfigNames lacks %s", want)
		}
	}
	stems := RuntimeFileStems()
	if slices.Contains(stems, "api") || slices.ContainsFunc(stems, func(s string) bool { return strings.HasSuffix(s, "_test") }) {
		t.Errorf("RuntimeFileStems = %v: the seam and the tests are never copied", stems)
	}
	if got := RuntimeString("pathEscapes"); got != "\"#<>?`{}" {
		t.Errorf("pathEscapes = %q", got)
	}
}
