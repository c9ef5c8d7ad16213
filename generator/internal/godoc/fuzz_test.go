package godoc

import (
	"strings"
	"testing"
)

// FuzzFromMarkdown checks that no input panics and that every result keeps
// the promises: no "*/", no trailing spaces, trimmed, gofmt-stable.
func FuzzFromMarkdown(f *testing.F) {
	for _, s := range []string{
		"", "# h", "- a\n- b", "1. a\n   - b", "```\ncode */\n```", "[a](https://x) [a](https://y)",
		"| a | b |\n|---|---|\n| 1 | 2 |", "<table><tr><td>x</td></tr></table>", "<h1>x</h1>",
		"a  \nb", "> q\n> - l", "* * *", "*/", "\\*/", "[x]: https://y\n\n[x]", "    code\n- l",
		"- a\n\n      code\n- b", "![i](u)", "<b>unclosed", "&nbsp;&#0;", "Title\n===\n\ntext",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		out := FromMarkdown(md)
		if strings.Contains(out, "*/") {
			t.Fatalf("output contains */: %q", out)
		}
		for _, l := range strings.Split(out, "\n") {
			if strings.TrimRight(l, " \t") != l {
				t.Fatalf("trailing space in line %q of %q", l, out)
			}
		}
		if strings.HasPrefix(out, "\n") || strings.HasSuffix(out, "\n") {
			t.Fatalf("surrounding blank lines: %q", out)
		}
		if out != "" && strings.TrimSpace(out) == "" {
			t.Fatalf("blank output %q", out)
		}
		if FromMarkdown(md) != out {
			t.Fatalf("not deterministic for %q", md)
		}
		checkOutput(t, md, out)
	})
}
