package conformance

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// difference is one way two requests differ.
type difference struct {
	field         string // "method", "path", "query", "header X-Foo", "body"
	newman, pmgen string
}

// newmanOwn are the headers newman adds of its own, which the generated
// client does not owe it.
var newmanOwn = map[string]bool{
	"user-agent": true, "postman-token": true, "accept-encoding": true,
	"connection": true, "host": true, "cache-control": true,
}

// compareRequests lists how what pmgen sent (b) differs from what newman
// sent (a). Where s, the request as the collection saved it, spells a
// value with a dynamic variable, the two values are compared by form
// (dynamic_test.go); s is nil when it spells none.
func compareRequests(a, b *request, s *saved) []difference {
	var out []difference
	add := func(field, x, y string) { out = append(out, difference{field, x, y}) }
	if a.method != b.method {
		add("method", a.method, b.method)
	}
	if normPath(a.path) != normPath(b.path) && (s == nil || !s.samePath(a.path, b.path)) {
		add("path", a.path, b.path)
	}
	if qa, qb := queryPairs(a.rawQuery), queryPairs(b.rawQuery); !reflect.DeepEqual(qa, qb) && (s == nil || !samePairs(s.query, qa, qb)) {
		add("query", a.rawQuery, b.rawQuery)
	}
	bodyDiff := compareBodies(a.header.Get("Content-Type"), a.body, b.header.Get("Content-Type"), b.body, s)
	ha, hb := lowerHeader(a.header), lowerHeader(b.header)
	for _, name := range headerNames(a.header, b.header) {
		lname := strings.ToLower(name)
		if newmanOwn[lname] || (lname == "content-length" && bodyDiff == "") {
			continue
		}
		x, y := strings.Join(ha[lname], ", "), strings.Join(hb[lname], ", ")
		_, inA := ha[lname]
		_, inB := hb[lname]
		if x == y && inA == inB {
			continue
		}
		// An empty header is not an absent one.
		if !inA {
			x = "(absent)"
		}
		if !inB {
			y = "(absent)"
		}
		ok := false
		switch lname {
		case "content-type":
			ok = sameContentType(x, y)
		case "authorization":
			ok = sameAuthorization(x, y)
		case "x-amz-date":
			// Newman signs AWS requests with its own clock, which cannot be
			// fixed; the date is checked to be there, not to be equal.
			ok = x != "" && y != ""
		}
		if !ok && s != nil && inA && inB {
			ok = sameValue(s.header[lname], x, y)
		}
		if !ok {
			add("header "+name, x, y)
		}
	}
	if bodyDiff != "" {
		add("body ("+bodyDiff+")", string(a.body), string(b.body))
	}
	return out
}

// headerNames is the union of both sides' header names, each spelled as
// first seen (names compare case-insensitively), sorted.
func headerNames(a, b http.Header) []string {
	seen := map[string]bool{}
	var names []string
	for _, h := range []http.Header{a, b} {
		for k := range h {
			if l := strings.ToLower(k); !seen[l] {
				seen[l] = true
				names = append(names, k)
			}
		}
	}
	sort.Slice(names, func(i, j int) bool { return strings.ToLower(names[i]) < strings.ToLower(names[j]) })
	return names
}

// lowerHeader gathers a header's values by lower-case name, in order.
func lowerHeader(h http.Header) map[string][]string {
	out := map[string][]string{}
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		l := strings.ToLower(k)
		out[l] = append(out[l], h[k]...)
	}
	return out
}

