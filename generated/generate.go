// Package generated holds the Go clients pmgen generates for the
// collections in ../collections, one package per collection, as
// ../pmgen.yaml lists them. They are committed, and CI checks that they
// are current:
//
//	go generate ./... && git diff --exit-code
//
// The line below is the one a team adopting pmgen writes: go tool runs
// the pmgen that go.mod's tool line names, here this module's own
// cmd/pmgen, built from this checkout.
package generated

//go:generate go tool pmgen
