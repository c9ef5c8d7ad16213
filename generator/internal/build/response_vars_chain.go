package build

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/pmtest"
)

// varsTest plans the generated test of an operation's chain: the first
// 2xx example that gives every variable read without a guard is replayed,
// the reader must give the example's values, and the next request (in
// collection order, wrapping around) that sends one of the variables is
// sent with the Options and must carry them.
func (b *builder) varsTest(op *model.Operation, senders *senders) {
	rv := op.Vars
	if op.ResultStream {
		return
	}
	tc, want := varsExample(op)
	if tc == nil {
		return
	}
	// A URL setting would send the next request away from the test's
	// server.
	sendable := func(w model.KeyValue) *model.Setting {
		if v := varByField(rv, w.Key); v.Setting != nil && !v.Setting.URL && w.Value != "" {
			return v.Setting
		}
		return nil
	}
	var settings []*model.Setting
	for _, w := range want {
		if s := sendable(w); s != nil {
			settings = append(settings, s)
		}
	}
	if next := senders.next(op, settings); next != nil {
		var sent []model.KeyValue
		for _, w := range want {
			if s := sendable(w); s != nil && usesSetting(next, s) {
				sent = append(sent, model.KeyValue{Key: varByField(rv, w.Key).Key, Value: w.Value})
			}
		}
		rv.Test = &model.VarsTest{
			Name: b.tests.Unique(op.TestName + "Variables"),
			Doc: wrapProse(op.TestName + "Variables reads the variables that the test script of " + quoteName(op.Name) +
				" sets from a replayed example, and checks that " + next.Selector() + " sends them when given their options."),
			Example: tc,
			Want:    want,
			Next:    next,
			Sent:    sent,
		}
	}
}

func quoteName(s string) string { return "\"" + s + "\"" }

// varsExample finds the row to replay and the values the reader must give
// on it, by field. A guarded variable the row lacks is wanted empty; an
// object or array is left unchecked (its text is compact JSON). The test
// writes the row's body as a literal, so a row whose body is too long
// for one (fixtureLimit) is passed over.
func varsExample(op *model.Operation) (*model.TestCase, []model.KeyValue) {
rows:
	for _, tc := range op.Tests {
		if tc.Status < 200 || tc.Status > 299 || len(tc.ResponseBody) > fixtureLimit {
			continue
		}
		var want []model.KeyValue
		for _, v := range op.Vars.Vars {
			if v.Field != "" && !condsHold(v.Conds, tc) {
				want = append(want, model.KeyValue{Key: v.Field})
				continue
			}
			switch v.Source {
			case model.VarFromLiteral:
				want = append(want, model.KeyValue{Key: v.Field, Value: v.Value})
			case model.VarFromBody:
				if v.Guarded && tc.ResponseBody == "" {
					want = append(want, model.KeyValue{Key: v.Field})
				} else {
					want = append(want, model.KeyValue{Key: v.Field, Value: tc.ResponseBody})
				}
			case model.VarFromHeader:
				text, found := headerValue(tc.ResponseHeaders, v.Value)
				switch {
				case !found && !v.Guarded && !v.Lenient:
					continue rows
				case v.Guarded && text == "":
					want = append(want, model.KeyValue{Key: v.Field})
				default:
					want = append(want, model.KeyValue{Key: v.Field, Value: text})
				}
			case model.VarFromJSON:
				text, found, truthy, scalar := pmtest.VarValue(tc.ResponseBody, v.Path)
				switch {
				case !found && !v.Guarded && !v.Lenient:
					continue rows
				case !found || v.Guarded && !truthy:
					want = append(want, model.KeyValue{Key: v.Field})
				case scalar:
					want = append(want, model.KeyValue{Key: v.Field, Value: text})
				}
			}
		}
		return tc, want
	}
	return nil, nil
}

func varByField(rv *model.ResponseVars, field string) *model.ResponseVar {
	for _, v := range rv.Vars {
		if v.Field == field {
			return v
		}
	}
	return nil
}

// usesSetting reports whether a request sends a setting when called with
// its defaults (see sentSettings).
func usesSetting(op *model.Operation, s *model.Setting) bool {
	found := false
	sentSettings(op, func(t *model.Setting) { found = found || t == s })
	return found
}

// condsHold evaluates the branches around a setter on a saved example, as
// the reader does.
func condsHold(conds []model.VarCond, tc *model.TestCase) bool {
	for _, c := range conds {
		var holds bool
		switch c.Kind {
		case model.CondBodyContains:
			holds = strings.Contains(tc.ResponseBody, c.Value)
		case model.CondStatusText:
			holds = http.StatusText(tc.Status) == c.Value
		default:
			holds = strconv.Itoa(tc.Status) == c.Value
		}
		if holds == c.Not {
			return false
		}
	}
	return true
}

// headerValue is what Header.Get gives for name on the replayed headers:
// the first value saved under it.
func headerValue(h []model.KeyValue, name string) (string, bool) {
	for _, kv := range h {
		if strings.EqualFold(strings.TrimSpace(kv.Key), name) {
			return strings.TrimSpace(kv.Value), true
		}
	}
	return "", false
}
