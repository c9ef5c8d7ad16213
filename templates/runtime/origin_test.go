package pmruntime

import "testing"

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
