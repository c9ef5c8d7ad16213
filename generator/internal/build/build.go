// Package build turns a loaded collection into the model of the client to
// generate, together with every diagnostic about the input.
//
// All decisions are made here: names (through naming, one scope per Go
// scope), types (through infer), defaults, which example feeds which test
// row. emit only translates the result.
package build

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pmgen/pmgen/generator/internal/apidoc"
	"github.com/pmgen/pmgen/generator/internal/auth"
	"github.com/pmgen/pmgen/generator/internal/infer"
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/naming"
	"github.com/pmgen/pmgen/generator/internal/ordjson"
	"github.com/pmgen/pmgen/templates"
)

// Options tune a build.
type Options struct {
	// Package overrides the package name derived from the collection name.
	Package string
	// Environment holds variables from a Postman environment file; their
	// values override the collection's.
	Environment []load.Variable
	// KeepSecrets names variables whose saved values are kept as defaults
	// although pmgen would withhold them as credentials.
	KeepSecrets []string
	// NoIterators leaves paginated requests without page iterators.
	NoIterators bool
	// NoMock leaves the package without a mock server: no operation gets
	// a mock name, so nothing refers to one.
	NoMock bool
	// Adjust, when set, changes the model once every name is decided and
	// before the docs composed from names are written: a project file's
	// renames and type overrides. Its diagnostics join the build's.
	Adjust func(*model.API) model.Diagnostics
}

// builder carries the state of one build. It lives for one call of Build.
type builder struct {
	col   *load.Collection
	api   *model.API
	diags model.Diagnostics
	infer *infer.Inferrer
	// json reads saved bodies (lenient: comments and trailing commas), one
	// after another with the same working memory.
	json ordjson.Reader
	// pkg is the package scope: every exported type and function name.
	pkg *naming.Scope
	// settings maps a variable key to its setting.
	settings map[string]*model.Setting
	// fields is the scope of the client config's fields.
	fields   *naming.Scope
	options  *naming.Scope
	files    *naming.Scope
	tests    *naming.Scope
	dynamics map[string]bool
	// withheld are the saved credentials; secrets tells the variables
	// that hold credentials from the others.
	withheld *auth.Withheld
	secrets  *auth.Evidence
	// keep are the variables the user released (Options.KeepSecrets).
	keep []string
	// auth is every request's effective auth (auth.go).
	auth *auth.Plan
	// savedEmpty are the variables saved with an empty value: credentials
	// made of them are empty until the caller gives them (auth.go).
	savedEmpty map[string]bool
	// pos is the item being built, for diagnostics raised deep inside.
	pos model.Pos
	// docs holds the doc comment made from each description (names.go).
	docs map[string]string
	// authDocs holds each auth paragraph's doc text (authDoc).
	authDocs map[string]string
	// pending holds the descriptions being converted in the background
	// (descriptions.go); written before the conversions start.
	pending map[string]*docFuture
	// cycles maps each variable whose value leads into a reference cycle
	// to that cycle; cycleWarned and cycleUsed track the warnings on the
	// requests that use them (cycles.go).
	cycles      map[string][]string
	cycleWarned map[string]bool
	cycleUsed   map[string]bool
	// varsOps are the operations whose test scripts set variables
	// (response_vars.go).
	varsOps []varsOp
	// pre is the state of pre-request scripts (prerequest.go).
	pre preState
	// selectors are the protocol selectors of each request item, as
	// loaded (selectors.go).
	selectors map[*load.Item]map[selectorKey]string
	// queryKinds is the Go type of each query key's fields (params.go).
	queryKinds map[string]model.ParamKind
	// argNames holds what every method's arguments avoid (argScope).
	argNames *naming.Scope
	// parents maps each item to the folder holding it, made on first use
	// (events.go).
	parents map[*load.Item]*load.Item
	// noPages is Options.NoIterators, noMock Options.NoMock.
	noPages bool
	noMock  bool
}

