package infer

import (
	"github.com/pmgen/pmgen/generator/internal/ordjson"
)

// maxDepth is the nesting (arrays and objects) below which samples are not
// inspected: such a value becomes json.RawMessage, which round-trips
// anything. It keeps every recursion in this package shallow whatever the
// input (trees built by hand can even be cyclic).
const maxDepth = 64

// smallObject is the field count up to which a node's fields are found by
// a linear scan; above it an index map pays for itself.
const smallObject = 16

// seen is the set of JSON shapes merged into one node.
type seen uint8

const (
	seenString seen = 1 << iota
	seenBool
	seenNumber
	seenArray
	seenObject
	// seenOther is a container below maxDepth: it makes the node
	// json.RawMessage.
	seenOther
)

// node accumulates every sample value found at one place (a JSON path).
// Nodes are merged first and turned into types afterwards, so that
// decisions like struct-or-map see everything at once.
type node struct {
	null  bool
	kinds seen
	num   numClass // the union of the classes of every number seen
	// notTime is set once a string that is not a timestamp is seen: the
	// strings of a node where it stays unset are all timestamps.
	notTime bool
	// elem merges every element of every array; nil until one is seen.
	elem *node
	// objects counts the objects merged here; a field seen in fewer of
	// them is optional.
	objects int
	fields  []*field // first-seen order
	index   map[string]*field
}

// field is one key of the objects merged into a node.
type field struct {
	key   string
	count int // objects that had the key
	// serial is the last object that had the key, to spot a key repeated
	// within one object.
	serial int
	node   *node
}

// lookup finds key's field. guess is the key's position in the object
// being merged: samples of one place usually list keys in the same order,
// so the guess mostly hits without a scan or a map.
func (n *node) lookup(key string, guess int) *field {
	if guess >= 0 && guess < len(n.fields) && n.fields[guess].key == key {
		return n.fields[guess]
	}
	if n.index != nil {
		return n.index[key]
	}
	for _, f := range n.fields {
		if f.key == key {
			return f
		}
	}
	return nil
}

func (m *merger) addField(n *node, key string) *field {
	f := m.newField()
	f.key, f.node = key, m.newNode()
	n.fields = append(n.fields, f)
	switch {
	case n.index != nil:
		n.index[key] = f
	case len(n.fields) > smallObject:
		n.index = make(map[string]*field, 2*len(n.fields))
		for _, f := range n.fields {
			n.index[f.key] = f
		}
	}
	return f
}

// merger adds sample values into nodes.
type merger struct {
	serial  int      // objects merged so far; identifies the current one
	scratch []*field // a stack of the fields of the objects being merged
	// Nodes and fields are carved from blocks: a body makes one of each
	// per value, and allocating them one by one dominated the run time.
	// (The current block keeps the last call's nodes alive; that is all.)
	nodes  []node
	fields []field
}

// slabSize is the number of nodes or fields allocated at once.
const slabSize = 128

func (m *merger) newNode() *node {
	if len(m.nodes) == cap(m.nodes) {
		m.nodes = make([]node, 0, slabSize)
	}
	m.nodes = m.nodes[:len(m.nodes)+1]
	return &m.nodes[len(m.nodes)-1]
}

func (m *merger) newField() *field {
	if len(m.fields) == cap(m.fields) {
		m.fields = make([]field, 0, slabSize)
	}
	m.fields = m.fields[:len(m.fields)+1]
	return &m.fields[len(m.fields)-1]
}

// add merges v, found depth containers deep, into n. A nil v is null.
func (m *merger) add(n *node, v *ordjson.Value, depth int) {
	switch ordjson.KindOf(v) {
	case ordjson.Null:
		n.null = true
	case ordjson.Bool:
		n.kinds |= seenBool
	case ordjson.String:
		n.kinds |= seenString
		n.notTime = n.notTime || !isTimestamp(v.Text)
	case ordjson.Number:
		m.addNumber(n, v.Text)
	case ordjson.Array:
		n.kinds |= seenArray
		if depth >= maxDepth {
			n.kinds |= seenOther
			return
		}
		for _, e := range v.Elems {
			if n.elem == nil {
				n.elem = m.newNode()
			}
			m.add(n.elem, e, depth+1)
		}
	case ordjson.Object:
		m.addObject(n, v.Members, depth)
	default:
		n.kinds |= seenOther
	}
}

func (m *merger) addNumber(n *node, text string) {
	n.kinds |= seenNumber
	// Once a number is inexact, later ones need no exactness check: only
	// whether they force float64 (and so json.RawMessage) still matters.
	c := classifyNumber(text, !n.num.inexact)
	n.num.float = n.num.float || c.float
	n.num.big = n.num.big || c.big
	n.num.inexact = n.num.inexact || c.inexact
}

func (m *merger) addObject(n *node, obj []ordjson.Member, depth int) {
	n.kinds |= seenObject
	if depth >= maxDepth {
		n.kinds |= seenOther
		return
	}
	n.objects++
	m.serial++
	serial := m.serial
	base := len(m.scratch)
	dup := false
	for i, mem := range obj {
		f := n.lookup(mem.Key, i)
		if f == nil {
			f = m.addField(n, mem.Key)
		}
		dup = dup || f.serial == serial
		f.serial = serial
		m.scratch = append(m.scratch, f)
	}
	if dup {
		// A tree built by hand with a repeated key: the last value wins, as
		// in encoding/json and ordjson.Parse.
		m.scratch = m.scratch[:base]
		obj = dedupe(obj)
		for i, mem := range obj {
			m.scratch = append(m.scratch, n.lookup(mem.Key, i))
		}
	}
	for i, mem := range obj {
		// Index the stack afresh each time: nested objects append to it and
		// may move it.
		f := m.scratch[base+i]
		f.count++
		m.add(f.node, mem.Value, depth+1)
	}
	m.scratch = m.scratch[:base]
}

// dedupe returns obj with each key once, holding its last value at its
// first position.
func dedupe(obj []ordjson.Member) []ordjson.Member {
	out := make([]ordjson.Member, 0, len(obj))
	at := make(map[string]int, len(obj))
	for _, mem := range obj {
		if i, ok := at[mem.Key]; ok {
			out[i].Value = mem.Value
			continue
		}
		at[mem.Key] = len(out)
		out = append(out, mem)
	}
	return out
}

// mergeNode merges src into dst; it combines the values of a map's keys.
func (m *merger) mergeNode(dst, src *node) {
	dst.null = dst.null || src.null
	dst.kinds |= src.kinds
	dst.notTime = dst.notTime || src.notTime
	dst.num.float = dst.num.float || src.num.float
	dst.num.big = dst.num.big || src.num.big
	dst.num.inexact = dst.num.inexact || src.num.inexact
	if src.elem != nil {
		if dst.elem == nil {
			dst.elem = m.newNode()
		}
		m.mergeNode(dst.elem, src.elem)
	}
	dst.objects += src.objects
	for i, f := range src.fields {
		df := dst.lookup(f.key, i)
		if df == nil {
			df = m.addField(dst, f.key)
		}
		df.count += f.count
		m.mergeNode(df.node, f.node)
	}
}
