package wire

import (
	"testing"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// TestScriptOutputs: with the tests' clock and settings, a query-signing
// script's parameters and headers are predicted exactly (the signature
// checked against Python's hmac), a saved header of an output's name
// gives way, and a value read from a JSON body is only known to be there.
func TestScriptOutputs(t *testing.T) {
	secret := &model.Setting{Key: "apiSecret", TestValue: "test-apiSecret"}
	lit := func(s string) model.Template { return model.Template{{Kind: model.PartLiteral, Text: s}} }
	sig := []model.ScriptPart{{Source: model.ScriptSignature, HMAC: &model.ScriptHMAC{
		Hash: "sha256", Key: model.Template{{Kind: model.PartSetting, Setting: secret}},
		Message: []model.ScriptPart{{Source: model.ScriptQuery, Added: 1}},
	}}}
	op := &model.Operation{
		HTTPMethod: "POST",
		Entries: []*model.Param{
			{Key: "symbol", In: model.InQuery, Enabled: true, Default: lit("BTCUSDT")},
			{Key: "side", In: model.InQuery, Enabled: true, Default: lit("BUY")},
			{Key: "quantity", In: model.InQuery, Enabled: true, Default: lit("0.01")},
			{Key: "X-Sig", In: model.InHeader, Enabled: true, Default: lit("saved")},
		},
		Body: &model.Body{Kind: model.BodyJSON},
		Script: []model.ScriptOutput{
			{Query: true, Key: "timestamp", Value: []model.ScriptPart{{Source: model.ScriptMillis}}},
			{Query: true, Key: "signature", Value: sig},
			{Key: "X-Sig", Value: sig},
			{Key: "X-Body", Value: []model.ScriptPart{{Source: model.ScriptBody}}},
		},
	}
	tc := Request(op)
	const want = "2f0db53a432887f96a5661ce1080f594e481ebad2d9cc8e25e339c530b3e6708"
	if got := tc.WantRawQuery; got != "symbol=BTCUSDT&side=BUY&quantity=0.01&timestamp=1700000000123&signature="+want {
		t.Errorf("query %s", got)
	}
	if len(tc.WantHeaders) != 1 || tc.WantHeaders[0] != (model.KeyValue{Key: "X-Sig", Value: want}) {
		t.Errorf("headers %+v, want only X-Sig = the signature", tc.WantHeaders)
	}
}
