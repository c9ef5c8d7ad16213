package build

import (
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/wire"
)

// bodyOp builds a one-request collection and returns its operation, the
// API and the diagnostics.
func bodyOp(t *testing.T, method string, body *load.Body, headers ...load.Pair) (*model.Operation, *model.API, model.Diagnostics) {
	t.Helper()
	it := request("Send it", method, "{{baseUrl}}/things")
	it.Request.Body = body
	it.Request.Header = headers
	it.Responses = []*load.Response{{Name: "OK", Code: 200}}
	col := &load.Collection{File: "c.json", Name: "C", Items: []*load.Item{it},
		Variables: []load.Variable{{Key: "baseUrl", Value: "https://x.example.com"}, {Key: "region", Value: "eu"}}}
	api, diags := Build(col, Options{})
	if api == nil {
		t.Fatalf("Build failed: %v", diags)
	}
	return api.Root.Ops[0], api, diags
}

// fieldShape summarises a form field for comparison.
type fieldShape struct {
	Key, Name        string
	File, Repeated   bool
	Enabled          bool
	Defaults, Values []string
}

func shapes(form *model.Form) []fieldShape {
	var out []fieldShape
	for _, f := range form.Fields {
		s := fieldShape{Key: f.Key, Name: f.Name, File: f.File, Repeated: f.Repeated, Enabled: f.Enabled, Values: f.TestValues}
		for _, d := range f.Defaults {
			s.Defaults = append(s.Defaults, wire.TestText(d))
		}
		out = append(out, s)
	}
	return out
}

func TestURLEncodedBody(t *testing.T) {
	body := &load.Body{Mode: "urlencoded", URLEncoded: []load.Pair{
		{Key: "amount", Value: "2000"},
		{Key: "tag", Value: "a"},
		{Key: "region", Value: "{{region}}"},
		{Key: "expand[]", Value: "customer", Disabled: true},
		{Key: "tag", Value: "b c"},
		{Key: "note", Value: "x", Disabled: true},
		{Key: "", Value: ""},
	}}
	op, _, diags := bodyOp(t, "POST", body, load.Pair{Key: "Content-Type", Value: "text/plain"})
	if len(diags) != 0 {
		t.Errorf("diagnostics: %v", diags)
	}
	if op.Body == nil || op.Body.Kind != model.BodyURLEncoded {
		t.Fatalf("body = %+v, want urlencoded", op.Body)
	}
	want := []fieldShape{
		{Key: "amount", Name: "Amount", Enabled: true, Defaults: []string{"2000"}, Values: []string{"2000"}},
		{Key: "tag", Name: "Tag", Repeated: true, Enabled: true, Defaults: []string{"a", "b c"}, Values: []string{"a", "b c"}},
		{Key: "region", Name: "Region", Enabled: true},
		{Key: "expand[]", Name: "Expand", Repeated: true},
		{Key: "note", Name: "Note"},
	}
	got := shapes(op.Body.Form)
	// {{region}} is a setting: the test leaves the field unset so that the
	// default applies. Its test value belongs to the settings code.
	if d := op.Body.Form.Fields[2].Defaults; len(d) != 1 || len(d[0]) != 1 || d[0][0].Kind != model.PartSetting {
		t.Errorf("region defaults = %+v, want the setting", d)
	}
	got[2].Defaults = nil
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
	if op.Body.Form.TypeName != "SendItForm" {
		t.Errorf("TypeName = %q, want SendItForm", op.Body.Form.TypeName)
	}
	// A text/plain Content-Type is replaced by the form's, as Postman does.
	for _, h := range op.FixedHeaders {
		if strings.EqualFold(h.Name.Literal(), "Content-Type") {
			t.Errorf("fixed header %q = %q kept", h.Name.Literal(), h.Value.Literal())
		}
	}
	tc := op.Tests[0]
	region := strings.ReplaceAll(url.QueryEscape(wire.Render(op.Body.Form.Fields[2].Defaults[0])), "+", "%20")
	wantBody := "amount=2000&tag=a&tag=b%20c&region=" + region
	if tc.WantBody != wantBody || tc.WantBodyJSON {
		t.Errorf("WantBody = %q (json %v), want %q", tc.WantBody, tc.WantBodyJSON, wantBody)
	}
	if !hasHeader(tc.WantHeaders, "Content-Type") {
		t.Errorf("WantHeaders %v lack Content-Type", tc.WantHeaders)
	}
}

