// Package fetch reads pmgen's inputs from where they are kept: a file, a
// file at a git revision ("git:REF:PATH"), or the Postman API
// ("postman:UID"). It only fetches bytes; load parses them. Keeping the
// I/O here leaves every stage after it pure.
package fetch

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// What says whether a spec names a collection or an environment; the
// Postman API keeps them at different paths.
type What int

const (
	Collection What = iota
	Environment
)

func (w What) String() string {
	if w == Environment {
		return "environment"
	}
	return "collection"
}

// Reader reads specs. Its zero value reads files and git revisions; the
// Postman API needs APIKey.
type Reader struct {
	// APIKey is the Postman API key, sent as X-Api-Key. It never appears
	// in an error.
	APIKey string
	// APIURL is the Postman API's base URL; empty means DefaultAPIURL.
	APIURL string
	// Dir is the directory git runs in; empty means the current one.
	Dir string
}

// Read returns the bytes a spec names. Errors start with the spec and say
// what to do.
func (r Reader) Read(ctx context.Context, spec string, what What) ([]byte, error) {
	switch {
	case strings.HasPrefix(spec, "postman:"):
		return r.postman(ctx, strings.TrimPrefix(spec, "postman:"), what)
	case strings.HasPrefix(spec, "git:"):
		return r.git(ctx, spec)
	}
	data, err := os.ReadFile(spec)
	if err != nil {
		if pe, ok := err.(*os.PathError); ok {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: cannot read the %s: %v", spec, what, err)
	}
	return data, nil
}

// git reads "git:REF:PATH" with `git show REF:PATH`. As in git, PATH is
// from the repository's root unless it starts with "./".
func (r Reader) git(ctx context.Context, spec string) ([]byte, error) {
	ref, path, ok := strings.Cut(strings.TrimPrefix(spec, "git:"), ":")
	if !ok || ref == "" || path == "" {
		return nil, fmt.Errorf("%s: a git source is git:REF:PATH, such as git:origin/main:collections/api.json", spec)
	}
	cmd := exec.CommandContext(ctx, "git", "show", ref+":"+path)
	cmd.Dir = r.Dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("%s: git cannot read %s at %s: %s", spec, path, ref, msg)
	}
	return stdout.Bytes(), nil
}
