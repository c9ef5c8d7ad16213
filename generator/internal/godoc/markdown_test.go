package godoc

import (
	"strings"
	"testing"
)

func TestFromMarkdown(t *testing.T) {
	tests := []struct {
		name, md, want string
	}{
		{"empty", "", ""},
		{"blank", "  \n\n\t\n", ""},
		{"plain", "Refreshes the session.", "Refreshes the session."},
		{"trimmed", "\n\n   Refreshes the session.   \n\n", "Refreshes the session."},
		{"paragraphs", "One.\n\nTwo\nlines.", "One.\n\nTwo lines."},
		{
			"wrap at 80",
			strings.Repeat("word ", 40),
			strings.TrimSpace(strings.Repeat("word ", 16)) + "\n" +
				strings.TrimSpace(strings.Repeat("word ", 16)) + "\n" +
				strings.TrimSpace(strings.Repeat("word ", 8)),
		},
		{"long word kept whole", "see " + strings.Repeat("x", 90) + " end", "see\n" + strings.Repeat("x", 90) + "\nend"},
		{"emphasis and code", "Use *this*, **that**, _and_ `code` or ~~not~~.", "Use this, that, and code or not."},
		{"escapes and entities", `A \*literal\* star &amp; an &eacute; and &#65;.`, "A *literal* star & an é and A."},
		{"hard breaks", "one  \ntwo\\\nthree<br>four", "one\ntwo\nthree\nfour"},
		{"heading", "# Title\n\nBody.", "# Title\n\nBody."},
		{"heading levels and markup", "### The `sessions` *API*\n\nBody.", "# The sessions API\n\nBody."},
		{"setext heading", "Title\n=====\n\nBody text here.", "# Title\n\nBody text here."},
		{
			"inline link",
			"See [the docs](https://example.com/docs) now.",
			"See [the docs] now.\n\n[the docs]: https://example.com/docs",
		},
		{
			"links deduplicated in order",
			"[b](https://b.example) [a](https://a.example) [b](https://b.example)",
			"[b] [a] [b]\n\n[b]: https://b.example\n[a]: https://a.example",
		},
		{
			"same text, other URL",
			"[here](https://a.example) and [here](https://b.example)",
			"[here] and here (https://b.example)\n\n[here]: https://a.example",
		},
		{
			"reference link",
			"Read [the guide][g].\n\n[g]: https://example.com/guide",
			"Read [the guide].\n\n[the guide]: https://example.com/guide",
		},
		{"relative link keeps text", "See [settings](/api/config#settings).", "See settings."},
		{"link text is the URL", "[https://x.example/a](https://x.example/a)", "https://x.example/a"},
		{"empty link text", "[](https://x.example/a)", "https://x.example/a"},
		{"autolink", "Go to <https://example.com/a?b=c>.", "Go to https://example.com/a?b=c."},
		{"bare URL with underscores", "Call https://example.com/a_b_c_ now", "Call https://example.com/a_b_c_ now"},
		{"image", "![a diagram](https://example.com/d.png) shows it", "a diagram shows it"},
		{"inline html", "Some <b>bold</b> and <span class=\"x\">span</span> text", "Some bold and span text"},
		{
			"html block",
			"<p>First &amp; <i>only</i></p>\n<ul><li>a</li><li>b</li></ul>",
			"First & only\n\na\nb",
		},
		{"html comment", "<!-- hidden -->\n\nShown.", "Shown."},
		{
			"html heading and table",
			"<h3>Params</h3>\n<table><tr><th>name</th><th>type</th></tr><tr><td>id</td><td>string</td></tr></table>",
			"# Params\n\n\t| name | type   |\n\t| ---- | ------ |\n\t| id   | string |",
		},
		{"script dropped", "<script>alert('*/')</script>\n\nText.", "Text."},
		{
			"bullet list",
			"Intro.\n\n- one\n- two\n* three",
			// "*" starts a second Markdown list; doc comments merge the two.
			"Intro.\n\n  - one\n\n  - two\n\n  - three",
		},
		{
			"numbered list",
			"Intro.\n\n1. one\n2. two\n3. three",
			"Intro.\n\n 1. one\n 2. two\n 3. three",
		},
		{"numbered list start", "Intro.\n\n7) seven\n8) eight", "Intro.\n\n 7. seven\n 8. eight"},
		{
			"list item wrapped",
			"Intro.\n\n- " + strings.Repeat("long ", 20) + "- tail",
			"Intro.\n\n  - " + strings.TrimSpace(strings.Repeat("long ", 15)) + "\n    long long long long long - tail",
		},
		{
			"loose list",
			"Intro.\n\n- one\n\n- two",
			"Intro.\n\n  - one\n\n  - two",
		},
		{
			"nested bullets flattened",
			"Intro.\n\n- one\n  - one.a\n  1. one.b\n- two",
			"Intro.\n\n  - one\n  - one.a\n  - 1. one.b\n  - two",
		},
		{
			"nested in numbered list",
			"Intro.\n\n1. one\n   - sub a\n   - sub b\n2. two",
			"Intro.\n\n 1. one\n    - sub a\n    - sub b\n 2. two",
		},
		{
			"code in list item",
			"Intro.\n\n1. Run:\n\n   ```\n   go test\n   ```\n2. Done",
			"Intro.\n\n 1. Run:\n\n    go test\n\n 2. Done",
		},
		{
			"fenced code",
			"Example:\n\n```json\n{\n  \"a\": 1\n}\n```\n\nDone.",
			"Example:\n\n\t{\n\t  \"a\": 1\n\t}\n\nDone.",
		},
		{"indented code", "Example:\n\n    curl -X GET \\\n      https://x.example\n", "Example:\n\n\tcurl -X GET \\\n\t  https://x.example"},
		{"code keeps markup", "Example:\n\n```\n*not emphasis* [x](y) */\n```", "Example:\n\n\t*not emphasis* [x](y) * /"},
		{
			"gfm table",
			"Fields:\n\n| Name | Description |\n|---|---|\n| id | The [ID](https://x.example/id) |\n| `n` | count |",
			"Fields:\n\n\t| Name | Description                   |\n\t| ---- | ----------------------------- |\n\t| id   | The ID (https://x.example/id) |\n\t| n    | count                         |",
		},
		{"blockquote", "> Quoted *text*.\n\nAfter.", "Quoted text.\n\nAfter."},
		{"thematic break", "Before.\n\n---\n\nAfter.", "Before.\n\nAfter."},
		{"comment terminator", "Matches a/*/b and */ alone.", "Matches a/* /b and * / alone."},
		{"comment terminator across nodes", "a*\\/b and *", "a* /b and *"},
		{"heading-like text", "Overview\n\nThe body follows.", "# Overview\n\nThe body follows."},
		{"control characters", "bell\x07 and\r\nCRLF and nul\x00.", "bell and CRLF and nul\uFFFD."},
		{"escaped hash", "Issue\n\\# 42 is fixed", "Issue # 42 is fixed"},
		// An ATX heading interrupts a paragraph; the one-line paragraph left
		// before it is then an old-style heading for gofmt.
		{"heading after one line", "Issue\n# 42 is fixed", "# Issue\n\n# 42 is fixed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FromMarkdown(tt.md)
			if got != tt.want {
				t.Errorf("FromMarkdown(%q)\ngot:\n%s\nwant:\n%s\n(got %q)", tt.md, got, tt.want, got)
			}
			checkOutput(t, tt.md, got)
		})
	}
}

// TestListMarkersNeverStartLines checks that wrapping never puts a word that
// would read as a list marker at the start of a continuation line.
func TestListMarkersNeverStartLines(t *testing.T) {
	for _, md := range []string{
		"Intro.\n\n- " + strings.Repeat("aaaa ", 15) + "aa - b - c - d - e",
		"Intro.\n\n1. " + strings.Repeat("aaaa ", 15) + "aaa 2. b 3) c 44. d",
	} {
		out := FromMarkdown(md)
		for _, l := range strings.Split(out, "\n")[3:] {
			w := strings.Fields(l)
			if len(w) > 0 && strings.HasPrefix(l, "    ") && (isBulletMarker(w[0]) || isNumberMarker(w[0])) {
				t.Errorf("continuation line starts with a marker: %q in\n%s", l, out)
			}
		}
		checkOutput(t, md, out)
	}
}
