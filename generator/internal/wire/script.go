package wire

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"hash"
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// scriptHashes are the hashes of model.ScriptHMAC.Hash.
var scriptHashes = map[string]func() hash.Hash{"sha1": sha1.New, "sha256": sha256.New, "sha512": sha512.New}

// scriptOutputs predicts what the operation's pre-request scripts add,
// with the test settings and the tests' fixed clock (ScriptTestMillis):
// the exact value where the test knows everything it is computed from,
// and otherwise (a JSON body, whose bytes the test compares only as
// JSON; a dynamic value) only that a query parameter of that name is sent.
func scriptOutputs(op *model.Operation, tc *model.TestCase) {
	var query []string
	if tc.WantRawQuery != "" {
		query = strings.Split(tc.WantRawQuery, "&")
	}
	base := len(query)
	for _, o := range op.Script {
		v, ok := scriptValue(op, tc, query[:base:base], query[base:], o.Value)
		if o.Query {
			part := percentEncode(o.Key, queryEscapes) + "=" + model.DynamicMarker
			if ok {
				part = percentEncode(o.Key, queryEscapes) + "=" + percentEncode(v, queryEscapes)
			}
			query = append(query, part)
			tc.WantQuery = append(tc.WantQuery, model.KeyValue{Key: o.Key, Value: v, Dynamic: !ok})
			continue
		}
		kept := tc.WantHeaders[:0]
		for _, h := range tc.WantHeaders {
			if !strings.EqualFold(h.Key, o.Key) {
				kept = append(kept, h)
			}
		}
		tc.WantHeaders = kept
		if ok {
			tc.WantHeaders = append(tc.WantHeaders, model.KeyValue{Key: o.Key, Value: v})
		}
	}
	tc.WantRawQuery = strings.Join(query, "&")
}

// scriptValue evaluates parts; ok is false when the test cannot know the
// value. saved is the query before the scripts' parameters, added those.
func scriptValue(op *model.Operation, tc *model.TestCase, saved, added []string, parts []model.ScriptPart) (string, bool) {
	var b strings.Builder
	for _, p := range parts {
		switch p.Source {
		case model.ScriptText:
			if HasDynamic(p.Text) {
				return "", false
			}
			b.WriteString(Render(p.Text))
		case model.ScriptMillis:
			b.WriteString(strconv.FormatInt(model.ScriptTestMillis, 10))
		case model.ScriptSeconds:
			b.WriteString(strconv.FormatInt(model.ScriptTestMillis/1000, 10))
		case model.ScriptBody:
			// A text body goes out as the test expects it, byte for byte.
			if tc.WantBodyJSON || tc.WantBodyDynamic {
				return "", false
			}
			b.WriteString(tc.WantBody)
		case model.ScriptMethod:
			b.WriteString(op.HTTPMethod)
		case model.ScriptQuery:
			q := strings.Join(append(saved, added[:p.Added]...), "&")
			if strings.Contains(q, model.DynamicMarker) {
				return "", false
			}
			b.WriteString(q)
		case model.ScriptSignature:
			msg, ok := scriptValue(op, tc, saved, added, p.HMAC.Message)
			if !ok || HasDynamic(p.HMAC.Key) {
				return "", false
			}
			m := hmac.New(scriptHashes[p.HMAC.Hash], []byte(Render(p.HMAC.Key)))
			m.Write([]byte(msg))
			if p.HMAC.Base64 {
				b.WriteString(base64.StdEncoding.EncodeToString(m.Sum(nil)))
			} else {
				b.WriteString(hex.EncodeToString(m.Sum(nil)))
			}
		default:
			return "", false
		}
	}
	return b.String(), true
}
