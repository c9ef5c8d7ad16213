// Command floorproc is BenchmarkFloor as a whole process, for comparing
// with pmgen and other generators by wall-clock time: it decodes a
// collection with encoding/json and runs go/format.Source over every .go
// file of a package pmgen generated from it, on every core, and writes
// nothing. No generator that produces that package can take less.
//
//	go build -o /tmp/floorproc ./generator/testdata/floorproc
//	/tmp/floorproc COLLECTION DIR
package main

import (
	"encoding/json"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: floorproc COLLECTION DIR")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "floorproc:", err)
		os.Exit(1)
	}
}

func run(collection, dir string) error {
	data, err := os.ReadFile(collection)
	if err != nil {
		return err
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return err
	}
	errs := make([]error, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				src, err := os.ReadFile(files[i])
				if err == nil {
					_, err = format.Source(src)
				}
				errs[i] = err
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
