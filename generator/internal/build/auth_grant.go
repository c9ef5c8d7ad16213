package build

import (
	"fmt"
	"strings"

	"github.com/pmgen/pmgen/generator/internal/godoc"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// planGrantTest reserves the names of the generated token-flow test and
// notes the options it passes; pickGrantTestOp chooses what it calls once
// the operations are built.
func (b *builder) planGrantTest(options []*model.AuthOption) *model.GrantTest {
	t := &model.GrantTest{
		Name: b.tests.Unique("TestOAuth2TokenFetchedOnceAndRefreshed"),
		File: b.files.Unique("oauth2_token"),
	}
	for _, o := range options {
		switch o.Kind {
		case model.OptionOAuth2Client:
			t.Client = o.Name
		case model.OptionOAuth2User:
			t.User = o.Name
		case model.OptionOAuth2TokenURL:
			t.TokenURL = o.Name
		}
	}
	return t
}

// pickGrantTestOp gives the token-flow test the first operation, in the
// collection's order, whose grant the client runs, whose host is a setting
// the test can point at its local server, and whose token prefix is plain
// text; without one there is no test.
func (b *builder) pickGrantTestOp() {
	set := b.api.Auth
	if set == nil || set.GrantTest == nil {
		return
	}
	var find func(svc *model.Service) *model.Operation
	find = func(svc *model.Service) *model.Operation {
		for _, op := range svc.Ops {
			if a := op.Auth; a != nil && a.Grant != nil && op.Origin != nil && literal(a.Prefix) {
				return op
			}
		}
		for _, sub := range svc.Services {
			if op := find(sub); op != nil {
				return op
			}
		}
		return nil
	}
	op := find(b.api.Root)
	if op == nil {
		set.GrantTest = nil
		return
	}
	t := set.GrantTest
	t.Op = op
	grant := "client credentials"
	if op.Auth.Grant.Type == model.GrantPassword {
		grant = "password"
	}
	t.Doc = godoc.FromMarkdown(fmt.Sprintf("%s shows the %s grant of the request %q at work against a local token server: "+
		"the client fetches a token once, sends it with the calls that follow, and fetches a new one when "+
		"the token is about to expire. The clock is the test's own, so that expiry is a matter of moving it.",
		t.Name, grant, op.Name))
	t.Password = op.Auth.Grant.Type == model.GrantPassword
	t.InQuery = op.Auth.InQuery
	if p := strings.TrimSpace(templateText(op.Auth.Prefix)); p != "" && !t.InQuery {
		t.Prefix = p + " "
	}
}

// literal reports whether t is plain text, without settings or dynamic
// values.
func literal(t model.Template) bool {
	for _, p := range t {
		if p.Kind != model.PartLiteral {
			return false
		}
	}
	return true
}
