// Package conformance checks that pmgen's generated clients send what
// Postman sends, with newman (Postman's own runtime, pinned in
// package.json and package-lock.json) as the oracle.
//
// For each collection of a folder, the test runs newman against a loopback
// recording server, calls every generated method with the inputs the
// collection saved against the same server, and compares the two request
// logs item by item: method, path, query, headers, body and auth. Where
// the collection spells a value with a dynamic variable ({{$guid}},
// "EXT-{{$timestamp}}"), each side draws its own, so the two match when
// both are the saved text with a value of the variable's form in place of
// the reference (dynamic_test.go); everything else is compared exactly. It ends
// with the line
//
//	conformance: N/M requests match (K script-dependent excluded)
//
// It takes minutes, so go test skips it, saying so, unless
// $PMGEN_CONFORMANCE is set. Run it on the repository's collections, and
// on the corpus when $PMGEN_CORPUS names it (as .ci/run does):
//
//	PMGEN_CONFORMANCE=1 PMGEN_CORPUS=../shared/corpus go test ./conformance/...
//
// or on any folder of collections:
//
//	PMGEN_CONFORMANCE=DIR go test ./conformance/...
//
// The packages it checks are generated with generator.Config's
// ConformanceFixtures set, which adds conformance_test.go: every method
// called with the inputs the collection saved, and the client's settings.
// The harness adds its driver beside that file.
//
// Both sides read a collection the same way: the harness lists requests as
// pmgen's loader does (TestHarnessReadsAsPmgen checks it against
// generator.Requests). Variables the collection uses but saves no value
// for are given "test-<name>", or a JSON number when a raw body uses them
// bare ("id": {{id}}), where a JSON value is meant. A collection may come
// with NAME.env-vars beside it (key=value lines): values given to both
// sides over the saved ones, as a user's environment would, so that a case
// can be checked with its credentials both empty and given.
//
// Pre-request scripts that pmgen translates are run by newman as
// written. One that fetches an OAuth 2 token with pm.sendRequest has its
// token URL pointed at the recorder's token endpoint; the client is given
// that endpoint and the same client credentials (test values when the
// collection saves them empty), and both sides must have fetched the
// token with the same Authorization (grant_test.go).
//
// The table of differences abridges long values; with
// PMGEN_CONFORMANCE_DIFFS=FILE each difference is also written to FILE in
// full, to diagnose a mismatch.
//
// It needs node and npm, and fails without them once asked to run; it
// installs newman with `npm ci` into a cache folder of its own, and it
// refuses to run a collection any of whose requests would leave 127.0.0.1. Mismatches that are understood are listed
// with their reason in known_mismatches.txt; any other mismatch fails the
// test, and so does a listed one that no longer occurs.
//
// The package holds only tests; this file is its documentation.
package conformance
