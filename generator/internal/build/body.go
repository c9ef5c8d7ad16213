package build

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/infer"
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// fixtureLimit is the longest saved body written into a test as a
// literal; longer ones go to testdata/, because jennifer writes a string
// literal on one line.
const fixtureLimit = 400

// buildBody makes the request body. A raw body that parses as JSON is
// typed from the saved value; other raw bodies are sent as text.
func (b *builder) buildBody(it *load.Item, op *model.Operation) {
	body := it.Request.Body
	if body == nil || body.Disabled {
		return
	}
	switch body.Mode {
	case "raw":
		raw := body.Raw
		if strings.TrimSpace(raw) == "" {
			return
		}
		lang := strings.ToLower(body.Language)
		if lang == "json" || lang == "" {
			op.Body = b.jsonBody(it, op, raw, lang == "json")
		}
		if op.Body == nil {
			op.Body = &model.Body{Kind: model.BodyText, ContentType: textContentType(lang), Example: raw}
		}
	default:
		b.diag(it.Pos, model.Warning, "body-mode-unsupported",
			fmt.Sprintf("request body mode %q is not generated yet; the method sends no body", body.Mode))
		return
	}
	if len(op.Body.Example) > fixtureLimit {
		op.Body.ExampleFixture = b.fixturePath(op, "request")
	}
}

// jsonBody types a raw body that holds JSON, or returns nil when it does
// not parse. Its example is rewritten as standard JSON when the collection
// saved comments, trailing commas or bare {{var}} values.
func (b *builder) jsonBody(it *load.Item, op *model.Operation, raw string, declared bool) *model.Body {
	text := fillBarePlaceholders(raw, b.variableValue)
	v, err := infer.Parse(text)
	if err != nil {
		if declared {
			b.diag(it.Pos, model.Warning, "body-invalid-json",
				"the raw JSON body does not parse "+syntaxDetail(err)+"; it is sent as text")
		}
		return nil
	}
	if text != raw || !json.Valid([]byte(text)) {
		text = strictJSON(v)
	}
	return &model.Body{
		Kind:        model.BodyJSON,
		ContentType: "application/json",
		Type:        b.infer.Infer([]string{op.Method, "Request"}, v),
		Example:     text,
	}
}

// variableValue is the saved value of a collection or environment variable.
func (b *builder) variableValue(key string) (string, bool) {
	s, ok := b.settings[key]
	if !ok || !s.HasDefault {
		return "", false
	}
	return s.Default, true
}

// textContentType is the Content-Type Postman sends for a raw language.
func textContentType(lang string) string {
	switch lang {
	case "json":
		return "application/json"
	case "xml":
		return "application/xml"
	case "html":
		return "text/html"
	case "javascript":
		return "application/javascript"
	}
	return "text/plain"
}

// fixturePath names a file under the package's testdata/pmgen/ folder.
func (b *builder) fixturePath(op *model.Operation, what string) string {
	return fmt.Sprintf("pmgen/%s_%s.txt", strings.TrimPrefix(op.TestName, "Test"), what)
}