// Build makes the API model of col. It returns nil with the diagnostics
// when there are errors; warnings come back with a usable model.
func Build(col *load.Collection, opts Options) (*model.API, model.Diagnostics) {
	col, origType := withFetchedTokens(col, opts.Environment)
	b := &builder{
		docs:     map[string]string{},
		authDocs: map[string]string{},
		pending:  map[string]*docFuture{},
		col:      col,
		infer:    infer.New(),
		json:     ordjson.Reader{Options: ordjson.Options{Lenient: true}},
		pkg:      naming.NewScope(runtimeNames()...),
		argNames: argScope(),
		settings: map[string]*model.Setting{},
		fields:   naming.NewScope(runtimeFields()...),
		options:  naming.NewScope(runtimeOptions()...),
		files:    naming.NewScope(reservedFiles()...),
		tests:    naming.NewScope(),
		dynamics: map[string]bool{},
		keep:     opts.KeepSecrets,
		noPages:  opts.NoIterators,
		noMock:   opts.NoMock,

		cycleWarned: map[string]bool{},
		cycleUsed:   map[string]bool{},
	}
	b.pre.origAuthType = origType
	vars := b.variables(opts.Environment)
	b.savedEmpty = map[string]bool{}
	for _, v := range vars {
		if !v.Disabled && v.Value == "" {
			b.savedEmpty[v.Key] = true
		}
	}
	b.withheld, b.secrets = auth.FindSecrets(col, vars, opts.KeepSecrets, func(pos model.Pos, msg string) {
		b.diag(pos, model.Warning, auth.CodeSecretWithheld, msg)
	})
	defer b.convertDescriptions(col)()
	pkgName := opts.Package
	if pkgName == "" {
		pkgName = naming.PackageName(col.Name, "client")
	}
	b.api = &model.API{
		Package:   pkgName,
		Title:     title(col),
		UserAgent: userAgent(col),
		Doc:       b.markdown(col.Description),
		Markdown:  strings.TrimSpace(b.withheld.Redact(col.Description)),
	}
	b.planAuth()
	b.pre.hmacKeys = hmacKeyVars(col)
	b.buildSettings(opts.Environment)
	b.initPreRequest(opts.Environment)
	b.selectors = findSelectors(col.Items)
	b.queryKinds = queryKinds(col.Items)
	b.api.Root = b.buildService(nil, nil, col.Items, "")
	placeFixtures(b.api.Root)
	numberMockRows(b.api)
	b.pickGrantTestOp()
	b.warnUnusedCycles()
	b.linkResponseVars()
	b.nameTypes()
	for name := range b.dynamics {
		b.api.Dynamics = append(b.api.Dynamics, name)
	}
	sort.Strings(b.api.Dynamics)
	if opts.Adjust != nil && !b.diags.HasErrors() {
		b.diags = append(b.diags, opts.Adjust(b.api)...)
	}
	apidoc.Write(b.api)
	b.api.Stats.Types = len(b.api.Types)
	if b.diags.HasErrors() {
		return nil, b.diags
	}
	return b.api, b.diags
}

// runtimeNames are the package-level identifiers every generated package
// may declare on its own, not derived from the collection: the runtime's,
// read from its source, and the few fixed ones emit writes around the
// API's own code.
func runtimeNames() []string {
	return append(templates.RuntimeNames(), emittedNames()...)
}

// argScope holds the names a method's arguments avoid: they share the
// method's scope with its locals and with the packages the method body
// refers to, and the page iterators take the same arguments, so their
// locals are reserved too; and the package's own names.
func argScope() *naming.Scope {
	return naming.NewScope(append([]string{"ctx", "params", "body", "opts", "cfg", "r", "errValue", "out", "resp", "err", "data",
		"url", "http", "json", "fmt", "cmp", "context", "errors", "strings", "bytes", "io", "time", "s", "c", "v",
		// the page iterators' locals and packages (pages.go)
		"p", "q", "start", "fetch", "inspect", "st", "page", "info", "iter", "strconv"},
		runtimeNames()...)...)
}

// emittedNames are the fixed package-level names of the files emit writes
// for every package beside the runtime: the test client and the
// conformance fixtures.
func emittedNames() []string {
	return []string{"newTestClient", "NewMockServer", "mockExamples",
		"conformanceCall", "conformanceCalls", "conformanceSetting", "conformanceSettings"}
}

// runtimeOptions are the options every generated package may declare; the
// options of settings avoid them.
func runtimeOptions() []string {
	opts := []string{"WithBaseURL"}
	for _, n := range templates.RuntimeNames() {
		if strings.HasPrefix(n, "With") {
			opts = append(opts, n)
		}
	}
	return opts
}

// runtimeFields are the config fields and methods the runtime declares or
// reads, and baseURL; the fields of settings avoid them.
func runtimeFields() []string {
	return append(templates.RuntimeConfigNames(), "baseURL")
}

// ReservedNames are the package-level identifiers every generated package
// may declare; generated names (types, options, arguments that share a
// method's scope) avoid them.
func ReservedNames() []string { return runtimeNames() }

// reservedFiles are the stems of the files a package may have besides
// those named for its services: the runtime's, and those emit writes.
func reservedFiles() []string {
	return append(templates.RuntimeFileStems(),
		"doc", "client", "auth", "body", "form", "multipart", "graphql", "types", "helpers", "operations", "readme", "conformance", "mock")
}

// userAgent is "pmgen (<name>/<version>)". Control characters are dropped
// and runs of white space folded: a header value cannot carry a line break,
// and Go's transport refuses a request whose header holds one.
func userAgent(col *load.Collection) string {
	clean := func(s string) string {
		s = strings.Map(func(r rune) rune {
			if r < 0x20 || r == 0x7f || r == utf8.RuneError || unicode.IsControl(r) {
				return ' '
			}
			return r
		}, s)
		return strings.Join(strings.Fields(s), " ")
	}
	ua := clean(title(col))
	if v := clean(col.Version); v != "" {
		ua += "/" + v
	}
	return "pmgen (" + ua + ")"
}

func title(col *load.Collection) string {
	if col.Name != "" {
		return col.Name
	}
	return "unnamed"
}

// diag records a diagnostic.
func (b *builder) diag(pos model.Pos, sev model.Severity, code, msg string) {
	if pos.File == "" {
		pos.File = b.col.File
	}
	b.diags = append(b.diags, model.Diagnostic{Pos: pos, Severity: sev, Code: code, Message: msg})
}
