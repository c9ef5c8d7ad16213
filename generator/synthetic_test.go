package generator

import (
	"os"
	"testing"
)

// syntheticEnv turns on the tests and benchmark inputs that generate
// collections of thousands of requests: each costs tens of seconds, so go
// test skips them, saying so, unless it is set (.ci/run sets it).
const syntheticEnv = "PMGEN_SYNTHETIC"

// requireSynthetic skips tb unless $PMGEN_SYNTHETIC is set.
func requireSynthetic(tb testing.TB) {
	tb.Helper()
	if os.Getenv(syntheticEnv) == "" {
		tb.Skipf("skipped: generates a collection of thousands of requests; set $%s=1 to run it", syntheticEnv)
	}
}
