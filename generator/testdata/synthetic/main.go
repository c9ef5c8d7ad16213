// Command synthetic writes the synthetic collection of n requests (package
// synthetic) to standard output, for measuring whole runs of pmgen on
// collections larger than any in the corpus (bench/scaling.sh).
//
//	go run ./generator/testdata/synthetic 20000 > synthetic-20000.json
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/pmgen/pmgen/generator/internal/synthetic"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: synthetic REQUESTS")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil || n < 1 {
		fmt.Fprintf(os.Stderr, "synthetic: %q is not a number of requests\n", os.Args[1])
		os.Exit(2)
	}
	if _, err := os.Stdout.Write(synthetic.Collection(n)); err != nil {
		fmt.Fprintln(os.Stderr, "synthetic:", err)
		os.Exit(1)
	}
}
