//go:build !linux

package main

// hugePageHeap asks for huge pages on Linux only (memory_linux.go).
func hugePageHeap(int64) {}
