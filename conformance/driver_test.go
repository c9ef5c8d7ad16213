package conformance

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"text/template"
	"time"
)

// authOption is the generated option that takes a scheme's credentials,
// and the Postman auth parameters it takes, in order.
type authOption struct {
	name   string
	params []string
}

// authOptions maps Postman's auth types to the generated options.
var authOptions = map[string]authOption{
	"basic":    {"WithBasicAuth", []string{"username", "password"}},
	"bearer":   {"WithBearerToken", []string{"token"}},
	"apikey":   {"WithAPIKey", []string{"value"}},
	"oauth2":   {"WithOAuth2Token", []string{"accessToken"}},
	"digest":   {"WithDigestAuth", []string{"username", "password"}},
	"awsv4":    {"WithAWSCredentials", []string{"accessKey", "secretKey", "sessionToken"}},
	"oauth1":   {"WithOAuth1", []string{"consumerKey", "consumerSecret", "token", "tokenSecret"}},
	"hawk":     {"WithHawk", []string{"authId", "authKey"}},
	"edgegrid": {"WithEdgeGrid", []string{"clientToken", "clientSecret", "accessToken"}},
}

// tokenSchemes are the schemes whose option the driver leaves out when
// every credential is empty, as a caller with nothing to give would; the
// signing schemes are always given theirs.
var tokenSchemes = map[string]bool{"basic": true, "bearer": true, "apikey": true, "oauth2": true}

// planItem is one call the driver makes, in newman's order.
type planItem struct {
	Index int      `json:"index"`
	Path  []string `json:"path"`
	Auth  string   `json:"auth,omitempty"`
	Args  []string `json:"args,omitempty"`
}

// plan is what the driver reads: where the recorder is, the variable
// values newman had, and the calls.
type plan struct {
	Recorder string            `json:"recorder"`
	Vars     map[string]string `json:"vars"`
	Items    []planItem        `json:"items"`
	// Grant, when a translated script fetches an OAuth 2 token, is the
	// client ID and secret and the token URL the client is given.
	Grant []string `json:"grant,omitempty"`
}

// driverResult is what the driver reports of one call.
type driverResult struct {
	Index int    `json:"index"`
	Err   string `json:"err,omitempty"`
}

// makePlan lists the calls with their credentials, resolved from the
// collection's variables as newman resolves them.
func makePlan(col *collection, rec *recorder) *plan {
	p := &plan{Recorder: rec.url(), Vars: col.vars}
	if g := col.grant; g != nil {
		p.Grant = []string{col.vars[g.id], col.vars[g.secret], rec.url() + tokenPath}
	}
	for _, it := range col.items {
		pi := planItem{Index: it.index, Path: it.path}
		if it.auth != nil {
			kind := str(it.auth["type"])
			params := authParams(it.auth)
			if opt, ok := authOptions[kind]; ok {
				pi.Auth = kind
				for _, name := range opt.params {
					pi.Args = append(pi.Args, resolve(credentialText(params[name]), col.vars))
				}
				if tokenSchemes[kind] && strings.Join(pi.Args, "") == "" {
					// Nothing to give: the caller leaves the option out,
					// and the client must send what Postman sends for
					// credentials saved empty.
					pi.Auth, pi.Args = "", nil
				}
			}
		}
		p.Items = append(p.Items, pi)
	}
	return p
}

// credentialText is the part of an auth parameter that the caller gives
// the generated option: its one {{variable}} when the parameter has text
// around it ("Api-Token {{DT_TOKEN}}"), which the client sends with the
// value as Postman does; otherwise the parameter whole. It follows
// pmgen's auth.SplitAround: values trimmed, one reference, not dynamic,
// and no key-like text around it.
func credentialText(v string) string {
	v = strings.TrimSpace(v)
	refs := varRef.FindAllStringIndex(v, -1)
	if len(refs) != 1 || strings.HasPrefix(v[refs[0][0]:], "{{$") ||
		secretLooking(v[:refs[0][0]]) || secretLooking(v[refs[0][1]:]) {
		return v
	}
	return v[refs[0][0]:refs[0][1]]
}

// secretLooking mirrors auth.secretText: text around the variable that
// looks like a key itself keeps the value whole (withheld).
var secretLooking = regexp.MustCompile(`eyJ|sk_live_|sk_test_|[A-Za-z0-9]{20}`).MatchString

// resolve substitutes {{variables}} as Postman does, nested ones included;
// unknown ones are left as written.
func resolve(s string, vars map[string]string) string {
	for range 10 {
		next := varRef.ReplaceAllStringFunc(s, func(m string) string {
			if v, ok := vars[m[2:len(m)-2]]; ok {
				return v
			}
			return m
		})
		if next == s {
			break
		}
		s = next
	}
	return s
}

