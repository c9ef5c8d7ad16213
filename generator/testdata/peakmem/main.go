// Command peakmem runs pmgen's pipeline once, writing a fresh package, and
// reports its peak memory two ways: the peak resident set (VmHWM), and the
// peak of the part that is not pages of the binary itself (RssAnon,
// sampled every 2 ms from /proc/self/status). The binary's pages are
// file-backed and shared through the page cache; `pmgen -h` alone keeps
// 8.7 MB of them resident, and a run that executes the emitters about 13.
// It calls generator.Generate, so the command's soft memory limit is not
// set. Linux only.
//
//	go build -o /tmp/peakmem ./generator/testdata/peakmem
//	/tmp/peakmem COLLECTION DIR
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/pmgen/pmgen/generator"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: peakmem COLLECTION DIR")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "peakmem:", err)
		os.Exit(1)
	}
}

func run(collection, dir string) error {
	fi, err := os.Stat(collection)
	if err != nil {
		return err
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	var peakAnon atomic.Int64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		for {
			if kb := statusKB("RssAnon:"); kb > peakAnon.Load() {
				peakAnon.Store(kb)
			}
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	_, err = generator.Generate(generator.Config{In: collection, Out: dir})
	close(stop)
	<-sampled
	if err != nil {
		return err
	}
	size := float64(fi.Size())
	hwm, anon := float64(statusKB("VmHWM:"))*1024, float64(peakAnon.Load())*1024
	fmt.Printf("%s: %.2f MB; peak RSS %.1f MB (%.1f×); peak RssAnon %.1f MB (%.1f×); RssFile at the end %.1f MB\n",
		collection, size/1e6, hwm/1e6, hwm/size, anon/1e6, anon/size, float64(statusKB("RssFile:"))*1024/1e6)
	return nil
}

// statusKB reads one "Name:   123 kB" line of /proc/self/status; 0 when
// it is missing.
func statusKB(name string) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if rest, ok := bytes.CutPrefix(sc.Bytes(), []byte(name)); ok {
			fields := bytes.Fields(rest)
			if len(fields) > 0 {
				kb, _ := strconv.ParseInt(string(fields[0]), 10, 64)
				return kb
			}
		}
	}
	return 0
}
