package pmruntime

import "testing"

// TestParamsSendAsAsked: each helper sends the saved value for a field
// left at its zero value, the caller's value when the field is set or
// named in ForceSend (even empty), and nothing when it is named in Omit,
// which wins.
func TestParamsSendAsAsked(t *testing.T) {
	force, omit := []string{"Forced", "Both"}, []string{"Omitted", "Both"}
	use := func(name string, set bool) fieldUse { return paramUse(name, set, force, omit) }
	tests := []struct {
		name string
		add  func(r *request)
		want string
	}{
		{"saved", func(r *request) { r.queryParam("p", "", use("P", false), "true") }, "?p=true"},
		{"set", func(r *request) { r.queryParam("p", "a b", use("P", true), "true") }, "?p=a%20b"},
		{"forced empty", func(r *request) { r.queryParam("p", "", use("Forced", false), "true") }, "?p="},
		{"omitted", func(r *request) { r.queryParam("p", "x", use("Omitted", true), "true") }, ""},
		{"omit wins", func(r *request) { r.queryParam("p", "", use("Both", false), "true") }, ""},
		{"disabled left", func(r *request) { r.queryParam("p", "", use("P", false)) }, ""},
		{"flag saved", func(r *request) { r.queryFlag("debug", "", use("Debug", false)) }, "?debug"},
		{"flag forced", func(r *request) { r.queryFlag("debug", "", use("Forced", false)) }, "?debug="},
		{"list saved", func(r *request) { r.queryList("t", nil, use("T", false), "a", "b") }, "?t=a&t=b"},
		{"list set", func(r *request) { r.queryList("t", []string{"c"}, use("T", true), "a", "b") }, "?t=c"},
		{"list forced empty", func(r *request) { r.queryList("t", nil, use("Forced", false), "a") }, ""},
	}
	for _, tt := range tests {
		r := &request{}
		tt.add(r)
		if got := encodeQuery("", r.query, false); got != tt.want {
			t.Errorf("%s: query %q, want %q", tt.name, got, tt.want)
		}
	}
	headers := []struct {
		name string
		use  fieldUse
		want [][2]string
	}{
		{"saved", use("H", false), [][2]string{{"X-H", "saved"}}},
		{"forced empty", use("Forced", false), [][2]string{{"X-H", ""}}},
		{"omitted", use("Omitted", false), nil},
	}
	for _, tt := range headers {
		r := &request{}
		r.headerParam("X-H", "", tt.use, "saved")
		if len(r.header) != len(tt.want) || (len(tt.want) > 0 && r.header[0] != tt.want[0]) {
			t.Errorf("header %s: %q, want %q", tt.name, r.header, tt.want)
		}
	}
}
