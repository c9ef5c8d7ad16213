package infer

import "testing"

func TestKeysAreData(t *testing.T) {
	tests := []struct {
		keys []string
		want bool
	}{
		{[]string{"id", "name"}, false},
		{[]string{"@odata.context", "value"}, false},
		{[]string{"Content-Type", "X-Rate-Limit"}, false},
		{[]string{"first name", "last name"}, false},
		{[]string{"名前", "ça"}, false},
		{[]string{"1", "2", "30"}, true},
		{[]string{"-1", "2.5"}, true},
		{[]string{"3f2504e0-4f89-11d3-9a0c-0305e82c3301"}, true},
		{[]string{"2024-02-29", "2024-03-01T00:00:00Z"}, true},
		{[]string{"5f2b6c1e9d3a4b7c8e0f1a2b", "d41d8cd98f00b204e9800998ecf8427e"}, true},
		{[]string{"deadbeefcafebabe"}, false}, // hex letters only: could be a word
		{[]string{"ann@example.com"}, true},
		{[]string{"/pets", "/pets/{id}"}, true},
		{[]string{"https://example.com/a"}, true},
		{[]string{"total", "1"}, false},
		{[]string{""}, true},
		{[]string{"a", "b\"c"}, true},
		{[]string{"a", `b\c`}, true},
		{[]string{"a", "b,c"}, true},
		{[]string{"a", "b'c"}, true},
		{[]string{"a", "tab\there"}, true},
		{[]string{"a", "😀"}, true},
		{[]string{"-"}, false}, // a valid tag when spelled `json:"-,"`
		{[]string{"a+b", "c"}, false},
		{[]string{"a b!", "c?d", "e(f)", "g+h", "i*j", "k%l", "m&n", "o"}, true},
		{[]string{"a b!", "c?d", "e(f)", "g", "h", "i", "j", "k"}, false},
		{[]string{"1a", "2b", "3c", "4d", "5e", "x", "y", "z", "w"}, true},
		{[]string{"1a", "2b", "3c", "4d", "x", "y", "z", "w", "v"}, false}, // not most
	}
	for _, tc := range tests {
		fields := make([]*field, len(tc.keys))
		for i, k := range tc.keys {
			fields[i] = &field{key: k}
		}
		if got := keysAreData(fields); got != tc.want {
			t.Errorf("keysAreData(%q) = %v, want %v", tc.keys, got, tc.want)
		}
	}
}