func TestMultipartBody(t *testing.T) {
	body := &load.Body{Mode: "formdata", FormData: []load.Pair{
		{Key: "purpose", Value: "id", Type: "text"},
		{Key: "doc", Type: "file", Src: `C:\scans\passport.pdf`, ContentType: "application/pdf"},
		{Key: "pages", Type: "file", Src: "a/p1.png"},
		{Key: "pages", Type: "file", Src: "a/p2.png"},
		{Key: "thumb", Type: "file", Src: "t.png", Disabled: true},
	}}
	op, api, _ := bodyOp(t, "POST", body, load.Pair{Key: "Content-Type", Value: "multipart/form-data"})
	if op.Body == nil || op.Body.Kind != model.BodyMultipart {
		t.Fatalf("body = %+v, want multipart", op.Body)
	}
	if api.FileType != "File" || op.Body.Form.FileType != "File" {
		t.Errorf("FileType = %q / %q, want File", api.FileType, op.Body.Form.FileType)
	}
	want := []fieldShape{
		{Key: "purpose", Name: "Purpose", Enabled: true, Defaults: []string{"id"}, Values: []string{"id"}},
		{Key: "doc", Name: "Doc", File: true, Enabled: true, Values: []string{"passport.pdf"}},
		{Key: "pages", Name: "Pages", File: true, Repeated: true, Enabled: true, Values: []string{"p1.png", "p2.png"}},
		{Key: "thumb", Name: "Thumb", File: true},
	}
	if diff := cmp.Diff(want, shapes(op.Body.Form)); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
	if len(op.FixedHeaders) != 0 {
		t.Errorf("the saved multipart Content-Type (no boundary) was kept: %+v", op.FixedHeaders)
	}
	wantParts := `--- "purpose"` + "\nid\n" +
		`--- "doc" filename="passport.pdf" content-type="application/pdf"` + "\npassport.pdf\n" +
		`--- "pages" filename="p1.png" content-type="image/png"` + "\np1.png\n" +
		`--- "pages" filename="p2.png" content-type="image/png"` + "\np2.png\n"
	if got := op.Tests[0].WantBody; got != wantParts {
		t.Errorf("WantBody =\n%s\nwant\n%s", got, wantParts)
	}
	if hasHeader(op.Tests[0].WantHeaders, "Content-Type") {
		t.Errorf("WantHeaders %v check a Content-Type whose boundary is random", op.Tests[0].WantHeaders)
	}
}

// A file field with no file chosen is still sent by Postman, as an empty
// part: the field is marked so, and the test leaves it unset.
func TestMultipartFileNotChosen(t *testing.T) {
	body := &load.Body{Mode: "formdata", FormData: []load.Pair{
		{Key: "upload", Type: "file"},
		{Key: "folder", Value: "0", Type: "text"},
		{Key: "spare", Type: "file", Disabled: true},
	}}
	op, _, _ := bodyOp(t, "POST", body)
	fields := op.Body.Form.Fields
	if !fields[0].EmptyPart || fields[0].TestValues != nil {
		t.Errorf("upload: EmptyPart = %v, TestValues = %q; want true and none", fields[0].EmptyPart, fields[0].TestValues)
	}
	if fields[2].EmptyPart {
		t.Errorf("spare: a disabled file field is marked EmptyPart")
	}
	want := `--- "upload"` + "\n\n" + `--- "folder"` + "\n0\n"
	if got := op.Tests[0].WantBody; got != want {
		t.Errorf("WantBody =\n%s\nwant\n%s", got, want)
	}
}

func TestBinaryBody(t *testing.T) {
	op, _, diags := bodyOp(t, "PUT", &load.Body{Mode: "file", FileSrc: "./up/avatar.png"})
	if len(diags) != 0 {
		t.Errorf("diagnostics: %v", diags)
	}
	if op.Body == nil || op.Body.Kind != model.BodyBinary || op.Body.Example != "avatar.png" {
		t.Fatalf("body = %+v, want binary with example avatar.png", op.Body)
	}
	if op.Tests[0].WantBody != "avatar.png" {
		t.Errorf("WantBody = %q", op.Tests[0].WantBody)
	}
}

func TestGraphQLBody(t *testing.T) {
	tests := []struct {
		name     string
		vars     string
		wantType bool
		wantBody string
		wantDiag string
	}{
		{"variables", `{"id": 7}`, true, `{"query":"query { x }","variables":{"id":7}}`, ""},
		{"no variables", ``, false, `{"query":"query { x }"}`, ""},
		{"empty object", `{ }`, false, `{"query":"query { x }"}`, ""},
		{"invalid", `{"id": }`, false, `{"query":"query { x }"}`, "graphql-variables-invalid"},
		{"not an object", `[1]`, false, `{"query":"query { x }"}`, "graphql-variables-invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			op, _, diags := bodyOp(t, "POST", &load.Body{Mode: "graphql", GraphQLQuery: "query { x }", GraphQLVariables: tt.vars})
			var codes []string
			for _, d := range diags {
				codes = append(codes, d.Code)
			}
			if got := strings.Join(codes, ","); got != tt.wantDiag {
				t.Errorf("diagnostics = %q, want %q", got, tt.wantDiag)
			}
			b := op.Body
			if b == nil || b.Kind != model.BodyGraphQL || b.QueryConst != "SendItQuery" || b.Query != "query { x }" {
				t.Fatalf("body = %+v", b)
			}
			if (b.Type != nil) != tt.wantType {
				t.Errorf("variables type = %v, want one: %v", b.Type, tt.wantType)
			}
			if got := op.Tests[0].WantBody; got != tt.wantBody || !op.Tests[0].WantBodyJSON {
				t.Errorf("WantBody = %s, want %s (as JSON)", got, tt.wantBody)
			}
		})
	}
}

