// Package gofmt prints Go syntax trees exactly as gofmt does, faster.
//
// It is go/printer from the Go 1.26 standard library (BSD licence, see
// LICENSE), changed in five places that together make printing a large
// generated package about 1.7 times faster without changing one byte of
// its output:
//
//   - lineIndex answers the printer's position questions from the file's
//     line table, next to the line it answered last, instead of through
//     the file set's locked search (a sixth of the time);
//   - nodeSize, which prints a list element or function body only to learn
//     whether it fits on one line, stops at the first line break or once
//     the limit is passed (a third of the time, most of it on the large
//     composite literals of tests and mocks);
//   - nodeSize answers without printing for identifiers, literals without
//     a line break and key: value pairs of them, which print as their text
//     (2% of emitting Fastly);
//   - formatDocComment skips the doc comment parser for comments that are
//     one paragraph of plain lines, which it would print back unchanged
//     (a tenth of the time: every comment in a file emitted without
//     indentation sits in column one and is treated as a doc comment);
//   - a printer going back to its pool keeps an output buffer of up to
//     16 MiB instead of 64 KiB, so that files larger than that, most of a
//     large collection's, stop growing a buffer of their own by doubling.
//
// TestMatchesGoPrinter compares it with the toolchain's go/printer on
// every Go file of the repository, as written and with its indentation
// removed (as jennifer writes code before formatting); FuzzPlainDoc checks
// the doc comment shortcut against the parser. The generator's golden,
// corpus and fuzz tests check that what pmgen writes is a fixed point of
// gofmt.
package gofmt
