package load

import (
	"slices"
	"strings"
	"testing"
)

// TestParseQuirks feeds one collection per quirk of real exports
// (DESIGN.md §4 and the corpus) and checks what comes out.
func TestParseQuirks(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		check func(t *testing.T, c *Collection)
	}{
		{"utf-8 bom", "\ufeff" + wrap(`"http://x.com"`), func(t *testing.T, c *Collection) {
			eq(t, "name", c.Name, "T")
		}},
		{"postman api wrapper", `{"collection": {"info": {"name": "W"}, "item": [{"name": "R", "request": "http://x"}]}}`,
			func(t *testing.T, c *Collection) {
				eq(t, "name", c.Name, "W")
				eq(t, "requests", len(requests(c.Items)), 1)
			}},
		{"no info", `{"name": "Root", "item": [{"name": "R", "request": "http://x"}]}`, func(t *testing.T, c *Collection) {
			eq(t, "name", c.Name, "Root")
			eq(t, "schema", c.Schema, "")
		}},
		{"schema v2.0.0", `{"info": {"name": "A", "schema": "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"}, "item": []}`,
			func(t *testing.T, c *Collection) { eq(t, "schema", c.Schema, "v2.0.0") }},
		{"schema v2.1.0", wrap(`"http://x"`), func(t *testing.T, c *Collection) { eq(t, "schema", c.Schema, "v2.1.0") }},
		{"info.version object", `{"info": {"name": "V", "version": {"major": 1, "minor": 2, "patch": 3}}, "item": []}`,
			func(t *testing.T, c *Collection) { eq(t, "name", c.Name, "V") }},
		{"description objects", `{"info": {"name": "D", "description": {"content": "coll *md*", "type": "text/markdown"}},
			"variable": [{"key": "v", "value": "1", "description": {"content": "var doc", "type": "text/plain"}}],
			"item": [{"name": "R", "description": {"content": "item doc", "type": "text/plain"}, "request": {
				"description": {"content": "req doc"},
				"header": [{"key": "H", "value": "h", "description": {"content": "header doc"}}],
				"url": {"raw": "http://x/:id?q=1", "host": ["x"], "path": [":id"],
					"query": [{"key": "q", "value": "1", "description": {"content": "query doc", "type": "text/plain"}}],
					"variable": [{"key": "id", "value": "7", "description": {"content": "path doc", "type": "text/plain"}}]}}}]}`,
			func(t *testing.T, c *Collection) {
				eq(t, "collection", c.Description, "coll *md*")
				eq(t, "variable", c.Variables[0].Description, "var doc")
				it := requests(c.Items)[0]
				eq(t, "item", it.Description, "item doc")
				eq(t, "request", it.Request.Description, "req doc")
				eq(t, "header", it.Request.Header[0].Description, "header doc")
				eq(t, "query", it.Request.URL.Query[0].Description, "query doc")
				eq(t, "url variable", it.Request.URL.Variables[0].Description, "path doc")
				eq(t, "url variable value", it.Request.URL.Variables[0].Value, "7")
			}},
		{"non-string variable values", `{"item": [], "variable": [{"key": "n", "value": 5}, {"key": "b", "value": true},
			{"key": "o", "value": {"a": [1, "x"]}}, {"key": "z", "value": null}, {"id": "byID", "value": "i"},
			{"name": "byName", "value": "n"}, {"value": "no key"}]}`,
			func(t *testing.T, c *Collection) {
				var got []string
				for _, v := range c.Variables {
					got = append(got, v.Key+"="+v.Value)
				}
				want := []string{"n=5", "b=true", `o={"a":[1,"x"]}`, "z=", "byID=i", "byName=n"}
				if !slices.Equal(got, want) {
					t.Errorf("variables %q, want %q", got, want)
				}
			}},
		{"response cookies and numeric header values", `{"item": [{"name": "R", "request": "http://x",
			"response": [{"name": "ok", "code": 200, "header": [{"key": "Content-Length", "value": 42}],
			"cookie": [{"domain": "x", "path": "/", "secure": true, "expires": 1700000000, "httpOnly": true}], "body": "{}"}]}]}`,
			func(t *testing.T, c *Collection) {
				r := requests(c.Items)[0].Responses[0]
				eq(t, "header", r.Header[0].Value, "42")
				eq(t, "code", r.Code, 200)
			}},
		{"url.host string and path objects", wrap(`{"method": "GET", "url": {"protocol": "https", "host": "api.example.com",
			"path": [{"type": "string", "value": "v1"}, "users", {"value": ":id"}]}}`),
			func(t *testing.T, c *Collection) {
				u := firstRequest(t, c).URL
				eq(t, "host", strings.Join(u.Host, "|"), "api|example|com")
				// Postman's runtime stringifies an object segment (newman
				// sends /[object%20Object]/users/[object%20Object]).
				eq(t, "path", strings.Join(u.Path, "|"), "[object Object]|users|[object Object]")
				eq(t, "raw", u.Raw, "https://api.example.com/[object Object]/users/[object Object]")
			}},
		{"url.host objects keep their value", wrap(`{"url": {"host": [{"value": "api"}, "example", "com"], "path": ["a"]}}`),
			func(t *testing.T, c *Collection) {
				eq(t, "host", strings.Join(firstRequest(t, c).URL.Host, "|"), "api|example|com")
			}},
		{"url.protocol with colon", wrap(`{"url": {"protocol": "https:", "host": ["x"], "path": ["a"]}}`), func(t *testing.T, c *Collection) {
			u := firstRequest(t, c).URL
			eq(t, "protocol", u.Protocol, "https")
			eq(t, "raw", u.Raw, "https://x/a")
		}},
		{"url.path string", wrap(`{"url": {"host": ["{{base}}"], "path": "/v1/users"}}`), func(t *testing.T, c *Collection) {
			u := firstRequest(t, c).URL
			eq(t, "path", strings.Join(u.Path, "|"), "v1|users")
			eq(t, "raw", u.Raw, "{{base}}/v1/users")
		}},
		{"url without raw", wrap(`{"url": {"protocol": "https", "host": ["api", "x", "io"], "port": 8080, "path": ["v1", "u"],
			"query": [{"key": "a", "value": "1"}, {"key": "off", "value": "2", "disabled": true}, {"key": "flag", "value": null}],
			"hash": "top"}}`),
			func(t *testing.T, c *Collection) {
				u := firstRequest(t, c).URL
				eq(t, "raw", u.Raw, "https://api.x.io:8080/v1/u?a=1&flag#top")
				eq(t, "port", u.Port, "8080")
				eq(t, "queries", len(u.Query), 3)
				eq(t, "disabled kept", u.Query[1].Disabled, true)
				eq(t, "null kept", u.Query[2].Null, true)
			}},
		{"url object with raw only", wrap(`{"url": {"raw": "{{base}}/a/:id?x=1&y"}}`), func(t *testing.T, c *Collection) {
			u := firstRequest(t, c).URL
			eq(t, "host", strings.Join(u.Host, "|"), "{{base}}")
			eq(t, "path", strings.Join(u.Path, "|"), "a|:id")
			eq(t, "query", len(u.Query), 2)
			eq(t, "y null", u.Query[1].Null, true)
		}},
		{"header as one string", wrap(`{"method": "POST", "url": "http://x", "header": "Content-Type: text/plain\nDate: Mon, 10:00:00\n// X-Off: 1\n"}`),
			func(t *testing.T, c *Collection) {
				h := firstRequest(t, c).Header
				if len(h) != 3 {
					t.Fatalf("headers %+v", h)
				}
				eq(t, "h0", h[0].Key+"="+h[0].Value, "Content-Type=text/plain")
				eq(t, "h1", h[1].Key+"="+h[1].Value, "Date=Mon, 10:00:00")
				eq(t, "h2 disabled", h[2].Disabled, true)
			}},
		{"event object and exec string", `{"event": {"listen": "test", "script": {"exec": "a\nb"}},
			"item": [{"name": "R", "request": "http://x", "event": {"listen": "prerequest", "script": {"exec": ["x", 1]}}}]}`,
			func(t *testing.T, c *Collection) {
				eq(t, "collection exec", strings.Join(c.Events[0].Exec, "|"), "a|b")
				eq(t, "listen", c.Events[0].Listen, "test")
				e := requests(c.Items)[0].Events
				eq(t, "item exec", strings.Join(e[0].Exec, "|"), "x|1")
			}},
		{"request as a string with escapes", wrap(`"https://x.com/a?q=\"x\"&e=caf\u00e9"`), func(t *testing.T, c *Collection) {
			r := firstRequest(t, c)
			eq(t, "method", r.Method, "GET")
			eq(t, "raw", r.URL.Raw, `https://x.com/a?q="x"&e=café`)
			eq(t, "query", r.URL.Query[0].Value, `"x"`)
		}},
		{"string url with escapes", wrap(`{"method": "GET", "url": "http://x.com/\"q\"\u00e9"}`), func(t *testing.T, c *Collection) {
			eq(t, "raw", firstRequest(t, c).URL.Raw, `http://x.com/"q"é`)
		}},
		{"description escapes", `{"info": {"name": "N", "description": "caf\u00e9 \"quoted\"\nline"}, "item": []}`,
			func(t *testing.T, c *Collection) { eq(t, "description", c.Description, "café \"quoted\"\nline") }},
		{"methods", `{"item": [
			{"name": "missing", "request": {"url": "http://x"}},
			{"name": "null", "request": {"url": "http://x", "method": null}},
			{"name": "empty", "request": {"url": "http://x", "method": ""}},
			{"name": "blank", "request": {"url": "http://x", "method": "   "}},
			{"name": "custom", "request": {"url": "http://x", "method": "purge"}},
			{"name": "odd", "request": {"url": "http://x", "method": " PostMan "}}]}`,
			func(t *testing.T, c *Collection) {
				var got []string
				for _, it := range requests(c.Items) {
					got = append(got, it.Request.Method)
				}
				want := []string{"GET", "GET", "GET", "GET", "PURGE", "POSTMAN"}
				if !slices.Equal(got, want) {
					t.Errorf("methods %q, want %q", got, want)
				}
			}},
		{"null keys and values", wrap(`{"url": {"raw": "http://x?a&=b", "host": ["x"],
			"query": [{"key": "a", "value": null}, {"key": null, "value": "b"}, {"key": "c"}, {"key": "d", "value": ""}]},
			"header": [{"key": "H", "value": null}]}`),
			func(t *testing.T, c *Collection) {
				q := firstRequest(t, c).URL.Query
				eq(t, "a null", q[0].Null, true)
				eq(t, "null key", q[1].Key+"="+q[1].Value, "=b")
				eq(t, "b not null", q[1].Null, false)
				// newman sends an entry without a value as the key alone, as
				// for null (found by the conformance harness).
				eq(t, "missing value is null", q[2].Null, true)
				eq(t, "empty value is not null", q[3].Null, false)
				eq(t, "header", firstRequest(t, c).Header[0].Value, "")
			}},
		{"folder with no name", `{"item": [{"item": [{"name": "R", "request": "http://x"}]}, {"name": "", "item": []}]}`,
			func(t *testing.T, c *Collection) {
				f := c.Items[0]
				eq(t, "folder name", f.Name, "")
				eq(t, "is folder", f.IsFolder, true)
				eq(t, "path", strings.Join(f.Items[0].Pos.Path, " › "), "(unnamed folder) › R")
				eq(t, "empty folder", c.Items[1].IsFolder, true)
			}},
		{"examples without code or originalRequest", `{"item": [{"name": "R", "request": "http://x",
			"response": [{"name": "a", "status": "OK", "body": "x"}, {"name": "b", "code": "404", "originalRequest": "http://x/o"},
			{"code": 200.0, "body": {"k": 1}, "_": {"postman_previewlanguage": "json"}}]}]}`,
			func(t *testing.T, c *Collection) {
				rs := requests(c.Items)[0].Responses
				eq(t, "no code", rs[0].Code, 0)
				eq(t, "no original", rs[0].OriginalRequest == nil, true)
				eq(t, "string code", rs[1].Code, 404)
				eq(t, "original", rs[1].OriginalRequest.URL.Raw, "http://x/o")
				eq(t, "float code", rs[2].Code, 200)
				eq(t, "object body", rs[2].Body, `{"k":1}`)
				eq(t, "nested preview language", rs[2].PreviewLanguage, "json")
				eq(t, "path", strings.Join(rs[1].Pos.Path, " › "), `R › response "b"`)
				eq(t, "unnamed path", strings.Join(rs[2].Pos.Path, " › "), `R › response #3`)
			}},
		{"auth null and empty body", wrap(`{"url": "http://x", "auth": null, "body": {}}`), func(t *testing.T, c *Collection) {
			r := firstRequest(t, c)
			eq(t, "auth", r.Auth == nil, true)
			eq(t, "body", r.Body == nil, true)
		}},
		{"auth inherit and noauth", `{"item": [{"name": "F", "auth": {"type": "noauth"}, "item": [
			{"name": "R", "request": {"url": "http://x", "auth": {"type": "inherit"}}}]}]}`,
			func(t *testing.T, c *Collection) {
				eq(t, "folder", c.Items[0].Auth.Type, "noauth")
				eq(t, "request inherits", c.Items[0].Items[0].Request.Auth == nil, true)
			}},
		{"auth params with numbers and booleans", `{"auth": {"type": "edgegrid", "edgegrid": [
			{"key": "maxBodySize", "value": 70}, {"key": "headersToSign", "value": "x"}]},
			"item": [{"name": "R", "request": {"url": "http://x", "auth": {"type": "oauth1", "oauth1": [
			{"key": "addParamsToHeader", "value": true}, {"key": "list", "value": [{"key": "a"}]}]}}}]}`,
			func(t *testing.T, c *Collection) {
				eq(t, "edgegrid type", c.Auth.Type, "edgegrid")
				eq(t, "edgegrid params", len(c.Auth.Params), 2)
				eq(t, "number", c.Auth.Params[0].Key+"="+c.Auth.Params[0].Value, "maxBodySize=70")
				p := firstRequest(t, c).Auth.Params
				eq(t, "bool", p[0].Value, "true")
				eq(t, "list", p[1].Value, `[{"key":"a"}]`)
			}},
		{"v2.0 auth map", wrap(`{"url": "http://x", "auth": {"type": "basic", "basic": {"username": "u", "password": "p", "saveHelperData": true}}}`),
			func(t *testing.T, c *Collection) {
				a := firstRequest(t, c).Auth
				var got []string
				for _, p := range a.Params {
					got = append(got, p.Key+"="+p.Value)
				}
				want := []string{"username=u", "password=p", "saveHelperData=true"}
				if a.Type != "basic" || !slices.Equal(got, want) {
					t.Errorf("auth %s %q, want basic %q", a.Type, got, want)
				}
			}},
		{"items key", `{"items": [{"name": "F", "items": [{"name": "R", "request": "http://x"}]}]}`, func(t *testing.T, c *Collection) {
			eq(t, "requests", len(requests(c.Items)), 1)
			eq(t, "folder", c.Items[0].IsFolder, true)
		}},
		{"item without request or items", `{"item": [{"name": "nothing"}, {"name": "R", "request": "http://x"}, {"name": "null", "request": null}]}`,
			func(t *testing.T, c *Collection) {
				eq(t, "requests", len(requests(c.Items)), 1)
				eq(t, "kept", c.Items[0].Name, "R")
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := mustParse(t, tt.in)
			tt.check(t, c)
		})
	}
}
