package emit

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/templates"
)

// proseData is what the README and package doc templates are given: the
// model's prose, the file header, and the bodies of the Example functions
// by name, as example_test.go has them.
type proseData struct {
	Header string
	model.Prose
	Examples map[string]string
	// MockCode is TestWithMock as example_test.go has it, whole.
	MockCode string
}

// mockCode is TestWithMock's source from its rendered body, indented by
// indent as the README (none) or the package doc (a tab) shows code.
func mockCode(bodies map[string]string, indent string) string {
	body, ok := bodies["TestWithMock"]
	if !ok {
		return ""
	}
	code := "func TestWithMock(t *testing.T) {\n\t" + strings.ReplaceAll(body, "\n", "\n\t") + "\n}"
	code = strings.ReplaceAll(code, "\t\n", "\n")
	return indent + strings.ReplaceAll(code, "\n", "\n"+indent)
}

// docFile emits doc.go: the package doc comment from templates/doc.go.tmpl.
func docFile(api *model.API, bodies map[string]string) (*genFile, error) {
	f := newFile(api)
	// A doc comment's code block is indented by a tab.
	indented := make(map[string]string, len(bodies))
	for name, body := range bodies {
		lines := strings.Split(body, "\n")
		for i, line := range lines {
			if line != "" {
				lines[i] = "\t" + line
			}
		}
		indented[name] = strings.Join(lines, "\n")
	}
	data := proseData{Header: templates.Header, Prose: *api.Prose, Examples: indented, MockCode: mockCode(bodies, "\t")}
	data.Doc = api.Doc
	var buf bytes.Buffer
	if err := templates.PackageDoc.Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("emit doc.go: %w", err)
	}
	f.PackageComment(comment(buf.String()).GoString())
	return f, nil
}

// readmeFile renders README.md from templates/readme.md.tmpl.
func readmeFile(api *model.API, bodies map[string]string) (File, error) {
	var buf bytes.Buffer
	if err := templates.README.Execute(&buf, proseData{Header: templates.Header, Prose: *api.Prose, Examples: bodies, MockCode: mockCode(bodies, "")}); err != nil {
		return File{}, fmt.Errorf("emit README.md: %w", err)
	}
	return File{Path: "README.md", Data: buf.Bytes()}, nil
}

// fixtureFiles are the saved request bodies too long for a literal, one
// file under testdata/pmgen/ per service file, each body under its name,
// in the order of the operations. Saved responses are in mock.go, which
// the tests serve them from.
func fixtureFiles(api *model.API) []File {
	var files []File
	for _, file := range model.OpFiles(api.Root) {
		var fixtures []templates.Fixture
		name := ""
		for _, op := range file.Ops {
			if op.Body != nil && op.Body.ExampleFixture != nil {
				fixtures = append(fixtures, templates.Fixture{Name: op.Body.ExampleFixture.Name, Body: op.Body.Example})
				name = op.Body.ExampleFixture.File
			}
		}
		if len(fixtures) > 0 {
			files = append(files, File{Path: "testdata/pmgen/" + name, Data: templates.FixtureFile(file.Stem+".go", fixtures)})
		}
	}
	return files
}
