package load

import (
	"regexp"
	"strings"
)

// urlParts is a URL broken down the way Postman breaks down a raw URL.
type urlParts struct {
	protocol string
	host     []string
	port     string
	path     []string
	query    []queryPart
	hash     string
}

type queryPart struct {
	key, value string
	null       bool // "?key" with no "=": Postman's null value
}

var protocolRE = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.-]*|\{\{[^{}]*\}\}):\/\/`)

// splitRawURL breaks a raw URL into parts as Postman does when it imports a
// string URL: hash, then query, then protocol, host[:port] and path.
// {{variables}} are opaque: a "/" or "?" inside one never splits, so
// "{{baseUrl}}/users" has host ["{{baseUrl}}"] and path ["users"].
func splitRawURL(raw string) urlParts {
	var u urlParts
	s := strings.TrimSpace(raw)
	if i := indexOutsideVars(s, '#'); i >= 0 {
		s, u.hash = s[:i], s[i+1:]
	}
	if i := indexOutsideVars(s, '?'); i >= 0 {
		var q string
		s, q = s[:i], s[i+1:]
		for _, p := range splitOutsideVars(q, '&') {
			if p == "" {
				continue
			}
			if j := indexOutsideVars(p, '='); j >= 0 {
				u.query = append(u.query, queryPart{key: p[:j], value: p[j+1:]})
			} else {
				u.query = append(u.query, queryPart{key: p, null: true})
			}
		}
	}
	if m := protocolRE.FindStringSubmatch(s); m != nil {
		u.protocol, s = m[1], s[len(m[0]):]
	}
	host := s
	if i := indexOutsideVars(s, '/'); i >= 0 {
		host, u.path = s[:i], splitOutsideVars(s[i+1:], '/')
	}
	// user:password@ is not part of the host.
	if i := lastIndexOutsideVars(host, '@'); i >= 0 {
		host = host[i+1:]
	}
	if i := lastIndexOutsideVars(host, ':'); i >= 0 && isPort(host[i+1:]) {
		host, u.port = host[:i], host[i+1:]
	}
	if host != "" {
		u.host = splitOutsideVars(host, '.')
	}
	return u
}

// isPort accepts digits or a single {{variable}}.
func isPort(s string) bool {
	if s == "" {
		return false
	}
	if strings.HasPrefix(s, "{{") && strings.HasSuffix(s, "}}") && strings.Count(s, "{{") == 1 {
		return true
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// buildRawURL rebuilds the raw text from parts, for URL objects saved
// without "raw". Disabled query params are left out, as Postman does.
func buildRawURL(u urlParts) string {
	var b strings.Builder
	if u.protocol != "" {
		b.WriteString(strings.TrimSuffix(strings.TrimSuffix(u.protocol, "://"), ":"))
		b.WriteString("://")
	}
	b.WriteString(strings.Join(u.host, "."))
	if u.port != "" {
		b.WriteString(":")
		b.WriteString(u.port)
	}
	if len(u.path) > 0 {
		p := strings.Join(u.path, "/")
		if !strings.HasPrefix(p, "/") {
			b.WriteString("/")
		}
		b.WriteString(p)
	}
	sep := "?"
	for _, q := range u.query {
		b.WriteString(sep)
		sep = "&"
		b.WriteString(q.key)
		if !q.null {
			b.WriteString("=")
			b.WriteString(q.value)
		}
	}
	if u.hash != "" {
		b.WriteString("#")
		b.WriteString(u.hash)
	}
	return b.String()
}

// indexOutsideVars is strings.IndexByte that skips {{...}} regions.
func indexOutsideVars(s string, c byte) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], "{{"):
			depth++
			i++
		case depth > 0 && strings.HasPrefix(s[i:], "}}"):
			depth--
			i++
		case depth == 0 && s[i] == c:
			return i
		}
	}
	return -1
}

// lastIndexOutsideVars is strings.LastIndexByte that skips {{...}} regions.
func lastIndexOutsideVars(s string, c byte) int {
	last := -1
	for off := 0; ; {
		i := indexOutsideVars(s[off:], c)
		if i < 0 {
			return last
		}
		last = off + i
		off = last + 1
	}
}

// splitOutsideVars is strings.Split that never splits inside {{...}}.
func splitOutsideVars(s string, c byte) []string {
	var out []string
	for {
		i := indexOutsideVars(s, c)
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i+1:]
	}
}
