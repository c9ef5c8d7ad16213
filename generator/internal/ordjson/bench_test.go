package ordjson

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// benchDoc is a collection-like document of about 1 MB: nested objects,
// escaped and plain strings, numbers.
func benchDoc() string {
	var b strings.Builder
	b.WriteString(`{"info":{"name":"bench"},"item":[`)
	for i := range 2000 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"name":"request %d","request":{"method":"GET","url":{"raw":"{{base}}/v1/things/%d?x=1","host":["{{base}}"],"path":["v1","things","%d"]},"header":[{"key":"Accept","value":"application/json"}],"body":{"mode":"raw","raw":"{\n  \"id\": %d,\n  \"ratio\": 0.25\n}"}},"response":[{"code":200,"body":"{\"ok\":true,\"n\":%d}"}]}`, i, i, i, i, i)
	}
	b.WriteString(`]}`)
	return b.String()
}

func BenchmarkParse(b *testing.B) {
	doc := benchDoc()
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Parse(doc, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStdlibUnmarshal is the yardstick: encoding/json into any.
func BenchmarkStdlibUnmarshal(b *testing.B) {
	doc := []byte(benchDoc())
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		var v any
		if err := json.Unmarshal(doc, &v); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAppend(b *testing.B) {
	doc := benchDoc()
	v, _, err := Parse(doc, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	buf := make([]byte, 0, len(doc))
	for b.Loop() {
		buf = Append(buf[:0], v)
	}
}
