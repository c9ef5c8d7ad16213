package emit

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/templates"
)

// mockTable writes mockExamples, its doc comment first, in the layout
// gofmt gives the jennifer rendering of mockExamplesFunc, byte for byte
// (TestMockTableIsGofmts checks it on every golden, and on the corpus):
//
//	func mockExamples() []MockExample {
//		return []MockExample{{
//			Body:   "…",
//			Status: 200,
//		}, {
//			…
//		}}
//	}
//
// Every field sits on a line of its own, and gofmt aligns the values of
// one example in a column one space past its longest "Key:", because all
// keys are short (go/printer's exprList aligns key sizes up to 40). It
// appends to dst, and records in refs what the function mentions, as
// render does for parsed code.
func mockTable(dst []byte, ops []*model.Operation, refs *templates.Refs) []byte {
	b := bytes.NewBuffer(slices.Grow(dst, tableSize(ops)))
	for _, line := range mockExamplesDoc {
		b.WriteString("// " + line + "\n")
	}
	b.WriteString("func mockExamples() []MockExample {\n\treturn []MockExample{")
	used := map[string]bool{}
	var fields []mockField
	first := true
	for _, op := range ops {
		for _, tc := range op.Tests {
			if first {
				b.WriteString("{\n")
				first = false
			} else {
				b.WriteString("\t}, {\n")
			}
			fields = mockFields(fields[:0], op, tc)
			width := 0
			for _, f := range fields {
				width = max(width, len(f.key))
				used[f.key] = true
			}
			for _, f := range fields {
				b.WriteString("\t\t")
				b.WriteString(f.key)
				b.WriteByte(':')
				b.WriteString(strings.Repeat(" ", width-len(f.key)+1))
				b.WriteString(f.value)
				b.WriteString(",\n")
			}
		}
	}
	b.WriteString("\t}}\n}\n")
	// A parsed key is both a selector (it may name a struct field) and,
	// as an identifier not being declared, an identifier (it may name a
	// constant); the pairs' type, [][2]string, mentions string.
	mentions := []string{"MockExample"}
	for key := range used {
		mentions = append(mentions, key)
	}
	if used["Header"] || used["Query"] || used["RequestHeader"] {
		mentions = append(mentions, "string")
	}
	refs.Mention(mentions, mapKeys(used))
	return b.Bytes()
}

// mockField is one "Key: value" line of an example.
type mockField struct{ key, value string }

// mockFields lists tc's fields in the order jennifer's Dict sorts them
// (by key), the optional ones only when set, each value quoted as jennifer
// quotes a literal: the one list mockRow and mockTable write.
func mockFields(into []mockField, op *model.Operation, tc *model.TestCase) []mockField {
	str := func(key, v string) {
		if v != "" {
			into = append(into, mockField{key, strconv.Quote(v)})
		}
	}
	list := func(key string, kvs []model.KeyValue) {
		if len(kvs) > 0 {
			into = append(into, mockField{key, pairsText(kvs)})
		}
	}
	str("Body", tc.ResponseBody)
	list("Header", tc.ResponseHeaders)
	str("ID", tc.Mock.ID)
	into = append(into, mockField{"Method", strconv.Quote(tc.Mock.Method)})
	str("Name", tc.Mock.Name)
	into = append(into, mockField{"Op", strconv.Quote(op.MockName)})
	into = append(into, mockField{"Path", strconv.Quote(tc.Mock.Path)})
	list("Query", tc.Mock.Query)
	str("RequestBody", tc.Mock.Body)
	list("RequestHeader", tc.Mock.Header)
	return append(into, mockField{"Status", strconv.Itoa(tc.Status)})
}

// pairsText is pairs' rendering on one line: [][2]string{{"k", "v"}, …}.
func pairsText(kvs []model.KeyValue) string {
	var b strings.Builder
	b.WriteString("[][2]string{")
	for i, kv := range kvs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("{" + strconv.Quote(kv.Key) + ", " + strconv.Quote(kv.Value) + "}")
	}
	b.WriteString("}")
	return b.String()
}

// tableFits reports whether mockTable can write the table: it has a row,
// and no "Key: value" line can reach the million bytes at which
// go/printer's exprList stops measuring a pair and breaks the alignment
// around it. Quoting makes at most four bytes of one, so the bound holds
// for the values as quoted, whatever they hold.
func tableFits(ops []*model.Operation) bool {
	const longest = 1e6 - len("RequestHeader: ")
	quoted := func(s string) int { return 4*len(s) + 2 }
	pairsSize := func(kvs []model.KeyValue) int {
		n := len("[][2]string{}")
		for _, kv := range kvs {
			n += 4*(len(kv.Key)+len(kv.Value)) + len(`{"", ""}, `)
		}
		return n
	}
	rows := 0
	for _, op := range ops {
		for _, tc := range op.Tests {
			rows++
			for _, n := range []int{
				quoted(tc.ResponseBody), quoted(tc.Mock.Body), quoted(tc.Mock.Path), quoted(tc.Mock.Method),
				quoted(tc.Mock.Name), quoted(tc.Mock.ID), quoted(op.MockName),
				pairsSize(tc.ResponseHeaders), pairsSize(tc.Mock.Query), pairsSize(tc.Mock.Header),
			} {
				if n > longest {
					return false
				}
			}
		}
	}
	return rows > 0
}

// tableSize is about the size of the table, so that its builder grows once.
func tableSize(ops []*model.Operation) int {
	n := 256
	for _, op := range ops {
		for _, tc := range op.Tests {
			n += 200 + len(tc.ResponseBody) + len(tc.Mock.Body) + len(tc.Mock.Path) + len(op.MockName)
		}
	}
	return n + n/8
}

// mapKeys lists m's keys, in no order: Refs.Mention records a set.
func mapKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}
