package project

import (
	"fmt"
	"path"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/pmgen/pmgen/generator/internal/model"
)

// Diagnostic codes of a bad project file.
const (
	CodeSyntax       = "config-syntax"
	CodeUnknownKey   = "config-unknown-key"
	CodeWrongType    = "config-wrong-type"
	CodeDuplicateKey = "config-duplicate-key"
	CodeMissing      = "config-missing"
	CodeSameOutput   = "config-same-output"
	CodeVersion      = "config-version"
)

// Parse reads a project file. name is the file's path, for positions. The
// file is decoded by hand from YAML's node tree rather than with
// yaml.Unmarshal, because every problem must carry a line and a column
// and all of them must be reported together: the library stops at the
// first unknown key and gives it a line only.
func Parse(name string, data []byte) (*File, model.Diagnostics) {
	d := &decoder{file: name}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		d.errorf(model.Pos{File: name, Line: syntaxLine(err), Col: 1}, CodeSyntax, "%s", syntaxMessage(err))
		return nil, d.diags
	}
	f := &File{}
	if len(root.Content) == 0 {
		d.errorf(model.Pos{File: name, Line: 1, Col: 1}, CodeMissing, "the file is empty: list the packages to generate under packages:")
		return nil, d.diags
	}
	d.decode(root.Content[0], reflect.ValueOf(f).Elem(), "")
	if d.diags.HasErrors() {
		return nil, d.diags
	}
	d.validate(f, root.Content[0])
	if d.diags.HasErrors() {
		return nil, d.diags
	}
	return f, nil
}

// decoder collects the problems of one file.
type decoder struct {
	file  string
	diags model.Diagnostics
}

func (d *decoder) pos(n *yaml.Node) model.Pos {
	return model.Pos{File: d.file, Line: n.Line, Col: n.Column}
}

func (d *decoder) errorf(pos model.Pos, code, format string, args ...any) {
	d.diags = append(d.diags, model.Diagnostic{Pos: pos, Severity: model.Error, Code: code, Message: fmt.Sprintf(format, args...)})
}

var (
	valueType  = reflect.TypeFor[Value]()
	pairType   = reflect.TypeFor[Pair]()
	posType    = reflect.TypeFor[model.Pos]()
	boolPtrTyp = reflect.TypeFor[*bool]()
)

// decode fills v from n. key is the dotted key path to n, for messages
// ("packages[1].generate.tests").
func (d *decoder) decode(n *yaml.Node, v reflect.Value, key string) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch t := v.Type(); {
	case t == valueType:
		if !d.want(n, yaml.ScalarNode, key, "a string") {
			return
		}
		v.Set(reflect.ValueOf(Value{Text: n.Value, Pos: d.pos(n)}))
	case t == boolPtrTyp:
		var b bool
		if n.Kind != yaml.ScalarNode || n.Decode(&b) != nil {
			d.errorf(d.pos(n), CodeWrongType, "%s must be true or false, not %s", quoteKey(key), describe(n))
			return
		}
		v.Set(reflect.ValueOf(&b))
	case t.Kind() == reflect.Int:
		var i int
		if n.Kind != yaml.ScalarNode || n.Decode(&i) != nil {
			d.errorf(d.pos(n), CodeWrongType, "%s must be a whole number, not %s", quoteKey(key), describe(n))
			return
		}
		v.SetInt(int64(i))
	case t.Kind() == reflect.Slice && t.Elem() == pairType:
		d.decodePairs(n, v, key)
	case t.Kind() == reflect.Slice:
		if !d.want(n, yaml.SequenceNode, key, "a list") {
			return
		}
		s := reflect.MakeSlice(t, len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.decode(c, s.Index(i), fmt.Sprintf("%s[%d]", key, i+1))
		}
		v.Set(s)
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		p := reflect.New(t.Elem())
		d.decode(n, p.Elem(), key)
		v.Set(p)
	case t.Kind() == reflect.Struct:
		d.decodeStruct(n, v, key)
	default:
		panic("project: no decoding for " + t.String())
	}
}

// decodeStruct fills a struct from a mapping, key by key, refusing keys
// the struct does not have and keys given twice.
func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, key string) {
	if !d.want(n, yaml.MappingNode, key, "a mapping of keys to values") {
		return
	}
	t := v.Type()
	fields := map[string]int{}
	var known []string
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type == posType {
			v.Field(i).Set(reflect.ValueOf(d.pos(n)))
			continue
		}
		if name := yamlName(f); name != "" {
			fields[name] = i
			known = append(known, name)
		}
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		full := joinKey(key, k.Value)
		if prev, ok := seen[k.Value]; ok {
			d.errorf(d.pos(k), CodeDuplicateKey, "%s is given twice (first at line %d, column %d)", quoteKey(full), prev.Line, prev.Column)
			continue
		}
		seen[k.Value] = k
		fi, ok := fields[k.Value]
		if !ok {
			d.errorf(d.pos(k), CodeUnknownKey, "unknown key %s%s; the keys here are %s", quoteKey(full), suggest(k.Value, known), strings.Join(known, ", "))
			continue
		}
		d.decode(val, v.Field(fi), full)
	}
}

