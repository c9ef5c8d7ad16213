package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/pmgen/pmgen/generator"
)

// runProject is "pmgen generate" and "pmgen check" (check set): every
// package of pmgen.yaml, or those named. Exit 1 on a bad project or
// input, or, checking, on stale output.
func runProject(name string, check bool, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pmgen "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	config := fs.String("config", "", "the project `file` (default: pmgen.yaml in this directory or the nearest parent)")
	verbose := fs.Bool("v", false, "print every warning on its own line, repeats included")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: pmgen %s [-config FILE] [-v] [PACKAGE...]\n", name)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	return projectRun(*config, check, *verbose, fs.Args(), stdout, stderr)
}

// projectRun runs the project file config (found from the working
// directory when empty) for the packages only names (all when empty).
func projectRun(config string, check, verbose bool, only []string, stdout, stderr io.Writer) int {
	start := time.Now()
	p, code := openProject(config, stderr)
	if p == nil {
		return code
	}
	// An unknown package name is reported by Generate, below.
	if ins, err := p.Inputs(only); err == nil {
		tuneMemory(ins...)
	}
	results, err := p.Generate(generator.ProjectOptions{Check: check, Only: only, Cache: generator.DefaultCache()})
	stale, skipped := 0, 0
	for _, r := range results {
		if r.Skipped {
			skipped++
			fmt.Fprintln(stderr, r.Summary())
			continue
		}
		for _, w := range r.WarningLines(verbose) {
			fmt.Fprintln(stderr, w)
		}
		if line := r.Iterators(); line != "" {
			fmt.Fprintln(stderr, line)
		}
		if r.Stale() {
			stale++
			fmt.Fprint(stdout, r.Diff)
			for _, a := range r.Affected {
				fmt.Fprintf(stderr, "pmgen: %s: stale: %s\n", r.Name, a)
			}
		}
		fmt.Fprintln(stderr, r.Summary())
	}
	if err != nil {
		printError(stderr, err)
		return 1
	}
	verb := "generated"
	if check {
		verb = "checked"
	}
	fmt.Fprintf(stderr, "pmgen: %d %s, %d %s, %d skipped as unchanged", len(results), plural(len(results), "package"), len(results)-skipped, verb, skipped)
	if check {
		fmt.Fprintf(stderr, ", %d stale", stale)
	}
	fmt.Fprintf(stderr, "; %s\n", time.Since(start).Round(time.Millisecond))
	if stale > 0 {
		return 1
	}
	return 0
}

// openProject loads the project file, printing why it cannot; nil with
// the exit code then.
func openProject(config string, stderr io.Writer) (*generator.Project, int) {
	if config == "" {
		wd, err := os.Getwd()
		if err == nil {
			config, err = generator.FindProject(wd)
		}
		if err != nil {
			fmt.Fprintf(stderr, "pmgen: %v\n", err)
			return nil, 2
		}
	}
	p, err := generator.LoadProject(config)
	if err != nil {
		printError(stderr, err)
		return nil, 1
	}
	return p, 0
}

// printError prints an error: diagnostics as they are, others prefixed.
func printError(stderr io.Writer, err error) {
	var in *generator.InputError
	if errors.As(err, &in) {
		fmt.Fprintln(stderr, in.Error())
	} else {
		fmt.Fprintf(stderr, "pmgen: %v\n", err)
	}
}

func plural(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}
