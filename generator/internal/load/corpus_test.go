package load

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/corpus"
)

// v1File is the corpus's deliberate negative case.
const v1File = "heremaps__geocoder-v1-format.postman_collection.json"

// corpusDir returns the real-collection corpus that $PMGEN_CORPUS names,
// or skips the test, naming the variable, when it is unset.
func corpusDir(t testing.TB) string {
	t.Helper()
	return corpus.Require(t)
}

// sourceCounts reads the request count of every file from the Markdown
// tables in SOURCES.md (any table with "file" and "requests" columns).
func sourceCounts(t *testing.T, dir string) map[string]int {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "SOURCES.md"))
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	fileCol, reqCol := -1, -1
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "|") {
			fileCol, reqCol = -1, -1 // a table ends at the first non-table line
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if fileCol < 0 {
			for i, c := range cells {
				switch c {
				case "file":
					fileCol = i
				case "requests":
					reqCol = i
				}
			}
			if reqCol < 0 {
				fileCol = -1
			}
			continue
		}
		if max(fileCol, reqCol) >= len(cells) || !strings.HasSuffix(cells[fileCol], ".json") {
			continue // the |---| separator row
		}
		n, err := strconv.Atoi(cells[reqCol])
		if err != nil {
			t.Fatalf("SOURCES.md: %s: requests %q: %v", cells[fileCol], cells[reqCol], err)
		}
		if old, ok := counts[cells[fileCol]]; ok && old != n {
			t.Fatalf("SOURCES.md disagrees with itself on %s: %d and %d requests", cells[fileCol], old, n)
		}
		counts[cells[fileCol]] = n
	}
	if len(counts) == 0 {
		t.Fatal("SOURCES.md: no table with file and requests columns")
	}
	return counts
}

func countRequests(items []*Item) int {
	n := 0
	for _, it := range items {
		if it.IsFolder {
			n += countRequests(it.Items)
		} else {
			n++
		}
	}
	return n
}

func TestCorpus(t *testing.T) {
	dir := corpusDir(t)
	counts := sourceCounts(t, dir)
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(counts) {
		t.Errorf("%d JSON files in %s but SOURCES.md lists %d", len(files), dir, len(counts))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".postman_collection.json"), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			c, ds := Parse(name, data)
			if name == v1File {
				if c != nil || len(ds) != 1 || ds[0].Code != codeV1Collection {
					t.Fatalf("want one [%s] error, got collection=%v diagnostics:\n%v", codeV1Collection, c != nil, ds)
				}
				return
			}
			if ds.HasErrors() || c == nil {
				t.Fatalf("load failed:\n%v", ds)
			}
			want, ok := counts[name]
			if !ok {
				t.Fatalf("%s is not listed in SOURCES.md", name)
			}
			if got := countRequests(c.Items); got != want {
				t.Errorf("%d requests, SOURCES.md says %d", got, want)
			}
			checkInvariants(t, c)
		})
	}
}

// checkInvariants asserts what build relies on for every loaded collection.
func checkInvariants(t *testing.T, c *Collection) {
	t.Helper()
	var walk func(items []*Item, depth int)
	walk = func(items []*Item, depth int) {
		for _, it := range items {
			if len(it.Pos.Path) != depth+1 || it.Pos.Line == 0 || it.Pos.Col == 0 {
				t.Errorf("%q: bad position %+v", it.Name, it.Pos)
			}
			if it.IsFolder {
				if it.Request != nil {
					t.Errorf("%s: folder with a request", it.Pos)
				}
				walk(it.Items, depth+1)
				continue
			}
			if it.Request == nil {
				t.Errorf("%s: request item without a request", it.Pos)
				continue
			}
			if m := it.Request.Method; m == "" || m != strings.ToUpper(m) || strings.TrimSpace(m) != m {
				t.Errorf("%s: method %q", it.Pos, m)
			}
			for _, r := range it.Responses {
				if len(r.Pos.Path) != depth+2 || !strings.HasPrefix(r.Pos.Path[depth+1], "response ") {
					t.Errorf("%s: response path %q", it.Pos, r.Pos.Path)
				}
			}
		}
	}
	walk(c.Items, 0)
}

