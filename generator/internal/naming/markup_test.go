package naming

import "testing"

func TestStripTags(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`Get boilerplate VCL with the service's TTL from the <a href="/api/config#settings">settings</a>`, `Get boilerplate VCL with the service's TTL from the settings`},
		{"List <b>all</b> users<br/>", "List all users"},
		{"a < b > c", "a < b > c"},
		{"1 <2 and 3> 0", "1 <2 and 3> 0"},
	} {
		if got := StripTags(c.in); got != c.want {
			t.Errorf("StripTags(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := Exported(StripTags(`Get TTL from the <a href="/api/config#settings">settings</a>`), "X"); got != "GetTTLFromTheSettings" {
		t.Errorf("method name %q", got)
	}
}
