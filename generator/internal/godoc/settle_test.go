package godoc

import (
	"go/doc/comment"
	"strings"
	"testing"
)

// Settle's output is what gofmt prints: reprinting it changes nothing.
func TestSettleIsWhatGofmtPrints(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{
			"Get it. See [docs].\n\n[docs]: https://example.com/docs\n\nThe collection saves no typed example.",
			"Get it. See [docs].\n\nThe collection saves no typed example.\n\n[docs]: https://example.com/docs",
		},
		{
			"Lead sentence.\n\nDescription\n\nThe collection saves no typed example.",
			"Lead sentence.\n\n# Description\n\nThe collection saves no typed example.",
		},
		{
			"Lead sentence.\n\n\tDescription\n\nMore.",
			"Lead sentence.\n\n\tDescription\n\nMore.",
		},
	} {
		got := Settle(c.in)
		if got != c.want {
			t.Errorf("Settle(%q) =\n%s\nwant\n%s", c.in, got, c.want)
		}
		var p comment.Parser
		var pr comment.Printer
		if printed := strings.TrimRight(string(pr.Comment(p.Parse(got))), "\n"); printed != got {
			t.Errorf("gofmt rewrites %q as %q", got, printed)
		}
	}
}