// normPath decodes percent-escapes that do not stand for a delimiter, so
// that "%7Bid%7D" and "{id}" compare equal but "a%2Fb" and "a/b" do not,
// and spells hex in upper case.
func normPath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '%' && i+2 < len(p) {
			if v, err := strconv.ParseUint(p[i+1:i+3], 16, 8); err == nil {
				if c := byte(v); c != '/' && c != '?' && c != '#' && c != '%' {
					b.WriteByte(c)
				} else {
					b.WriteString(strings.ToUpper(p[i : i+3]))
				}
				i += 2
				continue
			}
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

// queryPairs splits a raw query into its pairs, in order, each part
// decoded as a server would (so "%20", "+" and "%2b" vs "+" are judged by
// what they mean, not how they are spelled). A key without "=" stays
// distinct from "key=".
func queryPairs(raw string) [][3]string {
	if raw == "" {
		return nil
	}
	var out [][3]string
	for _, part := range strings.Split(raw, "&") {
		k, v, eq := strings.Cut(part, "=")
		out = append(out, [3]string{unescape(k), unescape(v), strconv.FormatBool(eq)})
	}
	return out
}

func unescape(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}

// sameContentType compares media types and parameters, except a
// multipart boundary, which is random on both sides.
func sameContentType(x, y string) bool {
	mx, px, errx := mime.ParseMediaType(x)
	my, py, erry := mime.ParseMediaType(y)
	if errx != nil || erry != nil || mx != my {
		return false
	}
	if strings.HasPrefix(mx, "multipart/") {
		delete(px, "boundary")
		delete(py, "boundary")
	}
	return reflect.DeepEqual(px, py)
}

// authParam is one name=value of an Authorization header's parameters.
var authParam = regexp.MustCompile(`([\w-]+)=("(?:[^"\\]|\\.)*"|[^,\s]*)`)

// sameAuthorization compares Authorization headers by scheme and
// parameters, in any order. An AWS Signature v4 is compared by its access
// key, scope and signed headers: newman signs with its own clock.
func sameAuthorization(x, y string) bool {
	sx, rx, _ := strings.Cut(x, " ")
	sy, ry, _ := strings.Cut(y, " ")
	if !strings.EqualFold(sx, sy) {
		return false
	}
	px, py := authParams2(rx), authParams2(ry)
	if strings.EqualFold(sx, "AWS4-HMAC-SHA256") {
		delete(px, "Signature")
		delete(py, "Signature")
		for _, p := range []map[string]string{px, py} {
			// Credential=AKID/20240101/region/service/aws4_request
			if parts := strings.Split(p["Credential"], "/"); len(parts) == 5 {
				parts[1] = "DATE"
				p["Credential"] = strings.Join(parts, "/")
			}
		}
	}
	return len(px) > 0 && reflect.DeepEqual(px, py)
}

func authParams2(s string) map[string]string {
	out := map[string]string{}
	for _, m := range authParam.FindAllStringSubmatch(s, -1) {
		v := m[2]
		if uq, err := strconv.Unquote(v); err == nil && strings.HasPrefix(v, `"`) {
			v = uq
		}
		out[m[1]] = v
	}
	return out
}

// compareBodies returns "" when the bodies mean the same, else a short
// reason. JSON is compared as values, form bodies by pairs, multipart
// bodies part by part, anything else byte for byte; values s spells with
// dynamic variables by form.
func compareBodies(ctA string, a []byte, ctB string, b []byte, s *saved) string {
	if bytes.Equal(a, b) {
		return ""
	}
	var va, vb any
	if json.Unmarshal(a, &va) == nil && json.Unmarshal(b, &vb) == nil {
		// JSON whatever the Content-Type says (collections send JSON as
		// text/plain or even as a form type).
		if reflect.DeepEqual(va, vb) || (s != nil && s.json != nil && sameJSON(s.json, va, vb)) {
			return ""
		}
		return "JSON values differ"
	}
	mt, _, _ := mime.ParseMediaType(ctA)
	if mt == "" {
		mt, _, _ = mime.ParseMediaType(ctB)
	}
	switch {
	case strings.HasPrefix(mt, "multipart/"):
		pa, errA := multipartParts(ctA, a)
		pb, errB := multipartParts(ctB, b)
		if errA == nil && errB == nil && (reflect.DeepEqual(pa, pb) || (s != nil && sameParts(s.form, pa, pb))) {
			return ""
		}
		return "multipart parts differ"
	case mt == "application/x-www-form-urlencoded":
		if pa, pb := queryPairs(string(a)), queryPairs(string(b)); reflect.DeepEqual(pa, pb) || (s != nil && samePairs(s.form, pa, pb)) {
			return ""
		}
		return "form pairs differ"
	}
	if s != nil && sameDynamic(s.text, string(a), string(b)) {
		return ""
	}
	return "bytes differ"
}

// part is a multipart part as compared: its headers that matter and its
// content.
type part struct {
	disposition, contentType, content string
}

func multipartParts(ct string, body []byte) ([]part, error) {
	_, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return nil, err
	}
	r := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	var out []part
	for {
		p, err := r.NextRawPart()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		data, _ := io.ReadAll(p)
		_, dp, _ := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
		disp := "name=" + dp["name"]
		if f, ok := dp["filename"]; ok {
			disp += "; filename=" + f
		}
		out = append(out, part{disposition: disp, contentType: p.Header.Get("Content-Type"), content: string(data)})
	}
}