// decodePairs reads a mapping of strings to strings in the file's order.
func (d *decoder) decodePairs(n *yaml.Node, v reflect.Value, key string) {
	if !d.want(n, yaml.MappingNode, key, "a mapping of names to values") {
		return
	}
	var pairs []Pair
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		full := joinKey(key, k.Value)
		if prev, ok := seen[k.Value]; ok {
			d.errorf(d.pos(k), CodeDuplicateKey, "%s is given twice (first at line %d, column %d)", quoteKey(full), prev.Line, prev.Column)
			continue
		}
		seen[k.Value] = k
		if !d.want(val, yaml.ScalarNode, full, "a string") {
			continue
		}
		pairs = append(pairs, Pair{Key: Value{k.Value, d.pos(k)}, Value: Value{val.Value, d.pos(val)}})
	}
	v.Set(reflect.ValueOf(pairs))
}

// want reports whether n is of kind; when not, it says what key needs.
func (d *decoder) want(n *yaml.Node, kind yaml.Kind, key, what string) bool {
	if n.Kind == kind && !(kind == yaml.ScalarNode && n.Tag == "!!null") {
		return true
	}
	d.errorf(d.pos(n), CodeWrongType, "%s must be %s, not %s", quoteKey(key), what, describe(n))
	return false
}

// validate checks what the decoding cannot: required keys, the version,
// and that no two packages write one directory.
func (d *decoder) validate(f *File, root *yaml.Node) {
	if f.Version != 0 && f.Version != 1 {
		d.errorf(model.Pos{File: d.file, Line: root.Line, Col: root.Column}, CodeVersion, "version %d is not known to this pmgen; it reads version 1", f.Version)
	}
	if len(f.Packages) == 0 {
		d.errorf(d.pos(root), CodeMissing, "no packages: list the packages to generate under packages:")
	}
	outputs := map[string]*Package{}
	for i, p := range f.Packages {
		key := fmt.Sprintf("packages[%d]", i+1)
		if p.Input.Text == "" {
			d.errorf(p.Pos, CodeMissing, "%s has no input: give the collection (a file, postman:UID or git:REF:PATH)", quoteKey(key))
		}
		if p.Output.Text == "" {
			d.errorf(p.Pos, CodeMissing, "%s has no output: give the package directory", quoteKey(key))
			continue
		}
		dir := path.Clean(strings.ReplaceAll(p.Output.Text, "\\", "/"))
		if prev, ok := outputs[dir]; ok {
			d.errorf(p.Output.Pos, CodeSameOutput, "%s: output %q is the directory of package %s too (line %d, column %d); two packages cannot write one directory",
				quoteKey(key+".output"), p.Output.Text, prev.Label(), prev.Output.Pos.Line, prev.Output.Pos.Col)
			continue
		}
		outputs[dir] = p
	}
}

// yamlName is a field's key; empty for fields the file does not hold.
func yamlName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "-" {
		return ""
	}
	return name
}

func joinKey(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}

func quoteKey(key string) string {
	if key == "" {
		return "the file"
	}
	return strconv.Quote(key)
}

// describe says what a node holds, for a wrong type.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	if n.Tag == "!!null" {
		return "nothing"
	}
	return strconv.Quote(n.Value)
}

// suggest is "; did you mean "x"?" for the closest known key, if close.
func suggest(got string, known []string) string {
	if c := Closest(got, known, 1); len(c) > 0 && distance(strings.ToLower(got), strings.ToLower(c[0])) <= max(2, len(got)/3) {
		return fmt.Sprintf(" (did you mean %q?)", c[0])
	}
	return ""
}

// syntaxLine is the line a YAML syntax error names ("yaml: line 3: ...").
// The library names the line where the construct around the fault starts
// (an open bracket, the mapping holding a bad line) rather than the fault
// itself, counting from 0 for parser errors ("did not find expected ...")
// and from 1 for scanner errors ("found ..."); the line returned counts
// from 1.
func syntaxLine(err error) int {
	var line int
	if _, e := fmt.Sscanf(err.Error(), "yaml: line %d:", &line); e != nil {
		return 1
	}
	if !strings.Contains(err.Error(), ": found ") {
		line++
	}
	return max(line, 1)
}

func syntaxMessage(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if i := strings.Index(msg, ": "); strings.HasPrefix(msg, "line ") && i >= 0 {
		msg = msg[i+2:]
	}
	return "not valid YAML in the part that starts on this line: " + msg
}

// Closest returns up to n of names nearest to name by edit distance,
// nearest first; a name that holds name counts as nearer than any other.
func Closest(name string, names []string, n int) []string {
	type cand struct {
		name string
		dist int
	}
	var cs []cand
	lower := strings.ToLower(name)
	for _, c := range names {
		lc := strings.ToLower(c)
		dist := distance(lower, lc)
		if lower != "" && strings.Contains(lc, lower) {
			dist = -1
		}
		cs = append(cs, cand{c, dist})
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].dist != cs[j].dist {
			return cs[i].dist < cs[j].dist
		}
		return cs[i].name < cs[j].name
	})
	var out []string
	for i := 0; i < len(cs) && len(out) < n; i++ {
		if i == 0 || cs[i].name != cs[i-1].name {
			out = append(out, cs[i].name)
		}
	}
	return out
}

// distance is the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
