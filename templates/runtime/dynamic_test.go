package pmruntime

import (
	"regexp"
	"testing"
)

// TestDynamicValues: each dynamic variable gives a value of its shape, and
// a fresh one per call where Postman's does.
func TestDynamicValues(t *testing.T) {
	cases := []struct {
		name string
		f    func() string
		re   string
	}{
		{"guid", dynamicGUID, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`},
		{"randomUUID", dynamicRandomUUID, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`},
		{"timestamp", dynamicTimestamp, `^[0-9]{10}$`},
		{"isoTimestamp", dynamicIsoTimestamp, `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`},
		{"randomInt", dynamicRandomInt, `^[0-9]+$`},
		{"randomBoolean", dynamicRandomBoolean, `^(true|false)$`},
		{"randomHexColor", dynamicRandomHexColor, `^#[0-9a-f]{6}$`},
		{"randomIP", dynamicRandomIP, `^\d+\.\d+\.\d+\.\d+$`},
		{"randomEmail", dynamicRandomEmail, `^[^@\s]+@[^@\s]+\.[a-z]+$`},
		{"randomSemver", dynamicRandomSemver, `^\d+\.\d+\.\d+$`},
	}
	for _, tc := range cases {
		re := regexp.MustCompile(tc.re)
		for range 20 {
			if v := tc.f(); !re.MatchString(v) {
				t.Errorf("{{$%s}} = %q, want a match of %s", tc.name, v, tc.re)
				break
			}
		}
	}
	if dynamicGUID() == dynamicGUID() {
		t.Error("{{$guid}} repeated itself")
	}
}
