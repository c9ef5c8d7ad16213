//go:build !linux

package output

// syncStaged makes the staged temporaries durable. Outside Linux there is
// no call that syncs one file system as a whole, so each one is synced.
func syncStaged(tmps []string) error {
	return syncEach(tmps)
}
