package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

func init() {
	// hugePageHeap in a process of its own: it prints how many more bytes
	// carry the huge page advice afterwards. In the test process, a
	// slice may reuse memory an earlier call already advised.
	probes["pmgen-hugepages-probe"] = func() {
		before, err := advisedBytes()
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		hugePageHeap(32 << 20)
		after, err := advisedBytes()
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		fmt.Println(after - before)
		os.Exit(0)
	}
}

func TestHugePageHeap(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(mode), "[never]") {
		t.Skip("this kernel offers no transparent huge pages")
	}
	for _, tc := range []struct {
		godebug string
		// min and max bound the bytes newly advised: 32 MiB asked for
		// covers at least 30 MiB of whole 2 MiB pages.
		min, max int64
	}{
		{"", 30 << 20, 32 << 20},
		{"madvdontneed=1,disablethp=1", 0, 0},
		{"disablethp=2", 0, 0},
	} {
		cmd := exec.Command(os.Args[0])
		cmd.Args[0] = "pmgen-hugepages-probe"
		cmd.Env = append(os.Environ(), "GODEBUG="+tc.godebug)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("GODEBUG=%q: %v\n%s", tc.godebug, err, out)
		}
		got, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64)
		if err != nil {
			t.Fatalf("GODEBUG=%q: %v", tc.godebug, err)
		}
		if got < tc.min || got > tc.max {
			t.Errorf("GODEBUG=%q: huge pages were asked for on %d more bytes, want %d to %d", tc.godebug, got, tc.min, tc.max)
		}
	}
}

// advisedBytes is the size of this process's mappings that carry the
// huge page advice ("hg" in /proc/self/smaps).
func advisedBytes() (int64, error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return 0, err
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
	return total, sc.Err()
}

func TestTHPDisabled(t *testing.T) {
	for godebug, want := range map[string]bool{
		"":                            false,
		"disablethp=1":                true,
		"disablethp=2":                true,
		"disablethp=0":                false,
		"disablethp=x":                false,
		"gctrace=1, disablethp=1":     true,
		"disablethp=1,disablethp=0":   false,
		"madvdontneed=1":              false,
		"xdisablethp=1,disablethp=00": false,
	} {
		if got := thpDisabled(godebug); got != want {
			t.Errorf("thpDisabled(%q) = %v, want %v", godebug, got, want)
		}
	}
}
