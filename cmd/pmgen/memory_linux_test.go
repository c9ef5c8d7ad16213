package main

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestHugePageHeap(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(mode), "[never]") {
		t.Skip("this kernel offers no transparent huge pages")
	}
	t.Setenv("GODEBUG", "")
	before := advisedBytes(t)
	hugePageHeap(32 << 20)
	// The advice covers the whole 2 MiB pages of the 32 MiB: at least 30.
	if got := advisedBytes(t) - before; got < 30<<20 {
		t.Errorf("huge pages were asked for on %d more bytes, want at least 30 MiB", got)
	}

	t.Setenv("GODEBUG", "madvdontneed=1,disablethp=1")
	before = advisedBytes(t)
	hugePageHeap(32 << 20)
	if got := advisedBytes(t) - before; got > 0 {
		t.Errorf("with disablethp=1, huge pages were asked for on %d more bytes", got)
	}
}

// advisedBytes is the size of this process's mappings that carry the
// huge page advice ("hg" in /proc/self/smaps).
func advisedBytes(t *testing.T) int64 {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	var total, size int64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) == 3 && fields[0] == "Size:":
			kb, _ := strconv.ParseInt(fields[1], 10, 64)
			size = kb << 10
		case len(fields) > 0 && fields[0] == "VmFlags:":
			for _, fl := range fields[1:] {
				if fl == "hg" {
					total += size
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return total
}

func TestTHPDisabled(t *testing.T) {
	for godebug, want := range map[string]bool{
		"":                            false,
		"disablethp=1":                true,
		"disablethp=0":                false,
		"gctrace=1, disablethp=1":     true,
		"disablethp=1,disablethp=0":   false,
		"madvdontneed=1":              false,
		"xdisablethp=1,disablethp=11": false,
	} {
		if got := thpDisabled(godebug); got != want {
			t.Errorf("thpDisabled(%q) = %v, want %v", godebug, got, want)
		}
	}
}
