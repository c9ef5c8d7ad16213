package infer

import (
	"encoding/json"
	"strconv"
	"testing"
	"time"
)

// TestIsTimestamp: the strings that become time.Time, and the near misses
// that stay string, each with why.
func TestIsTimestamp(t *testing.T) {
	tests := []struct {
		s    string
		want bool
		why  string
	}{
		{"2021-01-01T00:00:00Z", true, "UTC"},
		{"2021-01-01T00:00:00.000Z", true, "milliseconds; written back as ...00Z"},
		{"2021-01-01T00:00:00.123456789Z", true, "nanoseconds"},
		{"2021-01-01T00:00:00+05:30", true, "offset kept"},
		{"2021-01-01T00:00:00+00:00", true, "zero offset; written back as Z"},
		{"2021-01-01T00:00:00-00:00", true, "unknown local offset; written back as Z"},
		{"2021-01-01T00:00:00-23:59", true, "largest offset"},
		{"0000-01-01T00:00:00Z", true, "year zero"},
		{"2024-02-29T12:00:00Z", true, "leap day"},

		{"", false, "empty"},
		{"2021-01-01", false, "a date alone"},
		{"2021-01-01T00:00:00", false, "no offset: Go cannot place it"},
		{"2021-01-01 00:00:00Z", false, "space for T"},
		{"2021-01-01t00:00:00z", false, "lower-case t and z, which Go rejects"},
		{"2021-01-01T00:00:00+0100", false, "offset without colon"},
		{"2021-01-01T00:00Z", false, "no seconds"},
		{"2021-01-01T1:00:00Z", false, "one-digit hour: Go reads it, then rewrites it"},
		{"2021-01-01T00:00:00,123Z", false, "comma fraction: Go reads it, then rewrites it"},
		{"2021-01-01T00:00:00.1234567891Z", false, "ten fraction digits: Go cuts them to nine"},
		{"2021-01-01T00:00:00.Z", false, "empty fraction"},
		{"2021-01-01T00:00:00+24:00", false, "offset hour 24: Go reads it, cannot write it"},
		{"2021-01-01T00:00:00+01:60", false, "offset minute 60: Go reads it as +02:00"},
		{"2021-02-30T00:00:00Z", false, "no such day"},
		{"2021-13-01T00:00:00Z", false, "no such month"},
		{"2021-01-01T24:00:00Z", false, "hour 24"},
		{"2016-12-31T23:59:60Z", false, "leap second, which Go rejects"},
		{"2021-01-01T00:00:00Z ", false, "trailing space"},
		{" 2021-01-01T00:00:00Z", false, "leading space"},
		{"+2021-01-01T00:00:00Z", false, "signed year"},
		{"20210101T000000Z", false, "basic ISO 8601 format"},
		{"2021-W01-1T00:00:00Z", false, "week date"},
		{"1609459200", false, "Unix seconds as a string"},
		{"Fri, 01 Jan 2021 00:00:00 GMT", false, "RFC 1123"},
		{"{{createdAt}}", false, "a variable"},
		{"2021-01-01T00:00:00Z{{suffix}}", false, "a timestamp with a variable after it"},
	}
	for _, tc := range tests {
		t.Run(tc.why, func(t *testing.T) {
			if got := isTimestamp(tc.s); got != tc.want {
				t.Fatalf("isTimestamp(%q) = %v, want %v (%s)", tc.s, got, tc.want, tc.why)
			}
			if !tc.want {
				return
			}
			// What the rule promises: time.Time reads it and writes back
			// the same instant at the same offset.
			var tm time.Time
			if err := json.Unmarshal([]byte(strconv.Quote(tc.s)), &tm); err != nil {
				t.Fatalf("time.Time does not decode %q: %v", tc.s, err)
			}
			out, err := json.Marshal(tm)
			if err != nil {
				t.Fatalf("time.Time does not encode %q: %v", tc.s, err)
			}
			back, _ := strconv.Unquote(string(out))
			if !sameTimestamp(tc.s, back) {
				t.Errorf("%q comes back as %s", tc.s, out)
			}
		})
	}
}

// FuzzIsTimestamp: every string the rule accepts, time.Time decodes and
// writes back as the same instant at the same offset.
func FuzzIsTimestamp(f *testing.F) {
	for _, s := range []string{"2021-01-01T00:00:00Z", "2021-01-01T00:00:00.000+05:30", "2021-02-29T00:00:00Z", "9999-12-31T23:59:59.999999999-23:59"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !isTimestamp(s) {
			return
		}
		var tm time.Time
		if err := json.Unmarshal([]byte(strconv.Quote(s)), &tm); err != nil {
			t.Fatalf("isTimestamp(%q) but time.Time rejects it: %v", s, err)
		}
		out, err := json.Marshal(tm)
		if err != nil {
			t.Fatalf("isTimestamp(%q) but time.Time cannot write it: %v", s, err)
		}
		back, _ := strconv.Unquote(string(out))
		if !sameTimestamp(s, back) {
			t.Fatalf("isTimestamp(%q) but it comes back as %s", s, out)
		}
	})
}
