package pmruntime

import (
	"context"
	"sync"
	"time"
)

// oauth2Tokens caches the tokens a client fetched, one per token request,
// shared by every call of the client (New makes it). Concurrent calls that
// need the same token wait for one fetch.
type oauth2Tokens struct {
	mu      sync.Mutex
	entries map[string]*tokenEntry
}

// tokenEntry is one cached token: reused until refreshAt (never, when
// zero), and the fetch in flight, if any.
type tokenEntry struct {
	token     string
	refreshAt time.Time
	inflight  *tokenFetch
}

// tokenFetch is a fetch in flight; done is closed when token and err are
// set, for the calls that wait on it.
type tokenFetch struct {
	done  chan struct{}
	token string
	err   error
}

// get returns the cached token for key while it is fresh; otherwise it
// fetches one, or waits for the fetch another call started. A failed fetch
// is not cached: the next call tries again.
func (c *oauth2Tokens) get(ctx context.Context, key string, now func() time.Time,
	fetch func(context.Context) (string, time.Duration, error)) (string, error) {
	c.mu.Lock()
	if c.entries == nil {
		c.entries = map[string]*tokenEntry{}
	}
	e := c.entries[key]
	if e == nil {
		e = &tokenEntry{}
		c.entries[key] = e
	}
	if e.token != "" && (e.refreshAt.IsZero() || now().Before(e.refreshAt)) {
		token := e.token
		c.mu.Unlock()
		return token, nil
	}
	if f := e.inflight; f != nil {
		c.mu.Unlock()
		select {
		case <-f.done:
			return f.token, f.err
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
	f := &tokenFetch{done: make(chan struct{})}
	e.inflight = f
	c.mu.Unlock()

	start := now()
	token, lifetime, err := fetch(ctx)
	c.mu.Lock()
	e.inflight = nil
	if err == nil {
		e.token, e.refreshAt = token, time.Time{}
		if lifetime > 0 {
			e.refreshAt = start.Add(lifetime - refreshEarly(lifetime))
		}
	}
	c.mu.Unlock()
	f.token, f.err = token, err
	close(f.done)
	return token, err
}

// refreshEarly is how long before it expires a token is fetched again, so
// that a token is not sent just as it runs out: a tenth of its lifetime, at
// most a minute (an hour's token is renewed after 59 minutes).
func refreshEarly(lifetime time.Duration) time.Duration {
	return min(lifetime/10, time.Minute)
}
