package pmruntime

import (
	"net/url"
	"testing"
)

// TestCheckOrigin: a missing or unusable URL fails the call with the method
// and the option to pass; an absolute URL passes.
func TestCheckOrigin(t *testing.T) {
	for _, tc := range []struct {
		value, want string
	}{
		{"", "pmruntime: Items.Next: no URL for nextLink: pass WithNextLink"},
		{"/", `pmruntime: Items.Next: "/" is not an absolute URL: pass WithNextLink`},
		{"https://{{apihost}", `pmruntime: Items.Next: "https://{{apihost}" is not an absolute URL: pass WithNextLink`},
		{"https://", `pmruntime: Items.Next: "https://" is not an absolute URL: pass WithNextLink`},
		{"https://api.example.com/v1", ""},
		{"http://127.0.0.1:8080", ""},
		{"https://user:pw@api.example.com", ""},
		{"https://[::1]:443/x", ""},
		{"https://%zz/", `pmruntime: Items.Next: "https://%zz/" is not an absolute URL: pass WithNextLink`},
		{"1http://h/", `pmruntime: Items.Next: "1http://h/" is not an absolute URL: pass WithNextLink`},
		{"https://h{/", `pmruntime: Items.Next: "https://h{/" is not an absolute URL: pass WithNextLink`},
	} {
		err := checkOrigin("Items.Next", "WithNextLink", "nextLink", tc.value)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("checkOrigin(%q) = %q, want %q", tc.value, got, tc.want)
		}
	}
}

// plainOrigin's fast verdict agrees with url.Parse wherever it gives one.
func TestPlainOriginAgreesWithParse(t *testing.T) {
	for _, v := range []string{
		"https://api.example.com", "http://127.0.0.1:8080/a?b", "HTTPS://X.Y", "git+ssh://host/x",
		"a://b", "https://", "://h", "https//h", "https://h{", "https://h h/", "1a://h",
	} {
		if !plainOrigin(v) {
			continue
		}
		if u, err := url.Parse(v); err != nil || u.Scheme == "" || u.Host == "" {
			t.Errorf("plainOrigin(%q) = true, but url.Parse gives %v, %v", v, u, err)
		}
	}
}

// BenchmarkCheckOrigin: the check on every call allocates nothing for a
// usable URL.
func BenchmarkCheckOrigin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := checkOrigin("Items.Next", "WithBaseURL", "baseUrl", "https://api.example.com/v1"); err != nil {
			b.Fatal(err)
		}
	}
}
