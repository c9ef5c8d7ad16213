package wire

import "testing"

func TestFormEscape(t *testing.T) {
	for in, want := range map[string]string{
		"a b":     "a%20b",
		"x+y=z&w": "x%2By%3Dz%26w",
		"-._~":    "-._~",
		"!'()*":   "%21%27%28%29%2A",
		"½":       "%C2%BD",
		"a[]":     "a%5B%5D",
	} {
		if got := formEscape(in); got != want {
			t.Errorf("formEscape(%q) = %q, want %q", in, got, want)
		}
	}
}
