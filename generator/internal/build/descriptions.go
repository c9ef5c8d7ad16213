package build

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/pmgen/pmgen/generator/internal/load"
)

// convertDescriptions starts converting every distinct description in
// the collection from Markdown on every CPU, in the order the builder's
// walk asks for them, while the walk goes on; b.markdown waits for a
// description still being converted. Converting Markdown was 40% of
// building Fastly, and each conversion depends on its text alone, so the
// result is the same as converting each when asked. A description this
// list misses is converted when asked for. The returned func waits for
// the conversions, so that none outlives Build.
func (b *builder) convertDescriptions(col *load.Collection) (wait func()) {
	seen := map[string]bool{}
	var texts []string
	add := func(md string) {
		if md == "" {
			return
		}
		md = b.withheld.Redact(md)
		if seen[md] {
			return
		}
		seen[md] = true
		texts = append(texts, md)
	}
	pairs := func(ps []load.Pair) {
		for _, p := range ps {
			add(p.Description)
		}
	}
	add(col.Description)
	for _, v := range col.Variables {
		add(v.Description)
	}
	var walk func(items []*load.Item)
	walk = func(items []*load.Item) {
		for _, it := range items {
			add(it.Description)
			if it.IsFolder {
				walk(it.Items)
				continue
			}
			r := it.Request
			add(r.Description)
			pairs(r.Header)
			pairs(r.URL.Query)
			pairs(r.URL.Variables)
			if r.Body != nil {
				pairs(r.Body.URLEncoded)
				pairs(r.Body.FormData)
			}
		}
	}
	walk(col.Items)

	// Every future is in the map before a worker starts, so that the
	// map is only read from here on.
	futures := make([]*docFuture, len(texts))
	for i, md := range texts {
		futures[i] = &docFuture{ready: make(chan struct{})}
		b.pending[md] = futures[i]
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(texts)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(texts) {
					return
				}
				futures[i].doc = markdown(texts[i])
				close(futures[i].ready)
			}
		})
	}
	return wg.Wait
}

// docFuture is a description's doc comment, ready once ready is closed.
type docFuture struct {
	ready chan struct{}
	doc   string
}
