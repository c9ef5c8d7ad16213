package pmruntime

import (
	"crypto/hmac"
	"encoding/base64"
	"encoding/hex"
	"hash"
	"strconv"
	"strings"
	"time"
)

// scriptPart is one piece of a value a pre-request script computes: text
// resolved by the method (a literal or a setting), or something known only
// as the request is sent: the clock, the query as encoded, the body as
// sent, the method, or an HMAC of other parts.
type scriptPart struct {
	from scriptSource
	text string // scriptText
	// added is, for scriptQuery, how many of the script's query
	// parameters the query read has: those the script added before it.
	added int
	hmac  *scriptHMAC // scriptSignature
}

// scriptSource says where a scriptPart's text comes from.
type scriptSource int

const (
	scriptText scriptSource = iota
	// scriptMillis is the call's time in Unix milliseconds, as Date.now().
	scriptMillis
	// scriptSeconds is the call's time in whole Unix seconds, as
	// Math.floor(Date.now() / 1000).
	scriptSeconds
	// scriptQuery is the query as sent, without "?", as
	// pm.request.url.getQueryString().
	scriptQuery
	// scriptBody is the body as sent, as pm.request.body.raw.
	scriptBody
	// scriptMethod is the HTTP method, as pm.request.method.
	scriptMethod
	// scriptSignature is an HMAC of other parts.
	scriptSignature
)

// scriptHMAC is CryptoJS.HmacSHA256(message, key) and its kin, encoded
// in lower-case hex (CryptoJS's default) or base64.
type scriptHMAC struct {
	hash    func() hash.Hash
	key     string
	message []scriptPart
	base64  bool
}

// scriptOutput is where a computed value goes: a header, set in place of
// any of that name (as headers.upsert, or a saved header whose value
// names the script's variable), or a query parameter appended to the
// query (as url.addQueryParams).
type scriptOutput struct {
	query bool
	key   string
	value []scriptPart
}

// scriptTime is the time the script's values carry: the test hook's, or
// the clock's.
func (c *config) scriptTime() time.Time {
	if c.scriptNow != nil {
		return c.scriptNow()
	}
	return time.Now()
}

// runScript computes the outputs of the request's pre-request script
// once the request is otherwise complete, so that a signature covers the
// query as it is encoded and the body as it is sent, and adds them in the
// script's order: a query read after the script added a parameter has
// it. One time serves every output, as the script reads the clock once.
// Auth is applied later, as Postman applies it after the script.
func (r *request) runScript(now time.Time, outputs []scriptOutput) {
	base := len(r.query)
	for _, o := range outputs {
		v := r.scriptValue(now, base, o.value)
		if o.query {
			r.addQuery(o.key, v)
			continue
		}
		kept := r.header[:0]
		for _, h := range r.header {
			if !strings.EqualFold(h[0], o.key) {
				kept = append(kept, h)
			}
		}
		r.header = kept
		r.addHeader(o.key, v)
	}
}

// scriptValue joins parts into the text the script computes.
// base is how many query entries the request had before the script's.
func (r *request) scriptValue(now time.Time, base int, parts []scriptPart) string {
	var b strings.Builder
	for _, p := range parts {
		switch p.from {
		case scriptText:
			b.WriteString(p.text)
		case scriptMillis:
			b.WriteString(strconv.FormatInt(now.UnixMilli(), 10))
		case scriptSeconds:
			b.WriteString(strconv.FormatInt(now.Unix(), 10))
		case scriptQuery:
			_, query, _ := strings.Cut(encodeQuery("", r.query[:base+p.added], r.verbatim), "?")
			b.WriteString(query)
		case scriptBody:
			b.Write(r.body)
		case scriptMethod:
			b.WriteString(r.method)
		case scriptSignature:
			m := hmac.New(p.hmac.hash, []byte(p.hmac.key))
			m.Write([]byte(r.scriptValue(now, base, p.hmac.message)))
			sum := m.Sum(nil)
			if p.hmac.base64 {
				b.WriteString(base64.StdEncoding.EncodeToString(sum))
			} else {
				b.WriteString(hex.EncodeToString(sum))
			}
		}
	}
	return b.String()
}
