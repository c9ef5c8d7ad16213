package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/pmgen/pmgen/generator"
)

// runMock is pmgen mock: it serves a collection's saved examples, matched
// as the mock in every generated package matches them, until SIGINT or
// SIGTERM.
func runMock(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pmgen mock", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg generator.MockConfig
	fs.StringVar(&cfg.In, "in", "", "the Postman collection `file` (v2.0 or v2.1), postman:UID or git:REF:PATH")
	fs.StringVar(&cfg.Env, "env", "", "a Postman environment `file` (or postman:UID), read as for generation")
	addr := fs.String("addr", "127.0.0.1:8080", "the `address` to listen on; loopback unless another host is given")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: pmgen mock -in collection.json [-env FILE] [-addr 127.0.0.1:8080]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "pmgen mock: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	if cfg.In == "" {
		fmt.Fprintln(stderr, "pmgen mock: -in is required")
		fs.Usage()
		return 2
	}
	// The log lines of concurrent requests must not interleave.
	var logMu sync.Mutex
	cfg.Log = func(l generator.MockLog) {
		logMu.Lock()
		defer logMu.Unlock()
		target := l.Path
		if l.RawQuery != "" {
			target += "?" + l.RawQuery
		}
		switch {
		case l.Op == "":
			fmt.Fprintf(stdout, "%s %s → %d: no saved example matches\n", l.Method, target, l.Status)
		case l.Example == "":
			fmt.Fprintf(stdout, "%s %s → %d %s (set by the caller)\n", l.Method, target, l.Status, l.Op)
		default:
			fmt.Fprintf(stdout, "%s %s → %d %s %q\n", l.Method, target, l.Status, l.Op, l.Example)
		}
	}

	limitMemory(cfg.In)
	mock, err := generator.NewMock(cfg)
	if err != nil {
		var in *generator.InputError
		if errors.As(err, &in) {
			fmt.Fprintln(stderr, in.Error())
		} else {
			fmt.Fprintf(stderr, "pmgen: %v\n", err)
		}
		return 1
	}
	for _, w := range mock.Warnings {
		fmt.Fprintln(stderr, w)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "pmgen mock: %v\n", err)
		return 1
	}
	srv := &http.Server{Handler: mock.Handler, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	fmt.Fprintf(stderr, "pmgen mock: serving %d examples of %s on http://%s\n", mock.Examples, cfg.In, ln.Addr())
	select {
	case err := <-done:
		fmt.Fprintf(stderr, "pmgen mock: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		fmt.Fprintf(stderr, "pmgen mock: shutting down: %v\n", err)
		return 1
	}
	fmt.Fprintln(stderr, "pmgen mock: stopped")
	return 0
}
