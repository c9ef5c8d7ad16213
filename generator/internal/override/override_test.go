package override

import (
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
	"github.com/pmgen/pmgen/generator/internal/project"
)

func values(texts ...string) []project.Value {
	var vs []project.Value
	for i, t := range texts {
		vs = append(vs, project.Value{Text: t, Pos: model.Pos{File: "p.yaml", Line: i + 1, Col: 1}})
	}
	return vs
}

// tree is a collection: Users{Get user, Delete user}, Admin{Audit{List}}, Ping.
func tree() *load.Collection {
	req := func(name string) *load.Item { return &load.Item{Name: name, Request: &load.Request{}} }
	folder := func(name string, items ...*load.Item) *load.Item {
		return &load.Item{Name: name, IsFolder: true, Items: items}
	}
	return &load.Collection{Items: []*load.Item{
		folder("Users", req("Get user"), req("Delete user")),
		folder("Admin", folder("Audit", req("List"))),
		req("Ping"),
	}}
}

// requests lists a collection's requests by path.
func requests(items []*load.Item, prefix string) []string {
	var out []string
	for _, it := range items {
		if it.IsFolder {
			out = append(out, requests(it.Items, prefix+it.Name+"/")...)
		} else {
			out = append(out, prefix+it.Name)
		}
	}
	return out
}

func TestFilter(t *testing.T) {
	for _, c := range []struct {
		name             string
		include, exclude []project.Value
		want, diags      string
	}{
		{"none", nil, nil, "Users/Get user,Users/Delete user,Admin/Audit/List,Ping", ""},
		{"exclude folder", nil, values("Admin"), "Users/Get user,Users/Delete user,Ping", ""},
		{"exclude by name glob", nil, values("Delete *"), "Users/Get user,Admin/Audit/List,Ping", ""},
		{"include nested folder", values("Admin/Audit"), nil, "Admin/Audit/List", ""},
		{"include glob path, exclude one", values("Users/*"), values("Get user"), "Users/Delete user", ""},
		{"no match", nil, values("Admn"), "Users/Get user,Users/Delete user,Admin/Audit/List,Ping",
			`p.yaml:1:1: "Admn" matches no folder or request; the closest are "Admin", "Ping", "Users" [override-no-match]`},
		{"nothing left", values("Ping"), values("Ping"), "",
			`p.yaml:1:1: include and exclude leave no request to generate [override-no-requests]`},
		{"bad pattern", nil, values("[a"), "", `p.yaml:1:1: "[a" is not a glob pattern: syntax error in pattern [override-bad-pattern]`},
	} {
		t.Run(c.name, func(t *testing.T) {
			col := tree()
			out, diags := Filter(col, c.include, c.exclude)
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if g := strings.Join(got, "\n"); g != c.diags {
				t.Errorf("diagnostics\n%s\nwant\n%s", g, c.diags)
			}
			if out != nil {
				if g := strings.Join(requests(out.Items, ""), ","); g != c.want {
					t.Errorf("requests %s, want %s", g, c.want)
				}
			}
			if g := strings.Join(requests(col.Items, ""), ","); g != "Users/Get user,Users/Delete user,Admin/Audit/List,Ping" {
				t.Errorf("Filter changed its input: %s", g)
			}
		})
	}
}

func TestParseType(t *testing.T) {
	for in, want := range map[string]string{
		"int64":                                 "int64",
		"time.Time":                             "time.Time",
		"json.Number":                           "json.Number",
		"encoding/json.Number":                  "json.Number",
		"net/netip.Addr":                        "netip.Addr",
		"github.com/shopspring/decimal.Decimal": "decimal.Decimal",
		"uint32":                                "uint32",
		"Decimal":                               "!",
		"foo.Bar":                               "!",
		"time.time":                             "!",
	} {
		ref, msg := parseType(in)
		got := "!"
		if msg == "" {
			got = ref.GoType(model.OwnName).String()
		}
		if got != want {
			t.Errorf("parseType(%q) = %s (%s), want %s", in, got, msg, want)
		}
	}
}