func TestBodyPruning(t *testing.T) {
	form := &load.Body{Mode: "urlencoded", URLEncoded: []load.Pair{{Key: "limit", Value: "10"}}}
	for _, tt := range []struct {
		method  string
		disable bool
		sent    bool
	}{
		{"GET", false, false},
		{"HEAD", false, false},
		{"GET", true, true},
		{"DELETE", false, true},
		{"POST", false, true},
	} {
		it := request("List", tt.method, "{{baseUrl}}/things")
		it.Request.Body = form
		it.DisableBodyPruning = tt.disable
		col := &load.Collection{File: "c.json", Name: "C", Items: []*load.Item{it}}
		api, diags := Build(col, Options{})
		if api == nil || len(diags) != 0 {
			t.Fatalf("%s: Build: %v", tt.method, diags)
		}
		op := api.Root.Ops[0]
		if got := op.Body != nil; got != tt.sent {
			t.Errorf("%s (disableBodyPruning %v): body sent = %v, want %v", tt.method, tt.disable, got, tt.sent)
		}
		if noted := strings.Contains(op.Doc, "does not send"); noted == tt.sent {
			t.Errorf("%s (disableBodyPruning %v): doc notes pruning = %v:\n%s", tt.method, tt.disable, noted, op.Doc)
		}
	}
}

// TestBodyPruningLoaded checks the whole path from a saved
// protocolProfileBehavior to the method: only the item that disables
// pruning sends its GET body.
func TestBodyPruningLoaded(t *testing.T) {
	const collection = `{"info": {"name": "P", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	 "item": [
	  {"name": "Pruned", "request": {"method": "GET", "url": "https://x.example.com/a",
	    "body": {"mode": "formdata", "formdata": [{"key": "q", "value": "1", "type": "text"}]}}},
	  {"name": "Kept", "protocolProfileBehavior": {"disableBodyPruning": true},
	   "request": {"method": "GET", "url": "https://x.example.com/b",
	    "body": {"mode": "formdata", "formdata": [{"key": "q", "value": "1", "type": "text"}]}}}
	 ]}`
	col, diags := load.Parse("p.json", []byte(collection))
	if col == nil {
		t.Fatalf("load: %v", diags)
	}
	api := mustBuild(t, col)
	got := map[string]bool{}
	for _, op := range api.Root.Ops {
		got[op.Method] = op.Body != nil
	}
	if want := map[string]bool{"Pruned": false, "Kept": true}; !cmp.Equal(got, want) {
		t.Errorf("body sent per method = %v, want %v", got, want)
	}
}

func hasHeader(kvs []model.KeyValue, key string) bool {
	for _, kv := range kvs {
		if strings.EqualFold(kv.Key, key) {
			return true
		}
	}
	return false
}

// TestBareVariablesWithoutSavedValue checks that a bare {{variable}} with
// no saved value is null in the example (the caller sets the field) and
// kept as a reference for callers that resolve it; a saved JSON value is
// filled in both, and a body the parser had to rewrite keeps no reference.
func TestBareVariablesWithoutSavedValue(t *testing.T) {
	for _, tt := range []struct{ raw, example, unsaved string }{
		{`{"id" : {{webhookKey}}, "r": {{region}}, "s": "{{webhookKey}}"}`, `{"id":null,"r":null,"s":"{{webhookKey}}"}`,
			`{"id" : {{webhookKey}}, "r": null, "s": "{{webhookKey}}"}`},
		{`[ {{first}}, 2 ]`, `[null,2]`, `[ {{first}}, 2 ]`},
		{`{"n": 1}`, `{"n": 1}`, ``},
		{`{"n": {{first}},}`, `{"n":null}`, ``},
	} {
		op, _, _ := bodyOp(t, "POST", &load.Body{Mode: "raw", Language: "json", Raw: tt.raw})
		if op.Body.Example != tt.example || op.Body.ExampleUnsaved != tt.unsaved {
			t.Errorf("%s: example %s, unsaved %s; want %s, %s", tt.raw, op.Body.Example, op.Body.ExampleUnsaved, tt.example, tt.unsaved)
		}
	}
}
