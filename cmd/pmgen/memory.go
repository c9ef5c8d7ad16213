package main

import (
	"os"
	"runtime/debug"
)

// minMemoryLimit is the smallest soft memory limit limitMemory sets. Below
// it the collector would run all the time on small collections, whose
// live data is mostly the runtime's own.
const minMemoryLimit = 64 << 20

// tuneMemory sets the memory limit for a run over the collection files ins
// and, when they are large enough for it to pay, has the heap backed by
// huge pages.
func tuneMemory(ins ...string) {
	if limit, size := limitMemory(ins...); size >= hugePageMinInput {
		// Three quarters: the whole limit took fewer faults on 20,000
		// synthetic requests but more time (19.7 s against 16.6 s).
		hugePageHeap(limit * 3 / 4)
	}
}

// limitMemory sets a soft limit on the Go heap of nine times the size of
// the collection files ins. A project's packages are rendered one after
// another and held until all are written, so the limit follows the sum
// of their collections, which bounds the largest one's run.
//
// By default the collector lets the heap grow to twice what is live, and
// while a collection is loaded its live data is three to six times the
// file, so a large collection would peak at ten to twelve times its size;
// the limit makes the collector work harder only near that peak. Nine,
// not ten, leaves room under ten times the file for what the process
// holds besides the heap (the binary's pages, stacks, the collector's
// own): synthetic 5,000 requests (27.7 MB) peak at 259 MB of RSS under
// it, against 281 MB under ten times, as fast. That room is partly fixed,
// so below 17 MB the limit is ten times the file less outsideLimit
// instead.
//
// An explicit GOMEMLIMIT wins, and a run with an input that is not a
// local file (postman:, git:), whose size is unknown, keeps the default.
// It returns the limit it set and the files' size, 0 and 0 for none.
func limitMemory(ins ...string) (limit, size int64) {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set || len(ins) == 0 {
		return 0, 0
	}
	for _, in := range ins {
		fi, err := os.Stat(in)
		if err != nil || !fi.Mode().IsRegular() {
			return 0, 0
		}
		size += fi.Size()
	}
	limit = max(min(heapFactor*size, 10*size-outsideLimit), minMemoryLimit)
	debug.SetMemoryLimit(limit)
	// Under the minimum limit, far above what a small collection's run
	// holds, the collector may wait for the heap to grow to five times
	// what is live rather than twice, and the run stops paying for a
	// collection at every doubling of a young heap (Fastly, 15 alternating
	// runs: 208 ms, against 217 ms at GOGC=200 and 241 ms at the default).
	//
	// A limit that follows the file's size keeps Go's default. While a
	// large collection is emitted, three to four and a half times the file
	// is live, and five times that is past the limit. The limit, not GOGC,
	// would then pace the collector, and a heap kept at the limit is slow:
	// the scavenger keeps returning its top to the system and the run
	// faults it back in. Synthetic collections, GOGC=400 against the
	// default, medians of 4 alternating runs: 20,000 requests (111 MB)
	// 12.9 -> 9.3 s and 153,000 -> 89,000 page faults; 5,000 requests
	// 2.66 -> 2.46 s; 2,000 requests (11 MB) 1.11 -> 0.98 s; no higher
	// peak. An explicit GOGC wins.
	if _, set := os.LookupEnv("GOGC"); !set && limit == minMemoryLimit {
		debug.SetGCPercent(gcPercent)
	}
	return limit, size
}

// heapFactor is the soft heap limit as a multiple of the collection's size.
const heapFactor = 9

// outsideLimit is what a run's peak RSS holds beyond the memory the limit
// bounds, whatever the collection: the binary's pages and the runtime's
// own (pmgen -h peaks at 12 MiB). Under nine times the file it would take
// a collection of 8 to 11 MB to ten times its size or past it (synthetic
// 1,600 requests, 8.9 MB: 86 MiB, 10.1x; 1,800, 10.0 MB: 96 MiB, 10.0x).
const outsideLimit = 16 << 20

// gcPercent is the GOGC limitMemory sets next to the minimum limit.
const gcPercent = 400

// hugePageMinInput is the smallest collection file whose run asks for
// huge pages: below it a run touches so little memory that
// clearing whole 2 MiB pages costs more than the faults it saves (a 3 kB
// collection: 52 -> 59 ms; 21 kB: 67 ms either way; 36 kB: 90 -> 73 ms).
const hugePageMinInput = 16 << 10
