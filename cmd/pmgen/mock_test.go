package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// freePort sets the environment variable it is given to a TCP port on
// 127.0.0.1 that nothing listens on, for a server a script starts.
func freePort(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: freeport VAR")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	ts.Check(err)
	port := ln.Addr().(*net.TCPAddr).Port
	ts.Check(ln.Close())
	ts.Setenv(args[0], strconv.Itoa(port))
}

// httpDo sends a request, retrying the connection for a while since the
// server a script started in the background may not listen yet, and
// writes the status line, then the body, to the script's stdout:
//
//	http METHOD URL [HEADER:VALUE...]
func httpDo(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: http METHOD URL [HEADER:VALUE...]")
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		req, err := http.NewRequest(args[0], args[1], nil)
		ts.Check(err)
		for _, h := range args[2:] {
			k, v, _ := strings.Cut(h, ":")
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			if time.Now().After(deadline) {
				ts.Fatalf("%v", err)
			}
			time.Sleep(50 * time.Millisecond)
			continue
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		ts.Check(err)
		fmt.Fprintf(ts.Stdout(), "%d\n%s\n", resp.StatusCode, body)
		return
	}
}
