// Package synthetic makes Postman collections of any number of requests,
// shaped like a large real API, for the benchmarks and the whole-process
// scaling measurement (bench/scaling.sh), which need collections in the
// thousands of requests that the corpus does not have.
package synthetic

import (
	"encoding/json"
	"fmt"
)

// Collection builds a Postman v2.1 collection of n requests for the
// scaling benchmarks. The corpus has no collection in the thousands of
// requests, so this one is made to look like a large real API: folders of
// 50 resources, each request with a path variable, a query parameter, a
// header, a JSON body on writes, and two saved examples (a 200 with a
// nested object and an array, a 404 with an error object). Each folder's
// resource has its own field names, so the number of types grows with n
// the way it does in a real API rather than collapsing into one shared
// type.
func Collection(n int) []byte {
	return Layout(n, (n+49)/50)
}

// Layout is Collection's n requests laid out in the
// given number of folders of equal size, or all at the collection's root
// when folders is 0. The requests are the same whatever the layout, so the
// layout benchmarks compare where requests sit and nothing else.
func Layout(n, folders int) []byte {
	items := Requests(n)
	top := items
	if folders > 0 {
		top = nil
		per := (n + folders - 1) / folders
		for start := 0; start < n; start += per {
			top = append(top, map[string]any{
				"name": fmt.Sprintf("Resource %d", start/per),
				"item": items[start:min(start+per, n)],
			})
		}
	}
	col := map[string]any{
		"info": map[string]any{
			"name":   "Synthetic",
			"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
		},
		"item":     top,
		"variable": []any{map[string]any{"key": "baseUrl", "value": "https://api.example.com"}},
	}
	data, err := json.MarshalIndent(col, "", "  ")
	if err != nil {
		panic(err) // only maps, slices and strings: cannot fail
	}
	return data
}

// Requests are the n request items, in order, each resource's 50
// requests next to each other.
func Requests(n int) []any {
	type kv = map[string]any
	verbs := []string{"GET", "POST", "PUT", "DELETE"}
	var items []any
	for start := 0; start < n; start += 50 {
		f := start / 50
		res := fmt.Sprintf("resource%d", f)
		for i := start; i < n && i < start+50; i++ {
			verb := verbs[i%len(verbs)]
			ok := kv{
				"id":                            fmt.Sprintf("%s_%d", res, i),
				fmt.Sprintf("name%d", f):        "example",
				fmt.Sprintf("count%d", f):       i,
				fmt.Sprintf("ratio%d", f):       1.5,
				"active":                        i%2 == 0,
				fmt.Sprintf("owner%d", f):       kv{"id": "u1", "email": "a@example.com", fmt.Sprintf("level%d", i%5): 3},
				"tags":                          []any{"a", "b"},
				fmt.Sprintf("items%d", f):       []any{kv{"sku": "s1", "qty": 1}, kv{"sku": "s2", "qty": 2, "note": nil}},
				fmt.Sprintf("created_at_%d", f): "2024-01-01T00:00:00Z",
			}
			okBody, _ := json.MarshalIndent(ok, "", "  ")
			errBody, _ := json.MarshalIndent(kv{"error": kv{"code": "not_found", "message": "no such " + res, "status": 404}}, "", "  ")
			url := kv{
				"raw":      fmt.Sprintf("{{baseUrl}}/v1/%s/:id/op%d?limit=10", res, i),
				"host":     []any{"{{baseUrl}}"},
				"path":     []any{"v1", res, ":id", fmt.Sprintf("op%d", i)},
				"query":    []any{kv{"key": "limit", "value": "10", "description": "Page size."}},
				"variable": []any{kv{"key": "id", "value": "abc", "description": "The resource id."}},
			}
			req := kv{
				"method":      verb,
				"header":      []any{kv{"key": "X-Request-Id", "value": "r-1", "description": "Tracing id."}},
				"url":         url,
				"description": fmt.Sprintf("Operation %d on %s.\n\nIt does **something** with `id`.", i, res),
			}
			if verb == "POST" || verb == "PUT" {
				body, _ := json.MarshalIndent(kv{fmt.Sprintf("name%d", f): "x", "tags": []any{"t"}, "limit": 3}, "", "  ")
				req["header"] = append(req["header"].([]any), kv{"key": "Content-Type", "value": "application/json"})
				req["body"] = kv{"mode": "raw", "raw": string(body), "options": kv{"raw": kv{"language": "json"}}}
			}
			example := func(name string, code int, status string, body []byte) kv {
				return kv{
					"name":                     name,
					"originalRequest":          req,
					"status":                   status,
					"code":                     code,
					"header":                   []any{kv{"key": "Content-Type", "value": "application/json"}},
					"body":                     string(body),
					"_postman_previewlanguage": "json",
				}
			}
			items = append(items, kv{
				"name":    fmt.Sprintf("Operation %d %s", i, verb),
				"request": req,
				"response": []any{
					example("OK", 200, "OK", okBody),
					example("Not found", 404, "Not Found", errBody),
				},
			})
		}
	}
	return items
}
