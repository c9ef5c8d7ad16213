// Package generated holds the Go clients pmgen generates for the
// collections in ../collections, one package per collection. They are
// committed, and CI checks that they are current:
//
//	go generate ./... && git diff --exit-code
package generated

//go:generate go run ../cmd/pmgen -in ../collections/forgerock-am.postman_collection.json -out forgerockam -package forgerockam
