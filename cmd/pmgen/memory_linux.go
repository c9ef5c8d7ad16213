package main

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"unsafe"

	"golang.org/x/sys/unix"
)

// hugePage is the size of a transparent huge page on the platforms Go
// runs Linux on (x86-64, arm64 with 4 KiB base pages).
const hugePage = 2 << 20

// hugePageHeap has the heap the run is about to grow into backed by huge
// pages where the kernel offers them only on request (transparent huge
// pages in "madvise" mode, the default of most distributions).
//
// Every fresh 4 KiB page a run touches costs a page fault, and a run
// touches all of its peak heap: on Fastly that was 14,000 faults, a third
// of the CPU time, and faults taken by both cores at once partly wait on
// each other. With 2 MiB pages the same heap takes a few dozen.
//
// Go maps heap memory as the heap grows, and a mapping made later does
// not carry advice given earlier, so the heap is first grown by size in
// one piece: a byte slice of that size, fresh memory that nothing
// touches. That mapping is advised, and the slice is collected at once,
// so that the allocations of the run land in it. Advice the kernel does
// not take (huge pages disabled, another OS) changes nothing, and
// GODEBUG=disablethp=1, Go's own switch for huge pages, turns it off.
func hugePageHeap(size int64) {
	if size < 2*hugePage || thpDisabled(os.Getenv("GODEBUG")) || !mayReserve() {
		return
	}
	adviseFresh(size)
	runtime.GC()
}

// adviseFresh allocates size bytes of fresh heap and asks for huge pages
// on the whole 2 MiB pages of it; the memory is garbage when it returns.
func adviseFresh(size int64) {
	b := make([]byte, size)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	lo := (p+hugePage-1)&^(hugePage-1) - p
	hi := (p+uintptr(size))&^(hugePage-1) - p
	_ = unix.Madvise(b[lo:hi], unix.MADV_HUGEPAGE) // declined advice is harmless
}

// mayReserve reports whether the heap may be grown ahead of its use (see
// hugePageHeap): not in a 32-bit process, under a limit on address space (ulimit -v) or
// with strict overcommit, where memory nothing touches still counts and a
// failed allocation would end the run rather than slow it.
func mayReserve() bool {
	if strconv.IntSize < 64 {
		return false
	}
	var lim unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_AS, &lim); err != nil || lim.Cur != unix.RLIM_INFINITY {
		return false
	}
	mode, err := os.ReadFile("/proc/sys/vm/overcommit_memory")
	return err == nil && strings.TrimSpace(string(mode)) != "2"
}

// thpDisabled reports whether godebug (GODEBUG's value) sets disablethp
// to a number other than 0; as in the runtime, the last setting wins.
func thpDisabled(godebug string) bool {
	off := false
	for _, kv := range strings.Split(godebug, ",") {
		if k, v, ok := strings.Cut(strings.TrimSpace(kv), "="); ok && k == "disablethp" {
			n, err := strconv.Atoi(v)
			off = err == nil && n != 0
		}
	}
	return off
}
