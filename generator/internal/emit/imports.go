package emit

import (
	"bytes"
	"strings"
)

// groupImports puts the standard library's imports of a rendered file
// first and the others (example_test.go's import of the package itself)
// after a blank line, as goimports does and Go readers expect. jennifer
// writes one sorted block; gofmt sorts within each group afterwards.
func groupImports(src []byte) []byte {
	start := bytes.Index(src, []byte("\nimport (\n"))
	if start < 0 {
		return src
	}
	start += len("\nimport (\n")
	end := bytes.Index(src[start:], []byte("\n)\n"))
	if end < 0 {
		return src
	}
	end += start
	var std, other []string
	for _, line := range strings.Split(string(src[start:end]), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if isStdImport(line) {
			std = append(std, line)
		} else {
			other = append(other, line)
		}
	}
	if len(std) == 0 || len(other) == 0 {
		return src
	}
	var b bytes.Buffer
	b.Write(src[:start])
	b.WriteString(strings.Join(std, "\n"))
	b.WriteString("\n\n")
	b.WriteString(strings.Join(other, "\n"))
	b.Write(src[end:])
	return b.Bytes()
}

// isStdImport reads an import line ("\talias \"path\"") as the standard
// library's when the path's first element has no dot.
func isStdImport(line string) bool {
	q := strings.IndexByte(line, '"')
	if q < 0 {
		return true
	}
	path := strings.Trim(line[q:], "\"")
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
