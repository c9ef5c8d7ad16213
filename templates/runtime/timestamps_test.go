package pmruntime

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// TestTimestampKey: the spellings time.Time rewrites compare equal; other
// instants, offsets and strings do not.
func TestTimestampKey(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"2020-01-01T00:00:00.000Z", "2020-01-01T00:00:00Z", true},
		{"2020-01-01T00:00:00.120Z", "2020-01-01T00:00:00.12Z", true},
		{"2020-01-01T00:00:00+00:00", "2020-01-01T00:00:00Z", true},
		{"2020-01-01T00:00:00.500-00:00", "2020-01-01T00:00:00.5Z", true},
		{"2020-01-01T05:30:00+05:30", "2020-01-01T05:30:00+05:30", true},
		{"2020-01-01T00:00:00.1234567891Z", "2020-01-01T00:00:00.123456789Z", false},
		{"2020-01-01T05:30:00+05:30", "2020-01-01T00:00:00Z", false},
		{"2020-01-01T00:00:00.1Z", "2020-01-01T00:00:00.01Z", false},
		{"2020-01-01T00:00:00", "2020-01-01T00:00:00Z", false},
		{"1.000Z", "1Z", false},
	}
	for _, tc := range tests {
		if got := timestampKey(tc.a) == timestampKey(tc.b); got != tc.same {
			t.Errorf("timestampKey(%q) == timestampKey(%q) is %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
}

// TestTimestampsCompareByValue: a body decoded into time.Time fields and
// encoded again equals the example it came from, as the generated tests
// compare them, although its text differs.
func TestTimestampsCompareByValue(t *testing.T) {
	const example = `{"at":"2020-01-01T00:00:00.000Z","until":"2020-06-01T12:00:00.250+00:00","tz":"2020-01-01T01:00:00+01:00"}`
	var v struct {
		At    time.Time `json:"at"`
		Until time.Time `json:"until"`
		TZ    time.Time `json:"tz"`
	}
	if err := json.Unmarshal([]byte(example), &v); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) == example {
		t.Fatalf("time.Time kept the example's spelling; the test shows nothing")
	}
	got, err := decodeJSON(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := decodeJSON([]byte(example))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s differs from %s", out, example)
	}
	other, _ := decodeJSON([]byte(`{"at":"2020-01-01T00:00:00.001Z","until":"2020-06-01T12:00:00.25Z","tz":"2020-01-01T01:00:00+01:00"}`))
	if reflect.DeepEqual(other, want) {
		t.Errorf("another instant compares equal")
	}
	if !sameJSON("2020-01-01T00:00:00.000Z", "2020-01-01T00:00:00Z") || sameJSON("2020-01-01T00:00:00Z", "2020-01-01T00:00:01Z") {
		t.Errorf("pm.test values do not compare timestamps by value")
	}
}
