package main

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

func TestLimitMemory(t *testing.T) {
	// GOMEMLIMIT may be set where the tests run; each case states its own.
	prev := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(prev) })
	dir := t.TempDir()
	file := func(name string, size int64) string {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		return p
	}
	large, mid, small := file("large.json", 20<<20), file("mid.json", 10<<20), file("small.json", 1<<10)

	prevGC := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(prevGC) })
	for _, tc := range []struct {
		name      string
		ins       []string
		env, gogc string
		want      int64
		wantGC    int
	}{
		{"nine times a large collection, with the default GOGC", []string{large}, "", "", 180 << 20, 100},
		{"ten times less what lies outside the limit, for a mid-sized one", []string{mid}, "", "", 84 << 20, 100},
		{"the minimum for a small one", []string{small}, "", "", minMemoryLimit, gcPercent},
		{"a project's collections together", []string{large, mid, small}, "", "", 9 * (30<<20 + 1<<10), 100},
		{"GOGC wins", []string{small}, "", "100", minMemoryLimit, 100},
		{"GOMEMLIMIT wins", []string{large}, "1GiB", "", math.MaxInt64, 100},
		{"not a local file", []string{"postman:12345-abc"}, "", "", math.MaxInt64, 100},
		{"a project with an input that is not a local file", []string{large, "git:main:api.json"}, "", "", math.MaxInt64, 100},
		{"a directory", []string{dir}, "", "", math.MaxInt64, 100},
		{"no input", nil, "", "", math.MaxInt64, 100},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// t.Setenv restores the variable afterwards, also when it is
			// then unset here.
			t.Setenv("GOMEMLIMIT", tc.env)
			if tc.env == "" {
				os.Unsetenv("GOMEMLIMIT")
			}
			t.Setenv("GOGC", tc.gogc)
			if tc.gogc == "" {
				os.Unsetenv("GOGC")
			}
			debug.SetMemoryLimit(math.MaxInt64)
			debug.SetGCPercent(100)
			set, _ := limitMemory(tc.ins...)
			if got := debug.SetMemoryLimit(-1); got != tc.want {
				t.Errorf("memory limit = %d, want %d", got, tc.want)
			}
			// It returns the limit it set, 0 when it left the default.
			if tc.want == math.MaxInt64 && set != 0 || tc.want != math.MaxInt64 && set != tc.want {
				t.Errorf("limitMemory returned %d; the limit is %d", set, tc.want)
			}
			if got := debug.SetGCPercent(100); got != tc.wantGC {
				t.Errorf("GOGC = %d, want %d", got, tc.wantGC)
			}
		})
	}
}