// loadCorpus parses one corpus file, failing on errors.
func loadCorpus(t testing.TB, name string) *Collection {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpusDir(t), name))
	if err != nil {
		t.Fatal(err)
	}
	c, ds := Parse(name, data)
	if ds.HasErrors() {
		t.Fatalf("%s:\n%v", name, ds)
	}
	return c
}

// TestCorpusRecovered checks data that go-postman-collection alone drops
// or mangles, on the real files that carry it.
func TestCorpusRecovered(t *testing.T) {
	t.Run("disabled query param", func(t *testing.T) {
		c := loadCorpus(t, "joolfe__disabled-params-v2.0.postman_collection.json")
		q := requests(c.Items)[0].Request.URL.Query
		if len(q) < 2 {
			t.Fatalf("query %+v", q)
		}
		eq(t, "age key", q[0].Key, "age")
		eq(t, "age disabled", q[0].Disabled, true)
		eq(t, "age description", q[0].Description, "Disabled param")
		eq(t, "name enabled", q[1].Disabled, false)
		eq(t, "schema", c.Schema, "v2.0.0")
	})
	t.Run("description objects", func(t *testing.T) {
		c := loadCorpus(t, "stripe__stripe-api.postman_collection.json")
		if !strings.Contains(c.Description, "## Changelog") {
			t.Errorf("collection description %.80q lacks its content", c.Description)
		}
		r := requests(c.Items)[0]
		if !strings.HasPrefix(r.Request.Description, "<p>Creates a AccountSession object") {
			t.Errorf("request description %.80q", r.Request.Description)
		}
		if c.Auth == nil || c.Auth.Type != "bearer" {
			t.Errorf("collection auth %+v", c.Auth)
		}
	})
	t.Run("bom", func(t *testing.T) {
		c := loadCorpus(t, "newman__bom-in-collection-file.postman_collection.json")
		eq(t, "name", c.Name, "Sample Postman Collection")
	})
	t.Run("no info", func(t *testing.T) {
		c := loadCorpus(t, "newman__inherited-entities.postman_collection.json")
		eq(t, "name", c.Name, "Inherited Entities")
		eq(t, "auth", c.Auth.Type, "basic")
	})
	t.Run("wrapper", func(t *testing.T) {
		c := loadCorpus(t, "joolfe__collection-wrapper-v2.1.postman_collection.json")
		eq(t, "name", c.Name, "AuthBasic")
	})
	t.Run("edgegrid params", func(t *testing.T) {
		c := loadCorpus(t, "bruno__akamai-edgegrid.postman_collection.json")
		if c.Auth == nil || c.Auth.Type != "edgegrid" || len(c.Auth.Params) == 0 {
			t.Fatalf("auth %+v", c.Auth)
		}
		found := false
		for _, p := range c.Auth.Params {
			found = found || p.Key == "maxBodySize" && p.Value == "70"
		}
		if !found {
			t.Errorf("maxBodySize=70 missing from %+v", c.Auth.Params)
		}
	})
	t.Run("header string", func(t *testing.T) {
		c := loadCorpus(t, "mandrean__item-group-v2.1.0.postman_collection.json")
		h := requests(c.Items)[0].Request.Header
		if len(h) != 1 || h[0].Key != "Content-Type" || h[0].Value != "multipart/form-data" {
			t.Errorf("header %+v", h)
		}
	})
	t.Run("methods", func(t *testing.T) {
		c := loadCorpus(t, "bruno__import-issues.postman_collection.json")
		for _, it := range requests(c.Items) {
			if strings.Contains(it.Name, "Method") && it.Request.Method != "GET" {
				t.Errorf("%s: method %q, want GET", it.Name, it.Request.Method)
			}
		}
	})
}
