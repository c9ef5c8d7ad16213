package auth

import (
	"fmt"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// Plan is the effective auth of every request item, found before the
// settings are named so that the auth options keep their names.
type Plan struct {
	// Of is each request's effective auth; a request without any has a
	// Site whose Auth is nil.
	Of map[*load.Item]Site
	// Used lists, per scheme generated clients can sign, the places that
	// set it, in the collection's order.
	Used map[model.AuthScheme][]Site
	// Skipped are the places that set an auth kind generated clients
	// cannot sign, one warning each.
	Skipped []Skip
}

// Skip is a place that sets an auth kind that is not generated, and the
// requests it reaches.
type Skip struct {
	Site   Site
	Reason string
	// First is the first request it reaches; Count how many it reaches.
	First string
	Count int
}

// Warning is the text of the auth-not-generated warning about s.
func (s Skip) Warning() string {
	reqs := fmt.Sprintf("the request %q is", s.First)
	if s.Count > 1 {
		reqs = fmt.Sprintf("%d requests (the first %q) are", s.Count, s.First)
	}
	return fmt.Sprintf("%s set on %s is not generated: generated clients cannot sign it, so %s sent without it; "+
		"pass the Authorization header with WithHeader", s.Reason, s.Site.From, reqs)
}

// Resolve finds every request's auth, the schemes used and where, and the
// places that set a kind that cannot be generated.
func Resolve(col *load.Collection) *Plan {
	p := &Plan{Of: map[*load.Item]Site{}, Used: map[model.AuthScheme][]Site{}}
	skipOf := map[*load.Auth]int{}

	var walk func(items []*load.Item, parent Site)
	walk = func(items []*load.Item, parent Site) {
		for _, it := range items {
			site := parent
			if it.IsFolder {
				if !Inherits(it.Auth) {
					site = Site{it.Auth, it.Pos, fmt.Sprintf("the folder %q", it.Name)}
				}
				walk(it.Items, site)
				continue
			}
			if !Inherits(it.Request.Auth) {
				site = Site{it.Request.Auth, it.Pos, "the request"}
			}
			p.Of[it] = site
			if site.Auth == nil || strings.EqualFold(site.Auth.Type, "noauth") {
				continue
			}
			s, ok, reason := SchemeOf(site.Auth)
			if ok {
				if !containsSite(p.Used[s], site) {
					p.Used[s] = append(p.Used[s], site)
				}
				continue
			}
			i, seen := skipOf[site.Auth]
			if !seen {
				i = len(p.Skipped)
				skipOf[site.Auth] = i
				p.Skipped = append(p.Skipped, Skip{Site: site, Reason: reason, First: it.Name})
			}
			p.Skipped[i].Count++
		}
	}
	root := Site{Pos: model.Pos{File: col.File}, From: "the collection"}
	if !Inherits(col.Auth) {
		root.Auth = col.Auth
	}
	walk(col.Items, root)
	return p
}

func containsSite(sites []Site, s Site) bool {
	for _, x := range sites {
		if x.Auth == s.Auth {
			return true
		}
	}
	return false
}
