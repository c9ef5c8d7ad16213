package build

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/pmgen/pmgen/generator/internal/corpus"
	"github.com/pmgen/pmgen/generator/internal/load"
	"github.com/pmgen/pmgen/generator/internal/model"
)

// TestCorpusParams counts, over the real collections, the entries that are
// no Params fields by each rule (protocol selectors, setting-bound values)
// and the query fields typed int or bool, logged for the record (go test
// -v); and checks on each that the rule's conditions hold: a selector's
// value is a literal that no other request of its group shares, a bound
// value is one setting, a typed field's saved value parses as its type.
func TestCorpusParams(t *testing.T) {
	dir := corpus.Require(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var fields, selectors, bound, ints, bools int
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		col, _ := load.Parse(filepath.Base(f), data)
		if col == nil {
			continue
		}
		api, _ := Build(col, Options{})
		if api == nil {
			continue
		}
		var perFile [3]int
		var walk func(s *model.Service)
		walk = func(s *model.Service) {
			for _, op := range s.Ops {
				for _, p := range op.Entries {
					switch p.Fixed {
					case model.FixedSelector:
						perFile[0]++
						if !p.Default.IsLiteral() || p.Default.Literal() == "" {
							t.Errorf("%s: %s: selector %q is not a literal", f, op.Name, p.Key)
						}
					case model.FixedSetting:
						perFile[1]++
						if len(p.Default) != 1 || p.Default[0].Kind != model.PartSetting {
							t.Errorf("%s: %s: %q bound to no one setting", f, op.Name, p.Key)
						}
					}
				}
				if op.Params == nil {
					continue
				}
				fields += len(op.Params.Fields)
				for _, p := range op.Params.Fields {
					if p.Kind == model.ParamString || !p.Enabled {
						continue
					}
					v := p.Default.Literal()
					switch p.Kind {
					case model.ParamInt:
						ints++
						if n, err := strconv.Atoi(v); err != nil || strconv.Itoa(n) != v {
							t.Errorf("%s: %s: int field %s saves %q", f, op.Name, p.Name, v)
						}
					case model.ParamBool:
						bools++
						if v != "true" && v != "false" {
							t.Errorf("%s: %s: bool field %s saves %q", f, op.Name, p.Name, v)
						}
					}
				}
			}
			for _, sub := range s.Services {
				walk(sub)
			}
		}
		walk(api.Root)
		if perFile[0]+perFile[1] > 0 {
			t.Logf("%s: %d selectors, %d setting-bound", filepath.Base(f), perFile[0], perFile[1])
		}
		selectors += perFile[0]
		bound += perFile[1]
	}
	t.Logf("Params fields left: %d; removed as selector constants: %d, as setting-bound: %d; enabled query fields typed int: %d, bool: %d",
		fields, selectors, bound, ints, bools)
}
