package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/pmgen/pmgen/generator"
)

// runDiff is "pmgen diff [-json] OLD NEW": exit 1 when a change breaks
// callers (or an input is bad), 0 otherwise, 2 on wrong usage.
func runDiff(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pmgen diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the report as JSON instead of Markdown")
	base := fs.String("base", "HEAD", "with a PACKAGE, the git `revision` to compare the project file and inputs with")
	config := fs.String("config", "", "with a PACKAGE, the project `file` (default: pmgen.yaml here or in a parent)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: pmgen diff [-json] OLD NEW  (each a file, git:REF:PATH or postman:UID)\n       pmgen diff [-json] [-base REV] [-config FILE] PACKAGE")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	// One argument is a package of pmgen.yaml; a collection alone is a
	// comparison missing its other side.
	one := fs.NArg() == 1 && !strings.HasSuffix(fs.Arg(0), ".json") && !strings.Contains(fs.Arg(0), ":")
	if !one && fs.NArg() != 2 {
		fmt.Fprintln(stderr, "pmgen diff: give the old and the new collection, or a package of pmgen.yaml")
		fs.Usage()
		return 2
	}
	var report *generator.DiffReport
	var err error
	if one {
		p, code := openProject(*config, stderr)
		if p == nil {
			return code
		}
		report, err = p.Diff(fs.Arg(0), *base)
	} else {
		report, err = generator.Diff(fs.Arg(0), fs.Arg(1))
	}
	if err != nil {
		var in *generator.InputError
		if errors.As(err, &in) {
			fmt.Fprintln(stderr, in.Error())
		} else {
			fmt.Fprintf(stderr, "pmgen diff: %v\n", err)
		}
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(report); err != nil {
			fmt.Fprintf(stderr, "pmgen diff: %v\n", err)
			return 1
		}
	} else {
		fmt.Fprint(stdout, report.Markdown())
	}
	if report.Breaking() {
		return 1
	}
	return 0
}
