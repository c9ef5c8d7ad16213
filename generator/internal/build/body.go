package build

import (
	"fmt"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

// fixtureLimit is the longest saved body written into a test as a
// literal; longer request bodies go to testdata/ (placeFixtures), because
// jennifer writes a string literal on one line.
const fixtureLimit = 400

// buildBody makes the request body. A raw body that parses as JSON is
// typed from the saved value; other raw bodies are sent as text.
func (b *builder) buildBody(it *load.Item, op *model.Operation) {
	body := it.Request.Body
	if body == nil || body.Disabled || prunedBody(it, op) {
		return
	}
	switch body.Mode {
	case "raw":
		raw := body.Raw
		if strings.TrimSpace(raw) == "" {
			return
		}
		b.checkBraces(it.Pos, "body", raw, false)
		lang := strings.ToLower(body.Language)
		if lang == "json" || lang == "" {
			op.Body = b.jsonBody(it, op, raw, lang == "json")
		}
		if op.Body == nil {
			if lang == "json" {
				// Postman strips comments from a JSON body before sending it,
				// even one that does not parse.
				raw = ordjson.StripComments(raw)
			}
			op.Body = &model.Body{Kind: model.BodyText, ContentType: textContentType(lang), Example: raw}
		}
		op.Body.Dynamics = b.bodyDynamics(op.Body.Example)
	case "urlencoded":
		b.checkFormBraces(it.Pos, body.URLEncoded)
		op.Body = b.formBody(op, body.URLEncoded, false)
	case "formdata":
		b.checkFormBraces(it.Pos, body.FormData)
		op.Body = b.formBody(op, body.FormData, true)
	case "file":
		op.Body = binaryBody(body)
	case "graphql":
		op.Body = b.graphqlBody(it, op, body)
		if op.Body != nil {
			op.Body.Dynamics = b.bodyDynamics(op.Body.Query, op.Body.Example)
		}
	case "":
		return
	default:
		b.diag(it.Pos, model.Warning, "body-mode-unknown",
			fmt.Sprintf("request body mode %q is not one that Postman defines; the method sends no body", body.Mode))
		return
	}
}

// jsonBody types a raw body that holds JSON, or returns nil when it does
// not parse. Its example is rewritten as standard JSON when the collection
// saved comments, trailing commas or bare {{var}} values.
func (b *builder) jsonBody(it *load.Item, op *model.Operation, raw string, declared bool) *model.Body {
	text := fillBarePlaceholders(raw, b.variableValue, false)
	b.warnBareDynamics(raw, text)
	v, extended, err := b.json.Parse(text)
	if err != nil {
		if declared {
			b.diag(it.Pos, model.Warning, "body-invalid-json",
				"the raw JSON body does not parse "+syntaxDetail(err)+"; it is sent as text")
		}
		return nil
	}
	var unsaved string
	if kept := fillBarePlaceholders(raw, b.variableValue, true); kept != text && !extended {
		unsaved = kept
	}
	if text != raw || extended {
		text = ordjson.Marshal(v)
	}
	// Postman labels a raw body by its language, not its content: JSON
	// saved without "language": "json" goes as text/plain.
	contentType := "application/json"
	if !declared {
		contentType = "text/plain"
	}
	return &model.Body{
		Kind:           model.BodyJSON,
		ContentType:    contentType,
		Type:           b.infer.Infer([]string{op.Method, "Request"}, v),
		Example:        text,
		ExampleUnsaved: unsaved,
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

// binaryBody is Postman's "file" mode: the method takes an io.Reader. The
// generated test sends the saved file's name as the content, because the
// file itself stays on the collection author's machine.
func binaryBody(body *load.Body) *model.Body {
	b := &model.Body{Kind: model.BodyBinary, ContentType: "application/octet-stream"}
	if strings.TrimSpace(body.FileSrc) != "" {
		// With no file chosen ("file": {}) the example is empty: Postman
		// sends no body then.
		b.Example = fileBase(body.FileSrc)
	}
	return b
}

// prunedBody reports whether Postman leaves the body out: its runtime sends
// no body with GET, HEAD, COPY, PURGE or UNLOCK unless the item sets
// protocolProfileBehavior.disableBodyPruning.
func prunedBody(it *load.Item, op *model.Operation) bool {
	switch op.HTTPMethod {
	case "GET", "HEAD", "COPY", "PURGE", "UNLOCK":
		return !it.DisableBodyPruning
	}
	return false
}

// bodyNote is the sentence the method's doc adds when the saved body is
// not sent, so that readers of the collection are not surprised.
func bodyNote(it *load.Item, op *model.Operation) string {
	if b := it.Request.Body; b != nil && !b.Disabled && hasContent(b) && prunedBody(it, op) {
		return "The collection saves a " + b.Mode + " body for this " + op.HTTPMethod +
			" request, which Postman does not send (protocolProfileBehavior.disableBodyPruning is not set); neither does this method."
	}
	return ""
}

// hasContent reports whether a saved body holds anything to send.
func hasContent(b *load.Body) bool {
	switch b.Mode {
	case "raw":
		return strings.TrimSpace(b.Raw) != ""
	case "urlencoded":
		return len(b.URLEncoded) > 0
	case "formdata":
		return len(b.FormData) > 0
	case "file":
		return b.FileSrc != ""
	case "graphql":
		return strings.TrimSpace(b.GraphQLQuery+b.GraphQLVariables) != ""
	}
	return false
}
