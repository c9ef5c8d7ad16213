package build

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/pmgen/pmgen/generator/internal/load"
)

// convertDescriptions fills b.docs with the doc comment of every distinct
// description in the collection, converted on every CPU, before the
// builder's walk asks for them one at a time. Converting Markdown was 40%
// of building Fastly, and each conversion depends on its text alone, so
// doing them together changes nothing but the time. A description this
// walk misses is converted when asked for, as before.
func (b *builder) convertDescriptions(col *load.Collection) {
	seen := map[string]bool{}
	var texts []string
	add := func(md string) {
		if md == "" {
			return
		}
		md = b.withheld.Redact(md)
		if _, done := b.docs[md]; done || seen[md] {
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

	docs := make([]string, len(texts))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(texts)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(texts) {
					return
				}
				docs[i] = markdown(texts[i])
			}
		})
	}
	wg.Wait()
	for i, md := range texts {
		b.docs[md] = docs[i]
	}
}
