package pmruntime

import (
	"cmp"
	"net/url"
	"slices"
	"strings"
)

// escapeRFC3986 encodes every byte of s but the unreserved characters of
// RFC 3986 (and '/' when keepSlash), as signatures require.
func escapeRFC3986(s string, keepSlash bool) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if (byte(0x41) <= ch && ch <= byte(0x5a)) || (byte(0x61) <= ch && ch <= byte(0x7a)) || (byte(0x30) <= ch && ch <= byte(0x39)) || strings.IndexByte("-_.~", ch) >= 0 || (ch == byte(0x2f) && keepSlash) {
			b.WriteByte(ch)
			continue
		}
		b.WriteByte(byte(0x25))
		b.WriteByte(hex[ch>>4])
		b.WriteByte(hex[ch&15])
	}
	return b.String()
}

// signedPairs decodes a query or form body into pairs and re-encodes them
// for a signature base, sorted by key and then value.
func signedPairs(raw string) [][2]string {
	var pairs [][2]string
	for _, part := range strings.Split(raw, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		if dk, err := url.QueryUnescape(k); err == nil {
			k = dk
		}
		if dv, err := url.QueryUnescape(v); err == nil {
			v = dv
		}
		pairs = append(pairs, [2]string{escapeRFC3986(k, false), escapeRFC3986(v, false)})
	}
	return pairs
}

// joinPairs sorts pairs by key, then value, and joins them as k=v&k=v.
func joinPairs(pairs [][2]string) string {
	slices.SortFunc(pairs, func(x, y [2]string) int {
		return cmp.Or(strings.Compare(x[0], y[0]), strings.Compare(x[1], y[1]))
	})
	parts := make([]string, len(pairs))
	for i, p := range pairs {
		parts[i] = p[0] + "=" + p[1]
	}
	return strings.Join(parts, "&")
}

// canonicalQuery is a raw query as signatures sign it: decoded, encoded
// again per RFC 3986 and sorted.
func canonicalQuery(raw string) string {
	return joinPairs(signedPairs(raw))
}
