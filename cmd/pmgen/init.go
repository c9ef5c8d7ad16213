package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/pmgen/pmgen/generator"
)

// runInit is "pmgen init [-out DIR] [-package NAME] [-config FILE]
// COLLECTION": a commented starter pmgen.yaml. Exit 1 when the file
// exists or the collection is bad, 2 on wrong usage.
func runInit(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pmgen init", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "the package `directory`, relative to the project file (default: the package name)")
	pkg := fs.String("package", "", "the Go package `name` (default: from the collection name)")
	config := fs.String("config", generator.ProjectFile, "the project `file` to write")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: pmgen init [-out DIR] [-package NAME] [-config FILE] COLLECTION  (a file, postman:UID or git:REF:PATH)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "pmgen init: give the collection")
		fs.Usage()
		return 2
	}
	data, err := generator.StarterProject(fs.Arg(0), *out, *pkg, *config)
	if err != nil {
		printError(stderr, err)
		return 1
	}
	if err := generator.WriteStarter(*config, data); err != nil {
		fmt.Fprintf(stderr, "pmgen init: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "pmgen: wrote %s; run pmgen generate (or go tool pmgen) to generate the package\n", *config)
	return 0
}