// writeDriver adds the driver test to a copy of a generated package: it
// configures the client as newman was configured and calls each method
// the plan lists, announcing each item to the recorder first. Only the
// auth options the package has are referred to.
func writeDriver(pkgDir string) error {
	var src strings.Builder
	for _, name := range []string{"client.go", "auth.go"} {
		data, _ := os.ReadFile(filepath.Join(pkgDir, name))
		src.Write(data)
	}
	code := src.String()
	pkg := regexp.MustCompile(`(?m)^package (\w+)`).FindStringSubmatch(code)
	if pkg == nil {
		return fmt.Errorf("%s: no package clause in client.go", pkgDir)
	}
	d := struct {
		Package   string
		AuthField string
		HasNow    bool
		HasNonce  bool
		HasGrant  bool
		// HasScriptNow: the config has the clock of pre-request scripts'
		// values, which the harness fixes in newman too (fixedClock).
		HasScriptNow bool
		Options      []string
		Now          int64
		Nonce        string
	}{Package: pkg[1], Now: fixedUnix, Nonce: fixedNonce}
	if m := regexp.MustCompile(`(?m)^\s+(\w+)\s+authConfig\b`).FindStringSubmatch(code); m != nil {
		d.AuthField = m[1]
		// The clock and nonce hooks exist only where a signer reads them.
		d.HasNow = regexp.MustCompile(`(?m)^\s+now\s+func\(\) time\.Time`).MatchString(code)
		d.HasNonce = regexp.MustCompile(`(?m)^\s+nonce\s+func\(\) string`).MatchString(code)
	}
	d.HasGrant = regexp.MustCompile(`(?m)^func WithOAuth2ClientCredentials\(`).MatchString(code) &&
		regexp.MustCompile(`(?m)^func WithOAuth2TokenURL\(`).MatchString(code)
	d.HasScriptNow = regexp.MustCompile(`(?m)^\s+scriptNow\s+func\(\) time\.Time`).MatchString(code)
	kinds := make([]string, 0, len(authOptions))
	for k := range authOptions {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, kind := range kinds {
		opt := authOptions[kind]
		sig := regexp.MustCompile(`(?m)^func ` + opt.name + `\(([^)]*)\) Option`).FindStringSubmatch(code)
		if sig == nil || strings.Count(sig[1], ",")+1 != len(opt.params) {
			continue
		}
		var args []string
		for i := range opt.params {
			args = append(args, fmt.Sprintf("a[%d]", i))
		}
		d.Options = append(d.Options, fmt.Sprintf("case %q:\n\t\t\treturn %s(%s)", kind, opt.name, strings.Join(args, ", ")))
	}
	f, err := os.Create(filepath.Join(pkgDir, "pmgen_conformance_driver_test.go"))
	if err != nil {
		return err
	}
	defer f.Close()
	return driverTemplate.Execute(f, d)
}

var driverTemplate = template.Must(template.New("driver").Delims("[[", "]]").Parse(`package [[.Package]]

// Written by pmgen's conformance harness into a copy of the package.

import (
	"encoding/json"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strconv"
	"testing"
[[- if or .HasNow .HasScriptNow]]
	"time"
[[- end]]
)

func TestPmgenConformanceDriver(t *testing.T) {
	data, err := os.ReadFile(os.Getenv("PMGEN_CONFORMANCE_PLAN"))
	if err != nil {
		t.Fatal(err)
	}
	var plan struct {
		Recorder string
		Vars     map[string]string
		Grant    []string
		Items    []struct {
			Index int
			Path  []string
			Auth  string
			Args  []string
		}
	}
	if err := json.Unmarshal(data, &plan); err != nil {
		t.Fatal(err)
	}
	var opts []Option
[[- if or .HasNow .HasNonce]]
	opts = append(opts, Option(func(c *config) {
[[- if .HasNow]]
		c.[[.AuthField]].now = func() time.Time { return time.Unix([[.Now]], 0) }
[[- end]]
[[- if .HasNonce]]
		c.[[.AuthField]].nonce = func() string { return [[printf "%q" .Nonce]] }
[[- end]]
	}))
[[- end]]
[[- if .HasScriptNow]]
	opts = append(opts, Option(func(c *config) {
		c.scriptNow = func() time.Time { return time.UnixMilli([[.Now]]*1000 + 123) }
	}))
[[- end]]
	for _, s := range conformanceSettings() {
		switch {
		case s.url:
			opts = append(opts, s.option(plan.Recorder+pmgenPathOf(pmgenResolve(s.saved, plan.Vars))))
		case !s.defaulted:
			if v, ok := plan.Vars[s.key]; ok {
				opts = append(opts, s.option(v))
			}
		}
	}
[[- if .HasGrant]]
	if len(plan.Grant) == 3 {
		opts = append(opts, WithOAuth2ClientCredentials(plan.Grant[0], plan.Grant[1]), WithOAuth2TokenURL(plan.Grant[2]))
	}
[[- end]]
	c, err := New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	calls := conformanceCalls()
	used := make([]bool, len(calls))
	type result struct {
		Index int    ` + "`json:\"index\"`" + `
		Err   string ` + "`json:\"err,omitempty\"`" + `
	}
	var results []result
	for _, it := range plan.Items {
		res := result{Index: it.Index, Err: "no generated method for this item"}
		for k, call := range calls {
			if used[k] || !slices.Equal(call.path, it.Path) {
				continue
			}
			used[k] = true
			resp, err := http.Get(plan.Recorder + "/__pmgen/item?i=" + strconv.Itoa(it.Index))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			var callOpts []Option
			if o := pmgenAuth(it.Auth, it.Args); o != nil {
				callOpts = append(callOpts, o)
			}
			res.Err = ""
			ok := t.Run(strconv.Itoa(it.Index), func(t *testing.T) {
				resolve := func(s string) string { return pmgenResolve(s, plan.Vars) }
				if err := call.call(t, c, resolve, callOpts...); err != nil {
					res.Err = err.Error()
				}
			})
			if !ok {
				res.Err = "the call failed its test (see the driver's output)"
			}
			break
		}
		results = append(results, res)
	}
	out, _ := json.Marshal(results)
	if err := os.WriteFile(os.Getenv("PMGEN_CONFORMANCE_OUT"), out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// pmgenAuth is the credential option for a Postman auth type; nil when
// the package has none for it.
func pmgenAuth(kind string, a []string) Option {
	switch kind {
[[- range .Options]]
	[[.]]
[[- end]]
	}
	return nil
}

var pmgenVar = regexp.MustCompile(` + "`" + `\{\{([^{}\s]+)\}\}` + "`" + `)

// pmgenResolve substitutes {{variables}} as Postman does.
func pmgenResolve(s string, vars map[string]string) string {
	for range 10 {
		next := pmgenVar.ReplaceAllStringFunc(s, func(m string) string {
			if v, ok := vars[m[2:len(m)-2]]; ok {
				return v
			}
			return m
		})
		if next == s {
			break
		}
		s = next
	}
	return s
}

// pmgenPathOf is the path a URL value carries after its scheme and host,
// which the harness's newman script keeps as well.
func pmgenPathOf(u string) string {
	if m := regexp.MustCompile(` + "`" + `^[a-zA-Z][a-zA-Z0-9+.-]*://` + "`" + `).FindString(u); m != "" {
		u = u[len(m):]
	}
	for i := 0; i < len(u); i++ {
		switch u[i] {
		case '/':
			rest := u[i:]
			for j := 0; j < len(rest); j++ {
				if rest[j] == '?' || rest[j] == '#' {
					return rest[:j]
				}
			}
			return rest
		case '?', '#':
			return ""
		}
	}
	return ""
}
`))

// runDriver runs a compiled driver on a plan, in its package's folder (the
// fixtures are read from testdata/), and returns its results by item index.
func runDriver(bin, pkgDir, dir string, p *plan, rec *recorder) (map[int]string, string, error) {
	planFile, outFile := filepath.Join(dir, "plan.json"), filepath.Join(dir, "driver-out.json")
	data, err := json.Marshal(p)
	if err != nil {
		return nil, "", err
	}
	if err := os.WriteFile(planFile, data, 0o644); err != nil {
		return nil, "", err
	}
	ctx, cancel := context.WithTimeout(context.Background(), processTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-test.run=^TestPmgenConformanceDriver$", "-test.count=1", "-test.timeout="+processTimeout.String())
	cmd.WaitDelay = time.Second
	cmd.Dir = pkgDir
	cmd.Env = append(os.Environ(), append(proxyEnv(rec), "PMGEN_CONFORMANCE_PLAN="+planFile, "PMGEN_CONFORMANCE_OUT="+outFile)...)
	out, _ := cmd.CombinedOutput()
	raw, err := os.ReadFile(outFile)
	if err != nil {
		return nil, string(out), fmt.Errorf("the driver wrote no results: %v\n%s", err, out)
	}
	var results []driverResult
	if err := json.Unmarshal(raw, &results); err != nil {
		return nil, string(out), err
	}
	errs := map[int]string{}
	for _, r := range results {
		errs[r.Index] = r.Err
	}
	return errs, string(out), nil
}
